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
import trisec.option.Change;
import trisec.option.Option;
import trisec.scenario.Scenario;

/** Option files are read against the scenario they change, and every problem is reported on its line. */
class OptionFilesTest {
    private final Scenario shipped = ScenarioFiles.shipped();

    /** A valid option with one change of each kind; tests change one line of it. Its first line is line 1. */
    static final String VALID = """
            name: Australia joins, and more
            description: a test option
            changes:
              - change: party
                code: AUS
                name: Australia
                levels:
                  - {name: SECRET, banner: SECRET}
                  - {name: UNCLASSIFIED, banner: UNCLASSIFIED}
              - change: agreement
                id: usa-aus-sia-2026
                kind: SIA
                parties: [USA, AUS]
                equivalence:
                  - {USA: SECRET, AUS: SECRET}
                events:
                  - {type: SIGNED, date: 2026-01-01}
                  - {type: IN_FORCE, date: 2026-01-01}
              - change: event
                agreement: kor-jpn-gsomia-2016
                type: TERMINATION_NOTICE
                date: 2026-03-01
                by: KOR
              - change: scope
                agreement: tisa-2014
                from: 2026-04-01
                topics: [dprk, china]
                highest: {USA: SECRET, KOR: 군사Ⅱ급비밀, JPN: 極秘}
              - change: outage
                hub: USA
                from: 2026-06-01
                until: 2026-06-03
            """;

    private List<Problem> check(String text) {
        return OptionFiles.check(text, shipped);
    }

    private static String replace(String line, String with) {
        assertThat(VALID).contains(line);
        return VALID.replace(line, with);
    }

    @Test
    void aValidFileGivesTheOptionWithEveryKindOfChange() {
        assertThat(check(VALID)).isEmpty();
        Option option = OptionFiles.read("test", VALID, shipped);
        assertThat(option.name()).isEqualTo("Australia joins, and more");
        assertThat(option.changes()).hasExactlyElementsOfTypes(Change.NewParty.class, Change.NewAgreement.class,
                Change.AgreementEvent.class, Change.ScopeChange.class, Change.HubOutage.class);
        assertThat(option.applyTo(shipped).parties()).extracting(p -> p.code()).containsExactly("USA", "KOR", "JPN", "AUS");
    }

    @Test
    void theShippedExamplesAreValidOnTheShippedScenario() {
        assertThat(OptionFiles.shipped("kor-notice-2026.yaml", shipped).name()).isEqualTo("KOR gives notice on 2026-03-01");
        assertThat(OptionFiles.shipped("tisa-widened.yaml", shipped).name())
                .isEqualTo("TISA widened to all dprk and china topics");
        assertThatThrownBy(() -> OptionFiles.shipped("nope.yaml", shipped)).isInstanceOf(DomainException.class)
                .hasMessage("no shipped option file 'nope.yaml'");
    }

