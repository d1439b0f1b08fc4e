-- A watch officer's acknowledgement of a partner's missile warning, kept by the acknowledging node and by the
-- warning's originator (issue 11). One per warning and acknowledging party.
CREATE TABLE warning_acks (
    id              VARCHAR(36) PRIMARY KEY,
    party           VARCHAR(3)  NOT NULL,
    track           VARCHAR(32) NOT NULL,
    item_id         VARCHAR(36) NOT NULL,
    by_party        VARCHAR(3)  NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (party, track, by_party)
);
