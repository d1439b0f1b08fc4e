package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.DomainException;

/** The validator reports every problem of a scenario file, each with its line. */
class ScenarioValidatorTest {

    /** A small valid scenario; tests change one line of it. Its first line is line 1. */
    private static final String VALID = """
            parties:
              - code: AAA
                levels:
                  - {name: HIGH, banner: SECRET}
                  - {name: LOW, banner: CONFIDENTIAL}
                  - {name: OPEN, banner: UNCLASSIFIED}
              - code: BBB
                levels:
                  - {name: TOP, banner: SECRET}
                  - {name: NONE, banner: UNCLASSIFIED}
              - code: CCC
                levels:
                  - {name: HUSH, banner: SECRET}
                  - {name: PLAIN, banner: UNCLASSIFIED}
            agreements:
              - id: a-b
                kind: SIA
                parties: [AAA, BBB]
                term: P1Y
                noticePeriod: P90D
                equivalence:
                  - {AAA: HIGH, BBB: TOP}
                events:
                  - {type: SIGNED, date: 2000-01-01}
                  - {type: IN_FORCE, date: 2000-01-01}
              - id: hub
                kind: HUB_ARRANGEMENT
                parties: [AAA, BBB, CCC]
                hub: CCC
                events:
                  - {type: SIGNED, date: 2001-01-01}
            """;

    private static List<Problem> check(String text) {
        return ScenarioFiles.check(text);
    }

    private static String replace(String line, String with) {
        assertThat(VALID).contains(line);
        return VALID.replace(line, with);
    }

    @Test
    void theBaseScenarioIsValid() {
        assertThat(check(VALID)).isEmpty();
        assertThat(ScenarioFiles.read("test", VALID).agreements()).hasSize(2);
    }

    @Test
    void aPartyWithoutLevelsIsReportedNotCrashedOn() {
        var problems = check("parties:\n  - code: AAA\n");
        assertThat(problems).isNotEmpty();
        assertThat(problems).anyMatch(p -> p.line() == 2 && p.message().contains("levels"));
    }

