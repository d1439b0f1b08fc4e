package trisec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.scenario.file.Problem;
import trisec.scenario.file.ScenarioFiles;

/**
 * A policy officer edits scenario files and launch catalogues by hand: any text either reads as one or is refused
 * with the list of its problems, never with another exception; and checking and reading agree on which. One fuzz
 * target picks the format from its first byte: Jazzer fuzzes one target per JVM.
 */
class ScenarioYamlFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyTextIsAScenarioOrItsProblems(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            checkAndReadAgree(data.consumeRemainingAsString(), ScenarioFiles::check, t -> ScenarioFiles.read("fuzz", t));
        } else {
            checkAndReadAgree(data.consumeRemainingAsString(), LaunchCatalogueFiles::check,
                    t -> LaunchCatalogueFiles.read("fuzz", t));
        }
    }

    private static void checkAndReadAgree(String text, Function<String, List<Problem>> check, Consumer<String> read) {
        var problems = check.apply(text);
        try {
            read.accept(text);
            if (!problems.isEmpty()) {
                throw new AssertionError("read a file that check refused: " + problems);
            }
        } catch (InvalidScenarioException e) {
            if (problems.isEmpty()) {
                throw new AssertionError("refused a file that check accepted: " + e.problems());
            }
        }
    }
}
