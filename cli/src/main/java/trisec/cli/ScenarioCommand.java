package trisec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.scenario.Scenario;
import trisec.scenario.file.Problem;
import trisec.scenario.file.ScenarioFiles;

/** {@code trisec scenario}: check a scenario file, or print the shipped one. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Scenario files (parties, schemes, agreements, events).",
        subcommands = {ScenarioCommand.Check.class, ScenarioCommand.Show.class})
final class ScenarioCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or show");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a scenario file and report every problem with its line.",
                    "Exit 0 when valid, 1 when it has problems, 2 when it cannot be read."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The scenario file.")
        Path file;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            List<Problem> problems = ScenarioFiles.check(file);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                var m = new LinkedHashMap<String, Object>();
                m.put("file", file.toString());
                m.put("valid", problems.isEmpty());
                m.put("problems", problems.stream().map(p -> {
                    var pm = new LinkedHashMap<String, Object>();
                    pm.put("line", p.line());
                    pm.put("message", p.message());
                    return pm;
                }).toList());
                JsonOutput.print(out, m);
            } else if (problems.isEmpty()) {
                Scenario s = ScenarioFiles.load(file);
                out.printf("%s: valid (%d parties, %d agreements, %d channels, %d sites)%n", file, s.parties().size(),
                        s.agreements().size(), s.channels().size(), s.sites().size());
            } else {
                problems.forEach(p -> out.println(file + ":" + p.line() + ": " + p.message()));
                out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            }
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the shipped scenario, to read it or to start a new one from it.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ScenarioFiles.shippedText());
            return 0;
        }
    }
}