    @Test
    void anUnknownPartyIsReportedOnItsLine() {
        var problems = check(replace("parties: [AAA, BBB]", "parties: [AAA, ZZZ]"));
        // The equivalence row then names a non-party too; the first problem is the unknown party.
        assertThat(problems).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).contains("unknown party ZZZ");
        });
    }

    @Test
    void aLevelMissingFromASchemeIsReported() {
        var problems = check(replace("{AAA: HIGH, BBB: TOP}", "{AAA: HIGHEST, BBB: TOP}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("level 'HIGHEST' is not in the scheme of AAA");
        });
    }

    @Test
    void anEquivalenceNamingALevelOfTheWrongPartyIsReported() {
        var problems = check(replace("{AAA: HIGH, BBB: TOP}", "{AAA: HIGH, BBB: LOW}"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("level 'LOW' is not in the scheme of BBB"));
    }

    @Test
    void anEventBeforeSignatureIsReported() {
        var problems = check(replace("  - {type: SIGNED, date: 2000-01-01}\n      - {type: IN_FORCE, date: 2000-01-01}",
                "  - {type: IN_FORCE, date: 2000-01-01}\n      - {type: SIGNED, date: 2000-01-01}"));
        assertThat(problems).extracting(Problem::line).contains(24);
        assertThat(problems.getFirst().message()).contains("enters into force before it is signed");
    }

    @Test
    void eventsOutOfDateOrderAreReported() {
        var problems = check(replace("{type: IN_FORCE, date: 2000-01-01}", "{type: IN_FORCE, date: 1999-01-01}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(25);
            assertThat(p.message()).contains("dated before the one above");
        });
    }

    @Test
    void aHubThatIsNotAPartyIsReported() {
        var problems = check(replace("parties: [AAA, BBB, CCC]", "parties: [AAA, BBB]"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(29);
            assertThat(p.message()).contains("hub CCC is not among the parties");
        });
    }

    @Test
    void aSuspensionWithoutANoticeIsReported() {
        var problems = check(VALID.replace("      - {type: IN_FORCE, date: 2000-01-01}\n",
                "      - {type: IN_FORCE, date: 2000-01-01}\n      - {type: NOTICE_SUSPENDED, date: 2001-01-01}\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(26);
            assertThat(p.message()).contains("no pending termination notice to suspend");
        });
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String broken = VALID.replace("banner: CONFIDENTIAL", "banner: RESTRICTED")
                .replace("kind: SIA", "kind: ALLIANCE")
                .replace("date: 2001-01-01", "date: 2001-13-01")
                .replace("term: P1Y", "term: one year");
        var problems = check(broken);
        assertThat(problems).extracting(Problem::line).containsExactly(5, 17, 19, 31);
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("RESTRICTED"))
                .anySatisfy(m -> assertThat(m).contains("'ALLIANCE' is not a kind"))
                .anySatisfy(m -> assertThat(m).contains("ISO 8601 period"))
                .anySatisfy(m -> assertThat(m).contains("2001-13-01"));
    }

    @Test
    void unknownKeysAndMissingKeysAreReported() {
        var problems = check(replace("    term: P1Y", "    terms: P1Y"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(19);
            assertThat(p.message()).contains("unknown key 'terms'");
        });
        assertThat(check(replace("    kind: SIA\n", ""))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("needs 'kind'"));
    }

    @Test
    void duplicatesAreReported() {
        assertThat(check(replace("- id: hub", "- id: a-b"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("declared twice"));
        assertThat(check(replace("code: CCC", "code: BBB"))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("party BBB is declared twice"));
        assertThat(check(replace("{name: LOW, banner: CONFIDENTIAL}", "{name: HIGH, banner: CONFIDENTIAL}")))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("would name both"));
        assertThat(check(replace("    term: P1Y\n", "    term: P1Y\n    term: P2Y\n"))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("appears twice"));
    }

    @Test
    void aSchemeMustEndWithUnclassified() {
        var problems = check(replace("{name: OPEN, banner: UNCLASSIFIED}", "{name: OPEN, banner: CONFIDENTIAL}"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("unclassified"));
    }

    @Test
    void anEmptyTopicListIsRefused() {
        var problems = check(replace("    noticePeriod: P90D\n", "    noticePeriod: P90D\n    scope: {topics: []}\n"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("empty topic list"));
    }

    @Test
    void anSiaNeedsAnEquivalenceTable() {
        var problems = check(replace("    equivalence:\n      - {AAA: HIGH, BBB: TOP}\n", ""));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("equivalence table"));
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        var problems = check(VALID.replace("kind: SIA", "kind: [SIA"));
        assertThat(problems).isNotEmpty();
        assertThat(problems.getFirst().message()).startsWith("not valid YAML");
        assertThat(check("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(check("- just\n- a list\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
    }

    /** {@link #VALID} with one site, whose coordinates the tests change; the site is on line 33. */
    private static String withSite(String coordinates) {
        return VALID + "sites:\n  - {name: Camp A, location: North, " + coordinates
                + ", host: AAA, agreement: a-b, role: base}\n";
    }

    @Test
    void aSiteIsWhereItsLatitudeAndLongitudeSay() {
        assertThat(check(withSite("lat: 35.51, lon: 139.39"))).isEmpty();
        var site = ScenarioFiles.read("test", withSite("lat: -35.5, lon: -139.25")).sites().getFirst();
        assertThat(site.point()).contains(trisec.warning.GeoPoint.of(-35.5, -139.25));
        assertThat(site.location()).isEqualTo("North");
        assertThat(check(withSite("lat: -90, lon: 180"))).isEmpty();
        assertThat(check(withSite("lat: 90, lon: -180"))).isEmpty();
    }

    @Test
    void aSiteWithoutCoordinatesLoadsAndHasNoPlaceOnTheMap() {
        String text = VALID + "sites:\n  - {name: Camp A, location: North, host: AAA, agreement: a-b, role: base}\n";
        assertThat(check(text)).isEmpty();
        var site = ScenarioFiles.read("test", text).sites().getFirst();
        assertThat(site.name()).isEqualTo("Camp A");
        assertThat(site.point()).isEmpty();
    }

    @Test
    void aSiteGivesBothCoordinatesOrNeitherAndTheProblemIsOnTheLineOfTheOneGiven() {
        int first = (int) VALID.lines().count() + 3; // "sites:", "- name:", "host:", then the coordinate
        String lonOnly = VALID + "sites:\n  - name: Camp A\n    host: AAA\n    lon: 139.39\n    agreement: a-b\n";
        assertThat(check(lonOnly)).containsExactly(new Problem(first + 1,
                "a site gives both lat and lon or neither; it has lon but not lat"));
        String latOnly = VALID + "sites:\n  - name: Camp A\n    host: AAA\n    agreement: a-b\n    lat: 35.51\n";
        assertThat(check(latOnly)).containsExactly(new Problem(first + 2,
                "a site gives both lat and lon or neither; it has lat but not lon"));
        // Out of range on its own line, when both are given.
        String south = VALID + "sites:\n  - name: Camp A\n    host: AAA\n    agreement: a-b\n    lat: -90.5\n"
                + "    lon: 139.39\n";
        assertThat(check(south)).containsExactly(new Problem(first + 2,
                "a site's latitude must be between -90 and 90 degrees, got -90.5"));
        String west = VALID + "sites:\n  - name: Camp A\n    host: AAA\n    agreement: a-b\n    lat: 35.51\n"
                + "    lon: -180.01\n";
        assertThat(check(west)).containsExactly(new Problem(first + 3,
                "a site's longitude must be between -180 and 180 degrees, got -180.01"));
    }

    @Test
    void aSiteWithCoordinatesOffTheEarthIsRefusedOnItsLine() {
        assertThat(check(withSite("lat: 95, lon: 139.39"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(33);
            assertThat(p.message()).isEqualTo("a site's latitude must be between -90 and 90 degrees, got 95");
        });
        assertThat(check(withSite("lat: 35.51, lon: 181"))).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("a site's longitude must be between -180 and 180 degrees, got 181"));
        assertThat(check(withSite("lat: north, lon: 139.39"))).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("a site's lat must be a number such as 39.25, not 'north'"));
        assertThat(check(withSite("lon: 139.39"))).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("a site gives both lat and lon or neither; it has lon but not lat"));
        assertThat(check(withSite("lat: 35.51, lon: 139.39, alt: 40"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("alt"));
    }

    @Test
    void loadingAnInvalidFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, replace("parties: [AAA, BBB]", "parties: [AAA, ZZZ]"));
        assertThatThrownBy(() -> ScenarioFiles.load(file)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("bad.yaml:18: unknown party ZZZ");
    }

    @Test
    void unreadableFilesAreClearErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ScenarioFiles.load(dir.resolve("missing.yaml")))
                .isInstanceOf(DomainException.class).hasMessageContaining("no scenario file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "parties: [caf\u00e9]".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioFiles.load(latin1)).hasMessageContaining("not UTF-8");
    }
}
