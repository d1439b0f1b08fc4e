package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.api.ApiFixture.CLASS_II;
import static trisec.node.api.ApiFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.interop.LabelBinding;
import trisec.interop.StixExport;
import trisec.interop.TrisecMarking;
import trisec.item.Item;
import trisec.label.ConfidentialityLabel;
import trisec.label.Stanag4774;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.interop.BindingJson;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.scenario.file.ScenarioFiles;
import trisec.warning.FlightPrediction;

/**
 * An item's interchange forms over the API (docs/INTEROP.md): the STIX 2.1 bundle, validated against the OASIS
 * schemas, and the label bound to its payload under the originator's seal; both answered as reading the item is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropApiTest {
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

    private static Optional<ClassificationScheme> schemes(Party p) {
        return ScenarioFiles.shipped().findScheme(p);
    }

    private String newItem(String title, List<String> relTo, List<String> caveats) {
        Client.Response r = kor.post("kor.officer", "/api/v1/items", body("title", title, "body", "content of " + title,
                "level", CLASS_II, "topic", "dprk.missile", "relTo", relTo, "caveats", caveats));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String newOption() {
        String yaml = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/kor-notice-2026").asText();
        Client.Response r = kor.post("kor.officer", "/api/v1/options", body("yaml", yaml, "level", CLASS_II,
                "topic", "dprk"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/id").asText();
    }

    private String newWarning() {
        Instant at = Instant.parse("2026-11-30T23:10:00Z");
        FlightPrediction f = LaunchCatalogueFiles.shipped().on(LocalDate.parse("2024-10-31")).modelledFlight();
        String state = String.format(Locale.ROOT, """
                {"at":"%s","launch":{"lat":%.4f,"lon":%.4f},"azimuthDeg":%.2f,"apogeeKm":%.1f,"rangeKm":%.1f,
                 "flightTimeSeconds":%d,"ellipse":{"semiMajorKm":40,"semiMinorKm":15,"orientationDeg":%.1f},
                 "confidence":0.6,"missileType":"Hwasong"}""", at, f.launchPoint().latitude(),
                f.launchPoint().longitude(), f.azimuthDeg(), f.apogeeKm(), f.rangeKm(), f.flightTime().toSeconds(),
                f.azimuthDeg());
        Client.Response r = kor.post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-4401","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(at, state));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("itemId").asText();
    }

    private Client.Response stix(Client c, String who, String id) {
        return c.get(who, "/api/v1/items/" + id + "/stix");
    }

    private JsonNode bundle(Client c, String who, String id) {
        Client.Response r = stix(c, who, id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode ofType(JsonNode bundle, String type) {
        JsonNode found = null;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asText().equals(type) && !o.path("id").asText().equals(StixExport.TLP_WHITE)) {
                assertThat(found).as("one " + type).isNull();
                found = o;
            }
        }
        assertThat(found).as(type).isNotNull();
        return found;
    }

    /** The item's label as the bundle's marking carries it, read back by the importer's mapping. */
    @SuppressWarnings("unchecked")
    private static TrisecMarking.Read marking(JsonNode bundle) {
        JsonNode extension = ofType(bundle, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID);
        return TrisecMarking.read(Json.MAPPER.convertValue(extension, Map.class), InteropApiTest::schemes);
    }

    @Test
    void everyObjectTrisecEmitsValidatesAgainstTheOasisStixSchemas() {
        var types = new TreeSet<String>();
        String option = newOption();
        String warning = newWarning();
        for (String id : List.of(newItem("Sinpo", List.of("USA", "JPN"), List.of()),
                newItem("Sohae", List.of(), List.of("NOFORN")), option, warning)) {
            JsonNode bundle = bundle(kor, "kor.officer", id);
            assertThat(schemas.problems(bundle)).as(id).isEmpty();
            types.add("bundle");
            // The OASIS bundle schema itself, on the objects of the types it knows (README: it refuses the others).
            ObjectNode known = bundle.deepCopy();
            known.putArray("objects").addAll(java.util.stream.StreamSupport.stream(bundle.get("objects").spliterator(),
                    false).filter(o -> !List.of("note", "extension-definition").contains(o.get("type").asText()))
                    .toList());
            assertThat(schemas.problems(StixSchemas.BASE + "common/bundle.json", known)).as(id).isEmpty();
            for (JsonNode object : bundle.get("objects")) {
                assertThat(schemas.problems(object)).as(object.get("id").asText()).isEmpty();
                types.add(object.get("type").asText());
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(StixSchemas.BY_TYPE.keySet());
        // Each kind of item as the object its kind takes: an option is analysis, a warning an observation.
        assertThat(ofType(bundle(kor, "kor.officer", option), "note").get("content").asText()).contains("KOR");
        assertThat(ofType(bundle(kor, "kor.officer", warning), "report").get("report_types").toString())
                .isEqualTo("[\"observed-data\"]");
    }

    @Test
    void theValidatorRefusesABrokenObject() {
        JsonNode bundle = bundle(kor, "kor.officer", newItem("Broken", List.of(), List.of()));
        ObjectNode report = ofType(bundle, "report").deepCopy();
        report.remove("published");
        assertThat(schemas.problems(report)).isNotEmpty();

        ObjectNode marking = ofType(bundle, "marking-definition").deepCopy();
        ((ObjectNode) marking.at("/extensions/" + TrisecMarking.EXTENSION_ID)).put("Releasable To", "USA");
        assertThat(schemas.problems(marking)).isNotEmpty();

        ObjectNode identity = ofType(bundle, "report").deepCopy();
        identity.put("created_by_ref", "identity--KOR");
        assertThat(schemas.problems(identity)).isNotEmpty();

        ObjectNode empty = bundle.deepCopy();
        empty.putArray("objects");
        assertThat(schemas.problems(empty)).isNotEmpty();
    }

    @Test
    void theSameItemExportsTheSameBytesAndAnotherItemOtherIds() {
        String a = newItem("Twice", List.of("USA"), List.of());
        String b = newItem("Other", List.of("USA"), List.of());
        Client.Response first = stix(kor, "kor.analyst", a);
        Client.Response second = stix(kor, "kor.officer", a);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Content-Type")).hasValue(StixExport.MEDIA_TYPE);
        assertThat(second.body()).isEqualTo(first.body());
        JsonNode other = bundle(kor, "kor.officer", b);
        assertThat(ofType(other, "report").get("id")).isNotEqualTo(ofType(first.json(), "report").get("id"));
        assertThat(ofType(other, "marking-definition").get("id"))
                .isNotEqualTo(ofType(first.json(), "marking-definition").get("id"));
        assertThat(other.get("id")).isNotEqualTo(first.json().get("id"));
    }

    @Test
    void theMarkingReadsBackAsTheItemsLabel() {
        String id = newItem("Round trip", List.of("USA", "JPN"), List.of("ORCON"));
        JsonNode item = kor.get("kor.officer", "/api/v1/items/" + id).json();
        ConfidentialityLabel label = Stanag4774.parse(item.get("stanag4774").asText(), InteropApiTest::schemes);

        TrisecMarking.Read read = marking(bundle(kor, "kor.officer", id));

        assertThat(read.label()).isEqualTo(label);
        assertThat(read.label().created()).map(Instant::toString).hasValue(item.at("/label/created").asText());
        assertThat(read.label().releasableTo()).extracting(Party::code).containsExactly("USA", "JPN", "KOR");
    }

    @Test
    void eachReaderGetsItsOwnPartysMarking() {
        String id = newItem("For Tokyo", List.of(), List.of());
        String release = kor.post("kor.officer", "/api/v1/items/" + id + "/releases", body("to", "JPN")).json()
                .at("/release/id").asText();
        assertThat(kor.post("kor.disclosure", "/api/v1/releases/" + release + "/approve", "").status()).isEqualTo(200);
        Cluster.eventually(() -> jpn.get("jpn.analyst", "/api/v1/items/" + id).status() == 200, "JPN holds " + id);

        JsonNode atSeoul = bundle(kor, "kor.analyst", id);
        JsonNode atTokyo = bundle(jpn, "jpn.analyst", id);

        assertThat(marking(atSeoul).recipientLevel().name()).isEqualTo(CLASS_II);
        assertThat(ofType(atSeoul, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID
                + "/recipient_marking").asText()).isEqualTo(CLASS_II);
        assertThat(ofType(atTokyo, "marking-definition").at("/extensions/" + TrisecMarking.EXTENSION_ID
                + "/recipient_marking").asText()).isEqualTo("極秘 (KOR)");
        assertThat(marking(atTokyo).label()).isEqualTo(marking(atSeoul).label());
        // The same report, by the same originator, under each party's own marking.
        assertThat(ofType(atTokyo, "report").get("id")).isEqualTo(ofType(atSeoul, "report").get("id"));
        assertThat(ofType(atTokyo, "report").get("created_by_ref")).isEqualTo(ofType(atSeoul, "report").get("created_by_ref"));
        assertThat(ofType(atTokyo, "report").get("object_marking_refs"))
                .isNotEqualTo(ofType(atSeoul, "report").get("object_marking_refs"));
        for (JsonNode o : atTokyo.get("objects")) {
            assertThat(schemas.problems(o)).isEmpty();
        }
    }

    @Test
    void whoMayNotReadTheItemGetsWhatReadingItWouldGive() {
        String id = newItem("Not for guests", List.of(), List.of());
        for (String path : List.of("/stix", "/binding")) {
            Client.Response item = kor.get("kor.guest", "/api/v1/items/" + id);
            Client.Response export = kor.get("kor.guest", "/api/v1/items/" + id + path);
            assertThat(export.status()).as(path).isEqualTo(item.status()).isEqualTo(403);
            assertThat(export.json().get("error").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(export.body()).doesNotContain("content of Not for guests");
            assertThat(kor.get("kor.officer", "/api/v1/items/no-such-item" + path).status()).isEqualTo(404);
            assertThat(kor.raw(null, java.net.http.HttpRequest.newBuilder(kor.base().resolve("/api/v1/items/" + id
                    + path)).GET()).status()).isEqualTo(401);
        }
        // A retracted item is gone for its exports too.
        assertThat(kor.post("kor.officer", "/api/v1/items/" + id + "/retract", "").status()).isEqualTo(200);
        assertThat(stix(kor, "kor.officer", id).status()).isEqualTo(410);
    }

    @Test
    void theBindingCarriesTheLabelTheContentAndTheOriginatorsSeal() {
        String id = newItem("Bound", List.of("USA", "JPN"), List.of());
        Client.Response r = kor.get("kor.analyst", "/api/v1/items/" + id + "/binding");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue(LabelBinding.MEDIA_TYPE);

        LabelBinding binding = BindingJson.read(r.body());
        Item item = binding.item(InteropApiTest::schemes);
        JsonNode view = kor.get("kor.analyst", "/api/v1/items/" + id).json();

        assertThat(item.id()).isEqualTo(id);
        assertThat(item.body()).isEqualTo(view.get("body").asText());
        assertThat(item.label()).isEqualTo(Stanag4774.parse(view.get("stanag4774").asText(), InteropApiTest::schemes));
        assertThat(binding.seal()).isPresent();
        var korKey = cluster.keys(KOR).identity();
        assertThat(BindingJson.sealHolds(item, korKey)).isTrue();
        // Another party's key, or the same seal over another title, does not hold.
        assertThat(BindingJson.sealHolds(item, cluster.keys(JPN).identity())).isFalse();
        var retitled = new Item(item.id(), item.label(), "Unbound", item.body(), item.seal());
        assertThat(BindingJson.sealHolds(retitled, korKey)).isFalse();
        // Written again, the binding is the same document.
        assertThat(new String(BindingJson.write(binding), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(r.body());
    }

    @Test
    void theItemViewCarriesItsLabelAsStanag4774() {
        String id = newItem("Labelled", List.of(), List.of("NOFORN"));
        JsonNode view = kor.get("kor.officer", "/api/v1/items/" + id).json();
        ConfidentialityLabel label = Stanag4774.parse(view.get("stanag4774").asText(), InteropApiTest::schemes);
        assertThat(label.caveats()).extracting(Enum::name).containsExactly("NOFORN");
        assertThat(label.level().name()).isEqualTo(CLASS_II);
        List<String> fields = new ArrayList<>();
        view.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("stanag4774", "label", "banner");
    }
}
