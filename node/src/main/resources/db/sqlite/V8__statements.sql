-- Joint statements (issue 12, docs/CONSULTATION.md): drafted at one party's node and sent to the channel's other
-- parties, revised, and signed by every party's node over the hash of one revision's texts. Each node keeps its own
-- copy of every revision it holds and checks every signature against it.
CREATE TABLE statements (
    id          TEXT PRIMARY KEY,
    channel     TEXT NOT NULL,
    meeting     TEXT,
    drafted_by  TEXT NOT NULL,
    drafted_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL, -- the latest revision held here: the one that may be signed
    adopted_at  TEXT              -- once every party's node has signed the latest revision's texts
) STRICT;

CREATE TABLE statement_revisions (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    text_ko      TEXT NOT NULL,
    text_ja      TEXT NOT NULL,
    text_en      TEXT NOT NULL,
    proposed_by  TEXT NOT NULL,
    proposed_at  TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision)
) STRICT;

-- A node's signature over the hash of a revision. One per party and revision; a partner's that arrives before the
-- revision it signs is kept and counts only if the revision, when it comes, has that hash here.
CREATE TABLE statement_signatures (
    statement_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    party        TEXT NOT NULL,
    hash         TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    signature    TEXT NOT NULL,
    signed_at    TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision, party)
) STRICT;
