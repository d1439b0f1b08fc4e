-- Commitment to Consult (docs/CONSULTATION.md): a consultation opened by one party under the commitment, kept by
-- every party of it; each party's acknowledgement, its latest draft public message, and the response actions.
-- opening holds the opener's signed CONSULTATION_OPENED as it went out, so that every later step can carry it.
CREATE TABLE consultations (
    id           VARCHAR(36)  PRIMARY KEY,
    agreement_id VARCHAR(100) NOT NULL,
    opener       VARCHAR(3)   NOT NULL,
    subject_item VARCHAR(36)  NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    opening      TEXT         NOT NULL
);

CREATE TABLE consultation_acks (
    consultation_id VARCHAR(36) NOT NULL REFERENCES consultations (id),
    party           VARCHAR(3)  NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consultation_id, party)
);

CREATE TABLE consultation_drafts (
    consultation_id VARCHAR(36) NOT NULL REFERENCES consultations (id),
    party           VARCHAR(3)  NOT NULL,
    text            TEXT        NOT NULL,
    drafted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consultation_id, party)
);

CREATE TABLE consultation_actions (
    id              VARCHAR(36)  PRIMARY KEY,
    consultation_id VARCHAR(36)  NOT NULL REFERENCES consultations (id),
    proposer        VARCHAR(3)   NOT NULL,
    title           VARCHAR(500) NOT NULL,
    owner           VARCHAR(3)   NOT NULL,
    due             VARCHAR(10)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
