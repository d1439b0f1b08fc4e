package trisec.audit.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import trisec.audit.merkle.HashReader;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.Rfc6962;

/**
 * A Merkle tree kept as tlog-tiles in a {@link TileStore}: appends leaf hashes, and reads any full subtree hash back,
 * so {@link Proofs} can generate roots and proofs from it.
 *
 * <p>The object holds nothing but its store and size; a node can make one per transaction over the tree its store
 * holds. Level-0 tiles hold leaf hashes; when a tile at level {@code L} fills, its root — a node at tree level
 * {@code 8(L+1)} — is appended to the tile at level {@code L+1}. A subtree of height {@code h} is therefore read from
 * the single tile at level {@code h/8} that holds its {@code 2^(h mod 8)} descendants at tree level {@code 8·⌊h/8⌋}.
 *
 * <p>Concurrency: {@link #append} is serialized on the tree and publishes the new size only after every tile of the
 * batch is written. Tiles only ever grow by extension — the hashes of complete subtrees never change — so a reader of
 * this same object may run during an append: {@link #subtree}, {@link #root} and {@link Proofs} at any size up to
 * {@link #size()} read only hashes that were final before that size was published. This needs a store whose writes
 * are atomic and visible across threads, as {@link MemoryTiles}' are. Separate objects over one store (a
 * database) get their isolation from the store's transactions instead.
 */
public final class TiledTree implements HashReader {
    private static final int HASH = Rfc6962.HASH_BYTES;

    private final TileStore store;
    private volatile long size;

    /** A tree over {@code store}, which already holds the tiles of a tree of {@code size} leaves (0 when new). */
    public TiledTree(TileStore store, long size) {
        this.store = Objects.requireNonNull(store, "store");
        if (size < 0) {
            throw new IllegalArgumentException("a tree cannot have " + size + " leaves");
        }
        this.size = size;
    }

    public long size() {
        return size;
    }

    /**
     * Appends leaf hashes (each 32 bytes; a batch of any size) after the current last leaf: rewrites the partial tile
     * at each level the batch reaches and writes every tile that fills. Nothing is written if a hash is malformed.
     *
     * @throws IllegalStateException if the store lacks a tile the tree's size says it holds
     */
    public synchronized void append(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        for (byte[] h : leafHashes) {
            Objects.requireNonNull(h, "leaf hash");
            if (h.length != HASH) {
                throw new IllegalArgumentException("a leaf hash is " + HASH + " bytes, not " + h.length);
            }
        }
        if (leafHashes.isEmpty()) {
            return;
        }
        long before = size;
        long after = Math.addExact(before, leafHashes.size());
        List<byte[]> rising = leafHashes;
        for (int level = 0; !rising.isEmpty(); level++) {
            // Nodes at tree level 8·level before this batch: the occupancy of that tile level.
            long nodes = Tiles.HEIGHT * level >= Long.SIZE ? 0 : before >>> (Tiles.HEIGHT * level);
            rising = appendToLevel(level, nodes, rising);
        }
        size = after;
    }

    /** The root of the whole tree (the empty root for size 0). */
    public byte[] root() {
        return Proofs.root(this, size);
    }

    /**
     * The hash of the full subtree of height {@code height} over leaves {@code [index·2^height, (index+1)·2^height)},
     * from the tile at level {@code height/8}, combining at most {@code 2^(height mod 8)} stored hashes.
     *
     * @throws IllegalArgumentException if that subtree is not complete within {@link #size()}
     * @throws IllegalStateException if the store lacks hashes the tree's size says it holds
     */
    @Override
    public byte[] subtree(int height, long index) {
        long leaves = size;
        if (height < 0 || height >= Long.SIZE - 1 || index < 0 || index >= leaves >>> height) {
            throw new IllegalArgumentException("the subtree of height " + height + " at index " + index
                    + " is not complete in a tree of " + leaves + " leaves");
        }
        int level = height / Tiles.HEIGHT;
        int below = height % Tiles.HEIGHT;
        long first = index << below;
        long tileIndex = first >>> Tiles.HEIGHT;
        int offset = (int) (first & (Tiles.WIDTH - 1));
        int count = 1 << below;
        byte[] tile = readAtLeast(level, tileIndex, offset + count, leaves);
        byte[][] hashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            hashes[i] = Arrays.copyOfRange(tile, (offset + i) * HASH, (offset + i + 1) * HASH);
        }
        return combine(hashes, count);
    }

    /**
     * Appends {@code hashes} to tile level {@code level}, which holds {@code nodes} hashes so far; returns the roots of
     * the tiles this filled, which belong one level up.
     */
    private List<byte[]> appendToLevel(int level, long nodes, List<byte[]> hashes) {
        long tileIndex = nodes >>> Tiles.HEIGHT;
        int used = (int) (nodes & (Tiles.WIDTH - 1));
        byte[] tile = new byte[Tiles.WIDTH * HASH];
        if (used > 0) {
            byte[] stored = readAtLeast(level, tileIndex, used, size);
            System.arraycopy(stored, 0, tile, 0, used * HASH);
        }
        List<byte[]> filled = new ArrayList<>(hashes.size() / Tiles.WIDTH + 1);
        for (byte[] h : hashes) {
            System.arraycopy(h, 0, tile, used * HASH, HASH);
            if (++used == Tiles.WIDTH) {
                store.write(level, tileIndex, tile);
                filled.add(tileRoot(tile));
                tileIndex++;
                tile = new byte[Tiles.WIDTH * HASH];
                used = 0;
            }
        }
        if (used > 0) {
            store.write(level, tileIndex, Arrays.copyOf(tile, used * HASH));
        }
        return filled;
    }

    private byte[] readAtLeast(int level, long tileIndex, int hashes, long treeSize) {
        byte[] tile = store.read(level, tileIndex).orElseThrow(() -> new IllegalStateException(
                "tile " + level + "/" + tileIndex + " is missing, but a tree of " + treeSize + " leaves has it"));
        if (tile.length < hashes * HASH) {
            throw new IllegalStateException("tile " + level + "/" + tileIndex + " holds " + tile.length / HASH
                    + " hashes, but a tree of " + treeSize + " leaves has at least " + hashes);
        }
        return tile;
    }

    private static byte[] tileRoot(byte[] fullTile) {
        byte[][] hashes = new byte[Tiles.WIDTH][];
        for (int i = 0; i < Tiles.WIDTH; i++) {
            hashes[i] = Arrays.copyOfRange(fullTile, i * HASH, (i + 1) * HASH);
        }
        return combine(hashes, Tiles.WIDTH);
    }

    /** The root of the perfect tree over {@code count} (a power of two) hashes; reuses the array. */
    private static byte[] combine(byte[][] hashes, int count) {
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                hashes[i] = Rfc6962.nodeHash(hashes[2 * i], hashes[2 * i + 1]);
            }
        }
        return hashes[0];
    }
}
