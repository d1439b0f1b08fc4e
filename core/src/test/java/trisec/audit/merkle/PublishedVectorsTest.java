package trisec.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trisec.audit.merkle.ReferenceTree.ConsistencyVector;
import trisec.audit.merkle.ReferenceTree.InclusionVector;

/**
 * Interop with other RFC 6962 implementations: generation over the published node hashes reproduces the published
 * roots and proofs, the published proofs verify, and the corruptions that transparency-dev/merkle's
 * {@code proof/verify_test.go} and {@code cmd/proofgen} (which writes its {@code testdata}) apply to them fail.
 */
class PublishedVectorsTest {
    /** transparency-dev/merkle {@code proof/verify_test.go}: sha256SomeHash, an arbitrary hash in no tree. */
    private static final byte[] SOME_HASH =
            HexFormat.of().parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    private static byte[] leafHash(long index) {
        return ReferenceTree.NODE_HASHES[0][(int) index];
    }

    private static byte[] root(long size) {
        return ReferenceTree.ROOTS.get((int) size);
    }

    @Test
    void theRootOfEveryPrefixOfTheReferenceTreeIsThePublishedRoot() {
        for (int size = 0; size <= 8; size++) {
            assertThat(Proofs.root(ReferenceTree.reader(size), size)).as("size %d", size).isEqualTo(root(size));
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnes() {
        for (InclusionVector v : ReferenceTree.INCLUSION) {
            assertThat(Proofs.inclusion(ReferenceTree.reader(v.size()), v.index(), v.size()))
                    .as("leaf %d of %d", v.index(), v.size())
                    .containsExactlyElementsOf(v.proof());
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnes() {
        for (ConsistencyVector v : ReferenceTree.CONSISTENCY) {
            assertThat(Proofs.consistency(ReferenceTree.reader(v.to()), v.from(), v.to()))
                    .as("%d to %d", v.from(), v.to())
                    .containsExactlyElementsOf(v.proof());
        }
    }

    @Test
    void everyInclusionProofOfTheReferenceTreeIsTheNaiveModelsPath() {
        List<byte[]> leaves = List.of(ReferenceTree.NODE_HASHES[0]);
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                assertThat(Proofs.inclusion(ReferenceTree.reader(size), index, size)).as("leaf %d of %d", index, size)
                        .containsExactlyElementsOf(NaiveMerkle.path(leaves, index, 0, size));
            }
        }
    }

    @Test
    void publishedInclusionProofsVerifyAndLeadToThePublishedRoot() {
        for (InclusionVector v : ReferenceTree.INCLUSION) {
            byte[] leaf = Rfc6962.leafHash(ReferenceTree.INPUTS.get((int) v.index()));
            assertThat(Verify.rootFromInclusion(leaf, v.index(), v.size(), v.proof())).isEqualTo(root(v.size()));
            assertThat(Verify.inclusion(leaf, v.index(), v.size(), v.proof(), root(v.size()))).isTrue();
        }
    }

    @Test
    void corruptedPublishedInclusionProofsFail() {
        for (InclusionVector v : ReferenceTree.INCLUSION) {
            long i = v.index();
            long n = v.size();
            List<byte[]> p = v.proof();
            byte[] leaf = leafHash(i);
            byte[] root = root(n);
            Map<String, Boolean> probes = new LinkedHashMap<>();
            probes.put("index - 1", Verify.inclusion(leaf, i - 1, n, p, root));
            probes.put("index + 1", Verify.inclusion(leaf, i + 1, n, p, root));
            probes.put("index ^ 2", Verify.inclusion(leaf, i ^ 2, n, p, root));
            probes.put("size * 2", Verify.inclusion(leaf, i, n * 2, p, root));
            probes.put("size / 2", Verify.inclusion(leaf, i, n / 2, p, root));
            probes.put("wrong leaf", Verify.inclusion("WrongLeaf".getBytes(StandardCharsets.US_ASCII), i, n, p, root));
            probes.put("empty root", Verify.inclusion(leaf, i, n, p, ReferenceTree.EMPTY_ROOT));
            probes.put("random root", Verify.inclusion(leaf, i, n, p, SOME_HASH));
            probes.put("trailing garbage", Verify.inclusion(leaf, i, n, with(p, p.size(), new byte[0]), root));
            probes.put("trailing root", Verify.inclusion(leaf, i, n, with(p, p.size(), root), root));
            probes.put("preceding garbage", Verify.inclusion(leaf, i, n, with(p, 0, new byte[0]), root));
            probes.put("preceding root", Verify.inclusion(leaf, i, n, with(p, 0, root), root));
            for (int j = 0; j < p.size(); j++) {
                probes.put("proof[" + j + "] bit 3 flipped", Verify.inclusion(leaf, i, n, flipped(p, j, 8), root));
            }
            if (!p.isEmpty()) {
                probes.put("removed component", Verify.inclusion(leaf, i, n, p.subList(0, p.size() - 1), root));
            }
            if (p.size() > 1) {
                probes.put("inserted component", Verify.inclusion(leaf, i, n, with(p, 1, SOME_HASH), root));
            }
            assertThat(verified(probes)).as("leaf %d of %d verified against", i, n).isEmpty();
        }
    }

    @Test
    void publishedConsistencyProofsVerify() {
        for (ConsistencyVector v : ReferenceTree.CONSISTENCY) {
            assertThat(Verify.consistency(v.from(), v.to(), root(v.from()), root(v.to()), v.proof()))
                    .as("%d to %d", v.from(), v.to()).isTrue();
        }
    }

    @Test
    void corruptedPublishedConsistencyProofsFail() {
        byte[] wrongRoot = "WrongRoot".getBytes(StandardCharsets.US_ASCII);
        for (ConsistencyVector v : ReferenceTree.CONSISTENCY) {
            List<byte[]> p = v.proof();
            if (p.isEmpty()) {
                continue; // as upstream: only non-trivial proofs are corrupted
            }
            long m = v.from();
            long n = v.to();
            byte[] r1 = root(m);
            byte[] r2 = root(n);
            Map<String, Boolean> probes = new LinkedHashMap<>();
            probes.put("from - 1", Verify.consistency(m - 1, n, r1, r2, p));
            probes.put("from + 1", Verify.consistency(m + 1, n, r1, r2, p));
            probes.put("from ^ 2", Verify.consistency(m ^ 2, n, r1, r2, p));
            probes.put("to * 2", Verify.consistency(m, n * 2, r1, r2, p));
            probes.put("to / 2", Verify.consistency(m, n / 2, r1, r2, p));
            probes.put("wrong root1", Verify.consistency(m, n, wrongRoot, r2, p));
            probes.put("wrong root2", Verify.consistency(m, n, r1, wrongRoot, p));
            probes.put("swapped roots", Verify.consistency(m, n, r2, r1, p));
            probes.put("some other root1", Verify.consistency(m, n, SOME_HASH, r2, p));
            probes.put("some other root2", Verify.consistency(m, n, r1, SOME_HASH, p));
            probes.put("empty proof", Verify.consistency(m, n, r1, r2, List.of()));
            probes.put("trailing garbage", Verify.consistency(m, n, r1, r2, with(p, p.size(), new byte[0])));
            probes.put("trailing root1", Verify.consistency(m, n, r1, r2, with(p, p.size(), r1)));
            probes.put("trailing root2", Verify.consistency(m, n, r1, r2, with(p, p.size(), r2)));
            probes.put("preceding garbage", Verify.consistency(m, n, r1, r2, with(p, 0, new byte[0])));
            probes.put("preceding root1", Verify.consistency(m, n, r1, r2, with(p, 0, r1)));
            probes.put("preceding root2", Verify.consistency(m, n, r1, r2, with(p, 0, r2)));
            probes.put("preceding proof[0]", Verify.consistency(m, n, r1, r2, with(p, 0, p.getFirst())));
            probes.put("truncated proof", Verify.consistency(m, n, r1, r2, p.subList(0, p.size() - 1)));
            for (int j = 0; j < p.size(); j++) {
                probes.put("proof[" + j + "] bit 4 flipped", Verify.consistency(m, n, r1, r2, flipped(p, j, 16)));
            }
            assertThat(verified(probes)).as("%d to %d verified against", m, n).isEmpty();
        }
    }

    /** transparency-dev/merkle {@code cmd/proofgen}: staticConsistencyProbes, with their expected outcomes. */
    @Test
    void consistencyBetweenEqualSizesNeedsEqualRootsAndAnEmptyProofAndNothingIsProvedFromTheEmptyTree() {
        byte[] root1 = "don't care 1".getBytes(StandardCharsets.US_ASCII);
        byte[] root2 = "don't care 2".getBytes(StandardCharsets.US_ASCII);
        byte[] empty = ReferenceTree.EMPTY_ROOT;
        List<byte[]> none = List.of();
        List<byte[]> one = List.of(empty);
        assertThat(Verify.consistency(0, 0, root1, root2, none)).as("sizes equal (zero), roots not").isFalse();
        assertThat(Verify.consistency(1, 1, root1, root2, none)).as("sizes equal (one), roots not").isFalse();
        assertThat(Verify.consistency(0, 0, root1, root1, none)).as("sizes equal (zero), empty proof").isFalse();
        assertThat(Verify.consistency(0, 1, root1, root2, none)).as("size1 zero, size2 not").isFalse();
        assertThat(Verify.consistency(1, 1, root2, root2, none)).as("sizes equal (one), proof empty").isTrue();
        assertThat(Verify.consistency(1, 0, root1, root2, none)).as("size1 > size2").isFalse();
        assertThat(Verify.consistency(2, 1, root1, root2, none)).as("size1 > size2 again").isFalse();
        assertThat(Verify.consistency(1, 2, root1, root2, none)).as("sizes differ, proof empty").isFalse();
        assertThat(Verify.consistency(0, 0, empty, root2, none)).as("roots differ, sizes zero").isFalse();
        assertThat(Verify.consistency(1, 1, empty, root2, none)).as("roots differ, sizes one").isFalse();
        assertThat(Verify.consistency(0, 0, empty, empty, one)).as("sizes zero, proof not empty").isFalse();
        assertThat(Verify.consistency(1, 1, empty, empty, one)).as("sizes one, proof not empty").isFalse();
        assertThat(Verify.consistency(0, 1, empty, root2, none)).as("size1 zero, empty root").isFalse();
        assertThat(Verify.consistency(0, 1, empty, empty, one)).as("size1 zero, proof not empty").isFalse();
        assertThat(Verify.consistency(0, 8, empty, root(8), none)).as("even the true empty root").isFalse();
    }

    /** transparency-dev/merkle {@code proof/verify_test.go}: TestVerifyInclusion's probes and single entry. */
    @Test
    void inclusionNeedsAnIndexBelowTheSizeAndHashesOfTheRightLength() {
        long[][] indexAndSize = {{0, 0}, {0, 1}, {1, 0}, {2, 1}};
        for (long[] p : indexAndSize) {
            assertThat(Verify.inclusion(SOME_HASH, p[0], p[1], List.of(), new byte[0])).isFalse();
            assertThat(Verify.inclusion(new byte[0], p[0], p[1], List.of(), ReferenceTree.EMPTY_ROOT)).isFalse();
            assertThat(Verify.inclusion(SOME_HASH, p[0], p[1], List.of(), ReferenceTree.EMPTY_ROOT)).isFalse();
        }
        byte[] hash = Rfc6962.leafHash("data".getBytes(StandardCharsets.US_ASCII));
        assertThat(Verify.inclusion(hash, 0, 1, List.of(), hash)).as("a one-leaf tree's root is its leaf").isTrue();
        assertThat(Verify.inclusion(new byte[0], 0, 1, List.of(), hash)).isFalse();
        assertThat(Verify.inclusion(hash, 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(Verify.inclusion(new byte[0], 0, 1, List.of(), new byte[0])).isFalse();
    }

    @Test
    void aMalformedInclusionProofHasNoRoot() {
        InclusionVector v = ReferenceTree.INCLUSION.get(1);
        byte[] leaf = leafHash(v.index());
        assertThatThrownBy(() -> Verify.rootFromInclusion(leaf, v.index(), v.size(), v.proof().subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
        assertThatThrownBy(() -> Verify.rootFromInclusion(leaf, v.index(), v.size(), with(v.proof(), 3, SOME_HASH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3");
        assertThatThrownBy(() -> Verify.rootFromInclusion(leaf, v.index(), v.size(), with(v.proof(), 0, new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-byte");
        assertThatThrownBy(() -> Verify.rootFromInclusion(leaf, 8, 8, v.proof()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in a tree of 8");
    }

    @Test
    void generationRefusesWhatTheRfcLeavesUndefinedExceptFromTheEmptyTree() {
        HashReader r = ReferenceTree.reader(8);
        assertThatThrownBy(() -> Proofs.inclusion(r, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.inclusion(r, -1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.inclusion(r, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistency(r, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistency(r, -1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.root(r, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Proofs.consistency(r, 0, 8)).as("from the empty tree").isEmpty();
        assertThat(Proofs.consistency(r, 0, 0)).isEmpty();
        assertThat(Proofs.consistency(r, 8, 8)).isEmpty();
        assertThat(Proofs.root(r, 0)).isEqualTo(ReferenceTree.EMPTY_ROOT);
    }

    @Test
    void generationReadsOnlySubtreesCompleteAtTheRequestedSize() {
        // A reader of 8 leaves refuses anything beyond 8; proofs up to size 8 never ask for it.
        assertThatThrownBy(() -> Proofs.root(ReferenceTree.reader(8), 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistency(ReferenceTree.reader(7), 3, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, extra);
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int element, int mask) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] changed = copy.get(element).clone();
        changed[0] ^= (byte) mask;
        copy.set(element, changed);
        return copy;
    }

    private static List<String> verified(Map<String, Boolean> probes) {
        return probes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
