package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.interop.StixIds;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.NodeAuth;
import trisec.scenario.file.ScenarioFiles;

/**
 * A TAXII client that polls by date, as TAXII clients do (`added_after` the last `date_added` it was served), misses
 * nothing: an item a partner may pull only once its release is delivered comes to that partner then, and a page that
 * cuts an item's objects leaves the rest to the next poll (docs/INTEROP.md).
 */
class TaxiiPollingTest {
    private static final String ROOT = "/taxii2/trisec/";
    private static final String MEDIA = "application/taxii+json;version=2.1";

    private static String item(Client kor, String title) {
        var r = kor.post("kor.officer", "/api/v1/items", body("title", title, "body", "b", "level", "군사Ⅱ급비밀",
                "topic", "dprk.missile", "relTo", List.of(), "caveats", List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static void release(Client kor, Client jpn, String id) {
        var asked = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var approved = kor.post("kor.disclosure", "/api/v1/releases/" + asked.json().at("/release/id").asText()
                + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).status() == 200, "JPN holds " + id);
    }

    private static String dprk(Client node) {
        for (JsonNode c : TaxiiApiTest.taxii(node, "kor.officer", ROOT + "collections/").json().get("collections")) {
            if (c.get("title").asText().equals("Topic dprk")) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no collection Topic dprk");
    }

    /** A page of KOR's collection as JPN's node asks for it, signed with JPN's key. */
    private static Client.Response asJapan(Cluster c, String path) {
        Client kor = c.client(KOR);
        return kor.raw(NodeAuth.header(c.keys(JPN), "GET", path),
                HttpRequest.newBuilder(kor.base().resolve(path)).GET().header("Accept", MEDIA));
    }

    /**
     * Polls from {@code after} (or the start) page by page, each next poll after the last date_added served, until a
     * poll serves nothing: the ids served, in order.
     */
    private static List<String> pollByDate(java.util.function.Function<String, Client.Response> get, String collection,
                                           String after, int limit) {
        var ids = new ArrayList<String>();
        for (int polls = 0; polls < 200; polls++) {
            Client.Response r = get.apply(ROOT + "collections/" + collection + "/objects/?limit=" + limit
                    + (after == null ? "" : "&added_after=" + TaxiiApiTest.enc(after)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (!r.json().has("objects")) {
                return ids;
            }
            r.json().get("objects").forEach(o -> ids.add(o.get("id").asText()));
            after = r.raw().headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
        }
        throw new AssertionError("polling did not end");
    }

    @Test
    void aPartnerPollingByDateIsServedAnItemOnceItsReleaseIsDelivered() {
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(), x -> x)) {
            Client kor = c.client(KOR);
            Client jpn = c.client(JPN);
            // Made first, released last: its date of creation is long passed when JPN may first pull it.
            String late = item(kor, "released late");
            String early = item(kor, "released early");
            release(kor, jpn, early);
            String collection = dprk(kor);

            List<String> first = pollByDate(p -> asJapan(c, p), collection, null, 100);
            assertThat(first).contains(StixIds.id("report", "item", early))
                    .doesNotContain(StixIds.id("report", "item", late));
            Client.Response end = asJapan(c, ROOT + "collections/" + collection + "/objects/");
            String last = end.raw().headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();

            release(kor, jpn, late);
            assertThat(pollByDate(p -> asJapan(c, p), collection, last, 100))
                    .contains(StixIds.id("report", "item", late));
        }
    }

    @Test
    void aClientResumingAfterAPagesLastDateMissesNoObjectOfAnItemThePageCut() {
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(), x -> x)) {
            Client kor = c.client(KOR);
            for (int i = 0; i < 3; i++) {
                item(kor, "assessment " + i);
            }
            String collection = dprk(kor);
            List<JsonNode> every = TaxiiApiTest.all(p -> TaxiiApiTest.taxii(kor, "kor.officer", p), collection, "",
                    100);
            // Pages of one object each cut every item's objects apart; each poll resumes after the last date served.
            List<String> polled = pollByDate(p -> TaxiiApiTest.taxii(kor, "kor.officer", p), collection, null, 1);
            assertThat(polled).isEqualTo(every.stream().map(o -> o.get("id").asText()).toList());
            assertThat(every).hasSizeGreaterThan(3);
        }
    }
}
