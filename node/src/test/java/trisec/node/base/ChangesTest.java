package trisec.node.base;

import trisec.node.Cluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void aStalledListenerHoldsUpNeitherTheSignallerNorTheOthers() throws Exception {
        var changes = new Changes();
        var release = new CountDownLatch(1);
        var stalledGot = new CopyOnWriteArrayList<String>();
        changes.subscribe(topic -> {
            stalledGot.add(topic);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var other = new CountDownLatch(3);
        changes.subscribe(topic -> other.countDown());

        Thread signaller = Thread.ofPlatform().start(() -> {
            changes.signal(Changes.INBOX);
            changes.signal(Changes.OUTBOX);
            changes.signal(Changes.CONSENTS);
        });
        signaller.join(5_000);
        assertThat(signaller.isAlive()).as("signal() waited on a listener").isFalse();
        assertThat(other.await(5, TimeUnit.SECONDS)).as("the other listener got every topic").isTrue();

        // While stalled, the stalled listener's later topics are kept once each and delivered when it resumes.
        for (int i = 0; i < 100; i++) {
            changes.signal(Changes.OUTBOX);
        }
        release.countDown();
        Cluster.eventually(() -> stalledGot.size() >= 3, "the stalled listener catches up");
        Thread.sleep(200);
        assertThat(stalledGot.size()).isLessThanOrEqualTo(4);
        assertThat(stalledGot).contains(Changes.INBOX, Changes.OUTBOX, Changes.CONSENTS);
    }

    @Test
    void aListenerThatFailsIsDroppedAndOneThatUnsubscribesHearsNothingMore() throws Exception {
        var changes = new Changes();
        changes.subscribe(topic -> {
            throw new IllegalStateException("connection closed");
        });
        List<String> got = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = changes.subscribe(got::add);
        changes.signal(Changes.INBOX);
        Cluster.eventually(() -> changes.listeners() == 1 && got.contains(Changes.INBOX), "the failing one dropped");
        subscription.close();
        assertThat(changes.listeners()).isZero();
        changes.signal(Changes.OUTBOX);
        Thread.sleep(100);
        assertThat(got).containsExactly(Changes.INBOX);
    }
}
