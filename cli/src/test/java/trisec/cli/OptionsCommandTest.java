package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trisec options}: issue 13's "done when" on the shipped scenario and the shipped option files, the UN-flagged
 * bases following an option that ends the UNC SOFA, and bad input refused in one line with nothing printed.
 */
class OptionsCommandTest {
    static final String NOTICE = "../scenarios/options/kor-notice-2026.yaml";
    static final String WIDENED = "../scenarios/options/tisa-widened.yaml";
    static final String TISA_ROUTE = "(tisa-2014, usa-kor-gsomia-1987, usa-jpn-gsomia-2007)";

    /** An option that ends the UN forces SOFA on 2026-06-01. */
    static Path uncSofaEnds(Path dir) {
        return Cli.write(dir.resolve("unc-sofa-ends.yaml"), """
                name: The UNC SOFA ends on 2026-06-01
                description: Japan and the Unified Command end the agreement on the UN forces in Japan.
                changes:
                  - change: event
                    agreement: unc-sofa-1954
                    type: TERMINATED
                    date: 2026-06-01
                    by: JPN
                """);
    }

    @Test
    void koreasNoticeLeavesKoreaAndJapanTheHubOnDprkAfterTheTermEndsAndNothingElse() {
        Cli cli = Cli.run("options", "apply", NOTICE, "--at", "2026-12-01").ok();
        assertThat(cli.out()).startsWith("Option: KOR gives notice on 2026-03-01  (" + NOTICE + ")\n")
                .contains("  change 1: kor-jpn-gsomia-2016: TERMINATION_NOTICE by KOR on 2026-03-01\n")
                .contains("On 2026-12-01, the scenario as it is ⇒ with the option:\n")
                .contains("20 cells change (10 lose every route, 0 find one):\n")
                .contains("  KOR → JPN  dprk.missile  군사Ⅱ급비밀, 군사Ⅲ급비밀:  DIRECT KOR→JPN (kor-jpn-gsomia-2016)  ⇒  "
                        + "VIA_HUB KOR→USA→JPN " + TISA_ROUTE + "\n")
                .contains("  JPN → KOR  dprk.nuclear  極秘, 特定秘密, 秘:  DIRECT JPN→KOR (kor-jpn-gsomia-2016)  ⇒  "
                        + "VIA_HUB JPN→USA→KOR (tisa-2014, usa-jpn-gsomia-2007, usa-kor-gsomia-1987)\n")
                .contains("  KOR → JPN  dprk  군사Ⅱ급비밀, 군사Ⅲ급비밀:  DIRECT KOR→JPN (kor-jpn-gsomia-2016)  ⇒  NONE\n")
                .contains("  JPN → KOR  other  極秘, 特定秘密, 秘:  DIRECT JPN→KOR (kor-jpn-gsomia-2016)  ⇒  NONE\n")
                .contains("Sites: no site's status changes (7 sites).");
        // With the GSOMIA gone, TISA is a single point of failure for Korea and Japan on dprk.missile; not before.
        String before = cli.out().substring(cli.out().indexOf("Single points of failure, the scenario as it is:"),
                cli.out().indexOf("Single points of failure, with the option:"));
        String after = cli.out().substring(cli.out().indexOf("Single points of failure, with the option:"));
        assertThat(before).contains("  tisa-2014 ends: cuts nothing off");
        assertThat(after).contains("  tisa-2014 ends: cuts off\n    KOR → JPN  dprk.missile  군사Ⅱ급비밀, 군사Ⅲ급비밀\n");

        JsonNode json = Cli.run("options", "apply", NOTICE, "--at", "2026-12-01", "--json").ok().json();
        assertThat(Cli.keys(json)).containsExactly("options", "at", "before", "after", "changes", "singlePoints",
                "sites");
        assertThat(json.get("at").asText()).isEqualTo("2026-12-01");
        assertThat(Cli.elements(json.get("changes"))).hasSize(20).allSatisfy(c -> {
            assertThat(Set.of(c.get("originator").asText(), c.get("recipient").asText())).isEqualTo(Set.of("KOR", "JPN"));
            assertThat(c.at("/before/reach").asText()).isEqualTo("DIRECT");
            if (c.get("topic").asText().startsWith("dprk.")) {
                assertThat(c.at("/after/reach").asText()).isEqualTo("VIA_HUB");
                assertThat(Cli.texts(c.at("/after/route"))).element(1).isEqualTo("USA");
            } else {
                assertThat(c.at("/after/reach").asText()).isEqualTo("NONE");
                assertThat(c.get("lost").asBoolean()).isTrue();
            }
        });
        assertThat(json.at("/before/counts/NONE").asInt() + 10).isEqualTo(json.at("/after/counts/NONE").asInt());
        assertThat(json.at("/after/cells").size()).isEqualTo(json.at("/before/cells").size());
        assertThat(json.get("sites")).isEmpty();
    }

