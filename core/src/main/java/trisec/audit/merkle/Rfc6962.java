package trisec.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Merkle tree hashing of RFC 6962 §2.1 (RFC 9162 §2.1.1) with SHA-256. Leaves and interior nodes are hashed with
 * different one-byte prefixes, {@code 0x00} and {@code 0x01}, so that no leaf can be presented as an interior node
 * (the second-preimage attack on unprefixed Merkle trees).
 *
 * <p>Every method returns a fresh array, and all are safe to call from any thread.
 */
public final class Rfc6962 {
    /** The length of every hash in the tree: SHA-256. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest instances are stateful; one per thread avoids both a provider lookup per hash and contention.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Rfc6962::sha256);

    private Rfc6962() {}

    /** {@code SHA-256(0x00 ‖ entry)}: the hash of a leaf whose data is {@code entry}. */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest md = SHA256.get();
        md.update(LEAF_PREFIX);
        md.update(entry);
        return md.digest();
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}: the hash of an interior node; both children must be 32-byte hashes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left child");
        requireHash(right, "right child");
        MessageDigest md = SHA256.get();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** The Merkle Tree Hash of the empty list: SHA-256 of the empty string (RFC 6962 §2.1). */
    public static byte[] emptyRoot() {
        return SHA256.get().digest();
    }

    static void requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException(what + " is " + hash.length + " bytes, not a " + HASH_BYTES
                    + "-byte SHA-256 hash");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
