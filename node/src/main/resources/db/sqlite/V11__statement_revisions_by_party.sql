-- Joint statements (docs/CONSULTATION.md). Two parties may revise the same revision at once: each makes revision
-- n + 1 with its own texts. A revision is therefore named by its number and the party that proposed it, every node
-- keeps both, and every node orders them alike (by number, then by the proposer's party code), so that all end on
-- the same latest revision. A signature names the revision it signs, proposer included, and counts for it alone.
CREATE TABLE statement_revisions_by_party (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    text_ko      TEXT NOT NULL,
    text_ja      TEXT NOT NULL,
    text_en      TEXT NOT NULL,
    proposed_by  TEXT NOT NULL,
    proposed_at  TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision, proposed_by)
) STRICT;
INSERT INTO statement_revisions_by_party
SELECT statement_id, revision, title, text_ko, text_ja, text_en, proposed_by, proposed_at FROM statement_revisions;
DROP TABLE statement_revisions;
ALTER TABLE statement_revisions_by_party RENAME TO statement_revisions;

-- A signature kept before its revision arrived names no proposer on record: it was the statement's drafter's for
-- revision 1 and, failing a better guess, the signer's own; it counts only if its hash is that revision's anyway.
CREATE TABLE statement_signatures_by_party (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    proposed_by  TEXT NOT NULL, -- whose revision of that number it signs
    party        TEXT NOT NULL,
    hash         TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    signature    TEXT NOT NULL,
    signed_at    TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision, proposed_by, party)
) STRICT;
INSERT INTO statement_signatures_by_party
SELECT s.statement_id, s.revision,
       COALESCE((SELECT r.proposed_by FROM statement_revisions r
                 WHERE r.statement_id = s.statement_id AND r.revision = s.revision),
                (SELECT t.drafted_by FROM statements t WHERE t.id = s.statement_id AND s.revision = 1),
                s.party),
       s.party, s.hash, s.key_id, s.signature, s.signed_at
FROM statement_signatures s;
DROP TABLE statement_signatures;
ALTER TABLE statement_signatures_by_party RENAME TO statement_signatures;

-- The latest revision held here is the number and the party that proposed it.
ALTER TABLE statements ADD COLUMN revised_by TEXT NOT NULL DEFAULT '';
UPDATE statements SET revised_by = COALESCE((SELECT r.proposed_by FROM statement_revisions r
                                             WHERE r.statement_id = statements.id AND r.revision = statements.revision),
                                            drafted_by);

-- What this node did not send (DESIGN §5.4: statements are shared through the release policy): a revision it
-- proposed, or its signature of a revision, that the policy did not let go to a party at that instant, with the
-- policy's reasons. The statement's page says so; that party's node cannot sign what it does not hold.
CREATE TABLE statement_withheld (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    proposed_by  TEXT NOT NULL, -- the revision's proposer
    party        TEXT NOT NULL, -- the party it did not go to
    what         TEXT NOT NULL, -- DRAFT or SIGNATURE
    reasons      TEXT NOT NULL, -- the policy's reasons, one a line
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision, proposed_by, party, what)
) STRICT;
