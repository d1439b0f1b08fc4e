package trisec.bench;

import trisec.node.NodeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.envelope.Signatures;
import trisec.node.Node;
import trisec.node.person.Passwords;
import trisec.node.base.Peers;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * End-to-end load: a KOR and a JPN node in this process, on the embedded store, driven through the REST API as
 * officers and disclosure officials would: create an item, request its release to JPN, approve it (second
 * person), and wait for JPN's signed receipt. Reports releases per second and the latency from the release
 * request to the stored receipt (the nodes' own timestamps), beside the raw cost of the cryptography one release
 * needs (seal and open an envelope, sign and verify the item and the receipt), measured in the same run.
 *
 * <pre>bench/load [releases] [concurrency]</pre>
 */
public final class ReleaseLoad {

    private ReleaseLoad() {}

    public static void main(String[] args) throws Exception {
        int releases = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Party kor = Party.of("KOR");
        Party jpn = Party.of("JPN");
        Path root = Files.createTempDirectory("trisec-load-");
        int korPort = freePort();
        int jpnPort = freePort();
        NodeKeys korKeys = Node.keys(root.resolve("kor"), kor);
        NodeKeys jpnKeys = Node.keys(root.resolve("jpn"), jpn);
        var scenario = ScenarioFiles.shipped();
        String hash = Passwords.hash("demo".toCharArray());
        var toJpn = new Peers(List.of(Node.peerOf(root.resolve("jpn"), jpn, URI.create("http://127.0.0.1:" + jpnPort))));
        var toKor = new Peers(List.of(Node.peerOf(root.resolve("kor"), kor, URI.create("http://127.0.0.1:" + korPort))));
        try (Node korNode = Node.start(NodeConfig.builder(kor, root.resolve("kor"), scenario).port(korPort).peers(toJpn).build());
             Node jpnNode = Node.start(NodeConfig.builder(jpn, root.resolve("jpn"), scenario).port(jpnPort).peers(toKor).build())) {
            korNode.seedDemoPersons(hash);
            jpnNode.seedDemoPersons(hash);
            URI base = korNode.url();
            String officer = NodeApi.token(base, "kor.officer", "demo");
            String disclosure = NodeApi.token(base, "kor.disclosure", "demo");

            System.out.printf(Locale.ROOT, "warming up (%d releases)…%n", Math.min(100, releases / 4));
            run(base, officer, disclosure, Math.min(100, releases / 4), concurrency);
            CryptoCost crypto = crypto(korKeys, jpnKeys, 300);

            System.out.println("measuring unloaded latency (40 releases, one at a time)…");
            List<Double> unloaded = latencies(base, officer, run(base, officer, disclosure, 40, 1));

            System.out.printf(Locale.ROOT, "measuring %d releases, %d at a time…%n", releases, concurrency);
            long start = System.nanoTime();
            List<String> ids = run(base, officer, disclosure, releases, concurrency);
            awaitDelivered(base, officer, ids);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Double> latencies = latencies(base, officer, ids);
            CryptoCost cryptoAfter = crypto(korKeys, jpnKeys, 300);

            System.out.println();
            System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| releases delivered | %d |%n", ids.size());
            System.out.printf(Locale.ROOT, "| end-to-end releases per second | %.1f |%n", ids.size() / seconds);
            System.out.printf(Locale.ROOT, "| unloaded latency request → receipt, median | %.1f ms |%n",
                    percentile(unloaded, 50));
            System.out.printf(Locale.ROOT, "| latency under load (%d at a time), median | %.1f ms |%n", concurrency,
                    percentile(latencies, 50));
            System.out.printf(Locale.ROOT, "| latency under load, p95 | %.1f ms |%n", percentile(latencies, 95));
            double perEnvelope = (crypto.medianMicros() + cryptoAfter.medianMicros()) / 2;
            System.out.printf(Locale.ROOT, "| crypto per release (seal + open + 2 signatures + 2 verifications), median | %.0f µs |%n",
                    perEnvelope);
            System.out.printf(Locale.ROOT, "| crypto-only bound, releases per second per core | %.0f |%n", 1e6 / perEnvelope);
            System.out.printf(Locale.ROOT, "| end-to-end time per release ÷ crypto per release | %.1f |%n",
                    (1e6 / (ids.size() / seconds)) / perEnvelope);
        }
    }

    /** Creates, requests and approves {@code n} releases with {@code concurrency} virtual threads. */
    private static List<String> run(URI base, String officer, String disclosure, int n, int concurrency)
            throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().factory())) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                work.add(pool.submit(() -> {
                    JsonNode item = NodeApi.post(base, officer, "/api/v1/items", """
                            {"title":"load %d","body":"%s","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}"""
                            .formatted(k, "x".repeat(2048)), 201);
                    JsonNode r = NodeApi.post(base, officer, "/api/v1/items/" + item.get("id").asText() + "/releases",
                            "{\"to\":\"JPN\"}", 202);
                    String id = r.at("/release/id").asText();
                    NodeApi.post(base, disclosure, "/api/v1/releases/" + id + "/approve", "", 200);
                    ids.add(id);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        awaitDelivered(base, officer, ids);
        return ids;
    }

    private static void awaitDelivered(URI base, String officer, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long delivered = 0;
            for (JsonNode r : NodeApi.get(base, officer, "/api/v1/outbox?limit=1000").get("releases")) {
                if (ids.contains(r.get("id").asText()) && r.get("status").asText().equals("DELIVERED")) {
                    delivered++;
                }
            }
            if (delivered == ids.size()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not every release was delivered within five minutes");
    }

    private static List<Double> latencies(URI base, String officer, List<String> ids) throws Exception {
        List<Double> out = new ArrayList<>();
        for (JsonNode r : NodeApi.get(base, officer, "/api/v1/outbox?limit=1000").get("releases")) {
            if (ids.contains(r.get("id").asText())) {
                Instant requested = Instant.parse(r.get("requestedAt").asText());
                Instant delivered = Instant.parse(r.get("updatedAt").asText());
                out.add(Duration.between(requested, delivered).toNanos() / 1e6);
            }
        }
        Collections.sort(out);
        return out;
    }

    record CryptoCost(double medianMicros) {}

    /** The cryptography one release costs, on this machine, now: what the nodes cannot avoid doing. */
    private static CryptoCost crypto(NodeKeys kor, NodeKeys jpn, int rounds) {
        byte[] payload = new byte[3072];
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            byte[] itemSignature = Signatures.sign(kor, "item", payload);
            var envelope = Envelopes.seal(kor, jpn.identity(), "ITEM", UUID.randomUUID(), Instant.now(),
                    "SECRET | KOR 군사Ⅱ급비밀 | dprk.missile", payload);
            Envelopes.open(jpn, kor.identity(), envelope);
            Signatures.verify(kor.identity(), "item", payload, itemSignature);
            byte[] receipt = Signatures.sign(jpn, "receipt", payload);
            Signatures.verify(jpn.identity(), "receipt", payload, receipt);
            micros.add((System.nanoTime() - t) / 1e3);
        }
        Collections.sort(micros);
        return new CryptoCost(percentile(micros, 50));
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
