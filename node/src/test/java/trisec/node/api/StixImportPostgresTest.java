package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/**
 * The STIX import on a node whose store is PostgreSQL: its own migrations of the stix_imports and confirmed_copies
 * tables, and imports of one bundle running at once, of which one stores the item and the others find it held.
 */
class StixImportPostgresTest {
    private static final String GREEN_REPORT = """
            {"type": "bundle", "id": "bundle--2f1e0d9c-8b7a-4695-a483-72615f4e3d2c", "objects": [
              {"type": "report", "spec_version": "2.1", "id": "report--3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
               "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "name": "Credential harvesting", "description": "Fake portals.", "published": "2024-06-11T02:30:00Z",
               "object_refs": ["identity--1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"],
               "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}""";

    @Test
    void aTlpGreenReportImportsOnceOnPostgresql() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.toBuilder().database(Optional.of(url)).build())) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            var first = post(kor);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            String item = first.json().at("/objects/0/item").asText();
            assertThat(kor.get("kor.analyst", "/api/v1/items/" + item).json().at("/label/topic").asText())
                    .isEqualTo("dprk.cyber");
            var again = post(kor);
            assertThat(again.json().at("/objects/0/outcome").asText()).as(again.body()).isEqualTo("already-held");
            assertThat(again.json().at("/objects/0/item").asText()).isEqualTo(item);
        } finally {
            Databases.dropSchema(url);
        }
    }

    private static final int RACERS = 6;

    /** Every outcome of the bundle's one object, imported by {@code RACERS} requests let go at once. */
    private static List<String> race(Client c, String who, String bundle, String query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            var go = new CountDownLatch(1);
            String token = c.token(who);
            var futures = new ArrayList<Future<Client.Response>>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Client.Response> one = () -> {
                    go.await();
                    return c.raw("Bearer " + token, HttpRequest.newBuilder(c.base().resolve("/api/v1/stix/bundles"
                            + query)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bundle)));
                };
                futures.add(pool.submit(one));
            }
            go.countDown();
            var outcomes = new ArrayList<String>();
            for (Future<Client.Response> f : futures) {
                Client.Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 201);
                for (var o : r.json().get("objects")) {
                    if (o.get("type").asText().equals("report")) {
                        outcomes.add(o.get("outcome").asText());
                    }
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentImportsOfOneBundleStoreOneItemAndTheOthersFindItHeld() throws Exception {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR, Cluster.JPN), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.party().equals(Cluster.JPN) ? cfg.toBuilder().database(Optional.of(url)).build() : cfg)) {
            assertThat(c.node(Cluster.JPN).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            Client jpn = c.client(Cluster.JPN);

            // TLP content: one new item of JPN's, one stix_imports row.
            List<String> open = race(jpn, "jpn.officer", GREEN_REPORT, "?topic=dprk.cyber");
            assertThat(open).as(open.toString()).hasSize(RACERS).containsOnlyOnce("imported").containsOnly("imported",
                    "already-held");
            assertThat(count(c, "SELECT COUNT(*) FROM stix_imports")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM items")).isEqualTo(1);

            // A KOR item, confirmed by KOR for each request: one copy at JPN.
            String topic = LetGo.ownTopic("dprk.missile");
            var created = kor.post("kor.officer", "/api/v1/items", ApiFixture.body("title", "Raced", "body", "b",
                    "level", ApiFixture.CLASS_II, "topic", topic, "relTo", List.of("USA", "JPN"),
                    "caveats", List.of()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            LetGo.authority(c, Cluster.KOR, topic, List.of("USA", "JPN"));
            String id = created.json().get("id").asText();
            String bundle = kor.get("kor.officer", "/api/v1/items/" + id + "/stix").body();
            List<String> copies = race(jpn, "jpn.officer", bundle, "");
            assertThat(copies).as(copies.toString()).hasSize(RACERS).containsOnlyOnce("imported").containsOnly("imported",
                    "already-held");
            assertThat(count(c, "SELECT COUNT(*) FROM items WHERE id = '" + id + "'")).isEqualTo(1);
            assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(200);
        } finally {
            Databases.dropSchema(url);
        }
    }

    private static int count(Cluster c, String sql) {
        return c.node(Cluster.JPN).self().store().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Client.Response post(Client kor) {
        return kor.raw("Bearer " + kor.token("kor.officer"), HttpRequest.newBuilder(kor.base()
                .resolve("/api/v1/stix/bundles?topic=dprk.cyber")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GREEN_REPORT)));
    }
}
