package trisec.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import trisec.audit.merkle.NaiveMerkle;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.ReferenceTree;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;

class TiledTreeTest {
    private static byte[] leaf(long i) {
        return NaiveMerkle.leaf(ByteBuffer.allocate(8).putLong(i).array());
    }

    private static List<byte[]> leaves(long from, long to) {
        List<byte[]> out = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            out.add(leaf(i));
        }
        return out;
    }

    private static int width(MemoryTiles store, int level, long index) {
        return store.read(level, index).map(t -> t.length / 32).orElse(0);
    }

    @Test
    void theReferenceLeavesGiveThePublishedRootAtEverySize() {
        TiledTree tree = new TiledTree(new MemoryTiles(), 0);
        assertThat(tree.root()).isEqualTo(ReferenceTree.EMPTY_ROOT);
        for (int n = 1; n <= 8; n++) {
            tree.append(List.of(Rfc6962.leafHash(ReferenceTree.INPUTS.get(n - 1))));
            assertThat(tree.size()).isEqualTo(n);
            assertThat(tree.root()).as("size %d", n).isEqualTo(ReferenceTree.ROOTS.get(n));
        }
    }

    @Test
    void everyFullSubtreeOfTheReferenceTreeReadsAsThePublishedNodeHash() {
        for (int[] batches : new int[][] {{8}, {3, 5}, {1, 1, 6}, {7, 1}}) {
            TiledTree tree = new TiledTree(new MemoryTiles(), 0);
            int appended = 0;
            for (int b : batches) {
                tree.append(ReferenceTree.INPUTS.subList(appended, appended + b).stream().map(Rfc6962::leafHash).toList());
                appended += b;
            }
            for (int h = 0; h < ReferenceTree.NODE_HASHES.length; h++) {
                for (int i = 0; i < ReferenceTree.NODE_HASHES[h].length; i++) {
                    assertThat(tree.subtree(h, i)).as("batches %s, node %d/%d", Arrays.toString(batches), h, i)
                            .isEqualTo(ReferenceTree.NODE_HASHES[h][i]);
                }
            }
        }
    }

    @Test
    void aTreeOf70000LeavesIsStoredAsTheTilesTheSpecDescribes() {
        // c2sp.org/tlog-tiles: "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level
        // 0 tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2
        // tile of width 1."
        MemoryTiles store = new MemoryTiles();
        TiledTree tree = new TiledTree(store, 0);
        tree.append(leaves(0, 70_000));
        for (long n = 0; n < 273; n++) {
            assertThat(width(store, 0, n)).as("level 0 tile %d", n).isEqualTo(256);
        }
        assertThat(width(store, 0, 273)).isEqualTo(112);
        assertThat(width(store, 1, 0)).isEqualTo(256);
        assertThat(width(store, 1, 1)).isEqualTo(17);
        assertThat(width(store, 2, 0)).isEqualTo(1);
        assertThat(store.count()).as("no other tiles").isEqualTo(273 + 1 + 2 + 1);
    }

    @Test
    void aTreeOf256LeavesIsOneFullTileAndALevelOneTileOfWidthOne() {
        // c2sp.org/tlog-tiles: "a tree of size 256 will be represented by a full level 0 tile and a partial level 1
        // tile of width 1."
        MemoryTiles store = new MemoryTiles();
        new TiledTree(store, 0).append(leaves(0, 256));
        assertThat(width(store, 0, 0)).isEqualTo(256);
        assertThat(width(store, 1, 0)).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void eachHashInATileIsTheMerkleTreeHashOfItsRangeOfLeaves() {
        // c2sp.org/tlog-tiles: hash i of tile n at level l is MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]).
        List<byte[]> leaves = leaves(0, 256 * 300 + 5);
        MemoryTiles store = new MemoryTiles();
        new TiledTree(store, 0).append(leaves);
        for (int[] tile : new int[][] {{0, 0}, {0, 299}, {0, 300}, {1, 0}, {1, 1}, {2, 0}}) {
            byte[] hashes = store.read(tile[0], tile[1]).orElseThrow();
            long span = 1L << (8 * tile[0]);
            for (int i = 0; i < hashes.length / 32; i++) {
                long first = (tile[1] * 256L + i) * span;
                assertThat(Arrays.copyOfRange(hashes, i * 32, i * 32 + 32)).as("tile %d/%d hash %d", tile[0], tile[1], i)
                        .isEqualTo(NaiveMerkle.mth(leaves, (int) first, (int) (first + span)));
            }
        }
    }

    @Test
    void growingInBatchesOnlyExtendsPartialTilesAndNeverRewritesAFullOne() {
        Random random = new Random(5);
        RecordingTiles batched = new RecordingTiles();
        MemoryTiles oneByOne = new MemoryTiles();
        TiledTree tree = new TiledTree(batched, 0);
        TiledTree reference = new TiledTree(oneByOne, 0);
        long[] boundaries = {255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 70_000};
        long next = 0;
        for (long boundary : boundaries) {
            while (next < boundary) {
                long to = Math.min(boundary, next + 1 + random.nextInt(random.nextBoolean() ? 3 : 3000));
                tree.append(leaves(next, to));
                for (byte[] h : leaves(next, to)) {
                    reference.append(List.of(h));
                }
                next = to;
                for (int level = 0; level < 3; level++) {
                    long partial = (next >>> (8 * level)) % 256;
                    long index = (next >>> (8 * level)) / 256;
                    assertThat(width(batched.memory, level, index)).as("level %d partial width at size %d", level, next)
                            .isEqualTo(partial);
                }
            }
            assertThat(tree.root()).as("root at %d", next).isEqualTo(reference.root());
        }
        assertThat(batched.violations).isEmpty();
        assertThat(batched.writes.get()).isGreaterThan(300);
        assertThat(batched.memory.count()).isEqualTo(oneByOne.count());
        for (int level = 0; level < 3; level++) {
            for (long index = 0; index <= 274; index++) {
                assertThat(batched.memory.read(level, index).map(Arrays::toString))
                        .as("tile %d/%d", level, index).isEqualTo(oneByOne.read(level, index).map(Arrays::toString));
            }
        }
    }

    @Test
    void aTreeReopenedOverItsStoreContinuesWhereItStopped() {
        MemoryTiles store = new MemoryTiles();
        new TiledTree(store, 0).append(leaves(0, 1000));
        TiledTree reopened = new TiledTree(store, 1000);
        assertThat(reopened.root()).isEqualTo(NaiveMerkle.mth(leaves(0, 1000), 0, 1000));
        reopened.append(leaves(1000, 1300));
        TiledTree fresh = new TiledTree(new MemoryTiles(), 0);
        fresh.append(leaves(0, 1300));
        assertThat(reopened.root()).isEqualTo(fresh.root());
    }

    @Test
    void onlyCompleteSubtreesCanBeRead() {
        TiledTree tree = new TiledTree(new MemoryTiles(), 0);
        tree.append(leaves(0, 300));
        assertThat(tree.subtree(8, 0)).isEqualTo(NaiveMerkle.mth(leaves(0, 256), 0, 256));
        assertThat(tree.subtree(2, 74)).isEqualTo(NaiveMerkle.mth(leaves(296, 300), 0, 4));
        assertThatThrownBy(() -> tree.subtree(8, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not complete");
        assertThatThrownBy(() -> tree.subtree(0, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtree(3, 37)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtree(9, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtree(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtree(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtree(63, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedLeafHashWritesNothing() {
        MemoryTiles store = new MemoryTiles();
        TiledTree tree = new TiledTree(store, 0);
        assertThatThrownBy(() -> tree.append(List.of(leaf(0), new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.count()).isZero();
        assertThat(tree.size()).isZero();
        tree.append(List.of());
        assertThat(store.count()).isZero();
    }

    @Test
    void aStoreMissingTilesItsTreeNeedsIsReportedNotPapered() {
        MemoryTiles empty = new MemoryTiles();
        assertThatThrownBy(() -> new TiledTree(empty, 10).root()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tile 0/0 is missing");
        MemoryTiles shortTile = new MemoryTiles();
        new TiledTree(shortTile, 0).append(leaves(0, 5));
        assertThatThrownBy(() -> new TiledTree(shortTile, 10).append(List.of(leaf(10))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 5 hashes");
        assertThatThrownBy(() -> new TiledTree(shortTile, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readersOfCompleteSubtreesSeeFinalHashesWhileAnAppendWritesTiles() throws InterruptedException {
        int total = 40_000;
        List<byte[]> leaves = leaves(0, total);
        List<byte[]> roots = new ArrayList<>(total + 1);
        CompactRange range = new CompactRange();
        roots.add(range.root());
        for (byte[] h : leaves) {
            range.append(h);
            roots.add(range.root());
        }
        TiledTree tree = new TiledTree(new MemoryTiles(), 0);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Random random = new Random(r);
            readers.add(Thread.ofPlatform().start(() -> {
                while (!done.get() && failures.isEmpty()) {
                    long size = tree.size();
                    if (size == 0) {
                        continue;
                    }
                    try {
                        byte[] root = roots.get((int) size);
                        if (!Arrays.equals(Proofs.root(tree, size), root)) {
                            failures.add("root at " + size);
                        }
                        long index = random.nextLong(size);
                        if (!Verify.inclusion(leaves.get((int) index), index, size, Proofs.inclusion(tree, index, size), root)) {
                            failures.add("inclusion of " + index + " at " + size);
                        }
                        long from = 1 + random.nextLong(size);
                        if (!Verify.consistency(from, size, roots.get((int) from), root, Proofs.consistency(tree, from, size))) {
                            failures.add("consistency " + from + " to " + size);
                        }
                        checks.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        Random random = new Random(99);
        for (int next = 0; next < total; ) {
            int to = Math.min(total, next + 1 + random.nextInt(700));
            tree.append(leaves.subList(next, to));
            next = to;
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(checks.get()).as("reads that raced the appends").isGreaterThan(50);
        assertThat(tree.root()).isEqualTo(roots.get(total));
    }

    /** A store that checks, on every write, that tiles only grow and full tiles are never rewritten. */
    private static final class RecordingTiles implements TileStore {
        final MemoryTiles memory = new MemoryTiles();
        final List<String> violations = new ArrayList<>();
        final AtomicLong writes = new AtomicLong();

        @Override
        public Optional<byte[]> read(int level, long index) {
            return memory.read(level, index);
        }

        @Override
        public void write(int level, long index, byte[] hashes) {
            writes.incrementAndGet();
            memory.read(level, index).ifPresent(old -> {
                if (old.length == 256 * 32) {
                    violations.add("full tile " + level + "/" + index + " rewritten");
                } else if (hashes.length <= old.length
                        || !Arrays.equals(old, Arrays.copyOf(hashes, old.length))) {
                    violations.add("tile " + level + "/" + index + " did not grow by extension");
                }
            });
            memory.write(level, index, hashes);
        }
    }
}
