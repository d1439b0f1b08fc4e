package trisec.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive model of RFC 9162 §2.1, written straight from the RFC's recursive definitions over a list of
 * leaves, sharing no code with the implementation (not even its hashing): the oracle of the differential tests.
 */
public final class NaiveMerkle {
    private NaiveMerkle() {}

    public static byte[] sha256(byte prefix, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(prefix);
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] leaf(byte[] entry) {
        return sha256((byte) 0, entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        return sha256((byte) 1, left, right);
    }

    static long k(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[lo:hi]) over leaf hashes. */
    public static byte[] mth(List<byte[]> leaves, int lo, int hi) {
        int n = hi - lo;
        if (n == 0) {
            try {
                return MessageDigest.getInstance("SHA-256").digest();
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        if (n == 1) {
            return leaves.get(lo);
        }
        int k = (int) k(n);
        return node(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
    }

    /** PATH(m, D[lo:hi]), m relative to lo. */
    public static List<byte[]> path(List<byte[]> leaves, int m, int lo, int hi) {
        int n = hi - lo;
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = (int) k(n);
        if (m < k) {
            path.addAll(path(leaves, m, lo, lo + k));
            path.add(mth(leaves, lo + k, hi));
        } else {
            path.addAll(path(leaves, m - k, lo + k, hi));
            path.add(mth(leaves, lo, lo + k));
        }
        return path;
    }

    /** SUBPROOF(m, D[lo:hi], b), m relative to lo. */
    public static List<byte[]> subproof(List<byte[]> leaves, int m, int lo, int hi, boolean b) {
        int n = hi - lo;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(leaves, lo, hi));
            }
            return proof;
        }
        int k = (int) k(n);
        if (m <= k) {
            proof.addAll(subproof(leaves, m, lo, lo + k, b));
            proof.add(mth(leaves, lo + k, hi));
        } else {
            proof.addAll(subproof(leaves, m - k, lo + k, hi, false));
            proof.add(mth(leaves, lo, lo + k));
        }
        return proof;
    }
}
