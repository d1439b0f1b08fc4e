-- Options (docs/OPTIONS.md, "On the node"): an option is saved as an item of this node, its body the option file's
-- YAML text and its label the one the officer gave it, so that it is labelled, audited and read like any item. This
-- table says which items are options; it is written in the transaction that creates the item. Who may read an option
-- is the item's business, never this table's.
CREATE TABLE options (
    item_id    VARCHAR(36) PRIMARY KEY REFERENCES items (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
