package trisec.node.federation;

import trisec.node.NodeConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;
import static trisec.node.federation.Fed.outboxEntry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.Node;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.scenario.file.ScenarioFiles;

/**
 * Transactional outbox and idempotent inbox across crashes: a message committed to the outbox is delivered once,
 * whether the sender crashed before sending, or after sending but before recording the receipt; a recipient that
 * is down is retried with back-off.
 */
class CrashRecoveryTest {
    private static final String CLASS_II = "군사Ⅱ급비밀";

    private static Cluster korWithoutDelivery() {
        UnaryOperator<NodeConfig> adjust = cfg -> cfg.party().equals(KOR) ? cfg.toBuilder().deliver(false).build() : cfg;
        return Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(), adjust);
    }

    private static OutboxRow onlyEnvelopeOf(Cluster c, String releaseId) {
        List<OutboxRow> rows = Fed.outboxRows(c.node(KOR)).stream()
                .filter(r -> r.releaseId().orElse("").equals(releaseId)).toList();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static void deliveredOnceWithReceipt(Cluster c, String itemId, String releaseId, String messageId) {
        JsonNode release = outboxEntry(c, KOR, releaseId);
        assertThat(release.get("status").asText()).isEqualTo("DELIVERED");
        SignedReceipt receipt = Fed.receipt(release);
        assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), receipt)).isTrue();
        assertThat(receipt.receipt().messageId()).isEqualTo(messageId);
        assertThat(receipt.receipt().outcome()).isEqualTo(Messages.ACCEPTED);
        assertThat(Fed.outboxRows(c.node(KOR)).stream().filter(r -> r.messageId().equals(messageId)).findFirst()
                .orElseThrow().state()).isEqualTo(OutboxRow.DONE);

        assertThat(Fed.item(c.node(JPN), itemId)).isPresent();
        assertThat(Fed.itemCount(c.node(JPN))).isEqualTo(1);
        assertThat(Fed.inboxCount(c.node(JPN))).isEqualTo(1);
        assertThat(Fed.inboxEntry(c.node(JPN), messageId)).isPresent();
        var read = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + itemId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @Test
    void anApprovedReleaseSurvivesACrashBeforeSending() throws InterruptedException {
        try (Cluster c = korWithoutDelivery()) {
            String id = createItem(c, KOR, CLASS_II, "dprk.missile");
            String releaseId = Fed.release(c, KOR, id, JPN);
            // Committed with the approval, not sent.
            OutboxRow pending = onlyEnvelopeOf(c, releaseId);
            assertThat(pending.state()).isEqualTo(OutboxRow.PENDING);
            assertThat(pending.attempts()).isZero();
            assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("QUEUED");
            Thread.sleep(300);
            assertThat(Fed.item(c.node(JPN), id)).isEmpty();
            assertThat(Fed.inboxCount(c.node(JPN))).isZero();

            c.stop(KOR);
            c.restart(KOR, cfg -> cfg.toBuilder().deliver(true).build());

            awaitStatus(c, KOR, releaseId, "DELIVERED");
            deliveredOnceWithReceipt(c, id, releaseId, pending.messageId());
        }
    }

    @Test
    void aCrashAfterSendingButBeforeRecordingTheReceiptDeliversOnce() {
        try (Cluster c = korWithoutDelivery()) {
            String id = createItem(c, KOR, CLASS_II, "dprk.missile");
            String releaseId = Fed.release(c, KOR, id, JPN);
            OutboxRow pending = onlyEnvelopeOf(c, releaseId);

            // The envelope reached JPN (as KOR's courier sent it) and JPN answered, but KOR never recorded it.
            var first = Fed.post(c, JPN, pending.envelope());
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            SignedReceipt original = Fed.signedReceipt(first.json());
            assertThat(original.receipt().outcome()).isEqualTo(Messages.ACCEPTED);
            assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("QUEUED");
            c.stop(KOR);

            c.restart(KOR, cfg -> cfg.toBuilder().deliver(true).build());
            awaitStatus(c, KOR, releaseId, "DELIVERED");
            // JPN answered the resend DUPLICATE with its original receipt, which KOR now holds.
            assertThat(Fed.receipt(outboxEntry(c, KOR, releaseId))).isEqualTo(original);
            deliveredOnceWithReceipt(c, id, releaseId, pending.messageId());
        }
    }

    /**
     * A retraction while the copy is still in the outbox (or its receipt not yet back) must reach the recipient
     * too: whichever arrives first, the recipient ends with no readable copy.
     */
    @Test
    void aRetractionOfAQueuedReleaseReachesItsRecipient() {
        try (Cluster c = korWithoutDelivery()) {
            String id = createItem(c, KOR, CLASS_II, "dprk.missile");
            String releaseId = Fed.release(c, KOR, id, JPN);
            assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("QUEUED");
            var retract = c.client(KOR).post("kor.officer", "/api/v1/items/" + id + "/retract", "");
            assertThat(retract.status()).as(retract.body()).isEqualTo(200);
            List<OutboxRow> toJpn = Fed.outboxRows(c.node(KOR)).stream().filter(r -> r.peer().equals("JPN")).toList();
            assertThat(toJpn).as("the copy and the retraction notice").hasSize(2);

            for (int round = 0; round < 5 && c.node(KOR).deliverNow() > 0; round++) {
                // until nothing is due
            }

            assertThat(Fed.outboxRows(c.node(KOR))).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxRow.DONE));
            assertThat(Fed.status(c, KOR, releaseId)).isIn("DELIVERED", "REFUSED");
            var read = c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id);
            assertThat(read.status()).as(read.body()).isIn(404, 410);
        }
    }

    /** Agreement notes to a partner arrive in the order they were written, even when the first is retried. */
    @Test
    void agreementNotesToAPartnerKeepTheirOrderThroughRetries() {
        UnaryOperator<NodeConfig> adjust = cfg -> cfg.party().equals(KOR) ? cfg.toBuilder().deliver(false).build() : cfg;
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-09-01T00:00:00Z")), adjust)) {
            String path = "/api/v1/agreements/kor-jpn-gsomia-2016/events";
            var notice = c.client(KOR).post("kor.admin", path, """
                    {"type":"TERMINATION_NOTICE","date":"2026-08-01","by":"KOR","effective":"2026-11-23"}""");
            assertThat(notice.status()).as(notice.body()).isEqualTo(201);
            var suspension = c.client(KOR).post("kor.admin", path, """
                    {"type":"NOTICE_SUSPENDED","date":"2026-08-02","by":"KOR"}""");
            assertThat(suspension.status()).as(suspension.body()).isEqualTo(201);
            List<OutboxRow> notes = Fed.outboxRows(c.node(KOR)).stream()
                    .filter(r -> r.kind().equals(Messages.EVENT_NOTE)).toList();
            assertThat(notes).hasSize(2);
            // The notice's first attempt failed and waits; the suspension is due now.
            c.node(KOR).self().store().useTransaction(h -> Outbox.retryLater(h, notes.get(0).id(), 1,
                    c.node(KOR).self().clock().instant().plusSeconds(3_600), "cannot reach JPN"));

            c.node(KOR).deliverNow();
            assertThat(Fed.recordedEvents(c.node(JPN))).isEmpty();

            c.node(KOR).self().store().useTransaction(h -> Outbox.retryLater(h, notes.get(0).id(), 1,
                    c.node(KOR).self().clock().instant().minusSeconds(1), "cannot reach JPN"));
            for (int round = 0; round < 4; round++) {
                c.node(KOR).deliverNow();
            }
            assertThat(Fed.recordedEvents(c.node(JPN))).extracting(r -> r.type())
                    .containsExactly("TERMINATION_NOTICE", "NOTICE_SUSPENDED");
        }
    }

    /** The schedule, step by step: each failure doubles the wait, and nothing is sent before it is due. */
    @Test
    void retriesBackOffExponentially() throws InterruptedException {
        try (Cluster c = korWithoutDelivery()) {
            String id = createItem(c, KOR, CLASS_II, "dprk.missile");
            String releaseId = Fed.release(c, KOR, id, JPN);
            c.stop(JPN);
            Node kor = c.node(KOR);
            for (int attempt = 1; attempt <= 3; attempt++) {
                Instant before = Instant.now();
                assertThat(kor.deliverNow()).isEqualTo(1);
                Instant after = Instant.now();
                OutboxRow row = onlyEnvelopeOf(c, releaseId);
                assertThat(row.attempts()).isEqualTo(attempt);
                assertThat(row.lastError()).hasValueSatisfying(e -> assertThat(e).contains("cannot reach JPN"));
                Duration wait = Courier.FIRST_RETRY.multipliedBy(1L << (attempt - 1));
                assertThat(row.nextAttemptAt()).isBetween(before.plus(wait), after.plus(wait));
                assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("RETRYING");
                // Not due yet: a round sends nothing and counts nothing.
                if (Instant.now().isBefore(row.nextAttemptAt())) {
                    assertThat(kor.deliverNow()).isZero();
                    assertThat(onlyEnvelopeOf(c, releaseId).attempts()).isEqualTo(attempt);
                }
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), row.nextAttemptAt()).toMillis() + 20));
            }
            c.restart(JPN, cfg -> cfg);
            assertThat(kor.deliverNow()).isEqualTo(1);
            assertThat(Fed.status(c, KOR, releaseId)).isEqualTo("DELIVERED");
            OutboxRow done = onlyEnvelopeOf(c, releaseId);
            assertThat(done.attempts()).isEqualTo(3);
            deliveredOnceWithReceipt(c, id, releaseId, done.messageId());
        }
    }

    @Test
    void aRecipientThatIsDownIsRetriedUntilItIsBack() {
        try (Cluster c = Cluster.trilateral()) {
            String id = createItem(c, KOR, CLASS_II, "dprk.missile");
            String releaseId = Fed.request(c, KOR, id, JPN).at("/release/id").asText();
            c.stop(JPN);
            Fed.approve(c, KOR, releaseId);

            awaitStatus(c, KOR, releaseId, "RETRYING");
            Cluster.eventually(() -> onlyEnvelopeOf(c, releaseId).attempts() >= 2, "the attempts are counted");
            OutboxRow retrying = onlyEnvelopeOf(c, releaseId);
            assertThat(retrying.state()).isEqualTo(OutboxRow.PENDING);
            assertThat(retrying.lastError()).hasValueSatisfying(e -> assertThat(e).contains("cannot reach JPN"));
            int attempts = retrying.attempts();

            c.restart(JPN, cfg -> cfg);
            awaitStatus(c, KOR, releaseId, "DELIVERED");
            OutboxRow done = onlyEnvelopeOf(c, releaseId);
            assertThat(done.state()).isEqualTo(OutboxRow.DONE);
            assertThat(done.attempts()).isGreaterThanOrEqualTo(attempts);
            deliveredOnceWithReceipt(c, id, releaseId, done.messageId());
        }
    }
}
