-- Commitment to Consult (docs/CONSULTATION.md): a consultation opened by one party under the commitment, kept by
-- every party of it; each party's acknowledgement, its latest draft public message, and the response actions.
-- opening holds the opener's signed CONSULTATION_OPENED as it went out, so that every later step can carry it.
CREATE TABLE consultations (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL,
    opener       TEXT NOT NULL,
    subject_item TEXT NOT NULL,
    opened_at    TEXT NOT NULL,
    opening      TEXT NOT NULL
) STRICT;

CREATE TABLE consultation_acks (
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    party           TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, party)
) STRICT;

CREATE TABLE consultation_drafts (
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    party           TEXT NOT NULL,
    text            TEXT NOT NULL,
    drafted_at      TEXT NOT NULL,
    PRIMARY KEY (consultation_id, party)
) STRICT;

CREATE TABLE consultation_actions (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    proposer        TEXT NOT NULL,
    title           TEXT NOT NULL,
    owner           TEXT NOT NULL,
    due             TEXT NOT NULL,
    status          TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
