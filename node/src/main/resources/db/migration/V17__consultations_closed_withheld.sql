-- Commitment to Consult (docs/CONSULTATION.md): a consultation its opener closed, when, by whom (the person at the
-- opener's node, the opener's party elsewhere) and with what one-line outcome; NULL while it is open.
ALTER TABLE consultations ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consultations ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE consultations ADD COLUMN outcome TEXT;

-- The proposer's own signed step that created an action: carried in every status change, so that a node hearing of
-- the action first from a status change checks it against its proposer's signature. NULL for actions recorded
-- before it was kept.
ALTER TABLE consultation_actions ADD COLUMN origin TEXT;

-- An opening or a step of this party that the release policy kept from a party (DESIGN §5.4): nothing went to it,
-- and the room says why. reasons is a JSON array of the policy's reasons.
CREATE TABLE consultation_withheld (
    consultation_id VARCHAR(36) NOT NULL REFERENCES consultations (id),
    party           VARCHAR(3)  NOT NULL,
    step            VARCHAR(16) NOT NULL,
    step_id         VARCHAR(36) NOT NULL,
    withheld_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reasons         TEXT        NOT NULL,
    PRIMARY KEY (consultation_id, party, step_id)
);
