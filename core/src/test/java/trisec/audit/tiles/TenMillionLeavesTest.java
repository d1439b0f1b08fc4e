package trisec.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;

/**
 * A tree of ten million leaves — leaf i is the RFC 6962 leaf hash of i as 8 big-endian bytes — built in random
 * batches, against the roots a naive {@link CompactRange} computes in one streaming pass at about twenty sampled
 * sizes. The tiles take about 330 MB of heap ({@link MemoryTiles}: 39,063 level-0 tiles of 8 KiB).
 *
 * <p>The seed is random per run; set {@code -Dtrisec.merkle.seed=N} to replay one. A failure names its seed.
 */
class TenMillionLeavesTest {
    private static final long LEAVES = 10_000_000;

    @Test
    void rootsAndProofsAtSampledSizesOfATenMillionLeafTreeMatchAStreamingCompactRange() throws Exception {
        long seed = Long.getLong("trisec.merkle.seed", new SecureRandom().nextLong());
        try {
            run(new Random(seed));
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (replay with -Dtrisec.merkle.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
    }

    private static void run(Random random) throws NoSuchAlgorithmException {
        TreeSet<Long> sampled = new TreeSet<>(List.of(1L, 255L, 256L, 257L, 65_535L, 65_536L, 65_537L, 1_000_000L,
                1L << 23, (1L << 23) + 1, (1L << 23) + 65_535, LEAVES - 1, LEAVES));
        while (sampled.size() < 21) {
            sampled.add(1 + random.nextLong(LEAVES));
        }

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        MemoryTiles store = new MemoryTiles();
        TiledTree tree = new TiledTree(store, 0);
        CompactRange range = new CompactRange();
        Map<Long, byte[]> roots = new HashMap<>();
        long next = 0;
        while (next < LEAVES) {
            long batch = 1 + random.nextLong(random.nextInt(10) == 0 ? 300 : 200_000);
            long to = Math.min(Math.min(LEAVES, next + batch), sampled.ceiling(next + 1));
            List<byte[]> hashes = new ArrayList<>((int) (to - next));
            for (long i = next; i < to; i++) {
                byte[] h = leafHash(sha256, i);
                hashes.add(h);
                range.append(h);
            }
            tree.append(hashes);
            next = to;
            if (sampled.contains(next)) {
                roots.put(next, range.root());
                assertThat(tree.root()).as("root when the tree had %d leaves", next).isEqualTo(roots.get(next));
            }
        }
        assertThat(tree.size()).isEqualTo(LEAVES);
        assertThat(Rfc6962.leafHash(new byte[8])).as("the test's leaf hash is RFC 6962's").isEqualTo(leafHash(sha256, 0));

        for (long size : sampled) {
            assertThat(Proofs.root(tree, size)).as("root of size %d from the full tree", size).isEqualTo(roots.get(size));
        }
        List<Long> sizes = List.copyOf(sampled);
        for (int i = 0; i < 200; i++) {
            long size = sizes.get(random.nextInt(sizes.size()));
            long index = random.nextInt(4) == 0 ? size - 1 : random.nextLong(size);
            List<byte[]> proof = Proofs.inclusion(tree, index, size);
            assertThat(Verify.inclusion(leafHash(sha256, index), index, size, proof, roots.get(size)))
                    .as("leaf %d of %d", index, size).isTrue();
            assertThat(Verify.inclusion(leafHash(sha256, index + 1), index, size, proof, roots.get(size)))
                    .as("another leaf at %d of %d", index, size).isFalse();

            long from = sizes.get(random.nextInt(sizes.size()));
            long to = sizes.get(random.nextInt(sizes.size()));
            if (from > to) {
                long t = from;
                from = to;
                to = t;
            }
            List<byte[]> consistency = Proofs.consistency(tree, from, to);
            assertThat(Verify.consistency(from, to, roots.get(from), roots.get(to), consistency))
                    .as("%d to %d", from, to).isTrue();
            if (from < to) {
                assertThat(Verify.consistency(from, to, roots.get(from), roots.get(to), consistency.subList(1, consistency.size())))
                        .as("%d to %d without its first hash", from, to).isFalse();
            }
        }
    }

    private static byte[] leafHash(MessageDigest sha256, long index) {
        sha256.update((byte) 0);
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha256.update((byte) (index >>> shift));
        }
        return sha256.digest();
    }
}
