package trisec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;

/** {@code --scenario FILE}, shared by every command that decides on agreements. */
final class ScenarioOption {
    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file to use instead of the shipped one (scenarios/trilateral.yaml).")
    Path file;

    Scenario load() {
        return file == null ? ScenarioFiles.shipped() : ScenarioFiles.load(file);
    }
}
