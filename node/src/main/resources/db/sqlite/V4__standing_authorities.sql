-- Standing release authorities (issue 11): proposed by one disclosure official, approved by another, revocable.
CREATE TABLE authorities (
    id          TEXT PRIMARY KEY,
    topic       TEXT NOT NULL,
    highest     TEXT NOT NULL,
    recipients  TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_until TEXT,
    under       TEXT,
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    approved_by TEXT,
    approved_at TEXT,
    revoked_by  TEXT,
    revoked_at  TEXT
) STRICT;

-- A release made under a standing authority names it (and has no requester or approver).
ALTER TABLE releases ADD COLUMN authority_id TEXT;
