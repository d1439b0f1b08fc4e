package trisec.node.federation;

import trisec.node.base.Peers;
import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;
import static trisec.node.federation.Fed.outboxEntry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.item.Labels;
import trisec.node.federation.Messages.ItemDelivery;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.scenario.file.ScenarioFiles;

/**
 * June 2015: TISA is in force, the Korea–Japan GSOMIA is not yet signed, so a Korean item reaches Japan only
 * through the U.S. hub, which forwards it with Korea's consent and relays Japan's receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubReleaseTest {
    static final Instant JUNE_2015 = Instant.parse("2015-06-01T00:00:00Z");
    private Cluster c;

    @BeforeAll
    void start() {
        c = Cluster.trilateral(JUNE_2015);
    }

    @AfterAll
    void stop() {
        c.close();
    }

    @Test
    void aKoreanItemReachesJapanThroughTheHubAndJapansReceiptComesBack() {
        String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        JsonNode requested = Fed.request(c, KOR, id, JPN);
        assertThat(requested.at("/decision/decision").asText()).isEqualTo("PERMIT");
        assertThat(requested.at("/decision/route").toString()).isEqualTo("[\"KOR\",\"USA\",\"JPN\"]");
        assertThat(Fed.textList(requested.at("/decision/basis"))).contains("tisa-2014");
        assertThat(requested.at("/decision/recipientLevel").asText()).isEqualTo("極秘");
        String releaseId = requested.at("/release/id").asText();
        Fed.approve(c, KOR, releaseId);

        awaitStatus(c, KOR, releaseId, "DELIVERED");

        // USA's own release, serving KOR's, went to JPN and is delivered.
        List<JsonNode> forwarded = Fed.outbox(c, USA).stream().filter(r -> r.get("itemId").asText().equals(id)).toList();
        assertThat(forwarded).hasSize(1);
        JsonNode usaRelease = forwarded.getFirst();
        assertThat(usaRelease.get("forOriginator").asText()).isEqualTo("KOR");
        assertThat(Fed.textList(usaRelease.get("route"))).containsExactly("USA", "JPN");
        assertThat(usaRelease.get("recipient").asText()).isEqualTo("JPN");
        assertThat(usaRelease.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(usaRelease.get("requestedBy").isNull()).isTrue();
        SignedReceipt atUsa = Fed.receipt(usaRelease);
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), atUsa)).isTrue();

        // KOR's release ends with JPN's own signed receipt, relayed through USA.
        JsonNode korRelease = outboxEntry(c, KOR, releaseId);
        assertThat(Fed.textList(korRelease.get("route"))).containsExactly("KOR", "USA", "JPN");
        SignedReceipt relayed = Fed.receipt(korRelease);
        assertThat(relayed.receipt().signer()).isEqualTo("JPN");
        assertThat(relayed.receipt().outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(relayed.receipt().recipientLevel()).isEqualTo("極秘");
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), relayed)).isTrue();
        assertThat(MessageSignatures.verifyReceipt(c.node(USA).identity(), relayed)).isFalse();
        assertThat(relayed).isEqualTo(atUsa);

        var atJpn = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(atJpn.status()).as(atJpn.body()).isEqualTo(200);
        assertThat(atJpn.json().get("heldLevel").asText()).isEqualTo("極秘");
        assertThat(atJpn.json().get("receivedFrom").asText()).isEqualTo("USA");
        var atHub = c.client(USA).get("usa.analyst", "/api/v1/items/" + id);
        assertThat(atHub.status()).as(atHub.body()).isEqualTo(200);
        assertThat(atHub.json().get("heldLevel").asText()).isEqualTo("SECRET");
        assertThat(atHub.json().get("receivedFrom").asText()).isEqualTo("KOR");

        // The originator's retraction reaches both the hub's copy and the final recipient's.
        assertThat(c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/retract", "").status()).isEqualTo(200);
        Cluster.eventually(() -> c.client(USA).get("usa.analyst", "/api/v1/items/" + id).status() == 410
                && c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 410, "both copies are retracted");
    }

    /**
     * An option's history at the hub: its forward served Korea's release through it, so it is asked as Korea asked
     * it (Korea holding the item, to Japan, with consent on record). Were the hub down that day, Korea's release
     * would go nowhere and there would have been nothing to forward: refused, at the hub as at Korea. Asked as the
     * hub's own leg (the U.S. to Japan under their GSOMIA, which an outage does not touch), it would stay unchanged.
     */
    @Test
    void underAnOptionTheHubsForwardIsAskedAsTheReleaseItServed() {
        String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.nuclear");
        String releaseId = Fed.request(c, KOR, id, JPN).at("/release/id").asText();
        Fed.approve(c, KOR, releaseId);
        awaitStatus(c, KOR, releaseId, "DELIVERED");
        String forward = Fed.outbox(c, USA).stream().filter(r -> r.get("itemId").asText().equals(id)).findFirst()
                .orElseThrow().get("id").asText();
        String hubDown = """
                name: The hub is down through 2015
                changes:
                  - change: outage
                    hub: USA
                    from: 2015-01-01
                    until: 2016-01-01
                """;
        String body = "{\"yaml\":" + trisec.node.base.Json.write(hubDown) + "}";
        for (var at : List.of(USA, KOR)) {
            var r = c.client(at).post(at.code().toLowerCase() + ".analyst", "/api/v1/options/picture?at=2015-06-01",
                    body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode impact = null;
            for (JsonNode i : r.json().at("/history/impacts")) {
                if (i.get("release").asText().equals(at == USA ? forward : releaseId)) {
                    impact = i;
                }
            }
            assertThat(impact).as(at + ": " + r.json().get("history")).isNotNull();
            assertThat(impact.get("effect").asText()).isEqualTo("REFUSED");
            assertThat(Fed.textList(impact.at("/was/route"))).containsExactly("KOR", "USA", "JPN");
            assertThat(impact.at("/now/decision").asText()).isEqualTo("DENY");
        }
    }

    /**
     * Under TISA Korea may know only the hub. Its new marking and its retraction still reach Japan: the hub passes
     * Korea's signed notices on to the party it forwarded the item to, and nobody is left untold.
     */
    @Test
    void notReachingJapanKoreaStillTellsItThroughTheHub() {
        try (Cluster x = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.of(JUNE_2015),
                cfg -> cfg.party().equals(KOR) ? cfg.toBuilder().peers(new Peers(cfg.peers().all().stream()
                        .filter(p -> !p.identity().party().equals(JPN)).toList())).build() : cfg)) {
            String id = createItem(x, KOR, "군사Ⅱ급비밀", "dprk.missile");
            String releaseId = Fed.request(x, KOR, id, JPN).at("/release/id").asText();
            Fed.approve(x, KOR, releaseId);
            // (KOR, knowing no key of JPN's, cannot check JPN's relayed receipt: its release stays FORWARDING.)
            awaitStatus(x, KOR, releaseId, "FORWARDING");
            Cluster.eventually(() -> x.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 200,
                    "JPN holds the copy");

            var reclassified = x.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/reclassify",
                    "{\"level\":\"군사Ⅲ급비밀\"}");
            assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(200);
            Cluster.eventually(() -> x.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).json()
                    .path("heldLevel").asText().equals("秘"), "JPN's copy is re-marked through the hub");

            var r = x.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/retract", "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(Fed.textList(r.json().get("relayed"))).containsExactly("JPN");
            assertThat(r.json().has("notTold")).isFalse();
            Cluster.eventually(() -> x.client(USA).get("usa.analyst", "/api/v1/items/" + id).status() == 410
                    && x.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 410,
                    "the hub's copy and JPN's, told by the hub, are retracted");
        }
    }

    @Test
    void theHubAnswersOnlyTheSenderAboutItsOwnRelease() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "origin named by the sender");
        var label = Labels.of(item, c.config(KOR).scenario());
        String releaseId = UUID.randomUUID().toString();
        var consent = MessageSignatures.signConsent(c.keys(KOR), UUID.randomUUID().toString(), item.id(), "JPN", true,
                JUNE_2015.toString());
        var elsewhere = new ItemDelivery(item, releaseId, List.of("KOR", "USA", "JPN"), consent, "JPN", releaseId);
        var answer = Fed.post(c, USA, trisec.node.federation.Wire.encode(Fed.seal(c.keys(KOR), c.keys(USA).identity(),
                Messages.ITEM, UUID.randomUUID(), Postbox.header(label), elsewhere)));
        var receipt = Fed.signedReceipt(answer.json()).receipt();
        assertThat(receipt.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(receipt.reason()).contains("origin");
        assertThat(Fed.item(c.node(USA), item.id())).isEmpty();
    }

    @Test
    void aRelayedReceiptMustAnswerTheDeliveryOfThatItem() {
        String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        String releaseId = Fed.request(c, KOR, id, JPN).at("/release/id").asText();
        Fed.approve(c, KOR, releaseId);
        awaitStatus(c, KOR, releaseId, "DELIVERED");

        // A receipt JPN really signed, but for something else: a report about an item it does not hold.
        var report = new Messages.CompromiseReport(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "d",
                JUNE_2015.toString());
        var other = Fed.signedReceipt(Fed.post(c, JPN, trisec.node.federation.Wire.encode(Fed.seal(c.keys(USA),
                c.keys(JPN).identity(), Messages.COMPROMISE_REPORT, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER,
                report))).json());
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), other)).isTrue();

        var relay = new Messages.ReceiptRelay(releaseId, other);
        var answer = Fed.post(c, KOR, trisec.node.federation.Wire.encode(Fed.seal(c.keys(USA), c.keys(KOR).identity(),
                Messages.RECEIPT_RELAY, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, relay)));
        assertThat(Fed.signedReceipt(answer.json()).receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("DELIVERED");
    }

    /** JPN's node knows the U.S.–Japan GSOMIA was terminated: it refuses the hub, and KOR learns why. */
    @Test
    void aRefusalByTheFinalRecipientIsRelayedToTheOriginator() {
        var terminated = trisec.agreement.LifecycleEvent.of(trisec.agreement.LifecycleEvent.EventType.TERMINATED,
                Instant.parse("2015-01-01T00:00:00Z"), Optional.of(JPN), "as only JPN's node knows", Optional.empty());
        var jpnView = ScenarioFiles.shipped().withEvent("usa-jpn-gsomia-2007", terminated);
        try (Cluster x = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.of(JUNE_2015),
                cfg -> cfg.party().equals(JPN) ? cfg.toBuilder().scenario(jpnView).build() : cfg)) {
            String id = createItem(x, KOR, "군사Ⅱ급비밀", "dprk.missile");
            String releaseId = Fed.release(x, KOR, id, JPN);
            awaitStatus(x, KOR, releaseId, "REFUSED");
            JsonNode korRelease = outboxEntry(x, KOR, releaseId);
            assertThat(korRelease.get("refusal").asText()).startsWith("JPN: ").contains("usa-jpn-gsomia-2007");
            SignedReceipt relayed = Fed.receipt(korRelease);
            assertThat(MessageSignatures.verifyReceipt(x.node(JPN).identity(), relayed)).isTrue();
            assertThat(relayed.receipt().outcome()).isEqualTo(Messages.REFUSED);

            JsonNode usaRelease = Fed.outbox(x, USA).stream().filter(r -> r.get("itemId").asText().equals(id))
                    .findFirst().orElseThrow();
            assertThat(usaRelease.get("status").asText()).isEqualTo("REFUSED");
            assertThat(Fed.item(x.node(JPN), id)).isEmpty();
            // The hub received it under its own agreement with KOR and keeps protecting its copy.
            assertThat(Fed.item(x.node(USA), id)).isPresent();
        }
    }

    @Test
    void theHubRefusesToForwardWithoutTheOriginatorsConsent() {
        var item = Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", "no consent");
        var label = Labels.of(item, c.config(KOR).scenario());
        String releaseId = UUID.randomUUID().toString();
        int usaItems = Fed.itemCount(c.node(USA));
        int jpnItems = Fed.itemCount(c.node(JPN));

        // No consent at all.
        var none = new ItemDelivery(item, releaseId, List.of("KOR", "USA", "JPN"), null, "KOR", releaseId);
        var answer = Fed.post(c, USA, trisec.node.federation.Wire.encode(Fed.seal(c.keys(KOR), c.keys(USA).identity(),
                Messages.ITEM, UUID.randomUUID(), Postbox.header(label), none)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        SignedReceipt refused = Fed.signedReceipt(answer.json());
        assertThat(MessageSignatures.verifyReceipt(c.node(USA).identity(), refused)).isTrue();
        assertThat(refused.receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(refused.receipt().reason()).contains("consent");

        // A consent for another recipient, or one not signed by the originator, is no consent.
        var forUsa = MessageSignatures.signConsent(c.keys(KOR), UUID.randomUUID().toString(), item.id(), "USA", true,
                JUNE_2015.toString());
        var byUsa = MessageSignatures.signConsent(c.keys(USA), UUID.randomUUID().toString(), item.id(), "JPN", true,
                JUNE_2015.toString());
        var refusedConsent = MessageSignatures.signConsent(c.keys(KOR), UUID.randomUUID().toString(), item.id(), "JPN", false,
                JUNE_2015.toString());
        for (var proof : List.of(forUsa, byUsa, refusedConsent)) {
            var d = new ItemDelivery(item, releaseId, List.of("KOR", "USA", "JPN"), proof, "KOR", releaseId);
            var a = Fed.post(c, USA, trisec.node.federation.Wire.encode(Fed.seal(c.keys(KOR), c.keys(USA).identity(),
                    Messages.ITEM, UUID.randomUUID(), Postbox.header(label), d)));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(Fed.signedReceipt(a.json()).receipt().outcome()).as(proof.toString())
                    .isEqualTo(Messages.REFUSED);
        }
        Fed.quiet(c, KOR, JPN, USA);
        assertThat(Fed.itemCount(c.node(USA))).isEqualTo(usaItems);
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(jpnItems);
        assertThat(Fed.item(c.node(USA), item.id())).isEmpty();
    }

    /**
     * KOR's envelope reached the hub, but KOR crashed before recording the hub's FORWARDING receipt; meanwhile the
     * hub forwarded and relayed JPN's final receipt. When KOR sends again and gets the hub's original receipt back,
     * its release must stay DELIVERED with JPN's receipt.
     */
    @Test
    void aLateForwardingReceiptDoesNotUndoTheFinalOne() {
        try (Cluster x = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.of(JUNE_2015),
                cfg -> cfg.party().equals(KOR) ? cfg.toBuilder().deliver(false).build() : cfg)) {
            String id = createItem(x, KOR, "군사Ⅱ급비밀", "dprk.missile");
            String releaseId = Fed.release(x, KOR, id, JPN);
            List<OutboxRow> pending = Fed.outboxRows(x.node(KOR)).stream()
                    .filter(r -> r.releaseId().orElse("").equals(releaseId)).toList();
            assertThat(pending).hasSize(1);
            assertThat(pending.getFirst().peer()).isEqualTo("USA");

            // The envelope reaches the hub (as KOR's courier would have sent it)...
            var first = Fed.post(x, USA, pending.getFirst().envelope());
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(Fed.signedReceipt(first.json()).receipt().outcome()).isEqualTo(Messages.FORWARDING);
            // ...which forwards it and relays JPN's receipt to KOR (KOR's inbound side works without its courier).
            awaitStatus(x, KOR, releaseId, "DELIVERED");
            SignedReceipt finalReceipt = Fed.receipt(outboxEntry(x, KOR, releaseId));
            assertThat(finalReceipt.receipt().signer()).isEqualTo("JPN");

            // KOR's courier now sends the envelope it never saw answered: the hub answers DUPLICATE.
            x.node(KOR).deliverNow();
            assertThat(Fed.outboxRows(x.node(KOR)).stream().filter(r -> r.id() == pending.getFirst().id())
                    .findFirst().orElseThrow().state()).isEqualTo(OutboxRow.DONE);
            JsonNode release = outboxEntry(x, KOR, releaseId);
            assertThat(release.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(Fed.receipt(release)).isEqualTo(finalReceipt);
            assertThat(Fed.outbox(x, USA).stream().filter(r -> r.get("itemId").asText().equals(id))).hasSize(1);
            assertThat(Fed.item(x.node(JPN), id)).isPresent();
        }
    }
}
