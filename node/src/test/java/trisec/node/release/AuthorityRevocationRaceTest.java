package trisec.node.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.node.store.TestStore;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.policy.StandingAuthority;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;
import trisec.topic.Topic;

/**
 * A revocation and an item's creation at the same moment: the item's transaction has read the authority as active
 * and is about to release under it. The revocation must wait for it, so that once a revocation has committed (and
 * its official been told so) nothing more is released under the authority. On PostgreSQL, where transactions run
 * side by side, that is the row lock the item's transaction takes; on SQLite, the one writer.
 */
class AuthorityRevocationRaceTest {
    private static final Party KOR = Party.of("KOR");
    private final Scenario scenario = ScenarioFiles.shipped();
    private final TestStore stores = new TestStore();

    @AfterEach
    void close() {
        stores.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void aRevocationWaitsForTheTransactionThatReleasesUnderTheAuthority(String kind) throws Exception {
        Store store = stores.open(kind);
        Instant t = Instant.parse("2024-10-31T00:00:00Z");
        var authority = new StandingAuthority("a1", Topic.of("dprk.missile.warning"),
                scenario.scheme(KOR).level("군사Ⅱ급비밀"), List.of(Party.of("USA"), Party.of("JPN")), t,
                Optional.empty(), Optional.of("missile-warning-2023"));
        store.useTransaction(h -> {
            Authorities.insert(h, new AuthorityRecord(authority, "p1", t, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            Authorities.approve(h, "a1", "p2", t);
        });

        // Each side on a thread of its own (the common pool may have only one on a two-core machine).
        var threads = java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory());
        var read = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<List<AuthorityRecord>> creating = CompletableFuture.supplyAsync(() ->
                store.inTransaction(h -> {
                    List<AuthorityRecord> active = Authorities.active(h, scenario, KOR);
                    read.countDown();
                    // Here the item's transaction decides and enqueues its releases.
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return active;
                }), threads);
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> revoking = CompletableFuture.runAsync(() -> store.useTransaction(h -> {
            Authorities.lock(h, scenario, KOR, "a1").orElseThrow();
            Authorities.revoke(h, "a1", "p3", t.plusSeconds(1));
        }), threads);
        Thread.sleep(500);
        assertThat(revoking).as("the revocation waits for the releases under the authority").isNotDone();

        release.countDown();
        assertThat(creating.get(10, TimeUnit.SECONDS)).extracting(r -> r.authority().id()).containsExactly("a1");
        revoking.get(10, TimeUnit.SECONDS);
        // Once it has committed, the next item finds nothing to release under.
        List<AuthorityRecord> after = store.inTransaction(h -> Authorities.active(h, scenario, KOR));
        assertThat(after).isEmpty();
        threads.shutdown();
    }
}
