package trisec.audit.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Roots and proofs of RFC 9162 §2.1, generated from the full-subtree hashes a {@link HashReader} serves.
 *
 * <p>The RFC defines everything through {@code MTH(D[a:b])} over ranges its recursion produces. Each such range
 * starts at a multiple of the smallest power of two at least as long as it, so its tree is a right fold of at most
 * ⌈log₂ n⌉ full aligned subtrees (one per set bit of its length) — which is what is read. A root costs
 * {@code popcount(size)} reads. In a proof every hash but one (the first one off the tree's right border) is a full
 * subtree, so a proof costs fewer than 2·log₂ size reads, and never a walk over leaves.
 *
 * <p>The reader must hold a tree of at least {@code size} (or {@code to}) leaves; only subtrees complete within
 * that size are read, so a tree that has grown since still yields the proofs of its earlier sizes.
 */
public final class Proofs {
    private Proofs() {}

    /** {@code MTH(D[0:size])}; the empty root for size 0. */
    public static byte[] root(HashReader r, long size) {
        Objects.requireNonNull(r, "reader");
        if (size < 0) {
            throw new IllegalArgumentException("a tree cannot have " + size + " leaves");
        }
        return size == 0 ? Rfc6962.emptyRoot() : mth(r, 0, size);
    }

    /**
     * The inclusion proof {@code PATH(index, D[0:size])} of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to
     * the root.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ index < size}
     */
    public static List<byte[]> inclusion(HashReader r, long index, long size) {
        Objects.requireNonNull(r, "reader");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> rootFirst = new ArrayList<>(64);
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (index < lo + k) {
                rootFirst.add(mth(r, lo + k, hi));
                hi = lo + k;
            } else {
                rootFirst.add(mth(r, lo, lo + k));
                lo += k;
            }
        }
        return leafFirst(rootFirst);
    }

    /**
     * The consistency proof {@code PROOF(from, D[0:to]) = SUBPROOF(from, D[0:to], true)} of RFC 9162 §2.1.4.1. It is
     * empty when {@code from == to} (the RFC's {@code SUBPROOF(m, D[m], true)}), and also when {@code from == 0},
     * which the RFC leaves undefined: every tree extends the empty one, and there is nothing to prove. Note that
     * {@link Verify#consistency} refuses {@code from == 0}, as transparency-dev/merkle does.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ from ≤ to}
     */
    public static List<byte[]> consistency(HashReader r, long from, long to) {
        Objects.requireNonNull(r, "reader");
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        if (from == 0 || from == to) {
            return List.of();
        }
        List<byte[]> rootFirst = new ArrayList<>(64);
        long lo = 0;
        long hi = to;
        boolean wholeOldTree = true; // the RFC's b: does D[lo:hi] start where the old tree starts?
        while (from != hi) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (from <= lo + k) {
                rootFirst.add(mth(r, lo + k, hi));
                hi = lo + k;
            } else {
                rootFirst.add(mth(r, lo, lo + k));
                lo += k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            rootFirst.add(mth(r, lo, hi));
        }
        return leafFirst(rootFirst);
    }

    /**
     * {@code MTH(D[lo:hi])} for {@code hi > lo}. A full aligned subtree is one read; otherwise the RFC's split at the
     * largest power of two below the length, whose left part is full and aligned whenever the range is one the
     * RFC recursion produces (see the class comment). Other ranges still hash correctly, only with more reads.
     */
    static byte[] mth(HashReader r, long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return r.subtree(Long.numberOfTrailingZeros(n), lo / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return Rfc6962.nodeHash(mth(r, lo, lo + k), mth(r, lo + k, hi));
    }

    /** The RFC's k: the largest power of two strictly less than n, for n ≥ 2. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static List<byte[]> leafFirst(List<byte[]> rootFirst) {
        Collections.reverse(rootFirst);
        return Collections.unmodifiableList(rootFirst);
    }
}
