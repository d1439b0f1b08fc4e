-- Copies of this node's items that partners imported from a STIX bundle and this node confirmed as their originator
-- (docs/INTEROP.md, "STIX import"): the importing party holds the item as if released to it directly, so this node's
-- later retraction and reclassification notices go to it as to the recipient of a release. Written in the
-- transaction that answers the confirmation, with its COPY_CONFIRMED audit entry; one row per item and party.
CREATE TABLE confirmed_copies (
    item_id      TEXT NOT NULL REFERENCES items (id),
    party        TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (item_id, party)
) STRICT;