    @Test
    void aScopeChangeKeepsWhatEarlierChangesOfTheFileMade() {
        String yaml = """
                name: widen, then narrow the topics
                changes:
                  - change: scope
                    agreement: tisa-2014
                    from: 2026-01-01
                    highest: {USA: TOP SECRET, KOR: 군사Ⅰ급비밀, JPN: 機密}
                  - change: scope
                    agreement: tisa-2014
                    from: 2026-06-01
                    topics: [dprk]
                """;
        Option option = OptionFiles.read("widen-then-narrow.yaml", yaml, shipped);
        Change.ScopeChange second = (Change.ScopeChange) option.changes().get(1);
        assertThat(second.scope().highest().get(trisec.party.Party.of("KOR")).name()).isEqualTo("군사Ⅰ급비밀");
        var after = option.applyTo(shipped).agreement("tisa-2014").orElseThrow()
                .scopeAt(java.time.Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(after.highest().get(trisec.party.Party.of("JPN")).name()).isEqualTo("機密");
        assertThat(after.topics().covers(trisec.topic.Topic.of("dprk.missile"))).isTrue();
    }

    @Test
    void aScopeChangeKeepsWhatItDoesNotName() {
        Option option = OptionFiles.shipped("tisa-widened.yaml", shipped);
        var scope = ((Change.ScopeChange) option.changes().getFirst()).scope();
        assertThat(scope.highest()).isEqualTo(shipped.agreement("tisa-2014").orElseThrow().scope().highest());
        assertThat(scope.topics().toString()).isEqualTo("dprk, china");
    }

    @Test
    void anUnknownAgreementIsReportedOnItsLine() {
        assertThat(check(replace("agreement: kor-jpn-gsomia-2016", "agreement: kor-jpn-gsomia")))
                .extracting(Problem::toString).singleElement().asString()
                .startsWith("line 20: there is no agreement 'kor-jpn-gsomia' in the scenario or added above (");
    }

    @Test
    void anEventTheAgreementsLifeCannotHaveIsReportedOnItsChange() {
        assertThat(check(replace("date: 2026-03-01", "date: 2015-03-01"))).containsExactly(new Problem(19,
                "the TERMINATION_NOTICE of 2015-03-01 comes before the agreement's signature on 2016-11-23"));
    }

    @Test
    void aPartyTheScenarioHasIsReportedOnItsCode() {
        assertThat(check(replace("code: AUS", "code: KOR"))).extracting(Problem::line).first().isEqualTo(5);
        assertThat(check(replace("code: AUS", "code: KOR")).getFirst().message())
                .isEqualTo("KOR is already a party of the scenario");
    }

    @Test
    void anAgreementTheScenarioHasIsReportedOnItsId() {
        assertThat(check(replace("id: usa-aus-sia-2026", "id: tisa-2014")).getFirst())
                .isEqualTo(new Problem(11, "the scenario already has an agreement 'tisa-2014'"));
    }

    @Test
    void aLevelOutsideTheSchemeIsReportedOnItsLine() {
        assertThat(check(replace("JPN: 極秘}", "JPN: TOP SECRET}"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(28);
            assertThat(p.message()).startsWith("level 'TOP SECRET' is not in the scheme of JPN");
        });
    }

    @Test
    void aHighestLevelForSomePartiesOnlyIsReported() {
        assertThat(check(replace("highest: {USA: SECRET, KOR: 군사Ⅱ급비밀, JPN: 極秘}", "highest: {USA: SECRET}")))
                .extracting(Problem::toString).containsExactly(
                        "line 28: highest names a level for every party or for none; KOR is missing",
                        "line 28: highest names a level for every party or for none; JPN is missing");
    }

    @Test
    void anUnknownKeyOrKindOfChangeIsReportedOnItsLine() {
        assertThat(check(replace("    by: KOR", "    bye: KOR"))).extracting(Problem::line).containsExactly(23);
        assertThat(check(replace("change: outage", "change: blackout"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(29);
            assertThat(p.message()).isEqualTo("'blackout' is not a change (one of: EVENT, SCOPE, AGREEMENT, PARTY, OUTAGE)");
        });
    }

    @Test
    void aBadDateAndAnOutageThatEndsBeforeItStartsAreReportedOnTheirLines() {
        assertThat(check(replace("from: 2026-06-01", "from: 2026-06-31"))).extracting(Problem::line).containsExactly(31);
        assertThat(check(replace("until: 2026-06-03", "until: 2026-05-03")))
                .containsExactly(new Problem(32, "an outage ends after it starts"));
    }

    @Test
    void whatWouldRunOffTheCalendarOrTieUpTheNodeIsRefusedOnItsLine() {
        // A notice dated at the calendar's end made the reckoning of the GSOMIA's terms run for a billion years.
        assertThat(check(replace("date: 2026-03-01", "date: +999999999-01-01T00:00:00Z"))).singleElement().asString()
                .startsWith("line 22: ").contains("must be between 1900-01-01 and 2199-12-31");
        assertThat(check(replace("date: 2026-03-01", "date: 2200-01-01T00:00:00Z"))).extracting(Problem::line)
                .containsExactly(22);
        assertThat(check(replace("from: 2026-06-01", "from: 1899-12-31"))).extracting(Problem::line)
                .containsExactly(31);
        // Too many changes, or topics, are refused before any is applied.
        String many = "name: many\nchanges:\n" + ("  - change: outage\n    hub: USA\n    from: 2026-06-01\n"
                + "    until: 2026-06-03\n").repeat(51);
        assertThat(check(many)).singleElement().asString().startsWith("line 3: ")
                .contains("at most 50 changes, not 51");
        String topics = java.util.stream.IntStream.range(0, 201).mapToObj(i -> "t" + i)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        assertThat(check(replace("topics: [dprk, china]", "topics: " + topics))).singleElement().asString()
                .startsWith("line 27: ").contains("at most 200 topics, not 201");
        // Two scopes of 200 topics each: each within its bound, too many for one matrix.
        String twoHundred = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "t" + i)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String otherTwoHundred = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "u" + i)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String wide = "name: wide\nchanges:\n"
                + "  - change: scope\n    agreement: tisa-2014\n    from: 2026-04-01\n    topics: " + twoHundred + "\n"
                + "  - change: scope\n    agreement: kor-jpn-gsomia-2016\n    from: 2026-04-01\n    topics: "
                + otherTwoHundred + "\n";
        assertThat(check(wide)).singleElement().asString().startsWith("line 3: ").contains("at most 300");
    }

    @Test
    void anOutageOfAPartyThatIsNoHubIsReportedOnItsChange() {
        assertThat(check(replace("hub: USA", "hub: JPN"))).containsExactly(new Problem(29,
                "JPN is the hub of no hub arrangement or data mechanism, so an outage of its node changes no route"));
    }

    @Test
    void aNewAgreementNamingAPartyTheFileDoesNotAddIsReported() {
        String text = replace("code: AUS", "code: NZL");
        assertThat(check(text)).extracting(Problem::toString).contains("line 13: unknown party AUS (declared: USA, KOR, JPN, NZL)");
    }

    @Test
    void everyProblemIsReportedInLineOrder() {
        String text = replace("agreement: tisa-2014", "agreement: nope").replace("hub: USA", "hub: XYZ");
        assertThat(check(text)).extracting(Problem::line).containsExactly(25, 30);
    }

    @Test
    void aFileWithoutNameOrChangesIsRefused() {
        assertThat(check("description: nothing\n")).extracting(Problem::toString)
                .containsExactly("line 1: an option needs 'changes'", "line 1: an option needs 'name'");
        assertThat(check("name: empty\nchanges: []\n")).containsExactly(
                new Problem(2, "an option makes at least one change"));
        assertThat(check("name: [unclosed\n")).extracting(Problem::message).first().asString().startsWith("not valid YAML");
    }

    @Test
    void aBadFileChangesNothingAndTheExceptionNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        var agreements = shipped.agreements();
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, replace("date: 2026-03-01", "date: 2015-03-01"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OptionFiles.load(file, shipped)).isInstanceOf(InvalidScenarioException.class)
                .hasMessage(file + ":19: the TERMINATION_NOTICE of 2015-03-01 comes before the agreement's signature "
                        + "on 2016-11-23");
        assertThat(shipped.agreements()).isEqualTo(agreements);
        assertThatThrownBy(() -> OptionFiles.load(dir.resolve("missing.yaml"), shipped))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("no option file at");
    }
}
