package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/** The pages whose queries differ by database, on a node whose store is PostgreSQL. */
class PostgresPagesTest {

    @Test
    void anItemsHistoryIsReadFromTheLogOnPostgresql() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.toBuilder().database(Optional.of(url)).build())) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            var created = kor.post("kor.officer", "/api/v1/items", """
                    {"title":"t","body":"b","level":"군사Ⅲ급비밀","topic":"dprk.nuclear","relTo":[],"caveats":[]}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();

            var tab = new WebTab(kor.base(), "en").signIn("kor.officer");
            String createdLabel = new Texts(Lang.EN).t("audit.type.ITEM_CREATED");
            Cluster.eventually(() -> tab.get("/ui/items/" + id).body().contains(createdLabel),
                    "the item's creation shows in its history");
        } finally {
            Databases.dropSchema(url);
        }
    }
}
