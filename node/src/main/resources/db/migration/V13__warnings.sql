-- Missile warnings held here (issue 11), so that pages and the API find them without reading every item on the
-- warning topic. A version is an item whose body is the whole warning so far; these tables say which items are
-- versions of which warning, and which of them is its latest. Kept in the transaction that creates, receives or
-- retracts a version; filled from the items already held at the first start after this migration.

-- Every standing (not retracted) version held here.
CREATE TABLE warning_versions (
    item_id     VARCHAR(36) PRIMARY KEY,
    party       VARCHAR(3)  NOT NULL, -- the detecting party, which is the item's originator
    track       VARCHAR(32) NOT NULL,
    rank        INTEGER     NOT NULL, -- states so far, plus one once closed: a later version ranks higher
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL, -- the item's creation by its originator: the later of two of one
                                                   -- rank wins
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE -- the closure's time, once closed
);
CREATE INDEX warning_versions_by_warning ON warning_versions (party, track);

-- One row per warning with a standing version: that latest version (its rank and creation, so that a version arriving
-- concurrently replaces it only if later). Reading it is for those who may read the item.
CREATE TABLE warnings (
    party       VARCHAR(3)  NOT NULL,
    track       VARCHAR(32) NOT NULL,
    item_id     VARCHAR(36) NOT NULL,
    rank        INTEGER     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (party, track)
);
CREATE INDEX warnings_by_detection ON warnings (detected_at);
CREATE INDEX warnings_open ON warnings (closed_at, detected_at);
