package trisec.node.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.node.store.TestStore;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The warnings' index on both stores: whatever order a warning's versions arrive in (a later one can come directly
 * before an earlier one comes through the hub), the latest stands; a retracted version leaves and the warning falls
 * back to the latest still standing, or is gone.
 */
class WarningTablesTest {
    private static final Party KOR = Party.of("KOR");
    private static final Instant DETECTED = Instant.parse("2024-10-30T22:11:30.123456Z");

    private final TestStore stores = new TestStore();
    private Store store;

    private Store open(String kind) {
        store = stores.open(kind);
        return store;
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private static Warnings.Version version(String item, int rank, int createdSecond, boolean closed) {
        return new Warnings.Version(item, KOR, "TN-1", rank, DETECTED.plusSeconds(createdSecond), DETECTED,
                closed ? Optional.of(DETECTED.plusSeconds(5200)) : Optional.empty());
    }

    private List<Warnings.Latest> openRows() {
        return store.read(h -> Warnings.open(h));
    }

    private List<Warnings.Latest> allRows() {
        return store.read(h -> Warnings.all(h));
    }

    private List<String> versions() {
        return store.read(h -> Warnings.versions(h, KOR, "TN-1"));
    }

    private Optional<Warnings.Latest> latest() {
        return store.read(h -> Warnings.of(h, KOR, "TN-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void theLatestVersionStandsWhateverTheOrderAndARetractedOneLeaves(String kind) {
        open(kind);
        store.useTransaction(h -> Warnings.add(h, version("close", 3, 30, true)));
        store.useTransaction(h -> Warnings.add(h, version("open", 1, 10, false)));
        store.useTransaction(h -> Warnings.add(h, version("update", 2, 20, false)));
        store.useTransaction(h -> Warnings.add(h, version("update", 2, 20, false))); // the same copy twice
        assertThat(latest().map(Warnings.Latest::itemId)).contains("close");
        assertThat(latest().flatMap(Warnings.Latest::closedAt)).contains(DETECTED.plusSeconds(5200));
        assertThat(latest().map(Warnings.Latest::detectedAt)).contains(DETECTED);
        assertThat(openRows()).isEmpty();
        assertThat(versions()).containsExactly("open", "update", "close");

        // Retracting an earlier version leaves the latest; retracting the latest falls back to the one before.
        store.useTransaction(h -> Warnings.drop(h, "open"));
        assertThat(latest().map(Warnings.Latest::itemId)).contains("close");
        store.useTransaction(h -> Warnings.drop(h, "close"));
        assertThat(latest().map(Warnings.Latest::itemId)).contains("update");
        assertThat(latest().flatMap(Warnings.Latest::closedAt)).isEmpty();
        assertThat(openRows()).extracting(Warnings.Latest::itemId).containsExactly("update");
        store.useTransaction(h -> Warnings.drop(h, "update"));
        store.useTransaction(h -> Warnings.drop(h, "update")); // a repeated notice
        assertThat(latest()).isEmpty();
        assertThat(allRows()).isEmpty();
        assertThat((java.util.Set<String>) store.read(h -> Warnings.indexedItems(h))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void ofTwoVersionsOfOneRankTheOneCreatedLaterStandsAndTheListIsNewestDetectionFirst(String kind) {
        open(kind);
        store.useTransaction(h -> Warnings.add(h, version("later", 2, 40, false)));
        store.useTransaction(h -> Warnings.add(h, version("earlier", 2, 20, false)));
        assertThat(latest().map(Warnings.Latest::itemId)).contains("later");
        store.useTransaction(h -> Warnings.add(h, new Warnings.Version("other", KOR, "TN-2", 1,
                DETECTED.plusSeconds(3600), DETECTED.plusSeconds(3600), Optional.empty())));
        assertThat(allRows()).extracting(Warnings.Latest::track).containsExactly("TN-2", "TN-1");
    }
}
