package trisec.node;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void aKoreanItemReachesJapanDirectly() {
        try (Cluster c = Cluster.trilateral()) {
            Client kor = c.client(KOR);
            var item = kor.post("kor.officer", "/api/v1/items", """
                    {"title":"t","body":"b","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}""");
            assertThat(item.status()).isEqualTo(201);
            String id = item.json().get("id").asText();
            var rel = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", "{\"to\":\"JPN\"}");
            assertThat(rel.status()).isEqualTo(202);
            var approved = kor.post("kor.disclosure", "/api/v1/releases/" + rel.json().at("/release/id").asText()
                    + "/approve", "");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            Cluster.eventually(() -> c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status() == 200,
                    "JPN holds the item");
            assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).json().get("heldLevel").asText())
                    .isEqualTo("極秘");
        }
    }
}
