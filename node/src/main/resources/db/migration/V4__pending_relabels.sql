-- Reclassifications of items this node does not hold yet: the originator's new label can overtake the copy on
-- its way here (through the hub, or while a delivery is retried); the copy is re-marked when it arrives. Kept
-- per sending party, so that no other party's notice can displace the originator's.
CREATE TABLE pending_relabels (
    item_id          VARCHAR(36)  NOT NULL,
    originator       VARCHAR(3)   NOT NULL,
    level            VARCHAR(100) NOT NULL,
    origin_key       VARCHAR(16)  NOT NULL,
    origin_signature TEXT         NOT NULL,
    header_label     VARCHAR(500) NOT NULL,
    labelled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, originator)
);
