package trisec.node.federation;

import trisec.node.item.Labels;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.envelope.Envelope;
import trisec.envelope.NodeKeys;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.federation.Messages.ItemData;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.party.Party;

/**
 * What an attacker can post to {@code POST /federation/v1/envelopes}: every envelope that is not a genuine, fresh
 * message from a partner to this node is refused, and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvelopeAttackTest {
    private Cluster c;
    private int items;
    private long inbox;
    private int outbox;

    @BeforeAll
    void start() {
        c = Cluster.trilateral();
    }

    @AfterAll
    void stop() {
        c.close();
    }

    @BeforeEach
    void count() {
        Fed.quiet(c, KOR, JPN, USA);
        items = Fed.itemCount(c.node(JPN));
        inbox = Fed.inboxCount(c.node(JPN));
        outbox = Fed.outboxRows(c.node(JPN)).size();
    }

    private void nothingChangedAtJapan() {
        assertThat(Fed.itemCount(c.node(JPN))).as("JPN's items").isEqualTo(items);
        assertThat(Fed.inboxCount(c.node(JPN))).as("JPN's inbox").isEqualTo(inbox);
        assertThat(Fed.outboxRows(c.node(JPN))).as("JPN's outbox").hasSize(outbox);
    }

    private ItemData koreanItem(String title) {
        return Fed.signedItem(c.keys(KOR), "군사Ⅱ급비밀", "dprk.missile", title);
    }

    /** A genuine KOR → JPN delivery of a new item. */
    private Envelope genuine(ItemData item, UUID messageId) {
        return Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item, messageId);
    }

    /** The wire form of an envelope with one JSON field changed. */
    private static String edited(Envelope e, Consumer<ObjectNode> edit) {
        try {
            ObjectNode wire = (ObjectNode) Json.MAPPER.readTree(Wire.encode(e));
            edit.accept(wire);
            return Json.MAPPER.writeValueAsString(wire);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new AssertionError(ex);
        }
    }

    private static String flipByte(String base64, int index) {
        byte[] b = Base64.getDecoder().decode(base64);
        b[index] ^= 0x01;
        return Base64.getEncoder().encodeToString(b);
    }

    private void refused(Client.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.error()).as(r.body()).isEqualTo(code);
        nothingChangedAtJapan();
    }

    @Test
    void aGenuineEnvelopeIsAcceptedOnceAndItsReplayGetsTheOriginalReceipt() {
        ItemData item = koreanItem("replayed");
        String wire = Wire.encode(genuine(item, UUID.randomUUID()));

        var first = Fed.post(c, JPN, wire);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        SignedReceipt original = Fed.signedReceipt(first.json());
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), original)).isTrue();
        assertThat(original.receipt().outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(Fed.item(c.node(JPN), item.id())).isPresent();
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items + 1);
        assertThat(Fed.inboxCount(c.node(JPN))).isEqualTo(inbox + 1);
        items++;
        inbox++;

        for (int i = 0; i < 2; i++) {
            var replay = Fed.post(c, JPN, wire);
            assertThat(replay.status()).as(replay.body()).isEqualTo(409);
            assertThat(replay.error()).isEqualTo("DUPLICATE");
            SignedReceipt again = Fed.signedReceipt(replay.json().get("receipt"));
            assertThat(again).isEqualTo(original);
            assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), again)).isTrue();
            nothingChangedAtJapan();
        }
    }

    @Test
    void aMessageIdReusedForOtherContentIsRefused() {
        UUID messageId = UUID.randomUUID();
        var first = Fed.post(c, JPN, Wire.encode(genuine(koreanItem("first"), messageId)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        items++;
        inbox++;

        ItemData other = koreanItem("other content, same message id");
        var reused = Fed.post(c, JPN, Wire.encode(genuine(other, messageId)));
        refused(reused, 409, "MESSAGE_ID_REUSED");
        assertThat(Fed.item(c.node(JPN), other.id())).isEmpty();
        // Even the same content sealed again (new encapsulation, nonce, signature) is another envelope.
        var resealed = Fed.post(c, JPN, Wire.encode(genuine(koreanItem("first"), messageId)));
        refused(resealed, 409, "MESSAGE_ID_REUSED");
    }

    @Test
    void aForgedEnvelopeClaimingKoreaIsRefused() {
        NodeKeys impostor = NodeKeys.generate(KOR);
        ItemData item = Fed.signedItem(impostor, "군사Ⅱ급비밀", "dprk.missile", "forged");
        Envelope forged = Fed.itemEnvelope(c, impostor, c.keys(JPN).identity(), item, UUID.randomUUID());
        c.node(JPN).admission().flush(); // a new interval: its samples are this test's
        refused(Fed.post(c, JPN, Wire.encode(forged)), 403, "REFUSED_ENVELOPE");
        // On record as evidence, but not in KOR's name and not one entry per envelope: counted with its source (the
        // address and the sender it claims), its message id kept as a sample, in the interval's one entry.
        c.node(JPN).admission().flush();
        c.node(JPN).integrateNow();
        String messageId = forged.header().messageId().toString();
        var entry = java.util.stream.StreamSupport.stream(c.client(JPN).get("jpn.auditor",
                        "/api/v1/log/entries?limit=1000").json().get("entries").spliterator(), false)
                .map(e -> e.get("entry")).filter(e -> e.path("type").asText().equals("ENVELOPES_REFUSED"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("unverified");
        var source = entry.at("/sources/127.0.0.1 as KOR");
        assertThat(source.at("/reasons/does not verify").asInt()).as(entry.toString()).isPositive();
        assertThat(Fed.textList(source.get("messages"))).contains(messageId);

        // The impostor writes KOR's real key id into the header: the signature does not verify under it.
        String korKey = c.keys(KOR).identity().keyId().value();
        refused(Fed.post(c, JPN, edited(forged, w -> w.put("senderKey", korKey))), 403, "REFUSED_ENVELOPE");
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
    }

    @Test
    void anItemNotSignedByItsOriginatorIsRefusedEvenFromAPartner() {
        // USA's node seals it genuinely, but the Korean item inside was signed by someone else's key.
        ItemData item = Fed.signedItem(NodeKeys.generate(KOR), "군사Ⅱ급비밀", "dprk.missile", "not KOR's");
        var answer = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(USA), c.keys(JPN).identity(), item,
                UUID.randomUUID())));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        SignedReceipt receipt = Fed.signedReceipt(answer.json());
        assertThat(receipt.receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(receipt.receipt().reason()).contains("signature");
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items);
    }

    @Test
    void anItemWhoseIdIsNotAUuidIsRefusedEvenSignedByItsOriginator() {
        for (String id : List.of("x", "../../etc", "4CF8F50F-4CB5-41F9-BCE7-A23843E89DBE")) {
            var unsigned = new ItemData(id, "KOR", "군사Ⅱ급비밀", List.of(), List.of(), "dprk.missile",
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString(), "odd id", "body",
                    c.keys(KOR).identity().keyId().value(), "");
            ItemData item = new ItemData(id, "KOR", unsigned.level(), List.of(), List.of(), unsigned.topic(),
                    unsigned.createdAt(), unsigned.title(), unsigned.body(), unsigned.originKey(),
                    MessageSignatures.signItem(c.keys(KOR), unsigned));
            var answer = Fed.post(c, JPN, Wire.encode(Fed.itemEnvelope(c, c.keys(KOR), c.keys(JPN).identity(), item,
                    UUID.randomUUID())));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            SignedReceipt receipt = Fed.signedReceipt(answer.json());
            assertThat(receipt.receipt().outcome()).as(id).isEqualTo(Messages.REFUSED);
            assertThat(receipt.receipt().reason()).as(id).contains("UUID");
            assertThat(Fed.item(c.node(JPN), id)).isEmpty();
        }
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items);
    }

    @Test
    void aMisaddressedEnvelopeIsRefused() {
        ItemData item = koreanItem("for USA");
        Envelope toUsa = Fed.itemEnvelope(c, c.keys(KOR), c.keys(USA).identity(), item, UUID.randomUUID());
        refused(Fed.post(c, JPN, Wire.encode(toUsa)), 403, "MISADDRESSED");

        // Re-addressed on the wire to JPN (party and key): the signed header no longer matches.
        String jpnKey = c.keys(JPN).identity().keyId().value();
        refused(Fed.post(c, JPN, edited(toUsa, w -> w.put("recipient", "JPN").put("recipientKey", jpnKey))), 403,
                "REFUSED_ENVELOPE");
        // Addressed to JPN but to a key JPN does not have.
        refused(Fed.post(c, JPN, edited(genuine(item, UUID.randomUUID()),
                w -> w.put("recipientKey", c.keys(USA).identity().keyId().value()))), 403, "REFUSED_ENVELOPE");
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
    }

    @Test
    void aTamperedEnvelopeIsRefused() {
        ItemData item = koreanItem("tampered");
        Envelope e = genuine(item, UUID.randomUUID());
        var wire = Wire.encode(e);
        String ciphertext = Base64.getEncoder().encodeToString(e.ciphertext());
        String nonce = Base64.getEncoder().encodeToString(e.nonce());
        String encapsulation = Base64.getEncoder().encodeToString(e.encapsulation());
        String signature = Base64.getEncoder().encodeToString(e.signature());
        assertThat(wire).contains(ciphertext);

        refused(Fed.post(c, JPN, edited(e, w -> w.put("ciphertext", flipByte(ciphertext, 0)))), 403,
                "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("ciphertext", flipByte(ciphertext, e.ciphertext().length - 1)))),
                403, "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("nonce", flipByte(nonce, 3)))), 403, "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("encapsulation", flipByte(encapsulation, 100)))), 403,
                "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("signature", flipByte(signature, 10)))), 403,
                "REFUSED_ENVELOPE");
        // A lower label on the outside (what a relay would route or log by).
        refused(Fed.post(c, JPN, edited(e, w -> w.put("label", "UNCLASSIFIED"))), 403, "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("kind", "EVENT_NOTE"))), 403, "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("createdAt", "2020-01-01T00:00:00Z"))), 403,
                "REFUSED_ENVELOPE");
        // A new message id, to slip past the inbox: the header is signed.
        refused(Fed.post(c, JPN, edited(e, w -> w.put("messageId", UUID.randomUUID().toString()))), 403,
                "REFUSED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("version", 2))), 403, "REFUSED_ENVELOPE");
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();

        // The untouched envelope still goes through: the refusals above left nothing behind.
        var genuineAnswer = Fed.post(c, JPN, wire);
        assertThat(genuineAnswer.status()).as(genuineAnswer.body()).isEqualTo(200);
        assertThat(Fed.signedReceipt(genuineAnswer.json()).receipt().outcome()).isEqualTo(Messages.ACCEPTED);
    }

    @Test
    void aDeliveryWhoseRouteIsNotARouteIsRefusedWithItsReason() {
        // Genuinely sealed and signed by KOR: only the route is wrong. A party twice (the hub asked to send the item
        // back to its sender) or a word that is not a party code is refused, not a server error.
        for (var route : List.of(List.of("KOR", "JPN", "KOR"), List.of("KOR", "kor"), List.of("KOR", "JPN", ""))) {
            ItemData item = koreanItem("routed " + route);
            String releaseId = UUID.randomUUID().toString();
            var delivery = new Messages.ItemDelivery(item, releaseId, route, null, "KOR", releaseId);
            var answer = Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.ITEM,
                    UUID.randomUUID(), Postbox.header(Labels.of(item, c.config(KOR).scenario())), delivery)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var receipt = Fed.signedReceipt(answer.json()).receipt();
            assertThat(receipt.outcome()).as("%s", route).isEqualTo(Messages.REFUSED);
            assertThat(receipt.reason()).as("%s", route).contains("route");
            assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
        }
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items);
    }

    @Test
    void anEnvelopeWhoseLabelDisagreesWithItsContentIsRefused() {
        // Genuinely sealed by KOR, but the outside label understates what is inside.
        ItemData item = koreanItem("mislabelled");
        String releaseId = UUID.randomUUID().toString();
        var delivery = new Messages.ItemDelivery(item, releaseId, List.of("KOR", "JPN"), null, "KOR", releaseId);
        var answer = Fed.post(c, JPN, Wire.encode(Fed.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.ITEM,
                UUID.randomUUID(), "UNCLASSIFIED", delivery)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Fed.signedReceipt(answer.json()).receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(Fed.item(c.node(JPN), item.id())).isEmpty();
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items);
    }

    @Test
    void anUnknownSenderIsRefused() {
        Party aus = Party.of("AUS");
        NodeKeys stranger = NodeKeys.generate(aus);
        var e = Fed.seal(stranger, c.keys(JPN).identity(), Messages.EVENT_NOTE, UUID.randomUUID(), "UNCLASSIFIED",
                new Messages.EventNote(UUID.randomUUID().toString(), "kor-jpn-gsomia-2016", "TERMINATED",
                        "2026-08-15T00:00:00Z", null, null, ""));
        refused(Fed.post(c, JPN, Wire.encode(e)), 403, "UNKNOWN_SENDER");
        // Nor does naming a partner in the header help, without the partner's key.
        refused(Fed.post(c, JPN, edited(e, w -> w.put("sender", "KOR"))), 403, "REFUSED_ENVELOPE");
    }

    @Test
    void malformedEnvelopesAreRefused() {
        Envelope e = genuine(koreanItem("malformed"), UUID.randomUUID());
        refused(Fed.post(c, JPN, "not json"), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, ""), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, "{}"), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, "[1,2,3]"), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, Wire.encode(e) + "{}"), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.remove("signature"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("ciphertext", "***not base64***"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("messageId", "not-a-uuid"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("sender", "kor"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("createdAt", "yesterday"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("kind", "lower case"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("extra", "field"))), 400, "MALFORMED_ENVELOPE");
        refused(Fed.post(c, JPN, edited(e, w -> w.put("signature", ""))), 403, "REFUSED_ENVELOPE");
    }

    @Test
    void aGenuineEnvelopeWithAnUnreadablePayloadIsAnsweredWithARefusal() {
        var e = trisec.envelope.Envelopes.seal(c.keys(KOR), c.keys(JPN).identity(), Messages.ITEM, UUID.randomUUID(),
                java.time.Instant.now(), "UNCLASSIFIED", "{\"item\": 42".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var answer = Fed.post(c, JPN, Wire.encode(e));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Fed.signedReceipt(answer.json()).receipt().outcome()).isEqualTo(Messages.REFUSED);
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(items);
    }
}
