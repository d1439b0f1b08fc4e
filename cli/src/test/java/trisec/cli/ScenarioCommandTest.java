package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.elements;
import static trisec.cli.Cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trisec scenario check|show}. */
class ScenarioCommandTest {
    static final String SHIPPED = Cli.SHIPPED_SCENARIO.toString();

    /** The shipped scenario with the TISA's kind misspelt, and the line it is on. */
    record Broken(Path file, int line) {
        static Broken in(Path dir) {
            int line = Scenarios.lineOf("kind: HUB_ARRANGEMENT");
            return new Broken(Scenarios.withLineReplaced(dir, "broken.yaml", "kind: HUB_ARRANGEMENT", "kind: HUB"), line);
        }
    }

    @Test
    void theShippedScenarioIsValid() {
        Cli cli = Cli.run("scenario", "check", SHIPPED).ok();

        assertThat(cli.outLines()).hasSize(1);
        assertThat(cli.outLines().getFirst()).startsWith(SHIPPED + ": valid").contains("3 parties");
    }

    @Test
    void theShippedScenarioIsValidInJson() {
        JsonNode r = Cli.run("scenario", "check", SHIPPED, "--json").ok().json();

        assertThat(keys(r)).containsExactly("file", "valid", "problems");
        assertThat(r.get("file").asText()).isEqualTo(SHIPPED);
        assertThat(r.get("valid").asBoolean()).isTrue();
        assertThat(elements(r.get("problems"))).isEmpty();
    }

    @Test
    void aBrokenFileExitsOneWithFileLineMessageLines(@TempDir Path dir) {
        Broken broken = Broken.in(dir);

        Cli cli = Cli.run("scenario", "check", broken.file().toString());

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).isEmpty();
        List<String> lines = cli.outLines();
        assertThat(lines.getLast()).isEqualTo("1 problem");
        List<String> problems = lines.subList(0, lines.size() - 1);
        assertThat(problems).hasSize(1).allSatisfy(l -> assertThat(l)
                .matches(Pattern.quote(broken.file().toString()) + ":\\d+: .+"));
        assertThat(problems.getFirst()).startsWith(broken.file() + ":" + broken.line() + ": ").contains("'HUB'");
    }

    @Test
    void everyProblemIsReportedWithItsOwnLine(@TempDir Path dir) {
        String text = Cli.shippedScenarioText().replace("kind: SIA\n", "kind: SIAX\n");
        long count = Cli.shippedScenarioText().lines().filter(l -> l.endsWith("kind: SIA")).count();
        assertThat(count).isGreaterThan(1);
        Path file = Cli.write(dir.resolve("many.yaml"), text);

        Cli cli = Cli.run("scenario", "check", file.toString());

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.outLines()).last().isEqualTo(count + " problems");
        assertThat(cli.outLines().subList(0, (int) count)).doesNotHaveDuplicates()
                .allSatisfy(l -> assertThat(l).startsWith(file + ":").contains("SIAX"));
    }

    @Test
    void aBrokenFileInJsonListsLineAndMessage(@TempDir Path dir) {
        Broken broken = Broken.in(dir);

        Cli cli = Cli.run("scenario", "check", broken.file().toString(), "--json");

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).isEmpty();
        JsonNode r = cli.json();
        assertThat(keys(r)).containsExactly("file", "valid", "problems");
        assertThat(r.get("file").asText()).isEqualTo(broken.file().toString());
        assertThat(r.get("valid").asBoolean()).isFalse();
        List<JsonNode> problems = elements(r.get("problems"));
        assertThat(problems).hasSize(1);
        assertThat(keys(problems.getFirst())).containsExactly("line", "message");
        assertThat(problems.getFirst().get("line").isInt()).isTrue();
        assertThat(problems.getFirst().get("line").asInt()).isEqualTo(broken.line());
        assertThat(problems.getFirst().get("message").asText()).contains("HUB");
    }

    @Test
    void aFileThatIsNotYamlIsAProblemNotACrash(@TempDir Path dir) {
        Path file = Cli.write(dir.resolve("syntax.yaml"), "parties: [\n");

        Cli cli = Cli.run("scenario", "check", file.toString());

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.outLines().getFirst()).matches(Pattern.quote(file.toString()) + ":\\d+: .+");
    }

    @Test
    void anEmptyFileIsAProblem(@TempDir Path dir) {
        Path file = Cli.write(dir.resolve("empty.yaml"), "");

        Cli cli = Cli.run("scenario", "check", file.toString(), "--json");

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void aMissingFileExitsTwoWithOneLine() {
        Cli cli = Cli.run("scenario", "check", "no/such/scenario.yaml").badInput();

        assertThat(cli.errLine()).startsWith("trisec scenario check: ").contains("no/such/scenario.yaml");
        Cli.run("scenario", "check", "no/such/scenario.yaml", "--json").badInput();
    }

    @Test
    void aMissingFileArgumentExitsTwoWithOneLine() {
        Cli.run("scenario", "check").badInput();
    }

    @Test
    void showPrintsYamlThatCheckAccepts(@TempDir Path dir) {
        Cli shown = Cli.run("scenario", "show").ok();
        assertThat(shown.out()).contains("parties:", "agreements:", "kor-jpn-gsomia-2016");
        Path file = Cli.write(dir.resolve("shown.yaml"), shown.out());

        Cli.run("scenario", "check", file.toString()).ok();
        JsonNode r = Cli.run("scenario", "check", file.toString(), "--json").ok().json();
        assertThat(r.get("valid").asBoolean()).isTrue();
    }

    @Test
    void theShownScenarioIsTheOneCommandsUseByDefault(@TempDir Path dir) {
        Path file = Cli.write(dir.resolve("shown.yaml"), Cli.run("scenario", "show").ok().out());

        for (String at : List.of("2013-06-01", "2015-06-01", "2017-03-01", "2019-09-01", "2023-06-01")) {
            var base = List.of("decide", "--at", at, "--originator", "KOR", "--to", "JPN", "--level", "군사Ⅱ급비밀",
                    "--topic", "dprk.missile", "--json");
            assertThat(Cli.run(Cli.concat(base, "--scenario", file.toString())).ok().out()).as(at)
                    .isEqualTo(Cli.run(base).ok().out());
        }
        assertThat(Cli.run("agreements", "--at", "2020-01-01", "--json", "--scenario", file.toString()).ok().out())
                .isEqualTo(Cli.run("agreements", "--at", "2020-01-01", "--json").ok().out());
    }
}
