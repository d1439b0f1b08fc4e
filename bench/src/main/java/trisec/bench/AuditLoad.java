package trisec.bench;

import trisec.node.base.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.envelope.NodeKeys;
import trisec.node.Node;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.log.Integrator;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * Sustained appends to a node's audit log with its integrator running (a signed checkpoint whenever the log
 * grew, every 200 ms at most), on the embedded (SQLite) store or on PostgreSQL. Entries are realistic (a release
 * decision, about 300 bytes of canonical JSON) and appended in transactions of {@code batch}; the figures are
 * entries per second appended and integrated into signed checkpoints, and the integration latency: from an
 * append's commit to the first signed checkpoint that includes it. Proof times are measured on the log reached.
 *
 * <pre>bench/audit [embedded|postgres] [seconds] [batch] [target appends per second, 0 = as fast as possible]</pre>
 */
public final class AuditLoad {
    private AuditLoad() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "embedded";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        long target = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Path dir = Files.createTempDirectory("trisec-audit-load-");
        String pgSchema = null;
        Store store;
        if (kind.equals("postgres")) {
            String pg = System.getenv().getOrDefault("TRISEC_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            pgSchema = "trisec_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (var c = DriverManager.getConnection(pg)) {
                c.createStatement().execute("CREATE SCHEMA " + pgSchema);
            }
            store = Store.open(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema);
        } else {
            store = Store.embedded(dir);
        }
        NodeKeys keys = Node.keys(dir, Party.of("KOR"));
        var logKeys = Node.logKeys(dir);
        String origin = Peer.logOrigin(keys.identity());
        var log = new AuditLog(store, InstantSource.system(), origin, List.of(
                Ed25519Notes.signer(origin, logKeys.getPrivate()),
                MlDsaNotes.signer(origin + AuditLog.ML_DSA_SUFFIX, keys)));
        var integrator = new Integrator(log);

        String entry = AuditEntry.of(AuditEntry.Type.DECISION, Instant.parse("2026-11-27T21:33:09.123456Z"), "kor.officer")
                .with("item", UUID.randomUUID().toString()).with("recipient", "JPN").with("decision", "PERMIT")
                .with("route", List.of("KOR", "JPN")).with("basis", List.of("kor-jpn-gsomia-2016"))
                .with("recipientLevel", "極秘").with("release", UUID.randomUUID().toString()).json();
        List<String> entries = Collections.nCopies(batch, entry);

        AtomicLong appended = new AtomicLong();
        record Mark(long count, long committedNanos) {}
        var marks = new ConcurrentLinkedQueue<Mark>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> perSecond = new ArrayList<>();
        integrator.start();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var producer = Thread.ofPlatform().start(() -> {
            long lastMark = 0;
            while (System.nanoTime() < end) {
                if (target > 0) {
                    // Hold the rate: wait until this batch is due.
                    long due = start + (long) (appended.get() * 1e9 / target);
                    while (System.nanoTime() < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    }
                }
                store.useTransaction(h -> AuditLog.appendAll(h, entries));
                long total = appended.addAndGet(batch);
                long now = System.nanoTime();
                if (now - lastMark > 50_000_000L) {
                    marks.add(new Mark(total, now));
                    lastMark = now;
                }
            }
        });
        var watcher = Thread.ofPlatform().start(() -> {
            while (producer.isAlive() || !marks.isEmpty()) {
                long size = log.latest().map(AuditLog.Signed::size).orElse(0L);
                long now = System.nanoTime();
                while (!marks.isEmpty() && marks.peek().count() <= size) {
                    latencies.add((now - marks.poll().committedNanos()) / 1e6);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long previous = 0;
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1_000);
            long now = log.latest().map(AuditLog.Signed::size).orElse(0L);
            perSecond.add(now - previous);
            previous = now;
        }
        producer.join();
        watcher.join(60_000);
        integrator.integrateNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long size = log.head().size();
        integrator.close();

        // Proofs on the log reached, through the store, as the node serves them.
        List<Double> inclusion = new ArrayList<>();
        List<Double> consistency = new ArrayList<>();
        var random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
            long index = random.nextLong(size);
            long t = System.nanoTime();
            log.inclusion(index, size);
            if (i >= 100) {
                inclusion.add((System.nanoTime() - t) / 1e3);
            }
            long from = 1 + random.nextLong(size - 1);
            t = System.nanoTime();
            log.consistency(from, size);
            if (i >= 100) {
                consistency.add((System.nanoTime() - t) / 1e3);
            }
        }
        Collections.sort(latencies);
        Collections.sort(inclusion);
        Collections.sort(consistency);
        List<Long> sortedRates = new ArrayList<>(perSecond.subList(Math.min(2, perSecond.size()), perSecond.size()));
        Collections.sort(sortedRates);

        System.out.printf(Locale.ROOT, "%nstore: %s, %d s, %d entries per append transaction, target %s, machine: %d cores, Java %s%n",
                kind, seconds, batch, target == 0 ? "as fast as possible" : String.format(Locale.ROOT, "%,d/s", target),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| measure | value |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| entries appended | %,d |%n", appended.get());
        System.out.printf(Locale.ROOT, "| appends per second (whole run) | %,.0f |%n", appended.get() / elapsed);
        System.out.printf(Locale.ROOT, "| entries in signed checkpoints per second, median over seconds 3–%d | %,d |%n",
                seconds, sortedRates.isEmpty() ? 0 : sortedRates.get(sortedRates.size() / 2));
        System.out.printf(Locale.ROOT, "| log size reached | %,d |%n", size);
        System.out.printf(Locale.ROOT, "| integration latency (commit → signed checkpoint), median | %.0f ms |%n",
                pct(latencies, 50));
        System.out.printf(Locale.ROOT, "| integration latency, p95 | %.0f ms |%n", pct(latencies, 95));
        System.out.printf(Locale.ROOT, "| inclusion proof from the store, median | %.0f µs |%n", pct(inclusion, 50));
        System.out.printf(Locale.ROOT, "| consistency proof from the store, median | %.0f µs |%n", pct(consistency, 50));
        store.close();
        if (pgSchema != null) {
            String pg = System.getenv().getOrDefault("TRISEC_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            try (var c = DriverManager.getConnection(pg)) {
                c.createStatement().execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
