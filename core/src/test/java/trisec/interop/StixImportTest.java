package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.Fixtures;

/** A STIX bundle read for import: what each object would become, and what makes a bundle malformed. */
class StixImportTest {
    private static final String GREEN_1 = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    private static final String AMBER_2 = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    private static final String CLEAR_2 = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    private static final String RED_1 = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    private static StixImport.Plan read(Object bundle) {
        return StixImport.read(bundle, p -> Fixtures.scenario().findScheme(p));
    }

    private static Map<String, Object> object(String type, String uuid, Object... more) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", type);
        m.put("spec_version", "2.1");
        m.put("id", type + "--" + uuid);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> bundle(Object... objects) {
        var b = new LinkedHashMap<String, Object>();
        b.put("type", "bundle");
        b.put("id", "bundle--5d0c6f0e-3f43-4a8e-8a3e-6d7a0b1f9c21");
        b.put("objects", new ArrayList<>(List.of(objects)));
        return b;
    }

    private static Map<String, Object> report(String uuid, String... markings) {
        return object("report", uuid, "name", "Phishing wave " + uuid.substring(0, 4), "description", "Lures sent.",
                "object_marking_refs", List.of(markings));
    }

    private static <T extends StixImport.Candidate> T only(StixImport.Plan plan, String type, Class<T> as) {
        var found = plan.objects().stream().filter(c -> c.type().equals(type)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst()).isInstanceOf(as);
        return as.cast(found.getFirst());
    }

    @Test
    void greenAndClearAreOpenWhileAmberRedAndTheUnmarkedAreRefused() {
        var plan = read(bundle(
                report("11111111-1111-4111-8111-111111111111", GREEN_1),
                object("indicator", "22222222-2222-4222-8222-222222222222", "name", "Bad domain",
                        "pattern", "[domain-name:value = 'x.example']", "pattern_type", "stix",
                        "object_marking_refs", List.of(AMBER_2)),
                object("note", "33333333-3333-4333-8333-333333333333", "content", "No marking here"),
                object("opinion", "44444444-4444-4444-8444-444444444444", "opinion", "agree",
                        "object_marking_refs", List.of(CLEAR_2)),
                object("malware", "55555555-5555-4555-8555-555555555555", "name", "Loader",
                        "object_marking_refs", List.of(RED_1)),
                object("identity", "66666666-6666-4666-8666-666666666666", "name", "CERT"),
                object("x-misp-attribute", "77777777-7777-4777-8777-777777777777")));

        StixImport.Open report = only(plan, "report", StixImport.Open.class);
        assertThat(report.tlp()).isEqualTo(StixImport.Tlp.GREEN);
        assertThat(report.title()).isEqualTo("Phishing wave 1111");
        assertThat(report.body()).isEqualTo("Lures sent.");
        assertThat(only(plan, "indicator", StixImport.Refused.class).reason()).contains("TLP:AMBER");
        assertThat(only(plan, "note", StixImport.Refused.class).reason()).contains("no marking");
        assertThat(only(plan, "opinion", StixImport.Open.class).tlp()).isEqualTo(StixImport.Tlp.CLEAR);
        assertThat(only(plan, "malware", StixImport.Refused.class).reason()).contains("TLP:RED");
        assertThat(only(plan, "identity", StixImport.Skipped.class).reason()).contains("identity");
        assertThat(only(plan, "x-misp-attribute", StixImport.Skipped.class).reason()).contains("does not become");
    }

    @Test
    void theMostRestrictiveTlpDecidesAndAnUnknownMarkingIsNotGuessed() {
        var statement = object("marking-definition", "88888888-8888-4888-8888-888888888888", "name", "Copyright ACME",
                "definition_type", "statement", "definition", Map.of("statement", "Copyright ACME"));
        var plan = read(bundle(statement, report("11111111-1111-4111-8111-111111111111", GREEN_1, AMBER_2),
                report("22222222-2222-4222-8222-222222222222", GREEN_1, (String) statement.get("id"))));

        var refused = plan.objects().stream().filter(c -> c.type().equals("report")).toList();
        assertThat(((StixImport.Refused) refused.get(0)).reason()).contains("TLP:AMBER");
        assertThat(((StixImport.Refused) refused.get(1)).reason()).contains("Copyright ACME")
                .contains("does not know");
    }

    @Test
    void anExportedItemReadsBackAsTheOriginatorsItemWithItsSeal() {
        Map<String, Object> exported = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, jpn("極秘"));

        var plan = read(exported);

