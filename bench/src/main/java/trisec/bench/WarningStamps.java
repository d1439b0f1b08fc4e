package trisec.bench;

import static trisec.bench.Latencies.ms;
import static trisec.bench.WarningLoad.JPN;
import static trisec.bench.WarningLoad.KOR;
import static trisec.bench.WarningLoad.USA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.node.Node;
import trisec.node.federation.Inbox;
import trisec.node.federation.Outbox;
import trisec.node.federation.OutboxRow;
import trisec.node.federation.Wire;
import trisec.node.item.Items;
import trisec.party.Party;

/**
 * One warning's way through the nodes, from their own records, on the load generator's clock: KOR stamps the item;
 * both its envelopes (to the USA, and to Japan through the USA) are in KOR's outbox, written in the item's
 * transaction and handed to the courier on its commit (the fast path: no round claims them); the USA's handler is
 * done with the direct copy and with the hub leg; the onward envelope is in the USA's outbox; Japan's handler is
 * done with it.
 * "Done" is the time in the receipt the handler's node signs: after its checks and writes, before the audit entry,
 * the receipt's signature and the commit.
 */
record WarningStamps(long created, long enqueued, long usaDirectDone, long usaHubDone, long onwardEnqueued,
                     long jpnDone) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When the USA first held a copy, whichever envelope brought it. */
    long usaFirstDone() {
        return Math.min(usaDirectDone, usaHubDone);
    }

    /** An envelope of a warning's item as its sender's outbox holds it, on the load generator's clock. */
    private record Sent(List<String> route, String messageId, long enqueued) {}

    /** The stamps of each of these items that took the mechanism's two routes, by item id. */
    static Map<String, WarningStamps> of(Map<Party, Node> nodes, Map<Party, NodeKeys> keys, NodeClocks clocks,
                                         Collection<String> itemIds) {
        Map<String, List<Sent>> fromKor = sent(nodes.get(KOR), keys, clocks);
        Map<String, List<Sent>> fromUsa = sent(nodes.get(USA), keys, clocks);
        Map<String, WarningStamps> out = new HashMap<>();
        for (String id : itemIds) {
            List<Sent> kor = fromKor.getOrDefault(id, List.of());
            List<Sent> usa = fromUsa.getOrDefault(id, List.of());
            var direct = kor.stream().filter(s -> s.route().size() == 2).findFirst();
            var viaHub = kor.stream().filter(s -> s.route().size() == 3).findFirst();
            if (direct.isEmpty() || viaHub.isEmpty() || usa.size() != 1) {
                continue;
            }
            Sent onward = usa.getFirst();
            out.put(id, new WarningStamps(clocks.nanos(KOR, itemStamp(nodes.get(KOR), id)),
                    Math.max(direct.get().enqueued(), viaHub.get().enqueued()),
                    clocks.nanos(USA, receiptAt(nodes.get(USA), direct.get().messageId())),
                    clocks.nanos(USA, receiptAt(nodes.get(USA), viaHub.get().messageId())),
                    onward.enqueued(),
                    clocks.nanos(JPN, receiptAt(nodes.get(JPN), onward.messageId()))));
        }
        return out;
    }

    /** Where the time of a scenario's warnings goes, stage by stage, each a sorted list of ms. */
    static Map<String, List<Double>> stages(List<Timeline> timelines, Map<String, WarningStamps> stamps) {
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        for (Timeline t : timelines) {
            WarningStamps s = stamps.get(t.itemId());
            if (s == null) {
                continue;
            }
            long usaEvent = t.seen().get("USA").event();
            long jpnEvent = t.seen().get("JPN").event();
            add(stages, "call → KOR stamps the item (sign-in, input, duplicate check, item signature)",
                    s.created() - t.start());
            add(stages, "→ both envelopes in KOR's outbox (decisions, consent, seals, in the item's transaction)",
                    s.enqueued() - s.created());
            add(stages, "→ USA's handler done with the direct copy (commit, hand-over, post, open, checks, store)",
                    s.usaDirectDone() - s.enqueued());
            if (usaEvent >= 0) {
                add(stages, "→ USA's screen: inbox event (audit entry, receipt, commit, signal)",
                        usaEvent - s.usaFirstDone());
            }
            add(stages, "KOR's outbox → onward envelope in USA's outbox (commit, hand-over, post, hub leg taken)",
                    s.onwardEnqueued() - s.enqueued());
            add(stages, "→ JPN's handler done with it (commit, hand-over, post, open, checks, store)",
                    s.jpnDone() - s.onwardEnqueued());
            if (jpnEvent >= 0) {
                add(stages, "→ JPN's screen: inbox event (audit entry, receipt, commit, signal)",
                        jpnEvent - s.jpnDone());
            }
        }
        stages.replaceAll((k, v) -> Latencies.sorted(v));
        return stages;
    }

    private static void add(Map<String, List<Double>> stages, String stage, long nanos) {
        stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms(nanos));
    }

    /** A node's item deliveries by item id, each opened with its recipient's key to learn the item and route. */
    private static Map<String, List<Sent>> sent(Node node, Map<Party, NodeKeys> keys, NodeClocks clocks) {
        Map<String, List<Sent>> out = new HashMap<>();
        for (OutboxRow row : node.self().store().read(Outbox::all)) {
            if (!row.kind().equals("ITEM")) {
                continue;
            }
            byte[] payload = Envelopes.open(keys.get(Party.of(row.peer())), node.identity(),
                    Wire.decode(row.envelope())).payload();
            JsonNode delivery = json(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            List<String> route = new ArrayList<>();
            delivery.get("route").forEach(p -> route.add(p.asText()));
            out.computeIfAbsent(delivery.at("/item/id").asText(), k -> new ArrayList<>()).add(new Sent(route,
                    row.messageId(), clocks.nanos(node.party(), row.createdAt())));
        }
        return out;
    }

    /** When the originator stamped its item (the label's creation, just before the item's transaction). */
    private static Instant itemStamp(Node kor, String itemId) {
        return kor.self().store().read(h -> Items.byId(h, itemId)).orElseThrow().createdAt();
    }

    /** The time in the receipt a node signed for a message: when its handler was done, before its commit. */
    private static Instant receiptAt(Node node, String messageId) {
        String response = node.self().store().read(h -> Inbox.find(h, messageId)).orElseThrow().response();
        return Instant.parse(json(response).at("/receipt/at").asText());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
