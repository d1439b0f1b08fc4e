-- Calendar subscriptions (docs/CONSULTATION.md, "Calendars"): a person's read-only credential for the channels'
-- calendars, in an address a calendar client fetches without a bearer token. Only the secret's SHA-256 is kept (as
-- for bearer tokens), under its own domain, so that no hash here is ever a token's. A revoked subscription keeps its
-- row, who revoked it and when, and answers as one that never existed.
-- A person an administrator disabled signs in no more, and neither their tokens nor their subscriptions work.
ALTER TABLE persons ADD COLUMN disabled_at TEXT;

CREATE TABLE calendar_subscriptions (
    id              TEXT PRIMARY KEY,
    person_id       TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    secret_hash     TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_fetched_at TEXT,
    revoked_at      TEXT,
    revoked_by      TEXT
) STRICT;

CREATE INDEX calendar_subscriptions_person ON calendar_subscriptions (person_id);
