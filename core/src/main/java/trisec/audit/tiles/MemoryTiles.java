package trisec.audit.tiles;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import trisec.audit.merkle.Rfc6962;

/**
 * Tiles in a concurrent map, for tests and benchmarks. Arrays are copied in and out, so nothing a caller does to
 * them reaches the store; each write replaces its tile atomically.
 */
public final class MemoryTiles implements TileStore {
    private record Key(int level, long index) {}

    private final ConcurrentHashMap<Key, byte[]> tiles = new ConcurrentHashMap<>();

    /** An empty store. */
    public MemoryTiles() {}

    @Override
    public Optional<byte[]> read(int level, long index) {
        byte[] tile = tiles.get(new Key(level, index));
        return tile == null ? Optional.empty() : Optional.of(tile.clone());
    }

    @Override
    public void write(int level, long index, byte[] hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (level < 0 || level > Tiles.MAX_LEVEL || index < 0) {
            throw new IllegalArgumentException("no tile " + level + "/" + index);
        }
        if (hashes.length == 0 || hashes.length % Rfc6962.HASH_BYTES != 0
                || hashes.length > Tiles.WIDTH * Rfc6962.HASH_BYTES) {
            throw new IllegalArgumentException("a tile is 1 to " + Tiles.WIDTH + " hashes of " + Rfc6962.HASH_BYTES
                    + " bytes, not " + hashes.length + " bytes");
        }
        tiles.put(new Key(level, index), hashes.clone());
    }

    /** How many tiles are stored. */
    public int count() {
        return tiles.size();
    }
}
