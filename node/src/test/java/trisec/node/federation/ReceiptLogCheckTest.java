package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.Node;
import trisec.node.federation.Messages.Receipt;
import trisec.node.log.ReceiptChecks;
import trisec.scenario.file.ScenarioFiles;

/**
 * A receipt names the recipient's RECEIVED entry (index and leaf hash); once the sender has witnessed a checkpoint
 * of the recipient's log covering it, it checks the entry's inclusion, and a receipt whose entry is not there
 * raises the alarm once and sends the message again.
 */
class ReceiptLogCheckTest {
    private Cluster c;

    @BeforeEach
    void start() {
        // Witnessing by hand, so that each check is observed.
        c = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.empty(), cfg -> cfg.toBuilder().witness(false).build());
    }

    @AfterEach
    void stop() {
        c.close();
    }

    private Receipt deliveredToJapan() {
        String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        String release = Fed.release(c, KOR, id, JPN);
        awaitStatus(c, KOR, release, "DELIVERED");
        return Fed.receipt(Fed.outboxEntry(c, KOR, release)).receipt();
    }

    private Optional<ReceiptChecks.Row> check(Receipt r) {
        return c.node(KOR).self().store().read(h -> ReceiptChecks.of(h, "JPN", r.messageId()));
    }

    private void korWitnessesJapan() {
        c.node(JPN).integrateNow();
        c.node(KOR).witness().pollAll();
    }

    private List<String> entries(Node n, String type) {
        n.integrateNow();
        return n.auditLog().entries(0, 1000).stream().filter(e -> e.contains("\"type\":\"" + type + "\"")).toList();
    }

    @Test
    void theReceiptNamesTheReceivedEntryAndIsVerifiedOnceTheSenderWitnessedIt() {
        Receipt r = deliveredToJapan();
        assertThat(r.logIndex()).isNotNull();
        c.node(JPN).integrateNow();
        String entry = c.node(JPN).auditLog().entries(r.logIndex(), 1).getFirst();
        assertThat(entry).contains("\"type\":\"RECEIVED\"").contains(r.messageId());
        assertThat(Base64.getDecoder().decode(r.logLeaf()))
                .isEqualTo(trisec.audit.merkle.Rfc6962.leafHash(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(check(r)).get().extracting(ReceiptChecks.Row::state).isEqualTo(ReceiptChecks.PENDING);
        korWitnessesJapan();
        assertThat(check(r)).get().extracting(ReceiptChecks.Row::state).isEqualTo(ReceiptChecks.VERIFIED);
        assertThat(entries(c.node(KOR), "RECEIPT_MISSING")).isEmpty();
    }

    @Test
    void aReceiptWhoseEntryIsNotInTheLogRaisesTheAlarmOnceAndTheItemIsSentAgain() {
        Receipt r = deliveredToJapan();
        String itemId = r.itemId();
        // JPN's receipt names an entry its log does not hold (here: another leaf at that index), and JPN no longer
        // holds what it signed for.
        byte[] otherLeaf = new byte[32];
        c.node(KOR).self().store().useTransaction(h -> h.createUpdate(
                "UPDATE receipt_checks SET log_leaf = :l WHERE message_id = :m")
                .bind("l", Base64.getEncoder().encodeToString(otherLeaf)).bind("m", r.messageId()).execute());
        c.node(JPN).self().store().useTransaction(h -> {
            h.createUpdate("DELETE FROM inbox WHERE message_id = :m").bind("m", r.messageId()).execute();
            // Everything that names the item goes with it (the TAXII order numbers each item held).
            h.createUpdate("DELETE FROM stix_added WHERE item_id = :i").bind("i", itemId).execute();
            h.createUpdate("DELETE FROM items WHERE id = :i").bind("i", itemId).execute();
        });
        assertThat(Fed.item(c.node(JPN), itemId)).isEmpty();

        korWitnessesJapan();
        assertThat(check(r)).get().extracting(ReceiptChecks.Row::state).isNotEqualTo(ReceiptChecks.VERIFIED);
        List<String> alarms = entries(c.node(KOR), "RECEIPT_MISSING");
        assertThat(alarms).singleElement().asString().contains(r.messageId()).contains("\"resent\":true");

        // Sent again, accepted anew: JPN holds the item, and its new receipt names its new entry.
        Cluster.eventually(() -> Fed.item(c.node(JPN), itemId).isPresent(), "JPN holds the item again");
        Cluster.eventually(() -> check(r).map(ReceiptChecks.Row::logIndex).orElse(-1L) > r.logIndex(),
                "KOR records JPN's new receipt");
        korWitnessesJapan();
        assertThat(check(r)).get().extracting(ReceiptChecks.Row::state).isEqualTo(ReceiptChecks.VERIFIED);
        korWitnessesJapan();
        assertThat(entries(c.node(KOR), "RECEIPT_MISSING")).as("raised once").hasSize(1);

        // Should the new receipt be wrong too, the alarm is raised for it, but the message is not sent a third time.
        c.node(KOR).self().store().useTransaction(h -> h.createUpdate(
                "UPDATE receipt_checks SET log_leaf = :l, state = 'PENDING' WHERE message_id = :m")
                .bind("l", Base64.getEncoder().encodeToString(otherLeaf)).bind("m", r.messageId()).execute());
        korWitnessesJapan();
        List<String> again = entries(c.node(KOR), "RECEIPT_MISSING");
        assertThat(again).hasSize(2);
        assertThat(again.get(1)).contains("\"resent\":false");
        assertThat(Fed.outboxRows(c.node(KOR)).stream().filter(o -> o.messageId().equals(r.messageId())))
                .singleElement().extracting(o -> o.state()).isEqualTo("DONE");
    }

    @Test
    void aReceiptNamingAnEntryBeyondCheckpointsSignedLongAfterItIsMissing() {
        Receipt r = deliveredToJapan();
        c.node(KOR).self().store().useTransaction(h -> h.createUpdate(
                "UPDATE receipt_checks SET log_index = :i, recorded_at = :t WHERE message_id = :m")
                .bind("i", 1_000_000_000L).bind("t", java.time.Instant.now().minus(java.time.Duration.ofHours(1)))
                .bind("m", r.messageId()).execute());
        korWitnessesJapan();
        assertThat(check(r)).get().extracting(ReceiptChecks.Row::state).isEqualTo(ReceiptChecks.MISSING);
        assertThat(entries(c.node(KOR), "RECEIPT_MISSING")).singleElement().asString().contains(r.messageId());
    }

    @Test
    void aReceiptNamingAMalformedEntryDoesNotVerifyAndOneNamingNoneStillDoes() {
        Receipt r = deliveredToJapan();
        var keys = c.keys(JPN);
        for (Receipt bad : List.of(
                new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(), r.outcome(),
                        r.recipientLevel(), r.reason(), r.at(), -1L, r.logLeaf()),
                new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(), r.outcome(),
                        r.recipientLevel(), r.reason(), r.at(), r.logIndex(), "AAAA"),
                new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(), r.outcome(),
                        r.recipientLevel(), r.reason(), r.at(), r.logIndex(), null))) {
            assertThat(MessageSignatures.verifyReceipt(keys.identity(), MessageSignatures.signReceipt(keys, bad))).as(bad.toString()).isFalse();
        }
        // A node that does not name its entries yet signs receipts as before (v1), and they still verify.
        var plain = new Receipt(r.messageId(), r.kind(), r.releaseId(), r.itemId(), r.signer(), r.outcome(),
                r.recipientLevel(), r.reason(), r.at(), null, null);
        var signed = MessageSignatures.signReceipt(keys, plain);
        assertThat(MessageSignatures.verifyReceipt(keys.identity(), signed)).isTrue();
        // and a v1 signature is not taken for a receipt naming an entry
        var dressedUp = new Messages.SignedReceipt(r, signed.keyId(), signed.signature());
        assertThat(MessageSignatures.verifyReceipt(keys.identity(), dressedUp)).isFalse();
    }
}
