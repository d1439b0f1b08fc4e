package trisec.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/** A node whose store is PostgreSQL releases to a node on the embedded store, and survives a restart. */
class PostgresNodeTest {

    @Test
    void aNodeOnPostgresqlDeliversAReleaseAndKeepsItAcrossARestart() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR, Cluster.JPN), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.party().equals(Cluster.KOR) ? cfg.toBuilder().database(Optional.of(url)).build() : cfg)) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            var delivered = releaseToJapan(kor);
            String id = delivered.item();
            String release = delivered.release();
            assertThat(c.client(Cluster.JPN).get("jpn.analyst", "/api/v1/items/" + id).json().get("heldLevel").asText())
                    .isEqualTo("秘");

            c.restart(Cluster.KOR, cfg -> cfg);
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            assertThat(status(new Client(kor.base()), release)).isEqualTo("DELIVERED");
        } finally {
            Databases.dropSchema(url);
        }
    }

    @Test
    void aNodeOnPostgresqlReceivesAReleaseAndItsRetraction() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR, Cluster.JPN), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.party().equals(Cluster.JPN) ? cfg.toBuilder().database(Optional.of(url)).build() : cfg)) {
            assertThat(c.node(Cluster.JPN).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            String id = releaseToJapan(kor).item();
            assertThat(kor.post("kor.officer", "/api/v1/items/" + id + "/retract", "").status()).isEqualTo(200);
            Cluster.eventually(() -> c.client(Cluster.JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 410,
                    "JPN's copy is retracted");
        } finally {
            Databases.dropSchema(url);
        }
    }

    private record Delivered(String item, String release) {}

    /** KOR's officer creates a Class III item, releases it to JPN, KOR's disclosure official approves: delivered. */
    private static Delivered releaseToJapan(Client kor) {
        String id = kor.post("kor.officer", "/api/v1/items", """
                {"title":"t","body":"b","level":"군사Ⅲ급비밀","topic":"dprk.nuclear","relTo":["JPN"],"caveats":[]}""")
                .json().get("id").asText();
        String release = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", "{\"to\":\"JPN\"}")
                .json().at("/release/id").asText();
        assertThat(kor.post("kor.disclosure", "/api/v1/releases/" + release + "/approve", "").status()).isEqualTo(200);
        Cluster.eventually(() -> status(kor, release).equals("DELIVERED"), "the release is delivered");
        return new Delivered(id, release);
    }

    private static String status(Client kor, String release) {
        for (var r : kor.get("kor.officer", "/api/v1/outbox").json().get("releases")) {
            if (r.get("id").asText().equals(release)) {
                return r.get("status").asText();
            }
        }
        return "missing";
    }
}