    @Test
    void untilTheTermEndsTheNoticeChangesNothingAndTheTimelineSaysWhenItBegins() {
        assertThat(Cli.run("options", "apply", NOTICE, "--at", "2026-11-22").ok().out())
                .contains("No cell changes.\n");
        Cli cli = Cli.run("options", "apply", NOTICE, "--from", "2026-01-01", "--to", "2027-01-01").ok();
        assertThat(cli.out()).contains("From 2026-01-01 to 2027-01-01, the scenario as it is ⇒ with the option:\n"
                + "  2026-01-01 .. 2026-11-23: no cell changes.\n"
                + "  2026-11-23 .. 2027-01-01: 20 cells change (10 lose every route, 0 find one):\n");
        JsonNode json = Cli.run("options", "apply", NOTICE, "--from", "2026-01-01", "--to", "2027-01-01", "--json")
                .ok().json();
        List<JsonNode> stretches = Cli.elements(json.get("periods"));
        assertThat(stretches).hasSize(2);
        assertThat(stretches.get(0).get("until").asText()).isEqualTo("2026-11-23");
        assertThat(stretches.get(0).get("changes")).isEmpty();
        assertThat(stretches.get(1).get("changes")).hasSize(20);
    }

    @Test
    void wideningTisaChangesNothingWhileTheGsomiaStandsAndCarriesDprkAndChinaThroughTheHubOnceItIsGone() {
        assertThat(Cli.run("options", "apply", WIDENED, "--at", "2026-12-01").ok().out())
                .contains("No cell changes.\n");
        Cli both = Cli.run("options", "apply", NOTICE, WIDENED, "--at", "2026-12-01").ok();
        assertThat(both.out()).contains("then:   TISA widened to all dprk and china topics  (" + WIDENED + ")\n")
                .contains("  KOR → JPN  dprk  군사Ⅱ급비밀, 군사Ⅲ급비밀:  DIRECT KOR→JPN (kor-jpn-gsomia-2016)  ⇒  "
                        + "VIA_HUB KOR→USA→JPN " + TISA_ROUTE + "\n")
                .contains("  KOR → JPN  china  군사Ⅱ급비밀, 군사Ⅲ급비밀:  DIRECT KOR→JPN (kor-jpn-gsomia-2016)  ⇒  "
                        + "VIA_HUB KOR→USA→JPN " + TISA_ROUTE + "\n")
                .contains("  KOR → JPN  other  군사Ⅱ급비밀, 군사Ⅲ급비밀:  DIRECT KOR→JPN (kor-jpn-gsomia-2016)  ⇒  NONE\n");

        Cli compared = Cli.run("options", "compare", NOTICE, WIDENED, NOTICE + "+" + WIDENED, "--at", "2026-12-01")
                .ok();
        assertThat(compared.out()).contains("  C  KOR gives notice on 2026-03-01 + TISA widened to all dprk and china "
                        + "topics  (" + NOTICE + "+" + WIDENED + ")\n")
                // kept: on the same route; what reaches now is kept, rerouted or lost.
                .containsPattern("reach +146 +131 +146 +141\n")
                .containsPattern("kept +- +121 +146 +121\n")
                .containsPattern("rerouted +- +10 +0 +20\n")
                .containsPattern("lost +- +15 +0 +5\n")
                .containsPattern("gained +- +0 +0 +0\n")
                .containsPattern("sites covered +7 +7 +7 +7\n")
                .containsPattern("KOR → JPN +dprk +DIRECT +NONE +DIRECT +VIA_HUB +군사Ⅱ급비밀, 군사Ⅲ급비밀\n")
                .containsPattern("KOR → JPN +other +DIRECT +NONE +DIRECT +NONE +군사Ⅱ급비밀, 군사Ⅲ급비밀\n");
        JsonNode json = Cli.run("options", "compare", NOTICE, NOTICE + "+" + WIDENED, "--at", "2026-12-01", "--json")
                .ok().json();
        List<JsonNode> columns = Cli.elements(json.get("options"));
        assertThat(columns).extracting(c -> c.get("label").asText()).containsExactly("A", "B");
        assertThat(columns.get(0).get("lost").asInt()).isEqualTo(15);
        assertThat(columns.get(0).get("rerouted").asInt()).isEqualTo(10);
        assertThat(columns.get(1).get("lost").asInt()).isEqualTo(5);
        assertThat(columns.get(1).get("rerouted").asInt()).isEqualTo(20);
        for (JsonNode c : columns) {
            assertThat(c.get("kept").asInt() + c.get("rerouted").asInt() + c.get("lost").asInt())
                    .isEqualTo(json.at("/now/reach").asInt());
            assertThat(c.get("kept").asInt() + c.get("rerouted").asInt() + c.get("gained").asInt())
                    .isEqualTo(c.get("reach").asInt());
            assertThat(c.has("keeps")).isFalse();
        }
        assertThat(Cli.elements(columns.get(1).get("options"))).extracting(o -> o.get("name").asText())
                .containsExactly("KOR gives notice on 2026-03-01", "TISA widened to all dprk and china topics");
    }

