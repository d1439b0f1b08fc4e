package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import trisec.envelope.Envelope;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.item.Labels;
import trisec.node.Node;
import trisec.node.federation.Messages.ItemData;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.agreement.RecordedEvents;
import trisec.node.release.TrackedRelease;
import trisec.node.release.Releases;
import trisec.party.Party;

/** Shared steps of the federation tests: items, releases, and looking into a node's tables. */
final class Fed {
    private Fed() {}

    static String user(Party p, String role) {
        return p.code().toLowerCase(java.util.Locale.ROOT) + "." + role;
    }

    /** An officer of {@code p} creates an item; returns its id. */
    static String createItem(Cluster c, Party p, String level, String topic) {
        var r = c.client(p).post(user(p, "officer"), "/api/v1/items", """
                {"title":"launch assessment","body":"the body of the assessment","level":"%s","topic":"%s",
                 "relTo":[],"caveats":[]}""".formatted(level, topic));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** An officer of {@code holder} asks to release the item to {@code to}: the whole 202 answer. */
    static JsonNode request(Cluster c, Party holder, String itemId, Party to) {
        var r = c.client(holder).post(user(holder, "officer"), "/api/v1/items/" + itemId + "/releases",
                "{\"to\":\"" + to.code() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    static JsonNode approve(Cluster c, Party holder, String releaseId) {
        var r = c.client(holder).post(user(holder, "disclosure"), "/api/v1/releases/" + releaseId + "/approve", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Requests and approves a permitted release; returns the release id. */
    static String release(Cluster c, Party holder, String itemId, Party to) {
        JsonNode requested = request(c, holder, itemId, to);
        assertThat(requested.at("/decision/decision").asText()).as(requested.toString()).isEqualTo("PERMIT");
        String id = requested.at("/release/id").asText();
        approve(c, holder, id);
        return id;
    }

    /** The release as {@code GET /api/v1/outbox} shows it to the holder's disclosure official. */
    static JsonNode outboxEntry(Cluster c, Party holder, String releaseId) {
        return outbox(c, holder).stream().filter(r -> r.get("id").asText().equals(releaseId)).findFirst()
                .orElseThrow(() -> new AssertionError("no release " + releaseId + " in " + holder + "'s outbox"));
    }

    static List<JsonNode> outbox(Cluster c, Party holder) {
        var r = c.client(holder).get(user(holder, "disclosure"), "/api/v1/outbox");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("releases").spliterator(), false).toList();
    }

    static List<JsonNode> consents(Cluster c, Party p) {
        var r = c.client(p).get(user(p, "disclosure"), "/api/v1/consents");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("consents").spliterator(), false).toList();
    }

    static List<String> textList(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static String status(Cluster c, Party holder, String releaseId) {
        return outboxEntry(c, holder, releaseId).get("status").asText();
    }

    static void awaitStatus(Cluster c, Party holder, String releaseId, String status) {
        try {
            Cluster.eventually(() -> status(c, holder, releaseId).equals(status),
                    holder + "'s release " + releaseId + " is " + status);
        } catch (AssertionError e) {
            var envelopes = outboxRows(c.node(holder)).stream().filter(r -> r.releaseId().orElse("").equals(releaseId))
                    .map(r -> r.kind() + " to " + r.peer() + " " + r.state() + ", attempts " + r.attempts() + ", "
                            + r.lastError().orElse("")).toList();
            throw new AssertionError(e.getMessage() + "; last seen: " + outboxEntry(c, holder, releaseId)
                    + "; its envelopes: " + envelopes, e);
        }
        assertThat(status(c, holder, releaseId)).isEqualTo(status);
    }

    /** The signed receipt stored with a release, as the outbox shows it. */
    static SignedReceipt receipt(JsonNode release) {
        try {
            return Json.MAPPER.treeToValue(release.get("receipt"), SignedReceipt.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    // ---- tables ---------------------------------------------------------------------------------

    static Optional<ItemRow> item(Node n, String id) {
        return n.self().store().read(h -> Items.byId(h, id));
    }

    static int itemCount(Node n) {
        return n.self().store().read(Items::all).size();
    }

    static long inboxCount(Node n) {
        return n.self().store().read(Inbox::count);
    }

    static Optional<Inbox.Entry> inboxEntry(Node n, String messageId) {
        return n.self().store().read(h -> Inbox.find(h, messageId));
    }

    static List<OutboxRow> outboxRows(Node n) {
        return n.self().store().read(Outbox::all);
    }

    static List<TrackedRelease> releases(Node n) {
        return n.self().store().read(h -> Releases.all(h, n.self().facts().scenario()));
    }

    static List<RecordedEvents.Row> recordedEvents(Node n) {
        return n.self().store().read(RecordedEvents::all);
    }

    /** Waits until no node of the cluster has an envelope left to send. */
    static void quiet(Cluster c, Party... parties) {
        Cluster.eventually(() -> java.util.Arrays.stream(parties)
                .allMatch(p -> c.node(p).self().store().read(Outbox::pending) == 0), "every outbox is empty");
    }

    // ---- crafting envelopes -----------------------------------------------------------------------

    /** An item signed by {@code originatorKeys}, as a partner's node would carry it. */
    static ItemData signedItem(NodeKeys originatorKeys, String level, String topic, String title) {
        var unsigned = new ItemData(UUID.randomUUID().toString(), originatorKeys.party().code(), level, List.of(),
                List.of(), topic, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString(), title,
                "crafted body", originatorKeys.identity().keyId().value(), "");
        return new ItemData(unsigned.id(), unsigned.originator(), level, unsigned.relTo(), unsigned.caveats(), topic,
                unsigned.createdAt(), title, unsigned.body(), unsigned.originKey(),
                MessageSignatures.signItem(originatorKeys, unsigned));
    }

    /** An ITEM envelope, sealed by {@code sender} to {@code recipient}, carrying {@code item} on a direct route. */
    static Envelope itemEnvelope(Cluster c, NodeKeys sender, PublicIdentity recipient, ItemData item, UUID messageId) {
        var label = Labels.of(item, c.config(Cluster.KOR).scenario());
        String releaseId = UUID.randomUUID().toString();
        var delivery = new Messages.ItemDelivery(item, releaseId,
                List.of(sender.party().code(), recipient.party().code()), null, sender.party().code(), releaseId);
        return seal(sender, recipient, Messages.ITEM, messageId, Postbox.header(label), delivery);
    }

    static Envelope seal(NodeKeys sender, PublicIdentity recipient, String kind, UUID messageId, String label,
                         Object payload) {
        return Envelopes.seal(sender, recipient, kind, messageId, Instant.now(), label,
                Json.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    /** Posts raw text to a node's federation endpoint. */
    static Client.Response post(Cluster c, Party to, String body) {
        return c.client(to).raw(null, java.net.http.HttpRequest.newBuilder(
                        c.client(to).base().resolve("/federation/v1/envelopes"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    static SignedReceipt signedReceipt(JsonNode node) {
        try {
            return Json.MAPPER.treeToValue(node, SignedReceipt.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A second disclosure official at {@code p} ({@code <party>.disclosure2}), signed in, for the two-person rule. */
    static void secondOfficial(Cluster c, Party p) {
        String user = user(p, "disclosure2");
        var r = c.client(p).post(user(p, "admin"), "/api/v1/persons", """
                {"username":"%s","password":"second-official","clearance":"%s","needToKnow":["dprk"],
                 "roles":["disclosure"]}""".formatted(user, c.config(p).scenario().scheme(p).highest().name()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        c.client(p).signIn(user, "second-official");
    }

    /** A standing authority proposed by {@code <party>.disclosure} and approved by the second official: its id. */
    static String proposeAndApprove(Cluster c, Party p, String body) {
        var proposed = c.client(p).post(user(p, "disclosure"), "/api/v1/authorities", body);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("state").asText()).isEqualTo("PROPOSED");
        String id = proposed.json().get("id").asText();
        var approved = c.client(p).post(user(p, "disclosure2"), "/api/v1/authorities/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("ACTIVE");
        return id;
    }

    /** Korea's missile warnings to the USA and Japan, under the missile-warning mechanism. */
    static final String KOREAN_WARNINGS = """
            {"topic":"dprk.missile.warning","highest":"군사Ⅱ급비밀","recipients":["USA","JPN"],
             "validFrom":"2014-01-01","under":"missile-warning-2023"}""";
}
