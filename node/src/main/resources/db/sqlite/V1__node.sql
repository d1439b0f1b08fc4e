-- The embedded store (SQLite): the same tables as the PostgreSQL scripts in db/migration leave after their last
-- version, in SQLite's types. Tables are STRICT, so a value of the wrong type is refused rather than kept.
-- Instants are UTC text with nine fraction digits (Store.TEXT_FORM), which sorts as the instants do; lists are
-- comma-separated text; hashes and audit entries are BLOBs.

CREATE TABLE persons (
    id            TEXT    PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    nationality   TEXT    NOT NULL,
    clearance     TEXT    NOT NULL,
    need_to_know  TEXT    NOT NULL,
    roles         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT    NOT NULL
) STRICT;

CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES persons (id),
    expires_at TEXT NOT NULL
) STRICT;

-- Items this node originated or holds a copy of. The id is the originator's, the same on every node.
CREATE TABLE items (
    id               TEXT PRIMARY KEY,
    originator       TEXT NOT NULL,
    level            TEXT NOT NULL,
    rel_to           TEXT NOT NULL,
    caveats          TEXT NOT NULL,
    topic            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    held_level       TEXT NOT NULL,
    origin_key       TEXT NOT NULL,
    origin_signature TEXT NOT NULL,
    received_from    TEXT,
    received_at      TEXT,
    state            TEXT NOT NULL,
    created_by       TEXT,
    -- when the originator made the label this copy carries (its reclassification notice's time)
    labelled_at      TEXT
) STRICT;

CREATE TABLE consents (
    id           TEXT PRIMARY KEY,
    item_id      TEXT NOT NULL,
    originator   TEXT NOT NULL,
    holder       TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    direction    TEXT NOT NULL,
    state        TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    decided_at   TEXT,
    decided_by   TEXT,
    signature    TEXT
) STRICT;

CREATE TABLE releases (
    id              TEXT PRIMARY KEY,
    item_id         TEXT NOT NULL REFERENCES items (id),
    recipient       TEXT NOT NULL,
    route           TEXT NOT NULL,
    basis           TEXT NOT NULL,
    recipient_level TEXT,
    status          TEXT NOT NULL,
    requested_by    TEXT,
    approved_by     TEXT,
    requested_at    TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    consent_id      TEXT,
    origin_party    TEXT,
    origin_release  TEXT,
    receipt         TEXT,
    refusal         TEXT
) STRICT;

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL UNIQUE,
    peer            TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    release_id      TEXT,
    envelope        TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Every envelope this node accepted or refused, by message id, with the signed answer it gave.
CREATE TABLE inbox (
    message_id    TEXT PRIMARY KEY,
    sender        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    envelope_hash TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    response      TEXT NOT NULL
) STRICT;

-- Agreement events recorded after the scenario was shipped (notices, suspensions…), from this node or a partner,
-- in the order recorded (seq).
CREATE TABLE agreement_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    agreement_id TEXT NOT NULL,
    type         TEXT NOT NULL,
    at           TEXT NOT NULL,
    by_party     TEXT,
    effective    TEXT,
    note         TEXT NOT NULL,
    origin       TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

-- Loss or compromise reports (GSOMIA Art. 17), at the reporting holder and at the originator.
CREATE TABLE reports (
    id          TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL,
    reporter    TEXT NOT NULL,
    detail      TEXT NOT NULL,
    reported_at TEXT NOT NULL
) STRICT;

-- Retractions of items this node does not hold yet, per sending party (only the originator's counts on arrival).
CREATE TABLE retractions (
    item_id      TEXT NOT NULL,
    originator   TEXT NOT NULL,
    retracted_at TEXT NOT NULL,
    PRIMARY KEY (item_id, originator)
) STRICT;

-- Reclassifications of items this node does not hold yet, per sending party; applied when the copy arrives.
CREATE TABLE pending_relabels (
    item_id          TEXT NOT NULL,
    originator       TEXT NOT NULL,
    level            TEXT NOT NULL,
    origin_key       TEXT NOT NULL,
    origin_signature TEXT NOT NULL,
    header_label     TEXT NOT NULL,
    labelled_at      TEXT NOT NULL,
    PRIMARY KEY (item_id, originator)
) STRICT;

-- The node's audit log (docs/AUDIT.md): entries wait in audit_pending (in the order written) until the integrator
-- gives them contiguous indices in audit_entries, updates the tiles and head, and signs a checkpoint.
CREATE TABLE audit_pending (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    entry BLOB NOT NULL
) STRICT;

CREATE TABLE audit_entries (
    idx   INTEGER PRIMARY KEY,
    entry BLOB    NOT NULL
) STRICT;

-- C2SP tlog-tiles: a tile at level L holds up to 256 hashes of tree level 8·L, concatenated.
CREATE TABLE audit_tiles (
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    hashes BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
) STRICT;

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    root BLOB    NOT NULL
) STRICT;

-- Every checkpoint this node signed (C2SP signed note), by tree size.
CREATE TABLE audit_checkpoints (
    size      INTEGER PRIMARY KEY,
    root      BLOB    NOT NULL,
    note      TEXT    NOT NULL,
    signed_at TEXT    NOT NULL
) STRICT;

-- Partners' cosignatures (C2SP tlog-cosignature) on this node's checkpoints.
CREATE TABLE audit_cosignatures (
    size        INTEGER NOT NULL,
    witness     TEXT    NOT NULL,
    line        TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    PRIMARY KEY (size, witness)
) STRICT;

-- As a witness: the latest checkpoint of each partner's log this node accepted.
CREATE TABLE witnessed (
    origin      TEXT    PRIMARY KEY,
    party       TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    root        BLOB    NOT NULL,
    note        TEXT    NOT NULL,
    accepted_at TEXT    NOT NULL
) STRICT;

-- Forks seen in partners' logs, with both signed checkpoints and the proof served (if any) as evidence; raised
-- once per fork (fork_of names the partner's log and the accepted checkpoint the other history contradicts).
CREATE TABLE audit_alarms (
    id          TEXT PRIMARY KEY,
    party       TEXT NOT NULL,
    origin      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    accepted    TEXT NOT NULL,
    conflicting TEXT NOT NULL,
    raised_at   TEXT NOT NULL,
    fork_of     TEXT,
    proof       TEXT
) STRICT;
CREATE UNIQUE INDEX audit_alarms_fork_of ON audit_alarms (fork_of);
