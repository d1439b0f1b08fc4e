package trisec.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import trisec.audit.tiles.MemoryTiles;
import trisec.audit.tiles.TiledTree;

/**
 * Differential test of generation and verification against {@link NaiveMerkle}, for every tree size from 1 to 2000:
 * proofs are generated from a {@link TiledTree} over {@link MemoryTiles} grown in random batches, and must verify
 * against the naive model's roots, equal its PATH and SUBPROOF, and fail once tampered with.
 *
 * <p>The seed is random per run; set {@code -Dtrisec.merkle.seed=N} to replay one. A failure names its seed.
 */
class ProofsDifferentialTest {
    private static final int MAX_SIZE = 2000;
    /** Up to this size every index and every older size is checked; above it, a random sample plus the edges. */
    private static final int EXHAUSTIVE = 48;
    private static final int SAMPLES = 4;

    @Test
    void proofsFromATiledTreeOfEverySizeUpTo2000AgreeWithTheNaiveModelAndFailWhenTamperedWith() {
        long seed = Long.getLong("trisec.merkle.seed", new SecureRandom().nextLong());
        try {
            run(new Random(seed));
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (replay with -Dtrisec.merkle.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
    }

    private static void run(Random random) {
        List<byte[]> entries = new ArrayList<>(MAX_SIZE);
        List<byte[]> leaves = new ArrayList<>(MAX_SIZE);
        for (int i = 0; i < MAX_SIZE; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            entries.add(entry);
            leaves.add(NaiveMerkle.leaf(entry));
        }
        List<byte[]> roots = new ArrayList<>(MAX_SIZE + 1);
        for (int n = 0; n <= MAX_SIZE; n++) {
            roots.add(NaiveMerkle.mth(leaves, 0, n));
        }

        TiledTree tree = new TiledTree(new MemoryTiles(), 0);
        int checks = 0;
        for (int size = 1; size <= MAX_SIZE; size++) {
            if (tree.size() < size) {
                int batch = Math.min(MAX_SIZE - (int) tree.size(), 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
                int from = (int) tree.size();
                tree.append(entries.subList(from, from + batch).stream().map(Rfc6962::leafHash).toList());
                assertThat(tree.root()).as("root after growing to %d", tree.size()).isEqualTo(roots.get((int) tree.size()));
            }
            assertThat(Proofs.root(tree, size)).as("root of size %d", size).isEqualTo(roots.get(size));

            for (long index : sample(random, size, 0)) {
                List<byte[]> proof = Proofs.inclusion(tree, index, size);
                byte[] leaf = leaves.get((int) index);
                assertThat(Verify.inclusion(leaf, index, size, proof, roots.get(size)))
                        .as("leaf %d of %d", index, size).isTrue();
                if (size <= EXHAUSTIVE || random.nextInt(8) == 0) {
                    assertThat(proof).as("PATH(%d, D[%d])", index, size)
                            .containsExactlyElementsOf(NaiveMerkle.path(leaves, (int) index, 0, size));
                }
                assertThat(tamperedInclusion(random, leaves, roots, index, size, proof))
                        .as("leaf %d of %d verified when tampered with", index, size).isEmpty();
                checks++;
            }

            for (long from : sample(random, size + 1, 1)) {
                List<byte[]> proof = Proofs.consistency(tree, from, size);
                assertThat(Verify.consistency(from, size, roots.get((int) from), roots.get(size), proof))
                        .as("%d to %d", from, size).isTrue();
                if (size <= EXHAUSTIVE || random.nextInt(8) == 0) {
                    assertThat(proof).as("PROOF(%d, D[%d])", from, size)
                            .containsExactlyElementsOf(NaiveMerkle.subproof(leaves, (int) from, 0, size, true));
                }
                if (from < size) {
                    assertThat(tamperedConsistency(random, roots, from, size, proof))
                            .as("%d to %d verified when tampered with", from, size).isEmpty();
                }
                checks++;
            }
        }
        assertThat(checks).as("proofs checked").isGreaterThan(MAX_SIZE * 10);
    }

    /** Every value in [low, bound) when few, else a random sample with both ends and the powers of two. */
    private static TreeSet<Long> sample(Random random, int bound, int low) {
        TreeSet<Long> picks = new TreeSet<>();
        if (bound <= EXHAUSTIVE) {
            for (long v = low; v < bound; v++) {
                picks.add(v);
            }
            return picks;
        }
        picks.add((long) low);
        picks.add((long) bound - 1);
        picks.add(Long.highestOneBit(bound - 1));
        for (int i = 0; i < SAMPLES; i++) {
            picks.add(low + (long) random.nextInt(bound - low));
        }
        return picks;
    }

    private static List<String> tamperedInclusion(Random random, List<byte[]> leaves, List<byte[]> roots, long index,
            long size, List<byte[]> proof) {
        byte[] leaf = leaves.get((int) index);
        byte[] root = roots.get((int) size);
        Map<String, Boolean> probes = new LinkedHashMap<>();
        if (!proof.isEmpty()) {
            int j = random.nextInt(proof.size());
            probes.put("byte flipped in proof[" + j + "]", Verify.inclusion(leaf, index, size, flipByte(random, proof, j), root));
            probes.put("last hash dropped", Verify.inclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root));
            probes.put("first hash dropped", Verify.inclusion(leaf, index, size, proof.subList(1, proof.size()), root));
        }
        probes.put("hash added at the end", Verify.inclusion(leaf, index, size, inserted(proof, proof.size(), root), root));
        probes.put("hash added in front", Verify.inclusion(leaf, index, size, inserted(proof, 0, leaf), root));
        long other = (index + 1 + random.nextInt((int) size)) % size;
        // Entries may repeat (two empty ones, say); a proof then rightly verifies the same leaf at the other index.
        if (other != index && !Arrays.equals(leaf, leaves.get((int) other))) {
            probes.put("claimed index " + other, Verify.inclusion(leaf, other, size, proof, root));
            probes.put("leaf " + other + " at its own index",
                    Verify.inclusion(leaves.get((int) other), other, size, proof, root));
        }
        for (long wrongSize : new long[] {size - 1, size + 1, 1 + random.nextInt(MAX_SIZE)}) {
            if (wrongSize != size && wrongSize > index && wrongSize <= MAX_SIZE) {
                probes.put("root of size " + wrongSize,
                        Verify.inclusion(leaf, index, wrongSize, proof, roots.get((int) wrongSize)));
            }
        }
        probes.put("size doubled", Verify.inclusion(leaf, index, size * 2, proof, root));
        return verified(probes);
    }

    private static List<String> tamperedConsistency(Random random, List<byte[]> roots, long from, long to,
            List<byte[]> proof) {
        byte[] r1 = roots.get((int) from);
        byte[] r2 = roots.get((int) to);
        Map<String, Boolean> probes = new LinkedHashMap<>();
        int j = random.nextInt(proof.size());
        probes.put("byte flipped in proof[" + j + "]", Verify.consistency(from, to, r1, r2, flipByte(random, proof, j)));
        probes.put("last hash dropped", Verify.consistency(from, to, r1, r2, proof.subList(0, proof.size() - 1)));
        probes.put("first hash dropped", Verify.consistency(from, to, r1, r2, proof.subList(1, proof.size())));
        probes.put("hash added at the end", Verify.consistency(from, to, r1, r2, inserted(proof, proof.size(), r2)));
        probes.put("hash added in front", Verify.consistency(from, to, r1, r2, inserted(proof, 0, r1)));
        probes.put("swapped roots", Verify.consistency(from, to, r2, r1, proof));
        probes.put("old root changed", Verify.consistency(from, to, flipByte(random, List.of(r1), 0).getFirst(), r2, proof));
        probes.put("new root changed", Verify.consistency(from, to, r1, flipByte(random, List.of(r2), 0).getFirst(), proof));
        for (long other : new long[] {from - 1, from + 1, 1 + random.nextInt((int) to)}) {
            if (other != from && other >= 1 && other <= to) {
                probes.put("from " + other, Verify.consistency(other, to, roots.get((int) other), r2, proof));
            }
        }
        for (long other : new long[] {to - 1, to + 1, from + random.nextInt(MAX_SIZE + 1 - (int) from)}) {
            if (other != to && other >= from && other <= MAX_SIZE) {
                probes.put("to " + other, Verify.consistency(from, other, r1, roots.get((int) other), proof));
            }
        }
        return verified(probes);
    }

    private static List<byte[]> flipByte(Random random, List<byte[]> proof, int element) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] changed = copy.get(element).clone();
        changed[random.nextInt(changed.length)] ^= (byte) (1 << random.nextInt(8));
        copy.set(element, changed);
        return copy;
    }

    private static List<byte[]> inserted(List<byte[]> proof, int at, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, hash);
        return copy;
    }

    private static List<String> verified(Map<String, Boolean> probes) {
        return probes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
