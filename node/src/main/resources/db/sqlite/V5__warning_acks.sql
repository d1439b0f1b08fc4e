-- A watch officer's acknowledgement of a partner's missile warning, kept by the acknowledging node and by the
-- warning's originator (issue 11). One per warning and acknowledging party.
CREATE TABLE warning_acks (
    id              TEXT PRIMARY KEY,
    party           TEXT NOT NULL,
    track           TEXT NOT NULL,
    item_id         TEXT NOT NULL,
    by_party        TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    UNIQUE (party, track, by_party)
) STRICT;
