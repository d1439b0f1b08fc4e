package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.Fixtures;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.topic.Topic;

/** An item as a STIX 2.1 bundle: its objects, their ids, their markings. */
class StixExportTest {
    static final Instant CREATED = Instant.parse("2019-08-22T07:15:30.123456Z");
    static final Item ITEM = item("0b5f5e2e-6b8c-4cf6-9a43-2a0c3e9f4b11");

    static Item item(String id) {
        var label = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile"))
                .withReleasableTo(List.of(USA, JPN)).withCreated(CREATED);
        return new Item(id, label, "Launch from Sinpo", "SLBM test, two stages.", new Seal("key", "c2ln"));
    }

    static Map<String, Object> bundle(Item item, ItemKind kind, Level recipient) {
        return StixExport.bundle(new StixExport.Subject(item, kind, item.createdAt(), "Republic of Korea", recipient));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> bundle) {
        return (List<Map<String, Object>>) bundle.get("objects");
    }

    static Map<String, Object> ofType(Map<String, Object> bundle, String type) {
        return objects(bundle).stream().filter(o -> o.get("type").equals(type)).reduce((a, b) -> {
            throw new AssertionError("two " + type);
        }).orElseThrow();
    }

    @Test
    void aPlainItemIsAReportByItsOriginatorMarkedWithItsLabel() {
        var b = bundle(ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));

