package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.scenario.file.ScenarioFiles;

/**
 * The TAXII server on a PostgreSQL store, where items commit concurrently: numbers taken under the head row's lock
 * keep pages from losing an item that commits after a later one was served (docs/INTEROP.md).
 */
class TaxiiPostgresTest {

    @Test
    void pagesLoseNothingAndRepeatNothingWhileItemsAreAddedOnPostgresql() throws Exception {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.toBuilder().database(Optional.of(url)).build())) {
            assertThat(c.node(Cluster.KOR).self().store().isPostgres()).isTrue();
            Client kor = c.client(Cluster.KOR);
            String dprk = null;
            for (JsonNode col : TaxiiApiTest.taxii(kor, "kor.officer", "/taxii2/trisec/collections/").json()
                    .get("collections")) {
                if (col.get("title").asText().equals("Topic dprk")) {
                    dprk = col.get("id").asText();
                }
            }
            assertThat(dprk).isNotNull();
            TaxiiPaging.whileWriting(kor, dprk);
            Client.Response guest = TaxiiApiTest.taxii(kor, "kor.guest", "/taxii2/trisec/collections/" + dprk
                    + "/objects/");
            assertThat(guest.body()).isEqualTo("{\"more\":false}");
            // The next tokens' key is made once and shared: a token still opens after a restart.
            Client.Response first = TaxiiApiTest.taxii(kor, "kor.officer", "/taxii2/trisec/collections/" + dprk
                    + "/objects/?limit=1");
            String next = first.json().get("next").asText();
            c.restart(Cluster.KOR, cfg -> cfg);
            Client again = c.client(Cluster.KOR);
            again.signIn("kor.officer", "demo");
            assertThat(TaxiiApiTest.taxii(again, "kor.officer", "/taxii2/trisec/collections/" + dprk
                    + "/objects/?limit=1&next=" + TaxiiApiTest.enc(next)).status()).isEqualTo(200);
        } finally {
            Databases.dropSchema(url);
        }
    }

    @Test
    void aSignedRequestTakenByOneInstanceIsRefusedByTheNextOnTheSameStore() {
        assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
        String url = Databases.freshPostgresSchema();
        try (Cluster c = Cluster.start(List.of(Cluster.KOR, Cluster.JPN), ScenarioFiles.shipped(), Optional.empty(),
                cfg -> cfg.party().equals(Cluster.KOR) ? cfg.toBuilder().database(Optional.of(url)).build() : cfg)) {
            String path = "/taxii2/trisec/collections/";
            String auth = trisec.node.base.NodeAuth.header(c.keys(Cluster.JPN), "GET", path);
            assertThat(get(c.client(Cluster.KOR), auth, path).status()).isEqualTo(200);
            // Another instance of KOR's node on the same store (here: the node started again) refuses it.
            c.restart(Cluster.KOR, cfg -> cfg);
            assertThat(get(c.client(Cluster.KOR), auth, path).status()).isEqualTo(401);
            assertThat(get(c.client(Cluster.KOR), trisec.node.base.NodeAuth.header(c.keys(Cluster.JPN), "GET", path),
                    path).status()).isEqualTo(200);
        } finally {
            Databases.dropSchema(url);
        }
    }

    private static Client.Response get(Client node, String auth, String path) {
        return node.raw(auth, java.net.http.HttpRequest.newBuilder(node.base().resolve(path)).GET()
                .header("Accept", TaxiiApiTest.MEDIA));
    }
}
