-- Receipts partners signed, each naming the RECEIVED entry of the signer's audit log for the message; checked
-- against the signer's log once this node has witnessed a checkpoint covering the entry (ReceiptChecks). alarms
-- counts the times it was found missing: the message is sent again after the first only.
CREATE TABLE receipt_checks (
    signer      VARCHAR(3)  NOT NULL,
    message_id  VARCHAR(36) NOT NULL,
    log_index   BIGINT      NOT NULL,
    log_leaf    VARCHAR(64) NOT NULL,
    state       VARCHAR(20) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE,
    detail      VARCHAR(500),
    alarms      INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (signer, message_id)
);
CREATE INDEX receipt_checks_due ON receipt_checks (signer, state, log_index);