    @Test
    void endingTheUnSofaEndsTheCoverOfAllSevenBasesFromItsDate(@TempDir Path dir) {
        String ends = uncSofaEnds(dir).toString();
        assertThat(Cli.run("options", "apply", ends, "--at", "2026-05-31").ok().out())
                .contains("Sites: no site's status changes (7 sites).");
        Cli cli = Cli.run("options", "apply", ends, "--at", "2026-12-01").ok();
        assertThat(cli.out()).contains("No cell changes.\n")
                .contains("Sites whose agreement stands otherwise (7 of 7; 7 no longer covered):\n")
                .contains("  Yokota Air Base (Tokyo)  unc-sofa-1954:  in force  ⇒  terminated 2026-06-01  "
                        + "(no longer covered)\n")
                .contains("  White Beach (Okinawa)  unc-sofa-1954:  in force  ⇒  terminated 2026-06-01");
        JsonNode json = Cli.run("options", "apply", ends, "--at", "2026-12-01", "--json").ok().json();
        assertThat(Cli.elements(json.get("sites"))).hasSize(7).allSatisfy(s -> {
            assertThat(s.get("agreement").asText()).isEqualTo("unc-sofa-1954");
            assertThat(s.at("/before/code").asText()).isEqualTo("IN_FORCE");
            assertThat(s.at("/after/code").asText()).isEqualTo("TERMINATED");
            assertThat(s.get("lost").asBoolean()).isTrue();
        }).extracting(s -> s.get("name").asText()).contains("Camp Zama", "Sasebo naval facility", "Futenma");
        assertThat(Cli.run("options", "compare", NOTICE, ends, "--at", "2026-12-01").ok().out())
                .containsPattern("sites covered +7 +7 +0\n");
    }

