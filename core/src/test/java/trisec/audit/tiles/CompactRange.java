package trisec.audit.tiles;

import java.util.ArrayList;
import java.util.List;
import trisec.audit.merkle.NaiveMerkle;

/**
 * A naive streaming root accumulator for the tests (a compact range [0, n) in transparency-dev's terms): the roots of
 * the perfect subtrees that a tree of n leaves decomposes into, largest first. Shares no code with the implementation.
 */
final class CompactRange {
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long size;

    void append(byte[] leafHash) {
        byte[] h = leafHash;
        int height = 0;
        while (!heights.isEmpty() && heights.getLast() == height) {
            h = NaiveMerkle.node(hashes.removeLast(), h);
            heights.removeLast();
            height++;
        }
        hashes.add(h);
        heights.add(height);
        size++;
    }

    long size() {
        return size;
    }

    /** MTH(D[0:size]): the perfect subtrees folded from the right, as RFC 6962's split at powers of two does. */
    byte[] root() {
        if (hashes.isEmpty()) {
            return NaiveMerkle.mth(List.of(), 0, 0);
        }
        byte[] r = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            r = NaiveMerkle.node(hashes.get(i), r);
        }
        return r;
    }
}
