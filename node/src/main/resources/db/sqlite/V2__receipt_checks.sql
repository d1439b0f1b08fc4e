-- Receipts partners signed, each naming the RECEIVED entry of the signer's audit log for the message; checked
-- against the signer's log once this node has witnessed a checkpoint covering the entry (ReceiptChecks). alarms
-- counts the times it was found missing: the message is sent again after the first only.
CREATE TABLE receipt_checks (
    signer      TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    log_index   INTEGER NOT NULL,
    log_leaf    TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    checked_at  TEXT,
    detail      TEXT,
    alarms      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (signer, message_id)
) STRICT;
CREATE INDEX receipt_checks_due ON receipt_checks (signer, state, log_index);
