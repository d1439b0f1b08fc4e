-- STIX import (docs/INTEROP.md, "STIX import"): which STIX object became which item here, written in the transaction
-- that stores the item. A TLP-marked object imported again is then the item it became, not a second item; a partner's
-- item is known by its own id. Who may read the item is the item's business, never this table's.
CREATE TABLE stix_imports (
    stix_id     VARCHAR(300) PRIMARY KEY,
    item_id     VARCHAR(36) NOT NULL REFERENCES items (id),
    bundle_id   VARCHAR(300) NOT NULL,
    imported_by VARCHAR(200) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
