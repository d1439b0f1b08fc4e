package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/** The STIX import on a node whose store is PostgreSQL: its own migration of the stix_imports table. */
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

    private static Client.Response post(Client kor) {
        return kor.raw("Bearer " + kor.token("kor.officer"), HttpRequest.newBuilder(kor.base()
                .resolve("/api/v1/stix/bundles?topic=dprk.cyber")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GREEN_REPORT)));
    }
}
