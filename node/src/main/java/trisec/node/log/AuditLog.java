package trisec.node.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.NoteSigner;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.audit.tiles.EntryBundles;
import trisec.audit.tiles.TiledTree;
import trisec.audit.tiles.Tiles;
import trisec.node.store.Store;

/**
 * The node's append-only Merkle log (RFC 6962 hashing, C2SP tlog-tiles storage, C2SP tlog-checkpoint
 * checkpoints). Actions append entries inside their own transactions ({@link #append}); the integrator gives them
 * contiguous indices, updates the tiles and signs checkpoints (an entry whose index must be known at once, the
 * RECEIVED entry a receipt names, is placed by its own transaction instead, {@link #appendNow}); readers get tiles, entries and proofs. The log's
 * logic lives in core ({@code trisec.audit}); this class is its database driver and its signer.
 */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    public record Head(long size, byte[] root) {}

    /** A checkpoint this node signed. */
    public record Signed(long size, byte[] root, String note, Instant signedAt) {}

    private final Store store;
    private final InstantSource clock;
    private final String origin;
    private final List<NoteSigner> signers;
    private final Map<Long, byte[]> fullTiles = JdbcTiles.cache();
    private final Optional<PublishedCheckpoint> publishedFile;

    /** A log whose published checkpoints are remembered in the store only (tests, benchmarks, offline tools). */
    public AuditLog(Store store, InstantSource clock, String origin, List<NoteSigner> signers) {
        this(store, clock, origin, signers, Optional.empty());
    }

    /**
     * A node's log. The newest checkpoint it publishes is also kept in {@code publishedFile}; the store is checked
     * against it, and against its own newest checkpoint, before the log may be used.
     *
     * @throws trisec.DomainException when the store is behind or beside a checkpoint this node signed
     */
    public AuditLog(Store store, InstantSource clock, String origin, List<NoteSigner> signers,
                    Optional<Path> publishedFile) {
        this.store = store;
        this.clock = clock;
        this.origin = origin;
        this.signers = List.copyOf(signers);
        this.publishedFile = publishedFile.map(PublishedCheckpoint::new);
        checkAgainstSignedHistory();
    }

    /**
     * The log must hold every entry of every checkpoint this node ever signed, with the same root: a node that
     * lost entries and went on would give the same indices to other entries and sign a second history (a fork its
     * witnesses would see). So it stops here, saying why, and someone restores the store.
     */
    private void checkAgainstSignedHistory() {
        Head head = head();
        lastSigned().ifPresent(c -> requireHeld("the store's newest checkpoint", c.size(), c.root(), head));
        publishedFile.flatMap(PublishedCheckpoint::read).ifPresent(c -> {
            if (!c.origin().equals(origin)) {
                throw new trisec.DomainException("the last published checkpoint on record is of another log ("
                        + c.origin() + "), not " + origin);
            }
            requireHeld("the last checkpoint this node published", c.size(), c.root(), head);
        });
    }

    private void requireHeld(String what, long size, byte[] root, Head head) {
        if (size > head.size()) {
            log.error("REFUSING TO START: {} covers {} entries, the store holds {}", what, size, head.size());
            throw new trisec.DomainException("the audit log store holds " + head.size() + " entries, but "
                    + what + " signed " + size + ": the store has lost signed history; refusing to sign a different"
                    + " one (restore the store from a copy that holds them)");
        }
        if (!java.util.Arrays.equals(root(size), root)) {
            log.error("REFUSING TO START: the log's first {} entries differ from {}", size, what);
            throw new trisec.DomainException("the audit log's first " + size + " entries are not those of " + what
                    + ": the store's history was changed; refusing to sign a different one");
        }
    }

    /** The name of the ML-DSA-87 signature line on a checkpoint: the origin with this suffix. */
    public static final String ML_DSA_SUFFIX = "/ml-dsa-87";

    /** The log's name: {@code trisec.<party>/<node key id>}. */
    public String origin() {
        return origin;
    }

    /** The origin of a node's log, from its public identity. */

    /** Records an entry in the caller's transaction: it enters the log if and only if the action commits. */
    public static void append(Handle h, AuditEntry entry) {
        h.createUpdate("INSERT INTO audit_pending (entry) VALUES (:e)").bind("e", utf8(entry.json())).execute();
    }

    /** Records many entries in one transaction (load tests, bulk imports). */
    public static void appendAll(Handle h, List<String> entries) {
        var batch = h.prepareBatch("INSERT INTO audit_pending (entry) VALUES (:e)");
        entries.forEach(e -> batch.bind("e", utf8(e)).add());
        batch.execute();
    }

    /** Entries are stored as the UTF-8 bytes the log hashes. */
    private static byte[] utf8(String entry) {
        return entry.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] entry) {
        return new String(entry, StandardCharsets.UTF_8);
    }

    public Head head() {
        return store.read(AuditLog::head);
    }

    static Head head(Handle h) {
        return h.createQuery("SELECT size, root FROM audit_head WHERE id = 1")
                .map((rs, c) -> new Head(rs.getLong("size"), rs.getBytes("root"))).findOne()
                .orElseGet(() -> new Head(0, Rfc6962.emptyRoot()));
    }

    private record Pending(long id, byte[] entry) {}

    /**
     * One integration round: up to {@code max} pending entries, in the order they were written, enter the log
     * with the next indices, and the tiles and head follow, all in one transaction.
     *
     * @return how many entries were integrated
     */
    int integrate(int max) {
        return store.inTransaction(h -> {
            Head head = lockHead(h, store.isPostgres());
            List<Pending> rows = h.createQuery("SELECT id, entry FROM audit_pending ORDER BY id LIMIT :max")
                    .bind("max", max).map((rs, c) -> new Pending(rs.getLong("id"), rs.getBytes("entry"))).list();
            if (rows.isEmpty()) {
                return 0;
            }
            place(h, head, rows.stream().map(Pending::entry).toList());
            // Exactly the rows read are deleted: a row of that id range that was uncommitted when they were read may
            // have committed since, and is integrated in a later round.
            var delete = h.prepareBatch("DELETE FROM audit_pending WHERE id = :id");
            rows.forEach(p -> delete.bind("id", p.id()).add());
            int deleted = java.util.Arrays.stream(delete.execute()).sum();
            if (deleted != rows.size()) {
                throw new IllegalStateException("integration raced with another integrator: " + deleted + " of "
                        + rows.size() + " pending entries deleted");
            }
            return rows.size();
        });
    }

    /** Where an entry entered the log: its index and its RFC 6962 leaf hash. */
    public record Placed(long index, byte[] leaf) {}

    /**
     * Puts an entry into the log at once, in the caller's transaction, rather than through the pending queue: for an
     * entry whose index the caller must name in what it signs (a receipt names its RECEIVED entry). The entry and
     * what it records commit together, so the index never names a missing entry. On PostgreSQL the head row stays
     * locked until the caller commits: keep the rest of the transaction short.
     */
    public static Placed appendNow(Handle h, boolean postgres, AuditEntry entry) {
        byte[] bytes = utf8(entry.json());
        long index = place(h, lockHead(h, postgres), List.of(bytes));
        return new Placed(index, Rfc6962.leafHash(bytes));
    }

    /**
     * The head, locked for this transaction: on PostgreSQL by its row, so that instances of one node sharing the
     * database append one at a time; on SQLite a write transaction holds the whole database already.
     */
    private static Head lockHead(Handle h, boolean postgres) {
        if (postgres) {
            h.execute("INSERT INTO audit_head (id, size, root) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING",
                    (Object) Rfc6962.emptyRoot());
            h.createQuery("SELECT size FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
        }
        return head(h);
    }

    /** Appends entries after the head: entries, tiles and head in the caller's transaction. Returns the first index. */
    private static long place(Handle h, Head head, List<byte[]> entries) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        var insert = h.prepareBatch("INSERT INTO audit_entries (idx, entry) VALUES (:i, :e)");
        long index = head.size();
        for (byte[] e : entries) {
            leaves.add(Rfc6962.leafHash(e));
            insert.bind("i", index++).bind("e", e).add();
        }
        insert.execute();
        var tree = new TiledTree(JdbcTiles.uncached(h), head.size());
        tree.append(leaves);
        byte[] root = tree.root();
        int updated = h.createUpdate("UPDATE audit_head SET size = :s, root = :r WHERE id = 1")
                .bind("s", tree.size()).bind("r", root).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO audit_head (id, size, root) VALUES (1, :s, :r)")
                    .bind("s", tree.size()).bind("r", root).execute();
        }
        return head.size();
    }

    /**
     * Signs a checkpoint of the current head when it has grown since the last one. Before signing it proves the
     * new tree consistent with the last checkpoint signed: a node never signs two checkpoints that disagree.
     */
    public Optional<Signed> checkpoint() {
        Head head = head();
        Optional<Signed> last = lastSigned();
        if (head.size() == 0 || (last.isPresent() && last.get().size() >= head.size())) {
            return Optional.empty();
        }
        if (last.isPresent()) {
            List<byte[]> proof = consistency(last.get().size(), head.size());
            if (!Verify.consistency(last.get().size(), head.size(), last.get().root(), head.root(), proof)) {
                log.error("the log at size {} is not consistent with checkpoint {}: refusing to sign", head.size(),
                        last.get().size());
                return Optional.empty();
            }
        }
        String text = new Checkpoint(origin, head.size(), head.root(), List.of()).text();
        String note = Notes.sign(text, signers).format();
        Instant now = clock.instant();
        store.useTransaction(h -> h.createUpdate("""
                INSERT INTO audit_checkpoints (size, root, note, signed_at) VALUES (:s, :r, :n, :at)""")
                .bind("s", head.size()).bind("r", head.root()).bind("n", note)
                .bind("at", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).execute());
        // Durable in the store once the transaction returned, and visible to no one before (both stores make a
        // commit durable before other sessions see it); the file keeps it too, for the start-up check.
        publishedFile.ifPresent(f -> f.record(note));
        return Optional.of(new Signed(head.size(), head.root(), note, now));
    }

    /** The newest checkpoint this node has published. */
    public Optional<Signed> latest() {
        return lastSigned();
    }

    /** The newest checkpoint this node has signed. */
    private Optional<Signed> lastSigned() {
        return store.read(h -> h.createQuery("SELECT * FROM audit_checkpoints ORDER BY size DESC LIMIT 1")
                .map(AuditLog::signed).findOne());
    }

    private static Signed signed(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Signed(rs.getLong("size"), rs.getBytes("root"), rs.getString("note"),
                trisec.node.store.Store.instant(rs, "signed_at"));
    }

    /**
     * How far behind the newest checkpoint the one served at /log/checkpoint may be: the node signs several a
     * second and its witnesses cosign about once a second, so the newest is rarely cosigned yet.
     */
    static final java.time.Duration COSIGNED_LAG = java.time.Duration.ofSeconds(5);

    /**
     * What /log/checkpoint serves: the newest checkpoint the partners have cosigned, with their cosignature lines,
     * unless it lags the newest signed checkpoint by more than {@link #COSIGNED_LAG} (witnesses away, or none
     * yet): then the newest, with whatever cosignatures it has.
     */
    public Optional<String> served() {
        return latest().map(newest -> {
            long cosigned = store.read(h -> h.createQuery("SELECT COALESCE(MAX(size), 0) FROM audit_cosignatures")
                    .mapTo(Long.class).one());
            // Never smaller than a checkpoint already served (a verifier would see the log shrink), and never one
            // lagging the newest once that newest has waited longer than the lag for a cosignature.
            Instant now = clock.instant();
            Signed chosen = cosigned == 0 || cosigned < servedHigh.get() ? newest : checkpointAt(cosigned)
                    .filter(c -> !c.signedAt().isBefore(newest.signedAt().minus(COSIGNED_LAG)))
                    .filter(c -> !newest.signedAt().isBefore(now.minus(COSIGNED_LAG)))
                    .orElse(newest);
            servedHigh.accumulateAndGet(chosen.size(), Math::max);
            return withCosignatures(chosen);
        });
    }

    /** The largest checkpoint /log/checkpoint has served since this node started. */
    private final java.util.concurrent.atomic.AtomicLong servedHigh = new java.util.concurrent.atomic.AtomicLong();

    /** The newest signed checkpoint, with whatever cosignatures it has: what witnesses poll. */
    public Optional<String> newest() {
        return latest().map(this::withCosignatures);
    }

    private String withCosignatures(Signed c) {
        List<String> lines = store.read(h -> h.createQuery(
                "SELECT line FROM audit_cosignatures WHERE size = :s ORDER BY witness").bind("s", c.size())
                .mapTo(String.class).list());
        var sb = new StringBuilder(c.note());
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** Stores a partner's cosignature line on the checkpoint of this size (one per witness, the latest kept). */
    public void addCosignature(long size, String witness, String line) {
        Instant now = clock.instant();
        store.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE audit_cosignatures SET line = :l, received_at = :at WHERE size = :s AND witness = :w")
                    .bind("l", line).bind("at", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .bind("s", size).bind("w", witness).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO audit_cosignatures (size, witness, line, received_at) VALUES (:s, :w, :l, :at)")
                        .bind("s", size).bind("w", witness).bind("l", line)
                        .bind("at", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).execute();
            }
        });
    }

    public Optional<Signed> checkpointAt(long size) {
        return store.read(h -> h.createQuery("SELECT * FROM audit_checkpoints WHERE size = :s").bind("s", size)
                .map(AuditLog::signed).findOne());
    }

    private <R> R withTree(long size, java.util.function.Function<TiledTree, R> work) {
        return store.read(h -> {
            Head head = head(h);
            if (size > head.size()) {
                throw new IllegalArgumentException("the log has " + head.size() + " entries, not " + size);
            }
            return work.apply(new TiledTree(new JdbcTiles(h, fullTiles), head.size()));
        });
    }

    public byte[] root(long size) {
        return withTree(size, t -> Proofs.root(t, size));
    }

    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not below size " + size);
        }
        return withTree(size, t -> Proofs.inclusion(t, index, size));
    }

    public List<byte[]> consistency(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("from " + from + " must be between 0 and to " + to);
        }
        return withTree(to, t -> Proofs.consistency(t, from, to));
    }

    /** A hash tile as tlog-tiles serves it: the first {@code width} hashes, when the log has that many. */
    public Optional<byte[]> tile(int level, long index, int width) {
        return store.read(h -> new JdbcTiles(h, fullTiles).read(level, index))
                .filter(t -> t.length >= width * Rfc6962.HASH_BYTES)
                .map(t -> java.util.Arrays.copyOf(t, width * Rfc6962.HASH_BYTES));
    }

    /** An entry bundle: entries {@code index·256} to {@code index·256 + width − 1}, when all are in the log. */
    public Optional<byte[]> entryBundle(long index, int width) {
        long first = index * Tiles.WIDTH;
        List<byte[]> entries = store.read(h -> h.createQuery(
                "SELECT entry FROM audit_entries WHERE idx >= :a AND idx < :b ORDER BY idx")
                .bind("a", first).bind("b", first + width).mapTo(byte[].class).list());
        if (entries.size() != width) {
            return Optional.empty();
        }
        return Optional.of(EntryBundles.encode(entries));
    }

    public Optional<String> entry(long index) {
        return store.read(h -> h.createQuery("SELECT entry FROM audit_entries WHERE idx = :i").bind("i", index)
                .mapTo(byte[].class).findOne()).map(AuditLog::text);
    }

    /** Entries from {@code from} (inclusive), at most {@code limit}, for people reading the log. */
    public List<String> entries(long from, int limit) {
        return store.read(h -> h.createQuery(
                "SELECT entry FROM audit_entries WHERE idx >= :a ORDER BY idx LIMIT :n")
                .bind("a", from).bind("n", limit).mapTo(byte[].class).list()).stream().map(AuditLog::text).toList();
    }

    public long pending() {
        return store.read(h -> h.createQuery("SELECT COUNT(*) FROM audit_pending").mapTo(Long.class).one());
    }

    static SignedNote parse(String note) {
        return SignedNote.parse(note);
    }
}
