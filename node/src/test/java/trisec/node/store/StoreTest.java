package trisec.node.store;

import trisec.node.agreement.RecordedEvents;
import trisec.node.federation.OutboxRow;
import trisec.node.federation.Outbox;
import trisec.node.federation.Inbox;
import trisec.node.item.Reports;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store on both databases it runs on: the embedded SQLite file and PostgreSQL (skipped, with the reason printed,
 * where the machine has none). The same tables, one set of queries.
 */
class StoreTest {
    private Store store;
    private String pgUrl;
    private java.nio.file.Path dir;

    private Store open(String kind) {
        if (kind.equals("postgres")) {
            assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
            pgUrl = Databases.freshPostgresSchema();
            store = Store.open(pgUrl);
            assertThat(store.isPostgres()).isTrue();
        } else {
            dir = Databases.freshDir();
            store = Store.embedded(dir);
            assertThat(store.isPostgres()).isFalse();
        }
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (pgUrl != null) {
            Databases.dropSchema(pgUrl);
        }
    }

    private static final Instant T = Instant.parse("2019-08-23T09:15:30.123456Z");

    private static ItemRow item(String id) {
        return new ItemRow(id, "KOR", "군사Ⅱ급비밀", List.of("USA", "JPN", "KOR"), List.of("ORCON"), "dprk.missile", T,
                "제목 · 表題", "본문 ".repeat(1000), "군사Ⅱ급비밀", "0123456789abcdef", "c2lnbmF0dXJl", Optional.empty(),
                Optional.empty(), ItemRow.ACTIVE, Optional.of("p1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void everyTableRoundTripsWhatItStores(String kind) {
        Store s = open(kind);
        var row = item("i1");
        s.useTransaction(h -> {
            Items.insert(h, row);
            Outbox.enqueue(h, "m1", "JPN", "ITEM", Optional.of("r1"), "{\"envelope\":true}", T, T);
            Inbox.record(h, new Inbox.Entry("m0", "USA", "ITEM", "ab".repeat(32), "{}"), T);
            RecordedEvents.insert(h, new RecordedEvents.Row("e1", "kor-jpn-gsomia-2016", "TERMINATION_NOTICE", T,
                    Optional.of("KOR"), Optional.of(T.plus(90, ChronoUnit.DAYS)), "note", "KOR", T, "kor.admin"));
            Reports.insert(h, new Reports.Row("x1", "i1", "JPN", "lost", T));
        });
        s.read(h -> {
            assertThat(Items.byId(h, "i1")).contains(row);
            assertThat(Outbox.all(h)).singleElement().satisfies(o -> {
                assertThat(o.messageId()).isEqualTo("m1");
                assertThat(o.nextAttemptAt()).isEqualTo(T);
            });
            assertThat(Inbox.find(h, "m0")).isPresent();
            assertThat(RecordedEvents.all(h)).singleElement().satisfies(e -> assertThat(e.effective())
                    .contains(T.plus(90, ChronoUnit.DAYS)));
            assertThat(Reports.ofItem(h, "i1")).hasSize(1);
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void aFailedTransactionLeavesNothingBehind(String kind) {
        Store s = open(kind);
        assertThatThrownBy(() -> s.useTransaction(h -> {
            Items.insert(h, item("i2"));
            Items.insert(h, item("i2")); // duplicate key
        })).isInstanceOf(RuntimeException.class);
        assertThat(s.read(Items::all)).isEmpty();
    }

    /** Instances share a store on PostgreSQL only: the embedded one is locked to one process. */
    @org.junit.jupiter.api.Test
    void anEnvelopeClaimedByOneInstanceIsSkippedByAnother() throws Exception {
        String kind = "postgres";
        Store s = open(kind);
        s.useTransaction(h -> {
            Outbox.enqueue(h, "m1", "JPN", "ITEM", Optional.empty(), "{}", T, T);
            Outbox.enqueue(h, "m2", "JPN", "ITEM", Optional.empty(), "{}", T, T);
        });
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            var first = pool.submit(() -> s.inTransaction(h -> {
                var rows = Outbox.claimDue(h, T.plusSeconds(1), 1);
                claimed.countDown();
                release.await(10, TimeUnit.SECONDS);
                return rows;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            var second = s.inTransaction(h -> Outbox.claimDue(h, T.plusSeconds(1), 5));
            release.countDown();
            assertThat(first.get()).extracting(OutboxRow::messageId).containsExactly("m1");
            // Never the same envelope twice: the first claim locks only the row it returned, so the second claim
            // gets the next one.
            assertThat(second).extracting(OutboxRow::messageId).containsExactly("m2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void reopeningAStoreKeepsItsDataAndDoesNotMigrateTwice(String kind) {
        Store s = open(kind);
        s.useTransaction(h -> Items.insert(h, item("i3")));
        s.close();
        store = kind.equals("postgres") ? Store.open(pgUrl) : Store.embedded(dir);
        Optional<ItemRow> back = store.read(h -> Items.byId(h, "i3"));
        assertThat(back).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void dueEnvelopesAreThoseWhoseTimeHasComeAcrossYearsAndFractions(String kind) {
        Store s = open(kind);
        // Instants whose text would sort wrongly in ISO-8601's shortest form (…:30Z after …:30.5Z).
        Instant at = Instant.parse("2026-12-05T10:00:30Z");
        s.useTransaction(h -> {
            Outbox.enqueue(h, "whole", "JPN", "ITEM", Optional.empty(), "{}", at, at);
            Outbox.enqueue(h, "later", "JPN", "ITEM", Optional.empty(), "{}", at.plusMillis(500), at.plusMillis(500));
            Instant nextYear = Instant.parse("2027-01-01T00:00:00Z");
            Outbox.enqueue(h, "next-year", "JPN", "ITEM", Optional.empty(), "{}", nextYear, nextYear);
        });
        List<OutboxRow> first = s.inTransaction(h -> Outbox.claimDue(h, at.plusMillis(1), 10));
        assertThat(first).extracting(OutboxRow::messageId).containsExactly("whole");
        List<OutboxRow> second = s.inTransaction(h -> Outbox.claimDue(h, at.plusMillis(500), 10));
        assertThat(second).extracting(OutboxRow::messageId).containsExactly("whole", "later");
        List<OutboxRow> all = s.read(Outbox::all);
        assertThat(all).extracting(OutboxRow::nextAttemptAt)
                .containsExactly(at, at.plusMillis(500), Instant.parse("2027-01-01T00:00:00Z"));
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedStoreRunsWithAWriteAheadLogSyncedOnEveryCommit() {
        Store s = open("embedded");
        String mode = s.read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        int sync = s.read(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
        int keys = s.read(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
        int busy = s.read(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
        assertThat(busy).as("how long a writer waits for another's transaction").isEqualTo(60_000);
        assertThat(mode).isEqualToIgnoringCase("wal");
        assertThat(sync).isEqualTo(2);
        assertThat(keys).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedStoreIsForOneProcessAtATime() {
        open("embedded");
        assertThatThrownBy(() -> Store.embedded(dir)).isInstanceOf(trisec.DomainException.class)
                .hasMessageContaining("in use by another trisec process");
        store.close();
        store = Store.embedded(dir);
        List<ItemRow> items = store.read(Items::all);
        assertThat(items).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anH2StoreOfAnEarlierVersionIsRefusedNotIgnored() throws Exception {
        dir = Databases.freshDir();
        java.nio.file.Files.writeString(dir.resolve("trisec.mv.db"), "H2");
        assertThatThrownBy(() -> Store.embedded(dir)).isInstanceOf(trisec.DomainException.class)
                .hasMessageContaining("holds an H2 store");
        assertThat(dir.resolve(Store.EMBEDDED_FILE)).doesNotExist();
        // and the refusal did not keep the directory locked
        java.nio.file.Files.delete(dir.resolve("trisec.mv.db"));
        store = Store.embedded(dir);
        assertThat(store.isPostgres()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void onlyPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> Store.open("jdbc:h2:mem:x")).isInstanceOf(trisec.DomainException.class)
                .hasMessageContaining("H2 is no longer");
        assertThatThrownBy(() -> Store.open("jdbc:mysql://localhost/x")).isInstanceOf(trisec.DomainException.class)
                .hasMessageContaining("unsupported database URL");
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedStoreRefusesAValueOfTheWrongType() {
        Store s = open("embedded");
        assertThatThrownBy(() -> s.useTransaction(h -> h.execute(
                "INSERT INTO audit_head (id, size, root) VALUES (1, 'twelve', X'00')")))
                .isInstanceOf(RuntimeException.class);
        int heads = s.read(h -> h.createQuery("SELECT count(*) FROM audit_head").mapTo(Integer.class).one());
        assertThat(heads).isZero();
    }

    /**
     * Two transactions that read, then write: on SQLite each begins IMMEDIATE, so the second waits for the first
     * rather than reading a snapshot it could not write on (which would fail it with SQLITE_BUSY).
     */
    @ParameterizedTest
    @ValueSource(strings = {"embedded", "postgres"})
    void transactionsThatReadThenWriteTakeTurnsRatherThanFail(String kind) throws Exception {
        Store s = open(kind);
        s.useTransaction(h -> Items.insert(h, item("turns")));
        var firstRead = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            var first = pool.submit(() -> {
                s.<Exception>useTransaction(h -> {
                    Items.lock(h, "turns").orElseThrow();
                    firstRead.countDown();
                    Thread.sleep(500);
                    h.createUpdate("UPDATE items SET title = title || ' first' WHERE id = 'turns'").execute();
                });
                return null;
            });
            assertThat(firstRead.await(10, TimeUnit.SECONDS)).isTrue();
            s.useTransaction(h -> {
                Items.lock(h, "turns").orElseThrow();
                h.createUpdate("UPDATE items SET title = title || ' second' WHERE id = 'turns'").execute();
            });
            first.get(30, TimeUnit.SECONDS);
        }
        String title = s.read(h -> Items.byId(h, "turns")).orElseThrow().title();
        assertThat(title).endsWith(" first second");
    }

    /**
     * Many virtual threads writing at once, each pausing inside its transaction (which unmounts it): on the
     * embedded store they take turns in Java. Waiting inside SQLite instead pins the carrier threads, and the
     * writer they wait for cannot run again until they time out, a minute later, with SQLITE_BUSY.
     */
    @org.junit.jupiter.api.Test
    void virtualThreadsWritingAtOnceAllGetThrough() throws Exception {
        Store s = open("embedded");
        s.useTransaction(h -> Items.insert(h, item("busy")));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        s.<Exception>useTransaction(h -> {
                            Items.lock(h, "busy").orElseThrow();
                            Thread.sleep(10);
                            h.createUpdate("UPDATE items SET title = title || '.' WHERE id = 'busy'").execute();
                        });
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get(40, TimeUnit.SECONDS);
            }
        }
        String title = s.read(h -> Items.byId(h, "busy")).orElseThrow().title();
        assertThat(title).endsWith(".".repeat(40));
    }
}
