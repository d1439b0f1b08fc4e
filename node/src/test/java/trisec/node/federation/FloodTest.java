package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import trisec.envelope.NodeKeys;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;
import trisec.node.base.Json;

/**
 * Junk at the federation endpoint (issue 9): unauthenticated envelopes — unreadable, from a party that is no
 * partner, or forged in a partner's name — are counted per source and rate-limited, and the whole flood becomes a
 * handful of audit entries instead of one each; meanwhile the node keeps serving its users and its partner.
 */
class FloodTest {
    static final int JUNK = 10_000;

    @Test
    void tenThousandJunkEnvelopesGrowTheLogByAHandfulAndTheNodeKeepsServing() throws Exception {
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(), cfg -> cfg)) {
            Fed.quiet(c, KOR, JPN);
            c.node(JPN).admission().flush();
            c.node(JPN).integrateNow();
            long before = entries(c).size();

            // Three kinds of junk: not an envelope at all; a well-formed one from a party JPN has no peer for; one
            // forged in KOR's name (right shape, wrong key), which costs JPN a signature check to refuse.
            String malformed = "{\"v\":1,\"header\":{\"kind\":\"ITEM\"}}";
            NodeKeys stranger = NodeKeys.generate(trisec.party.Party.of("AUS"));
            NodeKeys impostor = NodeKeys.generate(KOR);
            List<String> strangers = new ArrayList<>();
            List<String> forgeries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                strangers.add(Wire.encode(Fed.seal(stranger, c.keys(JPN).identity(), Messages.ITEM, UUID.randomUUID(),
                        "UNCLASSIFIED", java.util.Map.of("junk", i))));
                forgeries.add(Wire.encode(Fed.seal(impostor, c.keys(JPN).identity(), Messages.ITEM, UUID.randomUUID(),
                        "UNCLASSIFIED", java.util.Map.of("junk", i))));
            }
            long floodStarted = System.nanoTime();
            var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
            var userCalls = new AtomicInteger();
            var userFailures = new AtomicInteger();
            String releaseId;
            try (var flood = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    flood.submit(() -> {
                        for (int i = thread; i < JUNK; i += 4) {
                            String body = switch (i % 3) {
                                case 0 -> malformed;
                                case 1 -> strangers.get(i % strangers.size());
                                default -> forgeries.get(i % forgeries.size());
                            };
                            int status = Fed.post(c, JPN, body).status();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                    });
                }
                // Meanwhile a user works at JPN, and KOR releases an item to JPN.
                String itemId = Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
                releaseId = Fed.release(c, KOR, itemId, JPN);
                for (int i = 0; i < 50; i++) {
                    var r = c.client(JPN).get("jpn.analyst", "/api/v1/agreements");
                    userCalls.incrementAndGet();
                    if (r.status() != 200) {
                        userFailures.incrementAndGet();
                    }
                }
            }
            Fed.awaitStatus(c, KOR, releaseId, "DELIVERED");
            assertThat(userFailures.get()).as("user calls that failed during the flood, of " + userCalls).isZero();

            // Every junk envelope was refused: 400 or 403 while its source had budget, 429 after.
            int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
            assertThat(total).isEqualTo(JUNK);
            assertThat(statuses.keySet()).as("answers to junk").isSubsetOf(400, 403, 429);
            assertThat(statuses.get(429)).as("throttled answers").isNotNull();
            assertThat(statuses.get(429).get()).as("throttled: most unreadable and stranger envelopes")
                    .isGreaterThan(JUNK / 2);

            c.node(JPN).admission().flush();
            c.node(JPN).integrateNow();
            List<JsonNode> added = entries(c).subList((int) before, entries(c).size());
            List<JsonNode> refusals = added.stream()
                    .filter(e -> e.get("type").asText().equals("ENVELOPES_REFUSED")).toList();
            // One entry per interval of the admission worker, and one for the flush above.
            long seconds = (System.nanoTime() - floodStarted) / 1_000_000_000L;
            System.out.printf("flood of %d junk envelopes: %d s, %d log entries for it%n", JUNK, seconds, refusals.size());
            assertThat(refusals).as("entries for a flood of " + seconds + " s").isNotEmpty()
                    .hasSizeLessThanOrEqualTo((int) (seconds / 10) + 2);
            assertThat(added.stream().filter(e -> e.path("actor").asText().equals("unverified")))
                    .as("no entry for a single junk envelope").containsExactlyElementsOf(refusals);
            // ...and together they count every junk envelope, by source and reason.
            long counted = refusals.stream().mapToLong(e -> e.get("count").asLong()).sum();
            assertThat(counted).isEqualTo(JUNK);
            // The sources and reasons of the whole flood, over all its entries.
            var reasons = new java.util.TreeMap<String, java.util.Set<String>>();
            refusals.forEach(e -> e.get("sources").properties().forEach(src -> src.getValue().get("reasons")
                    .fieldNames().forEachRemaining(r -> reasons.computeIfAbsent(src.getKey(), k -> new java.util.TreeSet<>())
                            .add(r))));
            assertThat(reasons.get("127.0.0.1 as AUS")).as(reasons.toString()).contains("unknown sender");
            assertThat(reasons.get("127.0.0.1 as KOR")).as(reasons.toString()).contains("does not verify");
            assertThat(reasons.get("127.0.0.1 as ?")).as(reasons.toString()).contains("malformed");
        }
    }

    private static List<JsonNode> entries(Cluster c) {
        var all = new ArrayList<JsonNode>();
        while (true) {
            var r = c.client(JPN).get("jpn.auditor", "/api/v1/log/entries?limit=1000&from=" + all.size());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            var page = StreamSupport.stream(r.json().get("entries").spliterator(), false).map(e -> e.get("entry")).toList();
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
        }
    }
}