        StixImport.Labelled item = only(plan, "report", StixImport.Labelled.class);
        assertThat(item.item()).isEqualTo(StixExportTest.ITEM);
        assertThat(item.recipientLevel()).isEqualTo(jpn("極秘"));
        assertThat(plan.objects()).filteredOn(StixImport.Skipped.class::isInstance).hasSize(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTrisecLabelWithoutTheSealIsRefused() {
        Map<String, Object> exported = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        StixExportTest.objects(exported).stream().filter(o -> o.get("type").equals("report")).forEach(o -> {
            ((Map<String, Object>) o).remove("extensions");
        });
        assertThat(only(read(exported), "report", StixImport.Refused.class).reason()).contains("seal");
    }

    private static void malformed(String expected, Consumer<Map<String, Object>> breakIt) {
        var b = bundle(report("11111111-1111-4111-8111-111111111111", GREEN_1));
        breakIt.accept(b);
        assertThatThrownBy(() -> read(b)).isInstanceOf(DomainException.class).hasMessageContaining(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> objects(Map<String, Object> b) {
        return (List<Object>) b.get("objects");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMalformedBundleIsRefusedWholeWithWhatIsWrong() {
        assertThatThrownBy(() -> read(List.of())).hasMessageContaining("JSON object");
        malformed("not a STIX bundle", b -> b.put("type", "report"));
        malformed("has no id", b -> b.remove("id"));
        malformed("not bundle--<uuid>", b -> b.put("id", "bundle--1"));
        malformed("objects are a list", b -> b.put("objects", Map.of()));
        malformed("objects are a list", b -> b.remove("objects"));
        malformed("empty", b -> objects(b).clear());
        malformed("not a JSON object", b -> objects(b).add("report"));
        malformed("has no type", b -> ((Map<String, Object>) objects(b).getFirst()).remove("type"));
        malformed("has no id", b -> ((Map<String, Object>) objects(b).getFirst()).remove("id"));
        malformed("not report--<uuid>", b -> ((Map<String, Object>) objects(b).getFirst())
                .put("id", "note--11111111-1111-4111-8111-111111111111"));
        malformed("twice", b -> objects(b).add(report("11111111-1111-4111-8111-111111111111", CLEAR_2)));
        malformed("neither in the bundle nor a TLP marking", b -> objects(b).add(report(
                "22222222-2222-4222-8222-222222222222", "marking-definition--99999999-9999-4999-8999-999999999999")));
        malformed("not a list of marking-definition ids", b -> ((Map<String, Object>) objects(b).getFirst())
                .put("object_marking_refs", GREEN_1));
        malformed("is not text", b -> ((Map<String, Object>) objects(b).getFirst()).put("name", 42));
        // A TLP marking-definition under a fixed id that says another level.
        malformed("TLP:GREEN by the TLP specification", b -> objects(b).add(object("marking-definition",
                "34098fce-860f-48ae-8e50-ebd3cc5e41da", "definition_type", "tlp", "definition", Map.of("tlp", "red"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTrisecLabelThatDoesNotReadMakesTheBundleMalformed() {
        Map<String, Object> exported = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        var marking = StixExportTest.marking(exported);
        marking.put("banner", "TOP SECRET//REL TO USA, JPN, KOR");
        assertThatThrownBy(() -> read(exported)).isInstanceOf(DomainException.class)
                .hasMessageContaining("does not read").hasMessageContaining("banner");

        Map<String, Object> sealBroken = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        StixExportTest.objects(sealBroken).stream().filter(o -> o.get("type").equals("report")).forEach(o ->
                o.put("extensions", Map.of(TrisecSeal.EXTENSION_ID, Map.of("extension_type", "property-extension"))));
        assertThatThrownBy(() -> read(sealBroken)).hasMessageContaining("trisec seal");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportedItemUnderAnotherIdOrBesideAnUnknownMarkingIsRefused() {
        Map<String, Object> moved = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        StixExportTest.objects(moved).stream().filter(o -> o.get("type").equals("report"))
                .forEach(o -> o.put("id", "report--11111111-1111-4111-8111-111111111111"));
        assertThat(only(read(moved), "report", StixImport.Refused.class).reason()).contains("has the id report--");

        Map<String, Object> alsoMarked = StixExportTest.bundle(StixExportTest.ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        var statement = object("marking-definition", "88888888-8888-4888-8888-888888888888", "name", "Do not share",
                "definition_type", "statement", "definition", Map.of("statement", "Do not share"));
        StixExportTest.objects(alsoMarked).add(statement);
        StixExportTest.objects(alsoMarked).stream().filter(o -> o.get("type").equals("report")).forEach(o -> {
            var refs = new ArrayList<>((List<String>) o.get("object_marking_refs"));
            refs.add((String) statement.get("id"));
            o.put("object_marking_refs", refs);
        });
        assertThat(only(read(alsoMarked), "report", StixImport.Refused.class).reason()).contains("Do not share")
                .contains("does not know");
    }

    @Test
    void anIdInUpperCaseIsTheSameObject() {
        String lower = "report--abcdef12-1111-4111-8111-111111111111";
        var plan = read(bundle(object("report", "ABCDEF12-1111-4111-8111-111111111111", "name", "Loud",
                "object_marking_refs", List.of(GREEN_1.toUpperCase().replace("MARKING-DEFINITION", "marking-definition")))));
        assertThat(only(plan, "report", StixImport.Open.class).id()).isEqualTo(lower);
        assertThatThrownBy(() -> read(bundle(report("abcdef12-1111-4111-8111-111111111111", GREEN_1),
                report("ABCDEF12-1111-4111-8111-111111111111", GREEN_1)))).hasMessageContaining("twice");
    }
}
