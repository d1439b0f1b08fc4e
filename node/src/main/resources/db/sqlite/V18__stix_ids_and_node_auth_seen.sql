-- The STIX ids of each held item's own object, kept where the item is numbered for the TAXII server (one row per held
-- item): a report's id and a note's id, as the item's kind (which of the two it exports as) is decided on export. The
-- STIX import's check that a TLP object does not bear the id of an item held here (docs/INTEROP.md, "Under TLP") looks
-- them up instead of computing every item's. Filled when an item is numbered, and at start-up for the rows numbered
-- before this migration.
ALTER TABLE stix_added ADD COLUMN report_id TEXT;
ALTER TABLE stix_added ADD COLUMN note_id TEXT;
CREATE UNIQUE INDEX stix_added_report_id ON stix_added (report_id);
CREATE UNIQUE INDEX stix_added_note_id ON stix_added (note_id);

-- Partner requests already taken (NodeAuth, docs/AUDIT.md): the SHA-256 of each signature with the time its header
-- names, so that a captured request is refused when sent again inside the five minutes it is fresh. Kept in the store,
-- so the instances of one node refuse each other's; a row older than the window is dropped, as its request is refused
-- for staleness anyway.
CREATE TABLE node_auth_seen (
    signature_hash BLOB PRIMARY KEY,
    signed_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX node_auth_seen_signed_at ON node_auth_seen (signed_at);
