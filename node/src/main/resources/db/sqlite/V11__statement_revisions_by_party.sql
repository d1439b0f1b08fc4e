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

-- A signature kept before its revision arrived names no proposer on record. Where this node holds a revision of that
-- number (until now a node held one of each), it is that revision's; otherwise the proposer is not known, and stays
-- NULL rather than guessed: signatures are looked up by revision and proposer exactly, so a guessed proposer that
-- turns out wrong would leave the signature uncounted for good. When a revision of that number arrives whose hash is
-- the one signed, the node gives the signature that revision's proposer (Statements.claimKept).
CREATE TABLE statement_signatures_by_party (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    proposed_by  TEXT, -- whose revision of that number it signs; NULL while not known
    party        TEXT NOT NULL,
    hash         TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    signature    TEXT NOT NULL,
    signed_at    TEXT NOT NULL
) STRICT;
INSERT INTO statement_signatures_by_party
SELECT s.statement_id, s.revision,
       (SELECT r.proposed_by FROM statement_revisions r
        WHERE r.statement_id = s.statement_id AND r.revision = s.revision),
       s.party, s.hash, s.key_id, s.signature, s.signed_at
FROM statement_signatures s;
DROP TABLE statement_signatures;
ALTER TABLE statement_signatures_by_party RENAME TO statement_signatures;
-- A party signs a revision once, and has at most one signature of a number kept whose proposer is not known.
CREATE UNIQUE INDEX statement_signatures_once ON statement_signatures (statement_id, revision, proposed_by, party)
    WHERE proposed_by IS NOT NULL;
CREATE UNIQUE INDEX statement_signatures_kept ON statement_signatures (statement_id, revision, party)
    WHERE proposed_by IS NULL;

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
