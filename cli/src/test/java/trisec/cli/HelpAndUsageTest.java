package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} everywhere, and what happens without a command. */
class HelpAndUsageTest {
    static List<String> words(String path) {
        return path.isEmpty() ? List.of() : List.of(path.split(" "));
    }

    @ParameterizedTest(name = "trisec {0} --help")
    @ValueSource(strings = {"", "demo", "node", "keys", "keys export", "audit", "audit verify", "decide", "agreements", "label", "label render", "label parse", "label bind", "scenario",
            "scenario check", "scenario show", "warn", "warn replay", "warn simulate", "consult", "consult status",
            "statement", "statement verify", "options", "options apply", "options compare", "options check"})
    void helpPrintsUsageOnStdoutAndExitsZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            var args = new ArrayList<>(words(command));
            args.add(flag);

            Cli cli = Cli.run(args).ok();

            String name = command.isEmpty() ? "trisec" : "trisec " + command;
            assertThat(cli.out()).startsWith("Usage: " + name + " ").contains("--help");
        }
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        assertThat(Cli.run("--help").ok().out()).contains("decide", "agreements", "label", "scenario", "warn",
                "consult", "options");
    }

    @Test
    void helpOfAGroupListsItsSubcommands() {
        assertThat(Cli.run("label", "--help").ok().out()).contains("render", "parse", "bind");
        assertThat(Cli.run("scenario", "--help").ok().out()).contains("check", "show");
        assertThat(Cli.run("options", "--help").ok().out()).contains("apply", "compare", "check");
    }

    @Test
    void decideHelpDocumentsEveryOption() {
        assertThat(Cli.run("decide", "--help").ok().out()).contains("--at", "--originator", "--holder", "--to",
                "--level", "--topic", "--rel-to", "--caveat", "--consent", "--scenario", "--json");
    }

    @Test
    void helpWinsOverMissingRequiredOptions() {
        Cli.run("decide", "--at", "2017-03-01", "--help").ok();
    }

    @Test
    void versionPrintsOneLine() {
        Cli cli = Cli.run("--version").ok();

        assertThat(cli.outLines()).hasSize(1);
        assertThat(cli.out()).startsWith("trisec ");
    }

    @Test
    void noCommandExitsTwoWithOneLine() {
        Cli cli = Cli.run().badInput();

        assertThat(cli.errLine()).startsWith("trisec: ").contains("--help");
    }

    @Test
    void noCommandMentionsTheHelpHintOnce() {
        Cli cli = Cli.run().badInput();

        assertThat(cli.errLine().split("see trisec --help", -1)).hasSize(2);
    }

    @Test
    void anUnknownCommandExitsTwoWithOneLine() {
        Cli cli = Cli.run("bogus").badInput();

        assertThat(cli.errLine()).startsWith("trisec: ").contains("bogus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"label", "scenario"})
    void aGroupWithoutSubcommandExitsTwoWithOneLine(String group) {
        Cli cli = Cli.run(group).badInput();

        assertThat(cli.errLine()).startsWith("trisec " + group + ": ");
        assertThat(cli.errLine().split("see trisec " + group + " --help", -1)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"label", "scenario"})
    void anUnknownSubcommandExitsTwoWithOneLine(String group) {
        Cli cli = Cli.run(group, "bogus").badInput();

        assertThat(cli.errLine()).contains("bogus");
    }

    @Test
    void anUnknownTopLevelOptionExitsTwoWithOneLine() {
        Cli.run("--bogus").badInput();
    }
}
