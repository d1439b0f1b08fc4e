package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/** Options on a node whose store is PostgreSQL: its own migration of the options table, and the same answers. */
class OptionPostgresTest {

    @Test
    void anOptionIsSavedListedDrawnOverTheReleasesAndRetractedOnPostgresql() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR, Cluster.JPN), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                cfg -> cfg.party().equals(Cluster.KOR) ? cfg.toBuilder().database(Optional.of(url)).build() : cfg)) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            String item = kor.post("kor.officer", "/api/v1/items", ApiFixture.item("Regime assessment",
                    ApiFixture.CLASS_II, "dprk")).json().get("id").asText();
            var asked = kor.post("kor.officer", "/api/v1/items/" + item + "/releases", "{\"to\":\"JPN\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            String yaml = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/kor-notice-2026")
                    .asText();
            var saved = kor.post("kor.officer", "/api/v1/options", ApiFixture.body("yaml", yaml, "level",
                    ApiFixture.CLASS_II, "topic", "dprk"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            String id = saved.json().get("id").asText();
            assertThat(kor.get("kor.officer", "/api/v1/options").json().findValuesAsText("id")).containsExactly(id);
            var picture = kor.get("kor.officer", "/api/v1/options/" + id + "/picture?at=2026-12-01");
            assertThat(picture.status()).as(picture.body()).isEqualTo(200);
            assertThat(picture.json().at("/history/releases").asInt()).isEqualTo(1);
            assertThat(picture.json().at("/history/impacts/0/effect").asText()).isEqualTo("REFUSED");
            assertThat(kor.post("kor.officer", "/api/v1/options/" + id + "/retract", "").status()).isEqualTo(200);
            assertThat(kor.get("kor.officer", "/api/v1/options").json().get("options")).isEmpty();
        } finally {
            Databases.dropSchema(url);
        }
    }
}
