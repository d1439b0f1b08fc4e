package trisec.node.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.store.Store;
import trisec.scenario.file.ScenarioFiles;

/** The order the TAXII server pages by: numbers and {@code date_added} rise together (docs/INTEROP.md). */
class AddedItemsTest {

    @Test
    void anItemNumberedAfterAnotherIsNeverDatedBeforeIt() {
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), x -> x)) {
            Client kor = c.client(Cluster.KOR);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                var r = kor.post("kor.officer", "/api/v1/items", Json.write(Map.of("title", "t" + i, "body", "b",
                        "level", "군사Ⅲ급비밀", "topic", "dprk")));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
            }
            Store store = c.node(Cluster.KOR).self().store();
            // The first item numbered again, last, with the time fixed when its transaction began, before the others:
            // as a transaction that waited for the head row's lock would.
            store.useTransaction(h -> {
                h.createUpdate("DELETE FROM stix_added WHERE item_id = :i").bind("i", ids.getFirst()).execute();
                AddedItems.add(h, ids.getFirst(), Instant.parse("2001-01-01T00:00:00Z"));
            });
            List<Instant> dates = store.read(h -> h.createQuery("SELECT added_at FROM stix_added ORDER BY seq")
                    .map((rs, x) -> Store.instant(rs, "added_at")).list());
            assertThat(dates).hasSizeGreaterThanOrEqualTo(3);
            // Far enough after the one before for each of its objects to take a date of its own: a bundle has seven
            // objects, dated the item's date plus their place in microseconds.
            for (int i = 1; i < dates.size(); i++) {
                assertThat(dates.get(i)).as("date %d", i).isAfterOrEqualTo(dates.get(i - 1)
                        .plus(7, java.time.temporal.ChronoUnit.MICROS));
            }
        }
    }

    @Test
    void eachNumberedItemKeepsItsStixIdsAndRowsWithoutThemGetThemAtStartUp() {
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), x -> x)) {
            Client kor = c.client(Cluster.KOR);
            var r = kor.post("kor.officer", "/api/v1/items", Json.write(Map.of("title", "t", "body", "b",
                    "level", "군사Ⅲ급비밀", "topic", "dprk")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().get("id").asText();
            Store store = c.node(Cluster.KOR).self().store();
            String report = trisec.interop.StixIds.id("report", "item", id);
            String note = trisec.interop.StixIds.id("note", "item", id);
            assertThat(holder(store, report)).contains(id);
            assertThat(holder(store, note)).contains(id);
            assertThat(holder(store, "report--" + java.util.UUID.randomUUID()))
                    .isEmpty();
            // A row numbered before the ids were kept: found again once the node catches up at start-up.
            store.useTransaction(h -> h.createUpdate("UPDATE stix_added SET report_id = NULL, note_id = NULL "
                    + "WHERE item_id = :i").bind("i", id).execute());
            assertThat(holder(store, report)).isEmpty();
            AddedItems.catchUp(store);
            assertThat(holder(store, report)).contains(id);
            assertThat(holder(store, note)).contains(id);
        }
    }

    private static Optional<String> holder(Store store, String stixId) {
        return store.read(h -> TaxiiServer.itemOfStixId(h, stixId));
    }
}
