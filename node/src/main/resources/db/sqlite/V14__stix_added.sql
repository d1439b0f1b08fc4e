-- The TAXII server's order of items (docs/INTEROP.md, "Pages that lose nothing"): each item created or received here
-- gets the next number in the transaction that stores it. The number is taken from stix_added_head by an UPDATE,
-- which holds that row until the transaction ends, so numbers are given in the order their items commit: a client
-- paging by number never passes over an item that commits later. added_at is the TAXII date_added (creation or
-- receipt here). Which items a requester sees is never this table's business.
CREATE TABLE stix_added (
    seq      INTEGER PRIMARY KEY,
    item_id  TEXT NOT NULL UNIQUE REFERENCES items (id),
    added_at TEXT NOT NULL
) STRICT;

CREATE TABLE stix_added_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
) STRICT;

INSERT INTO stix_added_head (id, last) VALUES (1, 0);

-- The key that seals the TAXII next tokens (AES-256-GCM), made on first use; shared by the instances of one node.
CREATE TABLE taxii_secret (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret BLOB NOT NULL
) STRICT;
