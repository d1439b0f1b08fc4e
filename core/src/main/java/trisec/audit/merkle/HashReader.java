package trisec.audit.merkle;

/**
 * Hashes of full subtrees, from wherever they are stored. Proof generation needs nothing else: every Merkle Tree
 * Hash a proof or root needs is assembled from a few of these.
 */
@FunctionalInterface
public interface HashReader {
    /**
     * The hash of the full subtree of height {@code height} whose leaves are
     * {@code [index·2^height, (index+1)·2^height)}; height 0 is a leaf hash.
     *
     * @throws IllegalArgumentException if that subtree is not complete in the tree being read
     */
    byte[] subtree(int height, long index);
}
