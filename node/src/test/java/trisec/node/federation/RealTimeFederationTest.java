package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;
import static trisec.node.federation.Fed.outboxEntry;
import static trisec.node.federation.Fed.quiet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.SignedReceipt;

/**
 * The three nodes on the shipped scenario, in real time (Korea–Japan GSOMIA in force): direct releases, consents
 * for onward releases, denials, and what the originator does to an item after it went out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealTimeFederationTest {
    private Cluster c;

    @BeforeAll
    void start() {
        c = Cluster.trilateral();
    }

    @AfterAll
    void stop() {
        c.close();
    }

    private static final String CLASS_I = "군사Ⅰ급비밀";
    private static final String CLASS_II = "군사Ⅱ급비밀";
    private static final String CLASS_III = "군사Ⅲ급비밀";

    @Test
    void aKoreanClassIiItemReachesJapanDirectlyWithASignedReceipt() {
        String id = createItem(c, KOR, CLASS_II, "dprk.missile");
        JsonNode requested = Fed.request(c, KOR, id, JPN);
        assertThat(requested.at("/decision/decision").asText()).isEqualTo("PERMIT");
        assertThat(requested.at("/decision/route").toString()).isEqualTo("[\"KOR\",\"JPN\"]");
        assertThat(requested.at("/decision/basis").toString()).isEqualTo("[\"kor-jpn-gsomia-2016\"]");
        assertThat(requested.at("/release/status").asText()).isEqualTo("AWAITING_APPROVAL");
        String releaseId = requested.at("/release/id").asText();

        // Two-person rule: nothing leaves before kor.disclosure approves.
        assertThat(Fed.item(c.node(JPN), id)).isEmpty();
        Fed.approve(c, KOR, releaseId);

        awaitStatus(c, KOR, releaseId, "DELIVERED");
        var jpn = c.client(JPN);
        var read = jpn.get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("heldLevel").asText()).isEqualTo("極秘");
        assertThat(read.json().get("receivedFrom").asText()).isEqualTo("KOR");
        assertThat(read.json().at("/label/originator").asText()).isEqualTo("KOR");
        assertThat(read.json().at("/label/level").asText()).isEqualTo(CLASS_II);
        assertThat(read.json().get("body").asText()).isEqualTo("the body of the assessment");
        var inbox = jpn.get("jpn.analyst", "/api/v1/inbox").json().get("items");
        assertThat(inbox.findValuesAsText("id")).contains(id);

        // The guest lacks both the clearance and the need-to-know: 403, every reason given.
        var denied = jpn.get("jpn.guest", "/api/v1/items/" + id);
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.error()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.json().get("reasons")).hasSize(2);
        assertThat(denied.body()).doesNotContain("the body of the assessment");
        assertThat(jpn.get("jpn.guest", "/api/v1/inbox").json().get("items").findValuesAsText("id"))
                .doesNotContain(id);

        // KOR holds JPN's signed receipt; verify it ourselves with JPN's public identity.
        JsonNode release = outboxEntry(c, KOR, releaseId);
        assertThat(release.get("approvedBy").asText()).isEqualTo("kor.disclosure");
        assertThat(release.get("requestedBy").asText()).isEqualTo("kor.officer");
        SignedReceipt signed = Fed.receipt(release);
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), signed)).isTrue();
        assertThat(MessageSignatures.verifyReceipt(c.keys(JPN).identity(), signed)).isTrue();
        Receipt r = signed.receipt();
        assertThat(r.signer()).isEqualTo("JPN");
        assertThat(r.outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(r.releaseId()).isEqualTo(releaseId);
        assertThat(r.itemId()).isEqualTo(id);
        assertThat(r.recipientLevel()).isEqualTo("極秘");
        assertThat(Fed.inboxEntry(c.node(JPN), r.messageId())).isPresent();
        // Not anyone else's signature, and not a receipt for something else.
        assertThat(MessageSignatures.verifyReceipt(c.node(KOR).identity(), signed)).isFalse();
        assertThat(MessageSignatures.verifyReceipt(c.node(USA).identity(), signed)).isFalse();
        var altered = new SignedReceipt(new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(),
                r.outcome(), "機密", r.reason(), r.at(), r.logIndex(), r.logLeaf()), signed.keyId(), signed.signature());
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), altered)).isFalse();
        assertThat(r.logIndex()).as("the receipt names the RECEIVED entry's index").isNotNull();
        altered = new SignedReceipt(new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(),
                r.outcome(), r.recipientLevel(), r.reason(), r.at(), r.logIndex() + 1, r.logLeaf()), signed.keyId(),
                signed.signature());
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), altered)).isFalse();

        // The copy exists only at JPN: USA never saw it.
        assertThat(Fed.item(c.node(USA), id)).isEmpty();
    }

    @Test
    void classIIsDeniedToJapanAndNothingMoves() {
        quiet(c, KOR, JPN, USA);
        String id = createItem(c, KOR, CLASS_I, "dprk.missile");
        int outboxBefore = Fed.outboxRows(c.node(KOR)).size();
        int releasesBefore = Fed.releases(c.node(KOR)).size();
        int jpnItems = Fed.itemCount(c.node(JPN));
        int usaItems = Fed.itemCount(c.node(USA));
        long jpnInbox = Fed.inboxCount(c.node(JPN));
        long usaInbox = Fed.inboxCount(c.node(USA));

        var r = c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/releases", "{\"to\":\"JPN\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("RELEASE_DENIED");
        // One reason per route tried: the direct GSOMIA lacks Class I, the TISA scope stops at Class II.
        assertThat(r.json().get("reasons").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.body()).contains("kor-jpn-gsomia-2016").contains("tisa-2014");

        quiet(c, KOR, JPN, USA);
        assertThat(Fed.outboxRows(c.node(KOR))).hasSize(outboxBefore);
        assertThat(Fed.releases(c.node(KOR))).hasSize(releasesBefore);
        assertThat(Fed.outbox(c, KOR).stream().map(x -> x.get("itemId").asText())).doesNotContain(id);
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(jpnItems);
        assertThat(Fed.itemCount(c.node(USA))).isEqualTo(usaItems);
        assertThat(Fed.inboxCount(c.node(JPN))).isEqualTo(jpnInbox);
        assertThat(Fed.inboxCount(c.node(USA))).isEqualTo(usaInbox);
        assertThat(Fed.item(c.node(JPN), id)).isEmpty();
    }

    /** USA holds a delivered copy of a Korean item; releasing it to JPN needs KOR's consent (third-party rule). */
    private String koreanItemHeldByUsa() {
        String id = createItem(c, KOR, CLASS_II, "dprk.missile");
        String toUsa = Fed.release(c, KOR, id, USA);
        awaitStatus(c, KOR, toUsa, "DELIVERED");
        var copy = c.client(USA).get("usa.officer", "/api/v1/items/" + id);
        assertThat(copy.status()).as(copy.body()).isEqualTo(200);
        assertThat(copy.json().get("heldLevel").asText()).isEqualTo("SECRET");
        return id;
    }

    private JsonNode inConsentAtKor(String itemId) {
        Cluster.eventually(() -> Fed.consents(c, KOR).stream().anyMatch(x -> x.get("itemId").asText().equals(itemId)),
                "KOR has the consent request");
        List<JsonNode> in = Fed.consents(c, KOR).stream().filter(x -> x.get("itemId").asText().equals(itemId)).toList();
        assertThat(in).hasSize(1);
        JsonNode consent = in.getFirst();
        assertThat(consent.get("direction").asText()).isEqualTo("IN");
        assertThat(consent.get("state").asText()).isEqualTo("PENDING");
        assertThat(consent.get("originator").asText()).isEqualTo("KOR");
        assertThat(consent.get("holder").asText()).isEqualTo("USA");
        assertThat(consent.get("recipient").asText()).isEqualTo("JPN");
        return consent;
    }

    @Test
    void anOnwardReleaseWaitsForTheOriginatorsConsentThenGoesThrough() {
        String id = koreanItemHeldByUsa();
        JsonNode requested = Fed.request(c, USA, id, JPN);
        assertThat(requested.at("/decision/decision").asText()).isEqualTo("CONSENT_REQUIRED");
        assertThat(requested.at("/release/status").asText()).isEqualTo("CONSENT_PENDING");
        String releaseId = requested.at("/release/id").asText();
        String consentId = requested.at("/release/consentId").asText();
        assertThat(consentId).isNotBlank();

        JsonNode consent = inConsentAtKor(id);
        assertThat(consent.get("id").asText()).isEqualTo(consentId);
        // Nothing goes before consent and approval: the disclosure official cannot approve yet.
        var early = c.client(USA).post("usa.disclosure", "/api/v1/releases/" + releaseId + "/approve", "");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        // Only the originator decides.
        var notOriginator = c.client(USA).post("usa.disclosure", "/api/v1/consents/" + consentId, "{\"grant\":true}");
        assertThat(notOriginator.status()).as(notOriginator.body()).isEqualTo(403);

        var granted = c.client(KOR).post("kor.disclosure", "/api/v1/consents/" + consentId, "{\"grant\":true}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("state").asText()).isEqualTo("GRANTED");
        assertThat(granted.json().get("decidedBy").asText()).isEqualTo("kor.disclosure");

        awaitStatus(c, USA, releaseId, "AWAITING_APPROVAL");
        assertThat(Fed.consents(c, USA).stream().filter(x -> x.get("id").asText().equals(consentId)).findFirst()
                .orElseThrow().get("state").asText()).isEqualTo("GRANTED");
        assertThat(Fed.item(c.node(JPN), id)).isEmpty();

        Fed.approve(c, USA, releaseId);
        awaitStatus(c, USA, releaseId, "DELIVERED");
        var read = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("heldLevel").asText()).isEqualTo("極秘");
        assertThat(read.json().get("receivedFrom").asText()).isEqualTo("USA");
        SignedReceipt receipt = Fed.receipt(outboxEntry(c, USA, releaseId));
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), receipt)).isTrue();
        assertThat(receipt.receipt().outcome()).isEqualTo(Messages.ACCEPTED);
    }

    @Test
    void aRefusedConsentStopsTheOnwardRelease() {
        String id = koreanItemHeldByUsa();
        JsonNode requested = Fed.request(c, USA, id, JPN);
        assertThat(requested.at("/decision/decision").asText()).isEqualTo("CONSENT_REQUIRED");
        String releaseId = requested.at("/release/id").asText();
        String consentId = inConsentAtKor(id).get("id").asText();

        var refused = c.client(KOR).post("kor.disclosure", "/api/v1/consents/" + consentId, "{\"grant\":false}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("state").asText()).isEqualTo("REFUSED");
        // Decided once.
        var again = c.client(KOR).post("kor.disclosure", "/api/v1/consents/" + consentId, "{\"grant\":true}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        awaitStatus(c, USA, releaseId, "CONSENT_REFUSED");
        var approve = c.client(USA).post("usa.disclosure", "/api/v1/releases/" + releaseId + "/approve", "");
        assertThat(approve.status()).as(approve.body()).isEqualTo(409);
        // Asking again does not get around the refusal: it asks KOR again.
        JsonNode second = Fed.request(c, USA, id, JPN);
        assertThat(second.at("/decision/decision").asText()).isEqualTo("CONSENT_REQUIRED");

        quiet(c, KOR, JPN, USA);
        assertThat(Fed.item(c.node(JPN), id)).isEmpty();
        assertThat(Fed.outboxRows(c.node(USA)).stream().filter(r -> r.kind().equals(Messages.ITEM))
                .filter(r -> r.peer().equals("JPN")).filter(r -> r.releaseId().orElse("").equals(releaseId)))
                .isEmpty();
    }

    @Test
    void retractionReachesTheHolder() {
        String id = createItem(c, KOR, CLASS_II, "dprk.missile");
        String releaseId = Fed.release(c, KOR, id, JPN);
        awaitStatus(c, KOR, releaseId, "DELIVERED");
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(200);

        // Only the originator retracts.
        var notOriginator = c.client(JPN).post("jpn.officer", "/api/v1/items/" + id + "/retract", "");
        assertThat(notOriginator.status()).as(notOriginator.body()).isEqualTo(403);

        var retract = c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/retract", "");
        assertThat(retract.status()).as(retract.body()).isEqualTo(200);
        assertThat(c.client(KOR).get("kor.officer", "/api/v1/items/" + id).status()).isEqualTo(410);
        Cluster.eventually(() -> c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 410,
                "JPN's copy is retracted");
        var gone = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(gone.error()).isEqualTo("RETRACTED");
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/inbox").json().get("items").findValuesAsText("id"))
                .doesNotContain(id);
        // A retracted item goes nowhere any more.
        var onward = c.client(JPN).post("jpn.officer", "/api/v1/items/" + id + "/releases", "{\"to\":\"USA\"}");
        assertThat(onward.status()).as(onward.body()).isEqualTo(410);
    }

    @Test
    void reclassificationAndRetractionReachAHolderThatGotTheItemOnwardWithConsent() {
        String id = koreanItemHeldByUsa();
        String releaseId = Fed.request(c, USA, id, JPN).at("/release/id").asText();
        String consentId = inConsentAtKor(id).get("id").asText();
        assertThat(c.client(KOR).post("kor.disclosure", "/api/v1/consents/" + consentId, "{\"grant\":true}")
                .status()).isEqualTo(200);
        awaitStatus(c, USA, releaseId, "AWAITING_APPROVAL");
        Fed.approve(c, USA, releaseId);
        awaitStatus(c, USA, releaseId, "DELIVERED");

        // JPN got its copy from USA, with KOR's consent: KOR's new marking and its retraction bind that copy too.
        assertThat(c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/reclassify",
                "{\"level\":\"" + CLASS_III + "\"}").status()).isEqualTo(200);
        Cluster.eventually(() -> Fed.item(c.node(USA), id).orElseThrow().heldLevel().equals("CONFIDENTIAL"),
                "USA re-marks its copy CONFIDENTIAL");
        Cluster.eventually(() -> Fed.item(c.node(JPN), id).orElseThrow().heldLevel().equals("秘"),
                "JPN re-marks its copy 秘");

        assertThat(c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/retract", "").status()).isEqualTo(200);
        Cluster.eventually(() -> c.client(USA).get("usa.officer", "/api/v1/items/" + id).status() == 410,
                "USA's copy is retracted");
        Cluster.eventually(() -> c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 410,
                "JPN's copy is retracted");
    }

    @Test
    void reclassificationRemarksTheCopyAndACompromiseReportReachesTheOriginator() {
        String id = createItem(c, KOR, CLASS_II, "dprk.missile");
        String releaseId = Fed.release(c, KOR, id, JPN);
        awaitStatus(c, KOR, releaseId, "DELIVERED");

        var notOriginator = c.client(JPN).post("jpn.officer", "/api/v1/items/" + id + "/reclassify",
                "{\"level\":\"秘\"}");
        assertThat(notOriginator.status()).as(notOriginator.body()).isEqualTo(403);

        var reclassified = c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/reclassify",
                "{\"level\":\"" + CLASS_III + "\"}");
        assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(200);
        assertThat(reclassified.json().at("/label/level").asText()).isEqualTo(CLASS_III);
        Cluster.eventually(() -> Fed.item(c.node(JPN), id).orElseThrow().heldLevel().equals("秘"),
                "JPN re-marks its copy 秘");
        var copy = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(copy.status()).as(copy.body()).isEqualTo(200);
        assertThat(copy.json().get("heldLevel").asText()).isEqualTo("秘");
        assertThat(copy.json().at("/label/level").asText()).isEqualTo(CLASS_III);
        // The new label is the originator's signed one.
        var row = Fed.item(c.node(JPN), id).orElseThrow();
        var scenario = c.config(JPN).scenario();
        var held = trisec.node.item.Labels.held(row, scenario, scenario.scheme(JPN));
        assertThat(MessageSignatures.verifyItem(c.node(KOR).identity(), trisec.node.item.Labels.data(held.item())))
                .isTrue();
        // The guest now has the clearance (秘) but still no need-to-know.
        assertThat(c.client(JPN).get("jpn.guest", "/api/v1/items/" + id).status()).isEqualTo(403);

        var report = c.client(JPN).post("jpn.analyst", "/api/v1/items/" + id + "/compromise",
                "{\"detail\":\"a printed copy was left in a meeting room\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        String reportId = report.json().get("id").asText();
        Cluster.eventually(() -> c.client(KOR).get("kor.officer", "/api/v1/items/" + id + "/reports").json()
                .get("reports").findValuesAsText("id").contains(reportId), "KOR has JPN's report");
        JsonNode atKor = c.client(KOR).get("kor.officer", "/api/v1/items/" + id + "/reports").json().get("reports");
        assertThat(atKor).hasSize(1);
        assertThat(atKor.get(0).get("reporter").asText()).isEqualTo("JPN");
        assertThat(atKor.get(0).get("detail").asText()).isEqualTo("a printed copy was left in a meeting room");
        assertThat(atKor.get(0).get("itemId").asText()).isEqualTo(id);
        // JPN keeps its own record of the report too.
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id + "/reports").json().get("reports"))
                .hasSize(1);
    }
}
