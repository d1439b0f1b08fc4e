package trisec.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import trisec.audit.merkle.Proofs;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;
import trisec.audit.tiles.MemoryTiles;
import trisec.audit.tiles.TiledTree;

/**
 * Proof generation and verification on a log of 10,000,000 entries kept as C2SP tiles in memory: an inclusion
 * proof of a random entry, a consistency proof from a random earlier size, and the root. The baseline is one
 * SHA-256 leaf hash, measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class ProofBenchmark {
    static final long SIZE = 10_000_000;
    private TiledTree tree;
    private final SplittableRandom random = new SplittableRandom(11);
    private byte[] root;
    private final byte[] entry = new byte[300];

    @Setup
    public void build() {
        tree = new TiledTree(new MemoryTiles(), 0);
        List<byte[]> batch = new ArrayList<>(100_000);
        for (long i = 0; i < SIZE; i++) {
            batch.add(Rfc6962.leafHash(ByteBuffer.allocate(8).putLong(i).array()));
            if (batch.size() == 100_000) {
                tree.append(batch);
                batch = new ArrayList<>(100_000);
            }
        }
        tree.append(batch);
        root = tree.root();
        // Check once that what is measured is right.
        long index = 7_654_321;
        if (!Verify.inclusion(tree.subtree(0, index), index, SIZE, Proofs.inclusion(tree, index, SIZE), root)) {
            throw new IllegalStateException("the benchmark tree does not verify");
        }
    }

    @Benchmark
    public byte[] baselineLeafHash() {
        return Rfc6962.leafHash(entry);
    }

    @Benchmark
    public List<byte[]> inclusionProof() {
        return Proofs.inclusion(tree, random.nextLong(SIZE), SIZE);
    }

    @Benchmark
    public List<byte[]> consistencyProof() {
        return Proofs.consistency(tree, 1 + random.nextLong(SIZE - 1), SIZE);
    }

    @Benchmark
    public byte[] rootAtRandomSize() {
        return Proofs.root(tree, 1 + random.nextLong(SIZE));
    }

    @Benchmark
    public boolean inclusionProofVerified() {
        long index = random.nextLong(SIZE);
        return Verify.inclusion(tree.subtree(0, index), index, SIZE, Proofs.inclusion(tree, index, SIZE), root);
    }
}
