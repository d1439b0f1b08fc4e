package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every option of {@code trisec decide}: bad input exits 2 with one line on stderr and nothing on stdout. */
class DecideBadInputTest {
    /** A valid command line, as option/value pairs, that each case below spoils in one place. */
    static final List<String> VALID = List.of("--at", "2017-03-01", "--originator", "KOR", "--to", "JPN",
            "--level", "군사Ⅱ급비밀", "--topic", "dprk.missile");

    /** {@link #VALID} with the value of {@code option} replaced. */
    static List<String> with(String option, String value) {
        var args = new ArrayList<>(VALID);
        int i = args.indexOf(option);
        assertThat(i).as("%s is in the valid command line", option).isNotNegative();
        args.set(i + 1, value);
        return args;
    }

    /** {@link #VALID} without {@code option} and its value. */
    static List<String> without(String option) {
        var args = new ArrayList<>(VALID);
        int i = args.indexOf(option);
        assertThat(i).as("%s is in the valid command line", option).isNotNegative();
        args.remove(i + 1);
        args.remove(i);
        return args;
    }

    static List<String> plus(String... more) {
        return Cli.concat(VALID, more);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown --originator", with("--originator", "XXX"), "XXX"),
                Arguments.of("empty --originator", with("--originator", ""), "party"),
                Arguments.of("unknown --holder", plus("--holder", "XXX"), "XXX"),
                Arguments.of("unknown --to", with("--to", "XXX"), "XXX"),
                Arguments.of("unknown --rel-to", plus("--rel-to", "XXX"), "XXX"),
                Arguments.of("unknown party among --rel-to", plus("--rel-to", "USA,XXX"), "XXX"),
                Arguments.of("empty --rel-to", plus("--rel-to", ""), "--rel-to"),
                Arguments.of("empty code inside --rel-to", plus("--rel-to", "USA,,JPN"), "--rel-to"),
                Arguments.of("leading empty code in --rel-to", plus("--rel-to", ",USA"), "--rel-to"),
                Arguments.of("a Japanese level for a Korean item", with("--level", "極秘"), "極秘"),
                Arguments.of("a level of no scheme", with("--level", "극비"), "극비"),
                Arguments.of("empty --level", with("--level", ""), "level"),
                Arguments.of("month 13", with("--at", "2019-13-01"), "2019-13-01"),
                Arguments.of("February 30", with("--at", "2019-02-30"), "2019-02-30"),
                Arguments.of("a word for --at", with("--at", "yesterday"), "yesterday"),
                Arguments.of("empty --at", with("--at", ""), "date"),
                Arguments.of("a local date-time without offset", with("--at", "2019-11-23T00:00:00"), "offset"),
                Arguments.of("explicit holder equal to the recipient", plus("--holder", "JPN"), "JPN"),
                Arguments.of("recipient equal to the defaulted holder (the originator)", with("--to", "KOR"), "KOR"),
                Arguments.of("upper-case --topic", with("--topic", "DPRK"), "DPRK"),
                Arguments.of("--topic with an empty segment", with("--topic", "a..b"), "a..b"),
                Arguments.of("empty --topic", with("--topic", ""), "topic"),
                Arguments.of("unknown --caveat", plus("--caveat", "SECRETISH"), "SECRETISH"),
                Arguments.of("NOFORN with --rel-to", plus("--caveat", "NOFORN", "--rel-to", "USA"), "NOFORN"),
                Arguments.of("missing --at", without("--at"), "--at"),
                Arguments.of("missing --originator", without("--originator"), "--originator"),
                Arguments.of("missing --to", without("--to"), "--to"),
                Arguments.of("missing --level", without("--level"), "--level"),
                Arguments.of("missing --topic", without("--topic"), "--topic"),
                Arguments.of("--at without its value", Cli.concat(without("--at"), "--at"), "--at"),
                Arguments.of("unknown option", plus("--bogus"), "--bogus"),
                Arguments.of("stray positional argument", plus("extra"), "extra"),
                Arguments.of("a value for the --json flag", plus("--json=maybe"), "--json"),
                Arguments.of("missing --scenario file", plus("--scenario", "no/such/scenario.yaml"),
                        "no/such/scenario.yaml"),
                Arguments.of("--scenario is a directory", plus("--scenario", "."), "scenario"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineOnStderrAndNothingOnStdout(String what, List<String> args, String mentioned) {
        var withJson = Cli.concat(List.of("decide"), args.toArray(String[]::new));

        Cli cli = Cli.run(withJson).badInput();

        assertThat(cli.errLine()).startsWith("trisec decide: ").contains(mentioned);
        // --json changes nothing about bad input: still no stdout.
        Cli.run(Cli.concat(withJson, "--json")).badInput();
    }

    @Test
    void theValidCommandLineTheCasesSpoilIsAccepted() {
        Cli.run(Cli.concat(List.of("decide"), VALID.toArray(String[]::new))).ok();
    }

    @Test
    void anInvalidScenarioFileIsNamedWithTheLineOfItsFirstProblem(@TempDir Path dir) {
        Path bad = Cli.write(dir.resolve("bad.yaml"), """
                parties:
                  - code: USA
                    levels: foo
                agreements: []
                """);

        Cli cli = Cli.run(Cli.concat(List.of("decide"), plus("--scenario", bad.toString()).toArray(String[]::new)))
                .badInput();

        assertThat(cli.errLine()).contains(bad + ":3:").contains("levels");
    }

    @Test
    void aScenarioWithSeveralProblemsStillGivesOneLineNamingTheFirst(@TempDir Path dir) {
        int line = Scenarios.lineOf("kind: HUB_ARRANGEMENT");
        Path bad = Scenarios.withLineReplaced(dir, "broken.yaml", "kind: HUB_ARRANGEMENT", "kind: HUB");

        Cli cli = Cli.run(Cli.concat(List.of("decide"), plus("--scenario", bad.toString()).toArray(String[]::new)))
                .badInput();

        assertThat(cli.errLine()).contains(bad + ":" + line + ":").contains("HUB");
    }

    @Test
    void aScenarioThatIsNotYamlIsNamedWithItsLine(@TempDir Path dir) {
        Path bad = Cli.write(dir.resolve("syntax.yaml"), "parties: [\n");

        Cli cli = Cli.run(Cli.concat(List.of("decide"), plus("--scenario", bad.toString()).toArray(String[]::new)))
                .badInput();

        assertThat(cli.errLine()).matches(".*" + java.util.regex.Pattern.quote(bad.toString()) + ":\\d+: .+");
    }

    @Test
    void aTrailingEmptyCodeInRelToIsRejectedLikeAnyOtherEmptyCode() {
        Cli cli = Cli.run(Cli.concat(List.of("decide"), plus("--rel-to", "USA,").toArray(String[]::new))).badInput();

        assertThat(cli.errLine()).contains("--rel-to");
    }
}
