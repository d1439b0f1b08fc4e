package trisec.bench;

import trisec.node.NodeConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.node.base.Json;
import trisec.node.Node;
import trisec.node.person.Passwords;
import trisec.node.base.Peer;
import trisec.node.base.Peers;
import trisec.node.federation.Wire;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * A flood of junk at a node's federation endpoint while a user works: a JPN node in this process, on the embedded
 * store, with KOR as its partner. First a user's calls alone (the baseline), then the same calls while four
 * clients post junk envelopes — a third unreadable, a third from a party that is no partner, a third forged in
 * KOR's name, which JPN must check the signature of. Reports the user's latency (median, p99) in both phases and
 * their ratio, the junk's answers and rate, and how much the audit log grew.
 *
 * <pre>bench/flood [junk envelopes] [baseline calls]</pre>   (defaults: 10000 400)
 */
public final class FloodLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FloodLoad() {}

    public static void main(String[] args) throws Exception {
        int junk = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int baselineCalls = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Party jpn = Party.of("JPN");
        Party kor = Party.of("KOR");
        Path root = Files.createTempDirectory("trisec-flood-");
        int port = freePort();
        Node.keys(root.resolve("kor"), kor);
        Peer korPeer = Node.peerOf(root.resolve("kor"), kor, URI.create("http://127.0.0.1:" + freePort()));
        try (Node node = Node.start(NodeConfig.builder(jpn, root.resolve("jpn"), ScenarioFiles.shipped()).port(port)
                .peers(new Peers(List.of(korPeer))).witness(false).build())) {
            node.seedDemoPersons(Passwords.hash("demo".toCharArray()));
            URI base = node.url();
            String token = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"jpn.analyst\",\"password\":\"demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
            HttpRequest userCall = HttpRequest.newBuilder(base.resolve("/api/v1/agreements"))
                    .header("Authorization", "Bearer " + token).GET().build();
            for (int i = 0; i < 50; i++) {
                HTTP.send(userCall, HttpResponse.BodyHandlers.discarding()); // warm-up
            }
            node.admission().flush();
            node.integrateNow();
            long logBefore = node.auditLog().head().size() + node.auditLog().pending();

            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < baselineCalls; i++) {
                baseline.add(timed(userCall));
            }

            PublicIdentity jpnIdentity = node.identity();
            NodeKeys stranger = NodeKeys.generate(Party.of("AUS"));
            NodeKeys impostor = NodeKeys.generate(kor);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                bodies.add("{\"v\":1,\"kind\":\"ITEM\",\"junk\":" + i + "}");
                bodies.add(Wire.encode(Envelopes.seal(stranger, jpnIdentity, "ITEM", UUID.randomUUID(),
                        java.time.Instant.now(), "UNCLASSIFIED", "{}".getBytes())));
                bodies.add(Wire.encode(Envelopes.seal(impostor, jpnIdentity, "ITEM", UUID.randomUUID(),
                        java.time.Instant.now(), "UNCLASSIFIED", "{}".getBytes())));
            }
            Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicBoolean flooding = new AtomicBoolean(true);
            List<Long> underFlood = Collections.synchronizedList(new ArrayList<>());
            Thread user = Thread.ofPlatform().start(() -> {
                while (flooding.get()) {
                    try {
                        underFlood.add(timed(userCall));
                    } catch (Exception e) {
                        underFlood.add(Long.MAX_VALUE);
                    }
                }
            });
            long started = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    int first = t;
                    pool.submit(() -> {
                        for (int i = first; i < junk; i += 4) {
                            var r = HTTP.send(HttpRequest.newBuilder(base.resolve("/federation/v1/envelopes"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            answers.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            flooding.set(false);
            user.join();
            node.admission().flush();
            node.integrateNow();
            long logAfter = node.auditLog().head().size() + node.auditLog().pending();

            System.out.printf("junk envelopes: %d in %.1f s (%.0f/s); answers %s%n", junk, seconds, junk / seconds,
                    new java.util.TreeMap<>(answers));
            System.out.printf("audit log: %d entries before the flood, %d after (+%d)%n", logBefore, logAfter,
                    logAfter - logBefore);
            System.out.printf("user GET /api/v1/agreements alone:       %d calls, median %.2f ms, p99 %.2f ms%n",
                    baseline.size(), ms(baseline, 0.50), ms(baseline, 0.99));
            System.out.printf("user GET /api/v1/agreements under flood: %d calls, median %.2f ms, p99 %.2f ms%n",
                    underFlood.size(), ms(underFlood, 0.50), ms(underFlood, 0.99));
            System.out.printf("ratio under flood / alone: median %.1f, p99 %.1f%n",
                    ms(underFlood, 0.50) / ms(baseline, 0.50), ms(underFlood, 0.99) / ms(baseline, 0.99));
        }
    }

    private static long timed(HttpRequest request) throws Exception {
        long t = System.nanoTime();
        var r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the user's call answered " + r.statusCode());
        }
        return System.nanoTime() - t;
    }

    private static double ms(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private static int freePort() throws java.io.IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
