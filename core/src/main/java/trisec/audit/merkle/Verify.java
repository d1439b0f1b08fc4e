package trisec.audit.merkle;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verification of inclusion and consistency proofs, by the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * <p>Every proof element must be a 32-byte hash; a proof with a wrong number of elements fails. The edge cases follow
 * transparency-dev/merkle ({@code proof/verify.go} and its published {@code testdata}): an inclusion proof needs
 * {@code 0 ≤ index < size}; a consistency proof between equal sizes is the empty proof between equal roots; and
 * a consistency proof from size 0 is refused — the RFC defines proofs only for {@code 0 < first}, and a proof from
 * the empty tree would prove nothing. (Older transparency-dev releases and certificate-transparency's C++ verifier
 * accepted size 0 with an empty proof and any roots; the current refusal cannot be fooled by a bogus size-0 root.) A
 * caller that keeps a size-0 checkpoint should just check that its root is {@link Rfc6962#emptyRoot()}.
 */
public final class Verify {
    private Verify() {}

    /**
     * The root that {@code proof} leads to from the leaf hash at {@code index} in a tree of {@code size} leaves
     * (RFC 9162 §2.1.3.2, steps 1–4 and the {@code sn} check of step 5).
     *
     * @throws IllegalArgumentException for {@code index ≥ size}, a hash that is not 32 bytes, or a proof with too few
     *     or too many elements for that index and size
     */
    public static byte[] rootFromInclusion(byte[] leafHash, long index, long size, List<byte[]> proof) {
        Rfc6962.requireHash(leafHash, "leaf hash");
        Objects.requireNonNull(proof, "proof");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        for (byte[] p : proof) {
            Rfc6962.requireHash(p, "proof element");
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (int i = 0; i < proof.size(); i++) {
            byte[] p = proof.get(i);
            if (sn == 0) {
                throw new IllegalArgumentException("the proof has " + proof.size() + " elements; one of leaf "
                        + index + " in a tree of " + size + " leaves has " + i);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                // On the right border: climb past the levels where this node has no sibling.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new IllegalArgumentException("the proof has too few elements (" + proof.size()
                    + ") for leaf " + index + " in a tree of " + size + " leaves");
        }
        return r;
    }

    /** Whether {@code proof} shows the leaf hash at {@code index} in the tree of {@code size} leaves and {@code root}. */
    public static boolean inclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(root, "root");
        byte[] computed;
        try {
            computed = rootFromInclusion(leafHash, index, size, proof);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(computed, root);
    }

    /**
     * Whether {@code proof} shows the tree of {@code to} leaves and root {@code toRoot} to extend the tree of
     * {@code from} leaves and root {@code fromRoot} (RFC 9162 §2.1.4.2). False for {@code from == 0} and
     * {@code from > to}; for {@code from == to}, true exactly when the proof is empty and the roots are equal.
     */
    public static boolean consistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        Objects.requireNonNull(fromRoot, "fromRoot");
        Objects.requireNonNull(toRoot, "toRoot");
        Objects.requireNonNull(proof, "proof");
        if (from <= 0 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (proof.isEmpty() || fromRoot.length != Rfc6962.HASH_BYTES || toRoot.length != Rfc6962.HASH_BYTES) {
            return false;
        }
        for (byte[] c : proof) {
            if (Objects.requireNonNull(c, "proof element").length != Rfc6962.HASH_BYTES) {
                return false;
            }
        }
        // Step 2: when the old tree is a full subtree, its root is the proof's implicit first element.
        boolean fromIsPowerOfTwo = Long.bitCount(from) == 1;
        byte[] seed = fromIsPowerOfTwo ? fromRoot : proof.get(0);
        int start = fromIsPowerOfTwo ? 0 : 1;
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }
}
