package trisec.audit.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Entry bundles of C2SP tlog-tiles: 1 to 256 entries, each a big-endian uint16 length then that many bytes. Each
 * entry hashes (RFC 6962 leaf hash) to the hash at the same position in the level-0 tile of the same index.
 */
public final class EntryBundles {
    /** The longest entry a uint16 length can carry. */
    public static final int MAX_ENTRY_BYTES = 0xFFFF;

    private EntryBundles() {}

    public static byte[] encode(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty() || entries.size() > Tiles.WIDTH) {
            throw new IllegalArgumentException("a bundle holds 1 to " + Tiles.WIDTH + " entries, not "
                    + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            Objects.requireNonNull(e, "entry");
            if (e.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("an entry of " + e.length + " bytes is longer than the "
                        + MAX_ENTRY_BYTES + " a bundle can carry");
            }
            out.write(e.length >>> 8);
            out.write(e.length & 0xFF);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /**
     * The entries of a bundle.
     *
     * @throws IllegalArgumentException unless the bytes are exactly 1 to 256 length-prefixed entries, with nothing
     *     truncated and nothing after the last
     */
    public static List<byte[]> decode(byte[] bundle) {
        Objects.requireNonNull(bundle, "bundle");
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (entries.size() == Tiles.WIDTH) {
                throw new IllegalArgumentException("the bundle has bytes after its " + Tiles.WIDTH + "th entry");
            }
            if (bundle.length - at < 2) {
                throw new IllegalArgumentException("entry " + entries.size() + " has a truncated length");
            }
            int length = (bundle[at] & 0xFF) << 8 | (bundle[at + 1] & 0xFF);
            at += 2;
            if (bundle.length - at < length) {
                throw new IllegalArgumentException("entry " + entries.size() + " has " + length + " bytes, but only "
                        + (bundle.length - at) + " remain");
            }
            byte[] entry = new byte[length];
            System.arraycopy(bundle, at, entry, 0, length);
            entries.add(entry);
            at += length;
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an entry bundle is never empty");
        }
        return Collections.unmodifiableList(entries);
    }
}
