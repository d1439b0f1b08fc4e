package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.api.ApiFixture.CLASS_II;
import static trisec.node.api.ApiFixture.CLASS_III;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.interop.StixExport;
import trisec.interop.TrisecMarking;
import trisec.interop.TrisecSeal;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;

/**
 * A STIX 2.1 bundle imported into items (docs/INTEROP.md, "STIX import"): an item exported by one node imports on
 * another with the same id and label when its originator's seal holds, the release policy would have released it
 * there and the originator's node confirms it (then its notices reach the copy); TLP:GREEN content becomes the
 * importing node's own; what cannot be labelled is refused, and a malformed bundle stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StixImportApiTest {
    private static final String PATH = "/api/v1/stix/bundles";
    private final StixSchemas schemas = new StixSchemas();
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

    private String korItem(String title, String level, List<String> relTo, List<String> caveats) {
        return korItem(title, level, "dprk.missile", relTo, caveats);
    }

    /**
     * A KOR item that KOR has let go to USA and JPN (LetGo): on a topic of its own under {@code topic}, which a
     * standing authority made after the item covers.
     */
    private String korItem(String title, String level, String topic, List<String> relTo, List<String> caveats) {
        String own = LetGo.ownTopic(topic);
        String id = keptHome(title, level, own, relTo, caveats);
        LetGo.authority(cluster, KOR, own, List.of("USA", "JPN"));
        return id;
    }

    /** A KOR item that no release, consent or authority of KOR's lets go anywhere. */
    private String keptHome(String title, String level, String topic, List<String> relTo, List<String> caveats) {
        Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", title, "body", "content of " + title,
                "level", level, "topic", topic, "relTo", relTo, "caveats", caveats));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private ObjectNode exported(Client c, String who, String id) {
        Client.Response r = c.get(who, "/api/v1/items/" + id + "/stix");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (ObjectNode) r.json();
    }

    private Client.Response importing(Client c, String who, String bundle, String query) {
        return send(c, who, bundle, query, StixExport.MEDIA_TYPE);
    }

    private Client.Response send(Client c, String who, String bundle, String query, String contentType) {
        return c.raw("Bearer " + c.token(who), HttpRequest.newBuilder(c.base().resolve(PATH + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(bundle)));
    }

    private int items(Client c, String who) {
        return c.get(who, "/api/v1/items").json().get("items").size();
    }

    private static ObjectNode ofType(JsonNode bundle, String type) {
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asText().equals(type) && !o.get("id").asText().equals(StixExport.TLP_WHITE)) {
                return (ObjectNode) o;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static JsonNode outcome(Client.Response r, String type) {
        for (JsonNode o : r.json().get("objects")) {
            if (o.get("type").asText().equals(type)) {
                return o;
            }
        }
        throw new AssertionError("no outcome for a " + type + " in " + r.body());
    }

    @Test
    void anItemExportedByOneNodeImportsOnAnotherWithTheSameIdAndLabel() {
        String id = korItem("Sinpo", CLASS_II, List.of("USA", "JPN"), List.of("ORCON"));
        ObjectNode bundle = exported(kor, "kor.officer", id);
        JsonNode atSeoul = kor.get("kor.officer", "/api/v1/items/" + id).json();
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);

        Client.Response r = importing(jpn, "jpn.officer", bundle.toString(), "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode report = outcome(r, "report");
        assertThat(report.get("outcome").asText()).isEqualTo("imported");
        assertThat(report.get("item").asText()).isEqualTo(id);
        assertThat(report.get("id").asText()).isEqualTo(ofType(bundle, "report").get("id").asText());
        for (JsonNode o : r.json().get("objects")) {
            if (!o.get("type").asText().equals("report")) {
                assertThat(o.get("outcome").asText()).as(o.toString()).isEqualTo("skipped");
                assertThat(o.get("reason").asText()).isNotBlank();
            }
        }
        // JPN's analyst reads the copy as its marking says: KOR's label, JPN's own corresponding level.
        Client.Response atTokyo = jpn.get("jpn.analyst", "/api/v1/items/" + id);
        assertThat(atTokyo.status()).as(atTokyo.body()).isEqualTo(200);
        assertThat(atTokyo.json().get("label")).isEqualTo(atSeoul.get("label"));
        assertThat(atTokyo.json().get("stanag4774")).isEqualTo(atSeoul.get("stanag4774"));
        assertThat(atTokyo.json().get("body").asText()).isEqualTo("content of Sinpo");
        JsonNode again = exported(jpn, "jpn.analyst", id);
        assertThat(ofType(again, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID
                + "/recipient_marking").asText()).isEqualTo("極秘 (KOR)");
        assertThat(ofType(again, "report").get("extensions")).isEqualTo(ofType(bundle, "report").get("extensions"));
        // Whom the item's label does not admit at JPN does not read it there either.
        assertThat(jpn.get("jpn.guest", "/api/v1/items/" + id).status()).isEqualTo(403);
        // The copy is in JPN's TAXII inbox, numbered in the transaction that stored it (not at the next start).
        String inbox = null;
        for (JsonNode c : TaxiiApiTest.taxii(jpn, "jpn.analyst", "/taxii2/trisec/collections/").json()
                .get("collections")) {
            if (c.get("title").asText().equals("Inbox")) {
                inbox = c.get("id").asText();
            }
        }
        Client.Response manifest = TaxiiApiTest.taxii(jpn, "jpn.analyst", "/taxii2/trisec/collections/" + inbox
                + "/manifest/?match[type]=report");
        assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
        assertThat(manifest.json().get("objects").findValuesAsText("id"))
                .contains(ofType(bundle, "report").get("id").asText());

        // Imported again, it is already held and nothing changes.
        int before = items(jpn, "jpn.officer");
        Client.Response twice = importing(jpn, "jpn.officer", bundle.toString(), "");
        assertThat(twice.status()).as(twice.body()).isEqualTo(200);
        assertThat(outcome(twice, "report").get("outcome").asText()).isEqualTo("already-held");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        // And the originator's own node already holds its own item.
        assertThat(outcome(importing(kor, "kor.officer", bundle.toString(), ""), "report").get("outcome").asText())
                .isEqualTo("already-held");
    }

    @Test
    void aTamperedBodyOrAnotherItemsLabelIsRefusedAndNothingStored() {
        String id = korItem("Sohae", CLASS_II, List.of("USA", "JPN"), List.of());
        String other = korItem("Tongchang", CLASS_III, List.of("USA", "JPN"), List.of());
        int before = items(jpn, "jpn.officer");

        ObjectNode body = exported(kor, "kor.officer", id);
        ofType(body, "report").put("description", "content of Sohae, and more");
        Client.Response r = importing(jpn, "jpn.officer", body.toString(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(r, "report").get("reason").asText()).contains("seal does not hold");

        // A label that reads well but is another item's: the seal is over the item's own label.
        ObjectNode relabelled = exported(kor, "kor.officer", id);
        ObjectNode lower = ofType(exported(kor, "kor.officer", other), "marking-definition");
        ObjectNode marking = ofType(relabelled, "marking-definition");
        String markingId = marking.get("id").asText();
        marking.set("extensions", lower.get("extensions"));
        marking.put("name", lower.get("name").asText());
        assertThat(ofType(relabelled, "report").get("object_marking_refs").get(0).asText()).isEqualTo(markingId);
        Client.Response r2 = importing(jpn, "jpn.officer", relabelled.toString(), "");
        assertThat(outcome(r2, "report").get("outcome").asText()).as(r2.body()).isEqualTo("refused");

        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void anItemTheReleasePolicyWouldNotReleaseHereIsRefused() {
        // REL TO USA, KOR: JPN is not on the list, so no import may bring it there.
        String id = korItem("Not for Tokyo", CLASS_II, List.of("USA"), List.of());
        int before = items(jpn, "jpn.officer");

        Client.Response r = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(r, "report").get("reason").asText()).contains("release policy");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.officer", "/api/v1/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void anItemItsOriginatorHasNotLetGoIsRefusedThoughThePolicyWouldPermitIt() {
        // KOR's policy would release it to JPN, but no one at KOR approved a release, agreed an authority or consented:
        // an export handed over is no release, so KOR does not confirm the copy and JPN stores nothing.
        String id = keptHome("Handed over", CLASS_II, LetGo.ownTopic("dprk.missile"), List.of("USA", "JPN"), List.of());
        int before = items(jpn, "jpn.officer");
        Client.Response r = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(reason(r)).contains("KOR has not let this item go to JPN");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        // Once a release of KOR's takes it to JPN, it is held there by that release, as any delivery is.
        var asked = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(kor.post("kor.disclosure", "/api/v1/releases/" + asked.json().at("/release/id").asText()
                + "/approve", "").status()).isEqualTo(200);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).status() == 200, "JPN holds it");
        assertThat(outcome(importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), ""), "report")
                .get("outcome").asText()).isEqualTo("already-held");
    }

    @Test
    void anItemThePolicyReleasesHereOnlyThroughTheHubIsRefused() {
        // Korea's missile warnings reach Japan through the USA under the missile-warning mechanism, never directly.
        String id = korItem("Warning", CLASS_II, "dprk.missile.warning", List.of("USA", "JPN"), List.of());
        int before = items(jpn, "jpn.officer");

        Client.Response r = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(r, "report").get("reason").asText()).contains("only through USA")
                .contains("missile-warning-2023");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.officer", "/api/v1/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherHoldersExportIsRefusedForTheThirdPartyRule() {
        String id = korItem("Held in Washington", CLASS_II, List.of("USA", "JPN"), List.of());
        Client usa = cluster.client(Cluster.USA);
        Client.Response atUsa = importing(usa, "usa.officer", exported(kor, "kor.officer", id).toString(), "");
        assertThat(outcome(atUsa, "report").get("outcome").asText()).as(atUsa.body()).isEqualTo("imported");
        // The USA's export names the USA as its recipient: JPN taking it would be a USA release of a KOR item.
        ObjectNode fromUsa = exported(usa, "usa.officer", id);
        assertThat(ofType(fromUsa, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID
                + "/recipient").asText()).isEqualTo("USA");
        int before = items(jpn, "jpn.officer");

        Client.Response r = importing(jpn, "jpn.officer", fromUsa.toString(), "");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(r, "report").get("reason").asText()).contains("USA's export").contains("consent");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        // The originator's own export of the same item is taken.
        Client.Response own = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");
        assertThat(outcome(own, "report").get("outcome").asText()).as(own.body()).isEqualTo("imported");
    }

    @Test
    void aTrisecItemReMarkedTlpIsNotTakenAsOpenContent() {
        String id = korItem("Laundered", CLASS_II, List.of("USA", "JPN"), List.of());
        int before = items(kor, "kor.officer");
        ObjectNode sealed = exported(kor, "kor.officer", id);
        ofType(sealed, "report").putArray("object_marking_refs").add(StixExport.TLP_WHITE);

        Client.Response r = importing(kor, "kor.officer", sealed.toString(), "?topic=dprk.cyber");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(r, "report").get("reason").asText()).contains("seal extension");
        // Without its seal, the report still has the STIX id of the item held here.
        ofType(sealed, "report").remove("extensions");
        Client.Response bare = importing(kor, "kor.officer", sealed.toString(), "?topic=dprk.cyber");
        assertThat(bare.status()).as(bare.body()).isEqualTo(200);
        assertThat(outcome(bare, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(outcome(bare, "report").get("reason").asText()).contains("STIX id of an item this node holds");
        assertThat(items(kor, "kor.officer")).isEqualTo(before);
    }

    private static String reason(Client.Response r) {
        return outcome(r, "report").path("reason").asText();
    }

    private Client.Response reclassify(String id, String level) {
        Client.Response r = kor.post("kor.officer", "/api/v1/items/" + id + "/reclassify", body("level", level));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private void retract(String id) {
        Client.Response r = kor.post("kor.officer", "/api/v1/items/" + id + "/retract", body());
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    @Test
    void theOriginatorConfirmsTheCopyAndItsReclassificationAndRetractionReachIt() {
        String id = korItem("Confirmed copy", CLASS_II, List.of("USA", "JPN"), List.of());
        Client.Response r = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");
        assertThat(outcome(r, "report").get("outcome").asText()).as(r.body()).isEqualTo("imported");
        // KOR holds JPN as a holder of its item, and its log says so (never the title).
        Cluster.eventually(() -> kor.get("kor.auditor", "/api/v1/log/entries?limit=1000").json().get("entries")
                .findValues("entry").stream().anyMatch(e -> e.path("type").asText().equals("COPY_CONFIRMED")
                        && e.path("item").asText().equals(id) && e.path("party").asText().equals("JPN")
                        && e.path("level").asText().equals(CLASS_II) && e.path("basis").asText().startsWith("authority ")
                        && !e.toString().contains("Confirmed copy")),
                "KOR's log has the confirmation");

        // KOR reclassifies: its notice reaches the imported copy, which JPN re-marks.
        reclassify(id, CLASS_III);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).json().at("/label/level").asText()
                .equals(CLASS_III), "JPN's copy takes KOR's new level");
        // KOR retracts: the copy at JPN is retracted too.
        retract(id);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).status() == 410,
                "JPN's copy is retracted");
    }

    @Test
    void anExportTheOriginatorHasSinceReclassifiedIsRefusedAsSupersededAndItsCurrentExportIsTaken() {
        String id = korItem("Superseded", CLASS_II, List.of("USA", "JPN"), List.of());
        ObjectNode old = exported(kor, "kor.officer", id);
        reclassify(id, CLASS_III);
        int before = items(jpn, "jpn.officer");

        // The old seal still holds over the old label; only the originator knows it is no longer the item's.
        Client.Response r = importing(jpn, "jpn.officer", old.toString(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(reason(r)).contains("originator KOR answers superseded").contains("current export");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);

        Client.Response current = importing(jpn, "jpn.officer", exported(kor, "kor.officer", id).toString(), "");
        assertThat(outcome(current, "report").get("outcome").asText()).as(current.body()).isEqualTo("imported");
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).json().at("/label/level").asText())
                .isEqualTo(CLASS_III);
    }

    @Test
    void anItemTheOriginatorRetractedUnbeknownToTheImporterIsRefused() {
        String id = korItem("Withdrawn", CLASS_II, List.of("USA", "JPN"), List.of());
        ObjectNode bundle = exported(kor, "kor.officer", id);
        // JPN held no copy, so KOR's retraction told it nothing.
        retract(id);
        int before = items(jpn, "jpn.officer");

        Client.Response r = importing(jpn, "jpn.officer", bundle.toString(), "");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(outcome(r, "report").get("outcome").asText()).isEqualTo("refused");
        assertThat(reason(r)).contains("originator KOR answers retracted");
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);
    }

    @Test
    void whenTheOriginatorsNodeCannotConfirmNothingIsStored() throws Exception {
        String id = korItem("Unconfirmed", CLASS_II, List.of("USA", "JPN"), List.of());
        ObjectNode bundle = exported(kor, "kor.officer", id);
        String seal = ofType(bundle, "report").at("/extensions/" + TrisecSeal.EXTENSION_ID + "/signature").asText();
        int before = items(jpn, "jpn.officer");
        int port = cluster.client(KOR).base().getPort();
        cluster.stop(KOR);
        try {
            // Down: the connection is refused.
            Client.Response down = importing(jpn, "jpn.officer", bundle.toString(), "");
            assertThat(down.status()).as(down.body()).isEqualTo(200);
            assertThat(outcome(down, "report").get("outcome").asText()).isEqualTo("refused");
            assertThat(reason(down)).contains("originator's node KOR could not confirm").contains("try again later");

            // Something else answers at KOR's address, "confirmed" but not under KOR's key: refused, and said so. Its
            // answer carries no answer signature of KOR's, so the peer client does not even pass it on.
            var impostor = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", port), 0);
            impostor.createContext("/federation/v1/copies", ex -> {
                JsonNode asked = Json.MAPPER.readTree(ex.getRequestBody());
                String digest = sha256(asked.at("/items/0/seal").asText());
                byte[] answer = Json.MAPPER.writeValueAsBytes(java.util.Map.of("answers", List.of(java.util.Map.of(
                        "item", asked.at("/items/0/item").asText(), "seal", digest, "verdict", "confirmed",
                        "reasons", List.of(), "at", "2026-01-01T00:00:00Z", "signature", seal))));
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
                ex.close();
            });
            impostor.start();
            try {
                Client.Response forged = importing(jpn, "jpn.officer", bundle.toString(), "");
                assertThat(outcome(forged, "report").get("outcome").asText()).as(forged.body()).isEqualTo("refused");
                assertThat(reason(forged)).contains("did not sign its answer with KOR's node key")
                        .contains("try again later");
            } finally {
                impostor.stop(0);
            }
            assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
            assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);
        } finally {
            cluster.restart(KOR, c -> c);
        }
        // KOR back: the same bundle is taken.
        Client.Response back = importing(jpn, "jpn.officer", bundle.toString(), "");
        assertThat(outcome(back, "report").get("outcome").asText()).as(back.body()).isEqualTo("imported");
    }

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** JPN's node asking KOR's, signed with JPN's key over the request and its body. */
    private Client.Response askKorAsJapan(String json) {
        return askKor(trisec.node.base.NodeAuth.header(cluster.keys(JPN), "POST", "/federation/v1/copies",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), json);
    }

    private Client.Response askKor(String authorization, String json) {
        return kor.raw(authorization, HttpRequest.newBuilder(kor.base().resolve("/federation/v1/copies"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theOriginatorAnswersEachItemUnderItsNodeKeyAndOnlyToAPartner() throws Exception {
        String id = korItem("Asked about", CLASS_II, List.of("USA", "JPN"), List.of());
        String seal = ofType(exported(kor, "kor.officer", id), "report").at("/extensions/" + TrisecSeal.EXTENSION_ID
                + "/signature").asText();
        String unknown = java.util.UUID.randomUUID().toString();
        String nonce = "n0nce-of-this-request-0123456789";
        String json = Json.MAPPER.writeValueAsString(java.util.Map.of("nonce", nonce, "items", List.of(
                java.util.Map.of("item", id, "seal", seal), java.util.Map.of("item", id, "seal", "AAAA" + seal),
                java.util.Map.of("item", unknown, "seal", seal))));
        String path = "/federation/v1/copies";

        Client.Response r = askKorAsJapan(json);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answers = r.json().get("answers");
        assertThat(answers.findValuesAsText("verdict")).containsExactly("confirmed", "superseded", "unknown");
        var korKey = cluster.node(KOR).identity();
        List<String> presented = List.of(seal, "AAAA" + seal, seal);
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i);
            assertThat(a.get("item").asText()).isEqualTo(i == 2 ? unknown : id);
            assertThat(a.get("seal").asText()).isEqualTo(sha256(presented.get(i)));
            byte[] sig = java.util.Base64.getDecoder().decode(a.get("signature").asText());
            var reasons = new java.util.ArrayList<String>();
            a.get("reasons").forEach(x -> reasons.add(x.asText()));
            java.util.function.BiFunction<String, String, byte[]> signed = (party, verdict) -> {
                var c = new trisec.envelope.Canonical().add(party).add(nonce).add(a.get("item").asText())
                        .add(a.get("seal").asText()).add(verdict).add(reasons.size());
                reasons.forEach(c::add);
                return c.add(a.get("at").asText()).bytes();
            };
            assertThat(trisec.envelope.Signatures.verify(korKey, "trisec copy confirmation v1",
                    signed.apply("JPN", a.get("verdict").asText()), sig)).as(a.toString()).isTrue();
            // Not another verdict, nor an answer to another party.
            assertThat(trisec.envelope.Signatures.verify(korKey, "trisec copy confirmation v1",
                    signed.apply("JPN", "refused"), sig)).isFalse();
            assertThat(trisec.envelope.Signatures.verify(korKey, "trisec copy confirmation v1",
                    signed.apply("USA", a.get("verdict").asText()), sig)).isFalse();
        }
        assertThat(answers.get(1).get("reasons").get(0).asText()).contains("import its current export");

        // Of an item it would not release to JPN, KOR tells JPN only that, and why only to one with its current seal.
        String notForTokyo = korItem("Not for Tokyo either", CLASS_II, List.of("USA"), List.of());
        String itsSeal = ofType(exported(kor, "kor.officer", notForTokyo), "report").at("/extensions/"
                + TrisecSeal.EXTENSION_ID + "/signature").asText();
        retract(notForTokyo);
        Client.Response withheld = askKorAsJapan(Json.MAPPER.writeValueAsString(java.util.Map.of("nonce", nonce, "items", List.of(
                        java.util.Map.of("item", notForTokyo, "seal", itsSeal),
                        java.util.Map.of("item", notForTokyo, "seal", "AAAA" + itsSeal)))));
        assertThat(withheld.status()).as(withheld.body()).isEqualTo(200);
        JsonNode w = withheld.json().get("answers");
        assertThat(w.findValuesAsText("verdict")).containsExactly("refused", "refused");
        assertThat(w.get(0).get("reasons").toString()).contains("JPN").doesNotContain("retracted");
        assertThat(w.get(1).get("reasons")).hasSize(1);
        assertThat(w.get(1).get("reasons").get(0).asText()).isEqualTo("KOR would not release this item to JPN now");

        // A person, however senior, is no partner node; a malformed request is refused whole.
        assertThat(askKor("Bearer " + kor.token("kor.officer"), json).status()).isEqualTo(403);
        assertThat(askKor(null, json).status()).isEqualTo(401);
        Client.Response bad = askKorAsJapan(json.replace(id, "not-a-uuid"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        // JPN's signature covers its body: another body under it is no request of JPN's.
        Client.Response swapped = askKor(trisec.node.base.NodeAuth.header(cluster.keys(JPN), "POST", path,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), json.replace(nonce, nonce + "x"));
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(401);
        assertThat(swapped.raw().headers().firstValue("WWW-Authenticate")).contains("TrisecNode");
    }

    @Test
    void whoCouldNotReadTheItemIsRefusedAlikeWhetherOrNotThisNodeHoldsIt() {
        String held = korItem("Held here", CLASS_II, List.of("USA", "JPN"), List.of());
        String notHeld = korItem("Not held here", CLASS_II, List.of("USA", "JPN"), List.of());
        String retracted = korItem("Retracted there", CLASS_II, List.of("USA", "JPN"), List.of());
        ObjectNode heldBundle = exported(kor, "kor.officer", held);
        ObjectNode retractedBundle = exported(kor, "kor.officer", retracted);
        assertThat(outcome(importing(jpn, "jpn.officer", heldBundle.toString(), ""), "report").get("outcome")
                .asText()).isEqualTo("imported");
        assertThat(outcome(importing(jpn, "jpn.officer", retractedBundle.toString(), ""), "report").get("outcome")
                .asText()).isEqualTo("imported");
        retract(retracted);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + retracted).status() == 410,
                "JPN's copy is retracted");
        // An officer cleared only to 秘: KOR's 군사Ⅱ급비밀 is 極秘 at JPN.
        Client.Response person = jpn.post("jpn.admin", "/api/v1/persons", body("username", "jpn.junior",
                "password", "password-of-jpn.junior", "clearance", "秘", "needToKnow", List.of("dprk"),
                "roles", List.of("officer")));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        jpn.signIn("jpn.junior", "password-of-jpn.junior");

        var reasons = new java.util.ArrayList<String>();
        for (ObjectNode b : List.of(heldBundle, exported(kor, "kor.officer", notHeld), retractedBundle)) {
            Client.Response r = importing(jpn, "jpn.junior", b.toString(), "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(outcome(r, "report").get("outcome").asText()).as(r.body()).isEqualTo("refused");
            assertThat(outcome(r, "report").has("item")).isFalse();
            reasons.add(reason(r));
        }
        assertThat(reasons.getFirst()).startsWith("you could not read an item marked like this");
        assertThat(reasons).containsOnly(reasons.getFirst());
        assertThat(jpn.get("jpn.analyst", "/api/v1/items/" + notHeld).status()).isEqualTo(404);
        // Whoever could read it is told the truth.
        assertThat(outcome(importing(jpn, "jpn.officer", heldBundle.toString(), ""), "report").get("outcome")
                .asText()).isEqualTo("already-held");
    }

    /** A MISP export, by the shape MISP's STIX 2.1 export writes: TLP 1.0 markings in the bundle, custom x_misp_. */
    private static final String MISP = """
            {"type": "bundle", "id": "bundle--6a1c8f7e-3b0a-4c55-9d1e-0f2b7c9a4e10",
             "objects": [
              {"type": "identity", "spec_version": "2.1", "id": "identity--55f6ea5e-2c60-40e5-964f-47a8950d210f",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z", "name": "CIRCL",
               "identity_class": "organization"},
              {"type": "marking-definition", "spec_version": "2.1",
               "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "created": "2017-01-20T00:00:00.000Z",
               "definition_type": "tlp", "name": "TLP:GREEN", "definition": {"tlp": "green"}},
              {"type": "marking-definition", "spec_version": "2.1",
               "id": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "created": "2017-01-20T00:00:00.000Z",
               "definition_type": "tlp", "name": "TLP:AMBER", "definition": {"tlp": "amber"}},
              {"type": "report", "spec_version": "2.1", "id": "report--1c5a2d1e-8f59-4a7e-9d55-1f0e2a3b4c5d",
               "created_by_ref": "identity--55f6ea5e-2c60-40e5-964f-47a8950d210f",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z",
               "name": "Lazarus phishing against defence suppliers", "published": "2024-05-02T08:00:00Z",
               "description": "Spear-phishing with job offers.", "report_types": ["misp-event"],
               "labels": ["Threat-Report", "misp:tool=\\"MISP-STIX-Converter\\""],
               "object_refs": ["indicator--91f5e2a4-0c1b-4b7e-8d3a-5e6f7a8b9c0d"],
               "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--91f5e2a4-0c1b-4b7e-8d3a-5e6f7a8b9c0d",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z",
               "pattern": "[domain-name:value = 'careers-defence.example']", "pattern_type": "stix",
               "valid_from": "2024-05-02T08:00:00Z", "labels": ["misp:type=\\"domain\\""],
               "x_misp_category": "Network activity",
               "object_marking_refs": ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"]},
              {"type": "note", "spec_version": "2.1", "id": "note--0b7c6d5e-4f3a-4b2c-9d1e-8f7a6b5c4d3e",
               "created": "2024-05-02T08:00:00.000Z", "modified": "2024-05-02T08:00:00.000Z",
               "content": "Analyst comment without a marking.",
               "object_refs": ["report--1c5a2d1e-8f59-4a7e-9d55-1f0e2a3b4c5d"]}
             ]}""";

    /** An OpenCTI export, by its shape: TLP 2.0 ids, OpenCTI's TLP definitions and x_opencti_ properties. */
    private static final String OPENCTI = """
            {"type": "bundle", "id": "bundle--f3c2b1a0-9e8d-4c7b-8a69-5f4e3d2c1b0a",
             "objects": [
              {"id": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "type": "marking-definition",
               "spec_version": "2.1", "created": "2022-10-01T00:00:00.000Z", "name": "TLP:GREEN",
               "definition_type": "TLP", "definition": {"TLP": "TLP:GREEN"}, "x_opencti_order": 1,
               "x_opencti_color": "#2e7d32"},
              {"id": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "type": "marking-definition",
               "spec_version": "2.1", "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER",
               "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                              {"extension_type": "property-extension", "tlp_2_0": "amber"}}},
              {"id": "report--8e2f6d4c-3b1a-4e9f-8d7c-6b5a4f3e2d1c", "type": "report", "spec_version": "2.1",
               "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "name": "Kimsuky credential harvesting", "description": "Fake webmail portals.",
               "published": "2024-06-11T02:30:00.000Z", "report_types": ["threat-report"], "confidence": 75,
               "x_opencti_id": "5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
               "object_refs": ["indicator--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"],
               "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]},
              {"id": "indicator--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "type": "indicator", "spec_version": "2.1",
               "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "name": "webmail-login.example", "pattern_type": "stix",
               "pattern": "[domain-name:value = 'webmail-login.example']", "valid_from": "2024-06-11T02:30:00.000Z",
               "x_opencti_score": 80,
               "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]},
              {"id": "note--7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f1e", "type": "note", "spec_version": "2.1",
               "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "content": "Unmarked note.", "object_refs": ["report--8e2f6d4c-3b1a-4e9f-8d7c-6b5a4f3e2d1c"]},
              {"id": "relationship--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "type": "relationship",
               "spec_version": "2.1", "created": "2024-06-11T02:30:00.000Z", "modified": "2024-06-11T02:30:00.000Z",
               "relationship_type": "related-to", "source_ref": "indicator--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
               "target_ref": "report--8e2f6d4c-3b1a-4e9f-8d7c-6b5a4f3e2d1c"}
             ]}""";

    @Test
    void tlpGreenReportsBecomeThisNodesItemsWhileAmberAndUnmarkedAreRefused() {
        for (String bundle : List.of(MISP, OPENCTI)) {
            int before = items(jpn, "jpn.officer");
            Client.Response r = importing(jpn, "jpn.officer", bundle, "?topic=dprk.cyber");

            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode report = outcome(r, "report");
            assertThat(report.get("outcome").asText()).isEqualTo("imported");
            assertThat(outcome(r, "indicator").get("outcome").asText()).isEqualTo("refused");
            assertThat(outcome(r, "indicator").get("reason").asText()).contains("TLP:AMBER");
            assertThat(outcome(r, "note").get("outcome").asText()).isEqualTo("refused");
            assertThat(outcome(r, "note").get("reason").asText()).contains("no marking");
            assertThat(outcome(r, "marking-definition").get("outcome").asText()).isEqualTo("skipped");
            assertThat(items(jpn, "jpn.officer")).isEqualTo(before + 1);

            // The item is JPN's own, unclassified, on the topic asked; its analysts read it.
            JsonNode item = jpn.get("jpn.analyst", "/api/v1/items/" + report.get("item").asText()).json();
            assertThat(item.at("/label/originator").asText()).isEqualTo("JPN");
            assertThat(item.at("/label/level").asText()).isEqualTo("UNCLASSIFIED");
            assertThat(item.at("/label/topic").asText()).isEqualTo("dprk.cyber");
            assertThat(item.get("title").asText()).isIn("Lazarus phishing against defence suppliers",
                    "Kimsuky credential harvesting");
            // Exported again, it is a trisec item under JPN's label and seal.
            JsonNode back = exported(jpn, "jpn.analyst", item.get("id").asText());
            assertThat(ofType(back, "report").at("/extensions/" + TrisecSeal.EXTENSION_ID + "/item_id").asText())
                    .isEqualTo(item.get("id").asText());

            // The same export imported again is the item it became, not a second one.
            Client.Response again = importing(jpn, "jpn.officer", bundle, "?topic=dprk.cyber");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(outcome(again, "report").get("outcome").asText()).isEqualTo("already-held");
            assertThat(outcome(again, "report").get("item").asText()).isEqualTo(report.get("item").asText());
            assertThat(items(jpn, "jpn.officer")).isEqualTo(before + 1);
        }
        // Without the topic they would be on, no item is made.
        int before = items(jpn, "jpn.officer");
        Client.Response none = importing(jpn, "jpn.officer", MISP, "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("message").asText()).contains("topic");
        assertThat(importing(jpn, "jpn.officer", MISP, "?topic=Not%20A%20Topic").status()).isEqualTo(400);
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
    }

    private void malformed(Client.Response r, String expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.json().get("message").asText()).contains(expected);
    }

    private String broken(String id, Consumer<ObjectNode> breakIt) {
        ObjectNode b = exported(kor, "kor.officer", id);
        breakIt.accept(b);
        return b.toString();
    }

    @Test
    void aMalformedBundleIsRefusedWholeAndNothingIsStored() {
        String id = korItem("Malformed", CLASS_II, List.of("USA", "JPN"), List.of());
        // A well-formed TLP:GREEN report rides in every broken bundle: it must not be stored either.
        String green = ofTypeOf(MISP, "report").toString();
        int before = items(jpn, "jpn.officer");
        Consumer<ObjectNode> withGreen = b -> ((ArrayNode) b.get("objects")).add(ofTypeOf(MISP, "report"))
                .add(ofTypeOf(MISP, "marking-definition"));
        String q = "?topic=dprk.cyber";

        malformed(importing(jpn, "jpn.officer", "not json", q), "not a JSON document");
        malformed(importing(jpn, "jpn.officer", "[" + green + "]", q), "a JSON object");
        malformed(importing(jpn, "jpn.officer", green, q), "not a STIX bundle");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            b.remove("id");
        }), q), "has no id");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> b.put("objects", "none")), q), "objects are a list");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ((ObjectNode) b.get("objects").get(0)).remove("type");
        }), q), "has no type");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ((ObjectNode) b.get("objects").get(0)).remove("id");
        }), q), "has no id");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ((ArrayNode) b.get("objects")).add(b.get("objects").get(0).deepCopy());
        }), q), "twice");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ofType(b, "report").putArray("object_marking_refs")
                    .add("marking-definition--0f0e0d0c-0b0a-4909-8807-060504030201");
        }), q), "neither in the bundle nor a TLP marking");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ((ObjectNode) ofType(b, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID))
                    .put("banner", "TOP SECRET//REL TO USA, JPN, KOR");
        }), q), "banner");
        malformed(importing(jpn, "jpn.officer", broken(id, b -> {
            withGreen.accept(b);
            ((ObjectNode) ofType(b, "report").at("/extensions/" + TrisecSeal.EXTENSION_ID)).remove("signature");
        }), q), "signature");
        String duplicateKey = exported(kor, "kor.officer", id).toString().replaceFirst("\"type\":\"bundle\"",
                "\"type\":\"bundle\",\"type\":\"bundle\"");
        malformed(importing(jpn, "jpn.officer", duplicateKey, q), "not a JSON document");
        malformed(send(jpn, "jpn.officer", MISP, q, "text/plain"), "application/stix+json");
        malformed(send(jpn, "jpn.officer", MISP, q, "application/stix+json;version=2.0"), "application/stix+json");
        malformed(send(jpn, "jpn.officer", MISP, q, "application/stix+json;version=2.10"), "application/stix+json");
        // Half a surrogate pair is no character: refused, not stored as '?'.
        malformed(send(jpn, "jpn.officer", MISP.replaceFirst("\"name\": *\"", "$0\\\\ud800"), q,
                "application/json"), "surrogate");

        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
        assertThat(jpn.get("jpn.officer", "/api/v1/items/" + id).status()).isEqualTo(404);
    }

    private static ObjectNode ofTypeOf(String bundle, String type) {
        try {
            return ofType(Json.MAPPER.readTree(bundle), type).deepCopy();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyThoseWhoMayCreateItemsImport() {
        int before = items(jpn, "jpn.officer");
        for (String who : List.of("jpn.guest", "jpn.analyst", "jpn.participant", "jpn.admin")) {
            Client.Response r = importing(jpn, who, MISP, "?topic=dprk.cyber");
            assertThat(r.status()).as(who).isEqualTo(403);
        }
        assertThat(jpn.raw(null, HttpRequest.newBuilder(jpn.base().resolve(PATH)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(MISP))).status()).isEqualTo(401);
        assertThat(items(jpn, "jpn.officer")).isEqualTo(before);
    }

    @Test
    void theSealExtensionValidatesAgainstTheOasisSchemas() {
        ObjectNode bundle = exported(kor, "kor.officer", korItem("Schema", CLASS_II, List.of(), List.of()));
        int definitions = 0;
        for (JsonNode o : bundle.get("objects")) {
            assertThat(schemas.problems(o)).as(o.get("id").asText()).isEmpty();
            definitions += o.get("type").asText().equals("extension-definition") ? 1 : 0;
        }
        assertThat(definitions).isEqualTo(2);
        assertThat(schemas.problems(bundle)).isEmpty();
        ObjectNode report = ofType(bundle, "report").deepCopy();
        ((ObjectNode) report.get("extensions")).set("trisec-seal",
                report.get("extensions").get(TrisecSeal.EXTENSION_ID));
        assertThat(schemas.problems(report)).isNotEmpty();
    }
}
