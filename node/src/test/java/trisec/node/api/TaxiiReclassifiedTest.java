package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.interop.StixIds;
import trisec.interop.TrisecMarking;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * A reclassified item is a new version of its objects, and comes again to a TAXII client that polls for what is new:
 * at the originator, and at a holder whose copy its originator's notice re-marks (docs/INTEROP.md).
 */
class TaxiiReclassifiedTest {
    private static final String ROOT = "/taxii2/trisec/";

    @Test
    void aReclassifiedItemComesAgainToAClientThatHadPagedToTheEnd() {
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.empty(), x -> x)) {
            Client kor = c.client(KOR);
            Client jpn = c.client(JPN);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                var r = kor.post("kor.officer", "/api/v1/items", body("title", "assessment " + i, "body", "b" + i,
                        "level", "군사Ⅱ급비밀", "topic", "dprk.missile", "relTo", List.of(), "caveats", List.of()));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
            }
            String first = ids.getFirst();
            for (String id : ids) {
                var asked = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN"));
                assertThat(asked.status()).as(asked.body()).isEqualTo(202);
                var approved = kor.post("kor.disclosure", "/api/v1/releases/"
                        + asked.json().at("/release/id").asText() + "/approve", "");
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).status() == 200,
                        "JPN holds " + id);
            }
            String report = StixIds.id("report", "item", first);
            String korDprk = collection(kor, "kor.officer");
            String jpnDprk = collection(jpn, "jpn.analyst");

            // Each client reads its collection to the end, then keeps the last date_added it was served.
            String korLast = lastAdded(kor, "kor.officer", korDprk);
            String jpnLast = lastAdded(jpn, "jpn.analyst", jpnDprk);
            assertThat(poll(kor, "kor.officer", korDprk, korLast).path("objects")).isEmpty();
            // A client in the middle of the collection by next: it has been served the first item already.
            Client.Response started = TaxiiApiTest.taxii(kor, "kor.officer", ROOT + "collections/" + korDprk
                    + "/objects/?limit=1&match%5Btype%5D=report");
            assertThat(started.json().at("/objects/0/id").asText()).isEqualTo(report);
            String next = started.json().get("next").asText();

            var reclassified = kor.post("kor.officer", "/api/v1/items/" + first + "/reclassify",
                    "{\"level\":\"군사Ⅲ급비밀\"}");
            assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(200);
            Cluster.eventually(() -> c.node(JPN).self().store().read(h -> trisec.node.item.Items.byId(h, first))
                    .orElseThrow().heldLevel().equals("秘"), "JPN re-marks its copy 秘");

            // The originator's reclassification, and the copy re-marked by its notice: the item's report and its new
            // marking are what is new since the end of the last read.
            assertNewVersion(poll(kor, "kor.officer", korDprk, korLast), report, "군사Ⅲ급비밀");
            assertNewVersion(poll(jpn, "jpn.analyst", jpnDprk, jpnLast), report, "군사Ⅲ급비밀");

            // The client paging by next is served it again, at its new place after the others.
            var rest = new ArrayList<String>();
            while (true) {
                Client.Response r = TaxiiApiTest.taxii(kor, "kor.officer", ROOT + "collections/" + korDprk
                        + "/objects/?limit=1&match%5Btype%5D=report&next=" + TaxiiApiTest.enc(next));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                r.json().path("objects").forEach(o -> rest.add(o.get("id").asText()));
                if (!r.json().get("more").asBoolean()) {
                    break;
                }
                next = r.json().get("next").asText();
            }
            assertThat(rest).endsWith(report).doesNotHaveDuplicates();

            // A client reading from the start has the item once, under its new label.
            for (var at : List.of(new Object[] {kor, "kor.officer", korDprk}, new Object[] {jpn, "jpn.analyst",
                    jpnDprk})) {
                Client node = (Client) at[0];
                List<JsonNode> all = TaxiiApiTest.all(p -> TaxiiApiTest.taxii(node, (String) at[1], p),
                        (String) at[2], "", 2);
                assertThat(all.stream().filter(o -> o.get("id").asText().equals(report))).hasSize(1);
                assertNewVersion(all, report, "군사Ⅲ급비밀");
            }
        }
    }

    private static String collection(Client node, String who) {
        for (JsonNode c : TaxiiApiTest.taxii(node, who, ROOT + "collections/").json().get("collections")) {
            if (c.get("title").asText().equals("Topic dprk")) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no collection Topic dprk");
    }

    /** Reads the collection to the end: the last page's X-TAXII-Date-Added-Last. */
    private static String lastAdded(Client node, String who, String collection) {
        String next = null;
        String last = null;
        while (true) {
            Client.Response r = TaxiiApiTest.taxii(node, who, ROOT + "collections/" + collection + "/objects/?limit=2"
                    + (next == null ? "" : "&next=" + TaxiiApiTest.enc(next)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.raw().headers().firstValue("X-TAXII-Date-Added-Last").orElse(last);
            if (!r.json().get("more").asBoolean()) {
                assertThat(last).isNotNull();
                return last;
            }
            next = r.json().get("next").asText();
        }
    }

    private static JsonNode poll(Client node, String who, String collection, String after) {
        Client.Response r = TaxiiApiTest.taxii(node, who, ROOT + "collections/" + collection
                + "/objects/?added_after=" + TaxiiApiTest.enc(after));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void assertNewVersion(JsonNode page, String report, String level) {
        var objects = new ArrayList<JsonNode>();
        page.path("objects").forEach(objects::add);
        assertNewVersion(objects, report, level);
    }

    /** The report is among the objects, marked with a marking-definition among them that carries the new level. */
    private static void assertNewVersion(List<JsonNode> objects, String report, String level) {
        JsonNode r = objects.stream().filter(o -> o.get("id").asText().equals(report)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + report + " in " + objects));
        String marking = r.get("object_marking_refs").get(0).asText();
        JsonNode m = objects.stream().filter(o -> o.get("id").asText().equals(marking)).findFirst()
                .orElseThrow(() -> new AssertionError("no marking " + marking));
        assertThat(m.at("/extensions/" + TrisecMarking.EXTENSION_ID + "/level").asText()).isEqualTo(level);
        assertThat(r.get("modified").asText()).isNotEqualTo(r.get("created").asText());
    }
}
