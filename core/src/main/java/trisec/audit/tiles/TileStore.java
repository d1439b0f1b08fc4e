package trisec.audit.tiles;

import java.util.Optional;

/**
 * Storage of hash tiles: the tile at level {@code L} and index {@code N} holds the hashes of tree level {@code 8·L}
 * nodes {@code 256·N} to {@code 256·N + w − 1}, concatenated, 32 bytes each, {@code 1 ≤ w ≤ 256}. A partial tile
 * ({@code w < 256}) is overwritten with a longer one as the tree grows; a full tile is written once and never
 * changes, so a driver may cache full tiles forever.
 *
 * <p>A driver may keep the arrays it is given and may return arrays it keeps: {@link TiledTree} never modifies an
 * array after writing it, nor one it has read. A write must replace a tile atomically — a reader sees the old tile
 * or the new one, never a mixture — which a database row or a map entry does.
 */
public interface TileStore {
    /** The tile as last written, or empty if it never was. */
    Optional<byte[]> read(int level, long index);

    /** Stores (or replaces) the tile; {@code hashes} is 1 to 256 hashes, concatenated. */
    void write(int level, long index, byte[] hashes);
}
