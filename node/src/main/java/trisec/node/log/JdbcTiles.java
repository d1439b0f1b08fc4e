package trisec.node.log;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import trisec.audit.tiles.TileStore;
import trisec.audit.tiles.Tiles;

/**
 * Hash tiles in the node's database, read through a cache of full tiles (a full tile never changes again).
 * Writes go through the integrator's transaction handle; reads may use any handle.
 */
final class JdbcTiles implements TileStore {
    private final Handle h;
    private final Map<Long, byte[]> fullTiles;
    /** Tiles read by this instance (one request or one integration): a proof reads the same partial tiles often. */
    private final Map<Long, byte[]> seen = new java.util.HashMap<>();

    JdbcTiles(Handle h, Map<Long, byte[]> fullTiles) {
        this.h = h;
        this.fullTiles = fullTiles;
    }

    static Map<Long, byte[]> cache() {
        return new ConcurrentHashMap<>();
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    /** Tiles of the integrator's own transaction: never cached, since the transaction may still roll back. */
    static JdbcTiles uncached(Handle h) {
        return new JdbcTiles(h, null);
    }

    @Override
    public Optional<byte[]> read(int level, long index) {
        byte[] cached = fullTiles == null ? null : fullTiles.get(key(level, index));
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] memo = seen.get(key(level, index));
        if (memo != null) {
            return Optional.of(memo);
        }
        Optional<byte[]> stored = h.createQuery("SELECT hashes FROM audit_tiles WHERE level = :l AND idx = :i")
                .bind("l", level).bind("i", index).mapTo(byte[].class).findOne();
        stored.ifPresent(t -> seen.put(key(level, index), t));
        if (fullTiles != null) {
            stored.filter(t -> t.length == Tiles.WIDTH * 32).ifPresent(t -> fullTiles.put(key(level, index), t));
        }
        return stored;
    }

    @Override
    public void write(int level, long index, byte[] hashes) {
        seen.put(key(level, index), hashes.clone());
        int updated = h.createUpdate("UPDATE audit_tiles SET hashes = :h WHERE level = :l AND idx = :i")
                .bind("h", hashes).bind("l", level).bind("i", index).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO audit_tiles (level, idx, hashes) VALUES (:l, :i, :h)")
                    .bind("l", level).bind("i", index).bind("h", hashes).execute();
        }
    }
}
