-- Calendar subscriptions (docs/CONSULTATION.md, "Calendars"): a person's read-only credential for the channels'
-- calendars, in an address a calendar client fetches without a bearer token. Only the secret's SHA-256 is kept (as
-- for bearer tokens), under its own domain, so that no hash here is ever a token's. A revoked subscription keeps its
-- row, who revoked it and when, and answers as one that never existed.
-- A person an administrator disabled signs in no more, and neither their tokens nor their subscriptions work.
ALTER TABLE persons ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE calendar_subscriptions (
    id              VARCHAR(36)  PRIMARY KEY,
    person_id       VARCHAR(36)  NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    secret_hash     VARCHAR(64)  NOT NULL UNIQUE,
    label           VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_fetched_at TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(64)
);

CREATE INDEX calendar_subscriptions_person ON calendar_subscriptions (person_id);
