package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.api.ApiFixture.CLASS_II;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.base.NodeAuth;

/**
 * Adding objects to the TAXII server's collections and reading the status back (docs/INTEROP.md, "Adding objects"):
 * the STIX import's own checks, into what each collection holds; only for those who may create items; the status
 * resource in TAXII 2.1's shape, to its poster alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxiiWriteApiTest {
    private static final String MEDIA = TaxiiApiTest.MEDIA;
    private static final String ROOT = "/taxii2/trisec/";

    private Cluster cluster;
    private Client kor;
    private Client jpn;

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral();
        kor = cluster.client(KOR);
        jpn = cluster.client(JPN);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A KOR item that KOR has let go to USA and JPN (LetGo), on a topic of its own under {@code topic}. */
    private String korItem(String title, String topic) {
        String own = LetGo.ownTopic(topic);
        Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", title, "body", "content of " + title,
                "level", CLASS_II, "topic", own, "relTo", List.of("USA", "JPN"), "caveats", List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        LetGo.authority(cluster, KOR, own, List.of("USA", "JPN"));
        return r.json().get("id").asText();
    }

    /** An item's export as a TAXII envelope: the bundle's objects. */
    private ObjectNode envelope(Client c, String who, String id) {
        Client.Response r = c.get(who, "/api/v1/items/" + id + "/stix");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.set("objects", r.json().get("objects"));
        return e;
    }

    private static ObjectNode envelope(String bundle) {
        try {
            ObjectNode e = Json.MAPPER.createObjectNode();
            e.set("objects", Json.MAPPER.readTree(bundle).get("objects"));
            return e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new AssertionError(x);
        }
    }

    /** The collections' ids by title, as the person sees them. */
    private Map<String, String> collections(Client c) {
        var out = new HashMap<String, String>();
        for (JsonNode n : TaxiiApiTest.taxii(c, "jpn.analyst", ROOT + "collections/").json().get("collections")) {
            out.put(n.get("title").asText(), n.get("id").asText());
        }
        return out;
    }

    private String collection(String title) {
        return collections(jpn).get(title);
    }

    private Client.Response add(Client c, String who, String collection, String body, String contentType) {
        var b = HttpRequest.newBuilder(c.base().resolve(ROOT + "collections/" + collection + "/objects/"))
                .header("Accept", MEDIA).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return c.raw(who == null ? null : "Bearer " + c.token(who), b);
    }

    private Client.Response add(String who, String collection, JsonNode envelope) {
        return add(jpn, who, collection, envelope.toString(), MEDIA);
    }

    private int items() {
        return jpn.get("jpn.officer", "/api/v1/items").json().get("items").size();
    }

    private static final Set<String> STATUS_FIELDS = Set.of("id", "status", "request_timestamp", "total_count",
            "success_count", "successes", "failure_count", "failures", "pending_count", "pendings");

    /** TAXII 2.1 §4.3.1: the status resource's required fields and types, its counts adding up, no other field. */
    private static JsonNode status(Client.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue(MEDIA);
        JsonNode s = r.json();
        List<String> names = new ArrayList<>();
        s.fieldNames().forEachRemaining(names::add);
        assertThat(STATUS_FIELDS).containsAll(names);
        assertThat(s.get("id").isTextual()).isTrue();
        assertThat(s.get("status").asText()).isIn("complete", "pending");
        for (String count : List.of("total_count", "success_count", "failure_count", "pending_count")) {
            assertThat(s.get(count).isInt()).as(count).isTrue();
        }
        assertThat(s.get("total_count").asInt()).isEqualTo(s.get("success_count").asInt()
                + s.get("failure_count").asInt() + s.get("pending_count").asInt());
        for (String list : List.of("successes", "failures", "pendings")) {
            String count = list.equals("successes") ? "success_count" : list.equals("failures") ? "failure_count"
                    : "pending_count";
            JsonNode l = s.path(list);
            assertThat(l.isMissingNode() ? 0 : l.size()).as(list).isEqualTo(s.get(count).asInt());
            if (!l.isMissingNode()) {
                assertThat(l.size()).as("a list is never empty").isPositive();
                for (JsonNode d : l) {
                    assertThat(d.get("id").asText()).matches("[a-z0-9-]+--[0-9a-f-]{36}");
                    assertThat(d.get("version").isTextual()).isTrue();
                }
            }
        }
        return s;
    }

    private static JsonNode detail(JsonNode status, String list, String type) {
        for (JsonNode d : status.path(list)) {
            if (d.get("id").asText().startsWith(type + "--")) {
                return d;
            }
        }
        throw new AssertionError("no " + type + " in " + list + " of " + status);
    }

    private static void taxiiError(Client.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue(MEDIA);
        assertThat(r.json().get("http_status").asText()).isEqualTo(Integer.toString(status));
        assertThat(r.json().get("title").isTextual()).isTrue();
    }

    /** The ITEM_IMPORTED entries of JPN's audit log. */
    private List<JsonNode> imported() {
        cluster.node(JPN).integrateNow();
        var out = new ArrayList<JsonNode>();
        long from = 0;
        while (true) {
            JsonNode page = jpn.get("jpn.auditor", "/api/v1/log/entries?from=" + from + "&limit=1000").json();
            for (JsonNode e : page.get("entries")) {
                if (e.get("entry").path("type").asText().equals("ITEM_IMPORTED")) {
                    out.add(e.get("entry"));
                }
            }
            if (page.get("entries").size() < 1000) {
                return out;
            }
            from += 1000;
        }
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void anOfficerAddsAPartnersItemToTheInboxAndReadsTheStatusBack() {
        String id = korItem("Yongbyon", "dprk.missile");
        ObjectNode envelope = envelope(kor, "kor.officer", id);
        JsonNode report = null;
        for (JsonNode o : envelope.get("objects")) {
            if (o.get("type").asText().equals("report")) {
                report = o;
            }
        }
        int before = items();

        Client.Response r = add("jpn.officer", collection("Inbox"), envelope);

        JsonNode s = status(r, 202);
        assertThat(s.get("status").asText()).isEqualTo("complete");
        assertThat(s.get("pending_count").asInt()).isZero();
        assertThat(s.get("total_count").asInt()).isEqualTo(envelope.get("objects").size());
        // The report is the one item; the identities, markings and extension-definitions are its context.
        assertThat(s.get("failure_count").asInt()).as(s.toString()).isZero();
        JsonNode success = detail(s, "successes", "report");
        assertThat(success.get("id").asText()).isEqualTo(report.get("id").asText());
        assertThat(success.get("version").asText()).isEqualTo(report.get("modified").asText());
        assertThat(success.get("message").asText()).contains(id);
        assertThat(items()).isEqualTo(before + 1);
        Client.Response read = jpn.get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/label/originator").asText()).isEqualTo("KOR");

        // The status again, to its poster only; anyone else is answered as for an unknown id.
        Client.Response again = TaxiiApiTest.taxii(jpn, "jpn.officer", ROOT + "status/" + s.get("id").asText() + "/");
        assertThat(status(again, 200)).isEqualTo(s);
        taxiiError(TaxiiApiTest.taxii(jpn, "jpn.analyst", ROOT + "status/" + s.get("id").asText() + "/"), 404);
        taxiiError(TaxiiApiTest.taxii(jpn, "jpn.officer", ROOT + "status/" + java.util.UUID.randomUUID() + "/"),
                404);
        String path = ROOT + "status/" + s.get("id").asText() + "/";
        taxiiError(jpn.raw(NodeAuth.header(cluster.keys(KOR), "GET", path), HttpRequest.newBuilder(
                jpn.base().resolve(path)).header("Accept", MEDIA).GET()), 404);

        // On record as the API's import is, with where it came through.
        JsonNode entry = imported().stream().filter(e -> e.path("item").asText().equals(id)).findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("jpn.officer");
        assertThat(entry.get("as").asText()).isEqualTo("copy");
        assertThat(entry.get("via").asText()).isEqualTo("taxii");
        assertThat(entry.get("collection").asText()).isEqualTo(collection("Inbox"));
        assertThat(entry.get("status").asText()).isEqualTo(s.get("id").asText());
        assertThat(entry.get("stix").asText()).isEqualTo(report.get("id").asText());
        assertThat(entry.toString()).doesNotContain("content of Yongbyon");

        // Added again, it is already held: a success, and nothing changes.
        JsonNode twice = status(add("jpn.officer", collection("Inbox"), envelope), 202);
        assertThat(detail(twice, "successes", "report").get("message").asText()).contains("already holds")
                .contains(id);
        assertThat(items()).isEqualTo(before + 1);
    }

    /** A MISP export's objects: a TLP:GREEN report, a TLP:AMBER indicator, an identity, an observed-data. */
    private static final String OPEN = """
            {"objects": [
              {"type": "identity", "spec_version": "2.1", "id": "identity--55f6ea5e-2c60-40e5-964f-47a8950d210f",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z", "name": "CIRCL",
               "identity_class": "organization"},
              {"type": "report", "spec_version": "2.1", "id": "report--REPORT",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-03T09:00:00.000Z",
               "name": "Lazarus phishing", "published": "2024-05-02T08:00:00Z", "description": "Job offers.",
               "report_types": ["threat-report"], "object_refs": ["identity--55f6ea5e-2c60-40e5-964f-47a8950d210f"],
               "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--91f5e2a4-0c1b-4b7e-8d3a-5e6f7a8b9c0d",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z",
               "pattern": "[domain-name:value = 'careers.example']", "pattern_type": "stix",
               "valid_from": "2024-05-02T08:00:00Z",
               "object_marking_refs": ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"]},
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z",
               "first_observed": "2024-05-02T08:00:00Z", "last_observed": "2024-05-02T08:00:00Z",
               "number_observed": 1, "object_refs": ["identity--55f6ea5e-2c60-40e5-964f-47a8950d210f"],
               "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]}
             ]}""";

    private static String open(String reportUuid) {
        return OPEN.replace("REPORT", reportUuid);
    }

    @Test
    void tlpGreenContentGoesToATopicCollectionOnItsTopicAndNowhereElse() {
        int before = items();
        String dprk = collection("Topic dprk");

        JsonNode s = status(add(jpn, "jpn.officer", dprk, open("1c5a2d1e-8f59-4a7e-9d55-1f0e2a3b4c5d"), MEDIA), 202);

        JsonNode report = detail(s, "successes", "report");
        assertThat(report.get("version").asText()).isEqualTo("2024-05-03T09:00:00.000Z");
        String item = report.get("message").asText().replaceAll(".*item ([0-9a-f-]{36}).*", "$1");
        JsonNode read = jpn.get("jpn.analyst", "/api/v1/items/" + item).json();
        assertThat(read.at("/label/originator").asText()).isEqualTo("JPN");
        assertThat(read.at("/label/level").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(read.at("/label/topic").asText()).isEqualTo("dprk");
        // The identity is context: a success. The AMBER indicator is refused, and the observed-data is no item.
        assertThat(detail(s, "successes", "identity").get("message").asText()).isNotBlank();
        assertThat(detail(s, "failures", "indicator").get("message").asText()).contains("TLP:AMBER");
        assertThat(detail(s, "failures", "observed-data").get("message").asText()).isNotBlank();
        assertThat(s.get("success_count").asInt()).isEqualTo(2);
        assertThat(s.get("failure_count").asInt()).isEqualTo(2);
        assertThat(items()).isEqualTo(before + 1);
        // It is in the collection it was added to.
        Client.Response manifest = TaxiiApiTest.taxii(jpn, "jpn.analyst", ROOT + "collections/" + dprk
                + "/manifest/?match%5Btype%5D=report");
        assertThat(manifest.json().get("objects").findValuesAsText("id")).contains(reportIdOf(item));

        // The Inbox and Other topics have no topic to give TLP content: refused, with the reason.
        for (String title : List.of("Inbox", "Other topics")) {
            JsonNode refused = status(add(jpn, "jpn.officer", collection(title),
                    open("2d6b3e2f-9a60-4b8f-8e66-2a1f3b4c5d6e"), MEDIA), 202);
            assertThat(detail(refused, "failures", "report").get("message").asText()).as(title)
                    .contains("topic's collection");
        }
        assertThat(items()).isEqualTo(before + 1);
    }

    private String reportIdOf(String item) {
        for (JsonNode o : jpn.get("jpn.analyst", "/api/v1/items/" + item + "/stix").json().get("objects")) {
            if (o.get("type").asText().equals("report")) {
                return o.get("id").asText();
            }
        }
        throw new AssertionError("no report");
    }

    @Test
    void anItemUnderTrisecsLabelGoesOnlyToACollectionThatHoldsIt() {
        String consult = korItem("Beijing", "consult");
        String missile = korItem("Musudan", "dprk.missile");
        int before = items();

        JsonNode wrong = status(add("jpn.officer", collection("Topic dprk"), envelope(kor, "kor.officer", consult)), 202);
        assertThat(detail(wrong, "failures", "report").get("message").asText()).contains("consult").contains("dprk");
        JsonNode notOther = status(add("jpn.officer", collection("Other topics"), envelope(kor, "kor.officer",
                missile)), 202);
        assertThat(detail(notOther, "failures", "report").get("message").asText()).contains("dprk.missile");
        assertThat(items()).isEqualTo(before);

        JsonNode other = status(add("jpn.officer", collection("Other topics"), envelope(kor, "kor.officer", consult)),
                202);
        assertThat(detail(other, "successes", "report").get("message").asText()).contains(consult);
        JsonNode topic = status(add("jpn.officer", collection("Topic dprk"), envelope(kor, "kor.officer", missile)),
                202);
        assertThat(detail(topic, "successes", "report").get("message").asText()).contains(missile);
        assertThat(items()).isEqualTo(before + 2);

        // The Inbox holds partners' items: this node's own is refused there.
        Client.Response own = jpn.post("jpn.officer", "/api/v1/items", body("title", "Own", "body", "own",
                "level", "UNCLASSIFIED", "topic", "dprk", "relTo", List.of(), "caveats", List.of()));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        JsonNode inbox = status(add("jpn.officer", collection("Inbox"), envelope(jpn, "jpn.officer",
                own.json().get("id").asText())), 202);
        assertThat(detail(inbox, "failures", "report").get("message").asText()).contains("JPN's own");
    }

    @Test
    void onlyAnOfficerAddsAndNothingElseIsStored() {
        String id = korItem("Sohae", "dprk.missile");
        ObjectNode envelope = envelope(kor, "kor.officer", id);
        int before = items();
        for (String who : List.of("jpn.analyst", "jpn.guest", "jpn.admin", "jpn.participant")) {
            taxiiError(add(who, collection("Inbox"), envelope), 403);
        }
        taxiiError(add(jpn, null, collection("Inbox"), envelope.toString(), MEDIA), 401);
        // A partner node does not write, even signed.
        String path = ROOT + "collections/" + collection("Inbox") + "/objects/";
        taxiiError(jpn.raw(NodeAuth.header(cluster.keys(USA), "POST", path,
                envelope.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), HttpRequest.newBuilder(
                jpn.base().resolve(path)).header("Accept", MEDIA).header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()))), 403);
        assertThat(items()).isEqualTo(before);
        assertThat(jpn.get("jpn.officer", "/api/v1/items/" + id).status()).isEqualTo(404);
        taxiiError(add("jpn.officer", "00000000-0000-4000-8000-000000000000", envelope), 404);
    }

    @Test
    void aBodyOfAnotherMediaTypeOrMalformedStoresNothing() {
        String id = korItem("Tongchang", "dprk.missile");
        ObjectNode envelope = envelope(kor, "kor.officer", id);
        String inbox = collection("Inbox");
        int before = items();
        for (String type : List.of("application/json", "application/stix+json;version=2.1",
                "application/taxii+json;version=2.0", "text/plain")) {
            Client.Response r = add(jpn, "jpn.officer", inbox, envelope.toString(), type);
            taxiiError(r, 415);
            assertThat(r.json().get("error_code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        taxiiError(add(jpn, "jpn.officer", inbox, envelope.toString(), null), 415);
        // An answer the client cannot take: 406, before anything is read.
        var b = HttpRequest.newBuilder(jpn.base().resolve(ROOT + "collections/" + inbox + "/objects/"))
                .header("Accept", "application/json").header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()));
        taxiiError(jpn.raw("Bearer " + jpn.token("jpn.officer"), b), 406);

        ObjectNode twice = envelope.deepCopy();
        ((ArrayNode) twice.get("objects")).add(twice.get("objects").get(0).deepCopy());
        ObjectNode noId = envelope.deepCopy();
        ((ObjectNode) noId.get("objects").get(0)).remove("id");
        for (String bad : List.of("not json", "[]", "{}", "{\"objects\": \"none\"}", "{\"objects\": []}",
                twice.toString(), noId.toString(), envelope.toString().replaceFirst("\\{", "{\"objects\":[],"))) {
            Client.Response r = add(jpn, "jpn.officer", inbox, bad, MEDIA);
            taxiiError(r, 400);
            assertThat(r.json().get("description").asText()).isNotBlank();
        }
        // Too many objects, or too many bytes: 413, the API root's max_content_length.
        long max = TaxiiApiTest.taxii(jpn, "jpn.officer", ROOT).json().get("max_content_length").asLong();
        assertThat(max).isEqualTo(4L << 20);
        taxiiError(add(jpn, "jpn.officer", inbox, "{\"objects\": [" + "0,".repeat(1_000) + "0]}", MEDIA), 413);
        taxiiError(add(jpn, "jpn.officer", inbox, "{\"objects\": [], \"x\": \"" + "a".repeat((int) max) + "\"}",
                MEDIA), 413);
        assertThat(items()).isEqualTo(before);
        assertThat(jpn.get("jpn.officer", "/api/v1/items/" + id).status()).isEqualTo(404);
        // The media type without its version is TAXII's latest, 2.1; a STIX bundle posted as it is gives its objects.
        String bundle = kor.get("kor.officer", "/api/v1/items/" + id + "/stix").body();
        assertThat(bundle).contains("\"type\":\"bundle\"");
        JsonNode s = status(add(jpn, "jpn.officer", inbox, bundle, "application/taxii+json"), 202);
        assertThat(detail(s, "successes", "report").get("message").asText()).contains("imported as item " + id);
        assertThat(items()).isEqualTo(before + 1);
    }

    @Test
    void canWriteAnswersWhetherTheRequesterMayAdd() {
        var asked = new HashMap<String, Boolean>();
        for (String who : List.of("jpn.officer", "jpn.analyst", "jpn.guest", "jpn.admin")) {
            JsonNode all = TaxiiApiTest.taxii(jpn, who, ROOT + "collections/").json().get("collections");
            assertThat(all.size()).isEqualTo(3);
            for (JsonNode c : all) {
                asked.merge(who, c.get("can_write").asBoolean(), (a, x) -> {
                    assertThat(x).as(who + " same for every collection").isEqualTo(a);
                    return a;
                });
                assertThat(TaxiiApiTest.taxii(jpn, who, ROOT + "collections/" + c.get("id").asText() + "/").json()
                        .get("can_write").asBoolean()).isEqualTo(c.get("can_write").asBoolean());
            }
        }
        assertThat(asked).containsEntry("jpn.officer", true).containsEntry("jpn.analyst", false)
                .containsEntry("jpn.guest", false).containsEntry("jpn.admin", false);
        String path = ROOT + "collections/";
        Client.Response partner = jpn.raw(NodeAuth.header(cluster.keys(KOR), "GET", path), HttpRequest.newBuilder(
                jpn.base().resolve(path)).header("Accept", MEDIA).GET());
        assertThat(partner.status()).as(partner.body()).isEqualTo(200);
        for (JsonNode c : partner.json().get("collections")) {
            assertThat(c.get("can_write").asBoolean()).isFalse();
        }
    }
}
