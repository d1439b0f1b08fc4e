package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/** Adding objects through TAXII on a node whose store is PostgreSQL: its own migration of the taxii_statuses table. */
class TaxiiWritePostgresTest {
    private static final String GREEN_REPORT = """
            {"objects": [
              {"type": "report", "spec_version": "2.1", "id": "report--4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e",
               "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "name": "Credential harvesting", "description": "Fake portals.", "published": "2024-06-11T02:30:00Z",
               "object_refs": ["identity--1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"],
               "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}""";

    @Test
    void addedObjectsAndTheirStatusOnPostgresql() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.toBuilder().database(Optional.of(url)).build())) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            String dprk = null;
            for (JsonNode n : TaxiiApiTest.taxii(kor, "kor.officer", "/taxii2/trisec/collections/").json()
                    .get("collections")) {
                if (n.get("title").asText().equals("Topic dprk")) {
                    dprk = n.get("id").asText();
                }
            }
            var r = kor.raw("Bearer " + kor.token("kor.officer"), HttpRequest.newBuilder(kor.base()
                    .resolve("/taxii2/trisec/collections/" + dprk + "/objects/"))
                    .header("Content-Type", TaxiiApiTest.MEDIA).header("Accept", TaxiiApiTest.MEDIA)
                    .POST(HttpRequest.BodyPublishers.ofString(GREEN_REPORT)));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            JsonNode status = r.json();
            assertThat(status.get("success_count").asInt()).isEqualTo(1);
            String item = status.at("/successes/0/message").asText().replaceAll(".*item ([0-9a-f-]{36}).*", "$1");
            assertThat(kor.get("kor.analyst", "/api/v1/items/" + item).json().at("/label/topic").asText())
                    .isEqualTo("dprk");
            String path = "/taxii2/trisec/status/" + status.get("id").asText() + "/";
            var again = TaxiiApiTest.taxii(kor, "kor.officer", path);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(status);
            assertThat(TaxiiApiTest.taxii(kor, "kor.analyst", path).status()).isEqualTo(404);
        } finally {
            Databases.dropSchema(url);
        }
    }
}