    @Test
    void checkListsEveryProblemOfAFileOnItsLine(@TempDir Path dir) {
        Path bad = Cli.write(dir.resolve("bad.yaml"), """
                name: Two mistakes
                changes:
                  - change: event
                    agreement: kor-jpn-gsomia-2099
                    type: TERMINATION_NOTICE
                    date: 2026-03-01
                  - change: outage
                    hub: USA
                    from: 2026-13-01
                    until: 2026-07-01
                """);
        Cli cli = Cli.run("options", "check", bad.toString(), NOTICE);
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.outLines()).hasSize(4);
        assertThat(cli.outLines().get(0)).startsWith(bad + ":4: there is no agreement 'kor-jpn-gsomia-2099'");
        assertThat(cli.outLines().get(1)).startsWith(bad + ":9: ").contains("2026-13-01");
        assertThat(cli.outLines().get(2)).isEqualTo(NOTICE + ": valid (KOR gives notice on 2026-03-01, 1 change)");
        assertThat(cli.outLines().get(3)).isEqualTo("2 problems");

        JsonNode json = Cli.run("options", "check", NOTICE, WIDENED, "--json").ok().json();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(Cli.elements(json.get("files"))).hasSize(2).allSatisfy(f -> assertThat(f.get("problems")).isEmpty());

        // The bad file refused by apply in one line: its first problem, how many more, and where to see them all.
        Cli refused = Cli.run("options", "apply", bad.toString(), "--at", "2026-12-01").badInput();
        assertThat(refused.errLine()).startsWith("trisec options apply: " + bad + ":4: there is no agreement")
                .contains("(and 1 more problem)").endsWith("'trisec options check " + bad + "' lists each on its line");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("apply", NOTICE), "give --at D, or --from D and --to D"),
                Arguments.of(List.of("apply", NOTICE, "--at", "2026-12-01", "--from", "2026-01-01", "--to", "2027-01-01"),
                        "give --at D, or --from D and --to D"),
                Arguments.of(List.of("apply", NOTICE, "--from", "2026-01-01"), "give --at D, or --from D and --to D"),
                Arguments.of(List.of("apply", NOTICE, "--from", "2027-01-01", "--to", "2026-01-01"),
                        "--to 2026-01-01 must come after --from 2027-01-01"),
                Arguments.of(List.of("apply", NOTICE, "--at", "2026-13-01"), "'2026-13-01' is neither a date"),
                Arguments.of(List.of("apply", "no-such-option.yaml", "--at", "2026-12-01"),
                        "no option file at 'no-such-option.yaml'"),
                Arguments.of(List.of("apply", "--at", "2026-12-01"), "Missing required parameter: 'FILE'"),
                Arguments.of(List.of("compare", NOTICE, "--at", "2026-12-01"), "compare takes 2 to 4 options, got 1"),
                Arguments.of(List.of("compare", NOTICE, NOTICE, NOTICE, NOTICE, NOTICE, "--at", "2026-12-01"),
                        "compare takes 2 to 4 options, got 5"),
                Arguments.of(List.of("compare", NOTICE, WIDENED), "Missing required option: '--at"),
                Arguments.of(List.of("compare", NOTICE + "+", WIDENED, "--at", "2026-12-01"), "names an empty file"),
                // The widening read after the notice is fine; the notice twice is a second notice while one is pending.
                Arguments.of(List.of("apply", NOTICE, NOTICE, "--at", "2026-12-01"), "pending"),
                Arguments.of(List.of("check", "no-such-option.yaml"), "no option file at 'no-such-option.yaml'"),
                Arguments.of(List.of("options"), "a subcommand is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineAndPrintsNothing(List<String> args, String says) {
        var all = new java.util.ArrayList<>(List.of("options"));
        all.addAll(args.equals(List.of("options")) ? List.of() : args);
        Cli cli = Cli.run(all).badInput();
        assertThat(cli.errLine()).startsWith("trisec options").contains(says);
    }
}
