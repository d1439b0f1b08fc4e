package trisec.node.log;

import trisec.node.base.Peer;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.audit.tiles.MemoryTiles;
import trisec.audit.tiles.TiledTree;
import trisec.audit.tiles.Tiles;
import trisec.envelope.PublicIdentity;
import trisec.node.store.Store;

/**
 * Recomputes a node's whole log from its store, trusting nothing stored but the entries: every leaf hash, every
 * tile, the head, and every checkpoint the node signed (signatures and roots). The first discrepancy is named by
 * the lowest leaf index it touches.
 */
public final class OfflineVerification {

    /** The outcome: what was checked, and the first problem if any. */
    public record Report(long entries, int tiles, int checkpoints, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private OfflineVerification() {}

    public static Report verify(Store store, PublicIdentity identity, PublicKey logKey) {
        return verify(store, identity, logKey, List.of());
    }

    /**
     * Also checks the store against checkpoints of this log held elsewhere ({@link Witnessed}): a store smaller than
     * one of them was rolled back or truncated, one whose root at that size differs has another history.
     */
    public static Report verify(Store store, PublicIdentity identity, PublicKey logKey, List<Witnessed> witnessed) {
        String origin = Peer.logOrigin(identity);
        var tree = new TiledTree(new MemoryTiles(), 0);
        long[] count = {0};
        Optional<String> gap = store.read(h -> {
            var entries = h.createQuery("SELECT idx, entry FROM audit_entries ORDER BY idx").setFetchSize(10_000)
                    .map((rs, c) -> new Object[] {rs.getLong("idx"), rs.getBytes("entry")}).iterator();
            List<byte[]> batch = new ArrayList<>();
            try (entries) {
                while (entries.hasNext()) {
                    Object[] row = entries.next();
                    long idx = (Long) row[0];
                    if (idx != count[0]) {
                        return Optional.of("entry " + count[0] + " is missing (the next stored entry is " + idx + ")");
                    }
                    batch.add(Rfc6962.leafHash((byte[]) row[1]));
                    count[0]++;
                    if (batch.size() == 10_000) {
                        tree.append(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            tree.append(batch);
            return Optional.empty();
        });
        if (gap.isPresent()) {
            return new Report(count[0], 0, 0, gap);
        }
        // Every tile the entries make must be stored, and hold exactly what the entries give. Of several bad
        // tiles, the one touching the lowest entry is named (a changed entry by its own index).
        record Stored(int level, long index, byte[] hashes) {}
        List<Stored> tiles = store.read(h -> h.createQuery("SELECT level, idx, hashes FROM audit_tiles ORDER BY level, idx")
                .map((rs, c) -> new Stored(rs.getInt("level"), rs.getLong("idx"), rs.getBytes("hashes"))).list());
        var recomputed = new MemoryTilesView(tree);
        var present = new java.util.HashSet<String>();
        // Entries whose own hash (level 0) is wrong; a wrong hash higher up that covers one of them is its echo.
        var badLeaves = new java.util.TreeSet<Long>();
        long worstLeaf = Long.MAX_VALUE;
        String worst = null;
        for (Stored t : tiles) {
            present.add(t.level() + "/" + t.index());
            byte[] expected = recomputed.tile(t.level(), t.index());
            if (Arrays.equals(expected, t.hashes())) {
                continue;
            }
            int positions = Math.max(expected.length, t.hashes().length) / Rfc6962.HASH_BYTES;
            for (int i = 0; i < positions; i++) {
                if (samePosition(expected, t.hashes(), i)) {
                    continue;
                }
                long span = 1L << (Tiles.HEIGHT * t.level());
                long leaf = (t.index() * Tiles.WIDTH + i) * span;
                if (t.level() == 0) {
                    badLeaves.add(leaf);
                } else {
                    Long below = badLeaves.ceiling(leaf);
                    if (below != null && below < leaf + span) {
                        continue;
                    }
                }
                if (leaf < worstLeaf) {
                    worstLeaf = leaf;
                    worst = t.level() == 0
                            ? "entry " + leaf + ": its hash in the log does not match the stored entry"
                            : "tile " + t.level() + "/" + t.index() + " (from entry " + leaf + ") does not match the entries";
                }
            }
        }
        for (int level = 0; (count[0] >> (Tiles.HEIGHT * level)) > 0; level++) {
            long nodes = count[0] >> (Tiles.HEIGHT * level);
            for (long index = 0; index * Tiles.WIDTH < nodes; index++) {
                long leaf = (index * Tiles.WIDTH) << (Tiles.HEIGHT * level);
                if (!present.contains(level + "/" + index) && leaf < worstLeaf) {
                    worstLeaf = leaf;
                    worst = "tile " + level + "/" + index + " (from entry " + leaf + ") is missing";
                }
            }
        }
        if (worst != null) {
            return new Report(count[0], tiles.size(), 0, Optional.of(worst));
        }
        AuditLog.Head head = store.read(AuditLog::head);
        if (head.size() != count[0] || !Arrays.equals(head.root(), tree.root())) {
            return new Report(count[0], tiles.size(), 0, Optional.of("the stored head (size " + head.size()
                    + ") does not match the entries (size " + count[0] + ")"));
        }
        var verifiers = List.of(Ed25519Notes.verifier(origin, logKey),
                MlDsaNotes.verifier(origin + AuditLog.ML_DSA_SUFFIX, identity));
        List<AuditLog.Signed> checkpoints = store.read(h -> h.createQuery("SELECT * FROM audit_checkpoints ORDER BY size")
                .map((rs, c) -> new AuditLog.Signed(rs.getLong("size"), rs.getBytes("root"), rs.getString("note"), null))
                .list());
        for (AuditLog.Signed c : checkpoints) {
            String where = "checkpoint of size " + c.size();
            try {
                SignedNote note = SignedNote.parse(c.note());
                List<String> signers = Notes.verify(note, verifiers);
                if (!signers.contains(origin) || !signers.contains(origin + AuditLog.ML_DSA_SUFFIX)) {
                    return new Report(count[0], tiles.size(), 0, Optional.of(where + " lacks one of the node's signatures"));
                }
                Checkpoint cp = Checkpoint.parse(note.text());
                if (!cp.origin().equals(origin) || cp.size() != c.size()) {
                    return new Report(count[0], tiles.size(), 0, Optional.of(where + " names another log or size"));
                }
                if (c.size() > count[0] || !Arrays.equals(cp.root(), Proofs.root(tree, c.size()))
                        || !Arrays.equals(cp.root(), c.root())) {
                    return new Report(count[0], tiles.size(), 0, Optional.of(where + " does not match the entries"));
                }
            } catch (IllegalArgumentException e) {
                return new Report(count[0], tiles.size(), 0, Optional.of(where + ": " + e.getMessage()));
            }
        }
        for (Witnessed w : witnessed) {
            long size = w.checkpoint().size();
            if (size > count[0]) {
                return new Report(count[0], tiles.size(), checkpoints.size(), Optional.of("the store holds " + count[0]
                        + " entries, but the node signed " + w.describe() + ": the store was rolled back or truncated"));
            }
            if (!Arrays.equals(w.checkpoint().root(), Proofs.root(tree, size))) {
                return new Report(count[0], tiles.size(), checkpoints.size(), Optional.of("the store's first " + size
                        + " entries are not those of " + w.describe() + ": its history was rewritten"));
            }
        }
        return new Report(count[0], tiles.size(), checkpoints.size() + witnessed.size(), Optional.empty());
    }

    private static boolean samePosition(byte[] a, byte[] b, int i) {
        int from = i * Rfc6962.HASH_BYTES;
        int to = from + Rfc6962.HASH_BYTES;
        return a.length >= to && b.length >= to && Arrays.equals(a, from, to, b, from, to);
    }

    /** The tiles a recomputed tree would store, for comparison with the stored ones. */
    private record MemoryTilesView(TiledTree tree) {
        byte[] tile(int level, long index) {
            int height = level * Tiles.HEIGHT;
            long nodes = tree.size() >> height;
            long first = index * Tiles.WIDTH;
            int width = (int) Math.max(0, Math.min(Tiles.WIDTH, nodes - first));
            byte[] out = new byte[width * Rfc6962.HASH_BYTES];
            for (int i = 0; i < width; i++) {
                System.arraycopy(tree.subtree(height, first + i), 0, out, i * Rfc6962.HASH_BYTES, Rfc6962.HASH_BYTES);
            }
            return out;
        }
    }
}
