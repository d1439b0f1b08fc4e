-- Missile warnings held here (issue 11), so that pages and the API find them without reading every item on the
-- warning topic. A version is an item whose body is the whole warning so far; these tables say which items are
-- versions of which warning, and which of them is its latest. Kept in the transaction that creates, receives or
-- retracts a version; filled from the items already held at the first start after this migration.

-- Every standing (not retracted) version held here.
CREATE TABLE warning_versions (
    item_id     TEXT PRIMARY KEY,
    party       TEXT NOT NULL,    -- the detecting party, which is the item's originator
    track       TEXT NOT NULL,
    rank        INTEGER NOT NULL, -- states so far, plus one once closed: a later version ranks higher
    created_at  TEXT NOT NULL,    -- the item's creation by its originator: the later of two of one rank wins
    detected_at TEXT NOT NULL,
    closed_at   TEXT              -- the closure's time, once closed
) STRICT;
CREATE INDEX warning_versions_by_warning ON warning_versions (party, track);

-- One row per warning with a standing version: that latest version (its rank and creation, so that a version arriving
-- concurrently replaces it only if later). Reading it is for those who may read the item.
CREATE TABLE warnings (
    party       TEXT NOT NULL,
    track       TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    rank        INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    closed_at   TEXT,
    PRIMARY KEY (party, track)
) STRICT;
CREATE INDEX warnings_by_detection ON warnings (detected_at);
CREATE INDEX warnings_open ON warnings (closed_at, detected_at);