        assertThat(objects(b)).extracting(o -> o.get("type")).containsExactly("identity", "identity",
                "marking-definition", "extension-definition", "extension-definition", "marking-definition", "report");
        Map<String, Object> report = ofType(b, "report");
        String marking = StixExport.markingId(new StixExport.Subject(ITEM, ItemKind.ITEM, CREATED, "Republic of Korea",
                kor("군사Ⅱ급비밀")));
        assertThat(report).containsEntry("name", "Launch from Sinpo").containsEntry("description", "SLBM test, two stages.")
                .containsEntry("created_by_ref", StixExport.identityId(Fixtures.KOR))
                .containsEntry("object_marking_refs", List.of(marking))
                .containsEntry("report_types", List.of("threat-report"))
                .containsEntry("created", "2019-08-22T07:15:30.123Z").containsEntry("published", "2019-08-22T07:15:30.123Z");
        assertThat(objects(b).stream().filter(o -> o.get("id").equals(marking)).findFirst().orElseThrow())
                .containsKey("extensions");
    }

    @Test
    void everyObjectButTheMarkingDefinitionsIsMarked() {
        var b = bundle(ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        for (Map<String, Object> o : objects(b)) {
            if (o.get("type").equals("marking-definition")) {
                assertThat(o).doesNotContainKey("object_marking_refs");
            } else {
                assertThat(o).as(o.get("id").toString()).containsKey("object_marking_refs");
            }
        }
        // The shared objects carry the same public marking in every bundle; only the item carries its label.
        for (Map<String, Object> o : objects(b)) {
            if (o.get("type").equals("extension-definition")) {
                assertThat(o.get("object_marking_refs")).isEqualTo(List.of(StixExport.TLP_WHITE));
            }
        }
    }

    @Test
    void theSameItemGivesTheSameBundleAndAnotherItemOtherIds() {
        var once = bundle(ITEM, ItemKind.ITEM, jpn("極秘"));
        var again = bundle(item(ITEM.id()), ItemKind.ITEM, jpn("極秘"));
        var other = bundle(item("7c9e6679-7425-40de-944b-e07fc1f90ae7"), ItemKind.ITEM, jpn("極秘"));

        assertThat(again).isEqualTo(once);
        assertThat(ofType(other, "report").get("id")).isNotEqualTo(ofType(once, "report").get("id"));
        assertThat(other.get("id")).isNotEqualTo(once.get("id"));
        // The originator's identity and the extension are shared by every bundle.
        assertThat(objects(other).get(0)).isEqualTo(objects(once).get(0));
        assertThat(objects(other).stream().filter(o -> o.get("type").equals("extension-definition")).toList())
                .hasSize(2).isEqualTo(objects(once).stream().filter(o -> o.get("type").equals("extension-definition"))
                        .toList());
    }

    @Test
    void eachRecipientGetsItsOwnMarkingOfTheSameReport() {
        var kor = bundle(ITEM, ItemKind.ITEM, kor("군사Ⅱ급비밀"));
        var jpn = bundle(ITEM, ItemKind.ITEM, jpn("極秘"));

        assertThat(ofType(jpn, "report").get("id")).isEqualTo(ofType(kor, "report").get("id"));
        assertThat(ofType(jpn, "report").get("object_marking_refs"))
                .isNotEqualTo(ofType(kor, "report").get("object_marking_refs"));
        assertThat(marking(kor)).containsEntry("recipient_marking", "군사Ⅱ급비밀");
        assertThat(marking(jpn)).containsEntry("recipient_marking", "極秘 (KOR)");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> marking(Map<String, Object> bundle) {
        var label = objects(bundle).stream().filter(o -> o.containsKey("extensions")).findFirst().orElseThrow();
        return ((Map<String, Map<String, Object>>) label.get("extensions")).get(TrisecMarking.EXTENSION_ID);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theItemCarriesItsIdAndItsOriginatorsSealInTheSealExtension() {
        var report = ofType(bundle(ITEM, ItemKind.ITEM, jpn("極秘")), "report");
        var seal = ((Map<String, Map<String, Object>>) report.get("extensions")).get(TrisecSeal.EXTENSION_ID);

        TrisecSeal.Read read = TrisecSeal.read(seal);

        assertThat(read.itemId()).isEqualTo(ITEM.id());
        assertThat(read.seal()).isEqualTo(ITEM.seal());
        assertThat(TrisecSeal.EXTENSION_ID).isNotEqualTo(TrisecMarking.EXTENSION_ID);
    }

    @Test
    void aSealExtensionThatSaysSomethingElseIsRefused() {
        var props = new java.util.LinkedHashMap<>(TrisecSeal.properties(ITEM));
        props.put("statement", "trisec consent v1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrisecSeal.read(props))
                .isInstanceOf(trisec.DomainException.class).hasMessageContaining("statement");
        var extra = new java.util.LinkedHashMap<>(TrisecSeal.properties(ITEM));
        extra.put("level", "SECRET");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrisecSeal.read(extra))
                .hasMessageContaining("no property 'level'");
        var notUuid = new java.util.LinkedHashMap<>(TrisecSeal.properties(ITEM));
        notUuid.put("item_id", "item-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrisecSeal.read(notUuid))
                .hasMessageContaining("not a UUID");
    }

    @Test
    void theMarkingReadsBackAsTheItemsLabel() {
        var read = TrisecMarking.read(marking(bundle(ITEM, ItemKind.WARNING, jpn("極秘"))),
                p -> Fixtures.scenario().findScheme(p));
        assertThat(read.label()).isEqualTo(ITEM.label());
    }

    @Test
    void aReclassificationIsANewMarkingAndANewVersionOfTheItem() {
        Instant later = CREATED.plusSeconds(3600);
        var before = bundle(ITEM, ItemKind.ITEM, jpn("極秘"));
        var after = StixExport.bundle(new StixExport.Subject(ITEM.reclassified(kor("군사Ⅲ급비밀"), ITEM.seal()),
                ItemKind.ITEM, later, "Republic of Korea", jpn("秘")));

        assertThat(ofType(after, "report").get("id")).isEqualTo(ofType(before, "report").get("id"));
        assertThat(ofType(after, "report").get("modified")).isEqualTo("2019-08-22T08:15:30.123Z");
        assertThat(ofType(after, "report").get("object_marking_refs"))
                .isNotEqualTo(ofType(before, "report").get("object_marking_refs"));
    }

    @Test
    void theHeadsAreTheBundlesObjectsIdsTypesAndVersions() {
        for (ItemKind kind : ItemKind.values()) {
            for (var s : List.of(new StixExport.Subject(ITEM, kind, CREATED, "Republic of Korea", kor("군사Ⅱ급비밀")),
                    new StixExport.Subject(ITEM.reclassified(kor("군사Ⅲ급비밀"), ITEM.seal()), kind,
                            CREATED.plusSeconds(3600), "Republic of Korea", jpn("秘")))) {
                assertThat(StixExport.heads(s)).as(kind.name()).containsExactlyElementsOf(
                        objects(StixExport.bundle(s)).stream().map(o -> {
                            assertThat(o).containsEntry("spec_version", StixExport.SPEC_VERSION);
                            return new StixExport.Head((String) o.get("id"), (String) o.get("type"),
                                    (String) o.getOrDefault("modified", o.get("created")));
                        }).toList());
            }
        }
    }

    @Test
    void consultationRecordsAndAnalysisAreNotesAndWarningsObservations() {
        var note = ofType(bundle(ITEM, ItemKind.MEETING_RECORD, kor("군사Ⅱ급비밀")), "note");
        assertThat(note).containsEntry("abstract", "Launch from Sinpo").containsEntry("content", "SLBM test, two stages.")
                .containsKey("object_refs").doesNotContainKey("report_types");
        assertThat(ofType(bundle(ITEM, ItemKind.WARNING, kor("군사Ⅱ급비밀")), "report"))
                .containsEntry("report_types", List.of("observed-data"));
        assertThat(Optional.of(ItemKind.OPTION.stixType())).contains("note");
    }
}
