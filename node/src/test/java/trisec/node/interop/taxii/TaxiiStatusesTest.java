package trisec.node.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.node.store.Store;

/** A status resource is kept seven days for its poster alone, and deleted once older (docs/INTEROP.md). */
class TaxiiStatusesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aStatusIsItsPostersForSevenDaysThenGone(@TempDir Path dir) {
        try (Store store = Store.embedded(dir)) {
            Map<String, Object> status = Map.of("id", "a", "status", "complete", "total_count", 1);
            store.useTransaction(h -> TaxiiStatuses.insert(h, "a", "poster", T0, status));

            assertThat(find(store, "a", "poster", T0.plus(Duration.ofDays(7)))).hasValue(status);
            assertThat(find(store, "a", "someone else", T0)).isEmpty();
            assertThat(find(store, "a", "poster", T0.plus(Duration.ofDays(7)).plusMillis(1))).isEmpty();

            // A later status takes the expired one's row away.
            store.useTransaction(h -> TaxiiStatuses.insert(h, "b", "poster", T0.plus(Duration.ofDays(8)),
                    Map.of("id", "b")));
            List<String> kept = store.read(h -> h.createQuery("SELECT id FROM taxii_statuses").mapTo(String.class)
                    .list());
            assertThat(kept).containsExactly("b");
        }
    }

    private static Optional<Map<String, Object>> find(Store store, String id, String poster, Instant now) {
        return store.read(h -> TaxiiStatuses.find(h, id, poster, now));
    }
}
