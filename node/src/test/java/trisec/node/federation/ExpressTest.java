package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.Node;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Messages.WarningAck;
import trisec.scenario.file.ScenarioFiles;

/**
 * The fast path: a copy of an item is handed to the courier the moment its transaction commits, leased to this
 * process so that no round takes it meanwhile; nothing is handed over for a transaction that rolled back, and
 * messages whose order matters wait for a round.
 */
class ExpressTest {

    @Test
    void onlyCommittedIndependentMessagesAreHandedOverAndTheyAreLeasedUntilThen() {
        // KOR without its courier, so that nothing here is sent: the postbox under test hands over to a list.
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(),
                config -> config.party().equals(KOR) ? config.toBuilder().deliver(false).build() : config)) {
            Node kor = c.node(KOR);
            var handedOver = new CopyOnWriteArrayList<String>();
            var postbox = new Postbox(kor.self());
            postbox.expressVia(handedOver::add);
            var store = kor.self().store();
            String now = Instant.now().toString();
            WarningAck ack = new WarningAck(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "K24-0001", now,
                    "KOR", null, null);
            ConsentRequest ordered = new ConsentRequest(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "KOR", "USA", now);

            Instant before = Instant.now();
            String[] ids = new String[2];
            store.useTransaction(h -> {
                ids[0] = postbox.post(h, JPN, ack, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                ids[1] = postbox.post(h, JPN, ordered, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                assertThat(handedOver).as("nothing before the commit").isEmpty();
            });
            assertThat(handedOver).containsExactly(ids[0]);
            OutboxRow fast = store.read(h -> Outbox.byMessage(h, ids[0])).orElseThrow();
            OutboxRow slow = store.read(h -> Outbox.byMessage(h, ids[1])).orElseThrow();
            assertThat(fast.nextAttemptAt()).as("leased to the sender it was handed to")
                    .isEqualTo(fast.createdAt().plus(Courier.LEASE));
            assertThat(slow.nextAttemptAt()).as("due at once, for the next round").isEqualTo(slow.createdAt());
            Instant afterCommit = Instant.now();
            List<String> claimable = store.read(h -> Outbox.claimDue(h, afterCommit, 100)).stream()
                    .map(OutboxRow::messageId).toList();
            assertThat(claimable).contains(ids[1]).doesNotContain(ids[0]);
            assertThat(fast.createdAt()).isBetween(before.minusMillis(1), afterCommit.plusMillis(1));

            // A transaction that rolls back hands nothing over.
            handedOver.clear();
            String[] rolledBack = new String[1];
            assertThatThrownBy(() -> store.useTransaction(h -> {
                rolledBack[0] = postbox.post(h, JPN, ack, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                throw new IllegalStateException("the action failed");
            })).hasMessage("the action failed");
            assertThat(handedOver).isEmpty();
            assertThat(store.<Optional<OutboxRow>, RuntimeException>read(h -> Outbox.byMessage(h, rolledBack[0]))).isEmpty();

            // A savepoint rolled back (a refused message inside the reception's transaction) is handed over after
            // the commit, but its envelope is not on record, so the courier finds nothing to send.
            String[] undone = new String[1];
            store.useTransaction(h -> {
                h.savepoint("message");
                undone[0] = postbox.post(h, JPN, ack, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                h.rollbackToSavepoint("message");
            });
            assertThat(handedOver).containsExactly(undone[0]);
            assertThat(store.<Optional<OutboxRow>, RuntimeException>read(h -> Outbox.byMessage(h, undone[0]))).isEmpty();

            // The process dies between the commit and the send (nothing here ran what was handed over): the row
            // outlives it, leased, and the node started again sends it at once rather than after the lease.
            Node again = c.restart(KOR, config -> config.toBuilder().deliver(true).build());
            Cluster.eventually(() -> again.self().store().read(h -> Outbox.byMessage(h, ids[0])).orElseThrow()
                    .state().equals(OutboxRow.DONE), "the envelope handed over before the crash is sent");
            assertThat(Fed.inboxEntry(c.node(JPN), ids[0])).as("JPN received it, and answered").isPresent();
        }
    }

    @Test
    void aRunningCourierSendsACopyWithoutARound() {
        try (Cluster c = Cluster.trilateral()) {
            String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
            String releaseId = Fed.release(c, KOR, id, JPN);
            awaitStatus(c, KOR, releaseId, "DELIVERED");
            OutboxRow row = Fed.outboxRows(c.node(KOR)).stream()
                    .filter(r -> r.releaseId().equals(Optional.of(releaseId))).findFirst().orElseThrow();
            assertThat(row.state()).isEqualTo(OutboxRow.DONE);
            assertThat(row.attempts()).isZero();
            // A round that claimed it would have leased it again from the round's own start.
            assertThat(row.nextAttemptAt()).as("the lease it was enqueued with, untouched by any round")
                    .isEqualTo(row.createdAt().plus(Courier.LEASE));
        }
    }
}
