-- The TAXII server's order of items (docs/INTEROP.md, "Pages that lose nothing"): each item created or received here
-- gets the next number in the transaction that stores it. A PostgreSQL sequence would not do: its numbers are given
-- at insert, and a later number may commit first. The number is taken from stix_added_head by an UPDATE, whose row
-- lock is held until the transaction ends, so numbers are given in the order their items commit, across the
-- instances of one node: a client paging by number never passes over an item that commits later. added_at is the
-- TAXII date_added (creation or receipt here). Which items a requester sees is never this table's business.
CREATE TABLE stix_added (
    seq      BIGINT PRIMARY KEY,
    item_id  VARCHAR(36) NOT NULL UNIQUE REFERENCES items (id),
    added_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE stix_added_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last BIGINT NOT NULL
);

INSERT INTO stix_added_head (id, last) VALUES (1, 0);

-- The key that seals the TAXII next tokens (AES-256-GCM), made on first use; shared by the instances of one node.
CREATE TABLE taxii_secret (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
