package trisec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import trisec.scenario.Scenario;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.Problem;
import trisec.scenario.file.ScenarioFiles;

/**
 * A policy officer edits scenario files, launch catalogues and option files by hand: any text either reads as one or
 * is refused with the list of its problems, never with another exception; and checking and reading agree on which.
 * One fuzz target picks the format from the input's last byte (0 a scenario, 1 a launch catalogue, 2 an option file;
 * Jazzer's data provider takes numbers from the end), the rest being the text: Jazzer fuzzes one target per JVM.
 *
 * <p>The seed corpus, {@code src/test/resources/trisec/fuzz/ScenarioYamlFuzzTestInputs/anyTextIsAScenarioOrItsProblems/},
 * holds the shipped scenario, launch catalogue and option files, an option file for each kind of change, and broken
 * ones (a bad date, a date out of range, an unknown agreement or key, an impossible event, too many changes, no
 * YAML): each file is the text in UTF-8 followed by the format's byte. Without {@code JAZZER_FUZZ} each is one
 * test of a regression run; the build's fuzzing run ({@code JAZZER_FUZZ=1}) runs them, then starts from them, where
 * random bytes would take far longer than its few seconds to find the shape of a valid file.
 */
class ScenarioYamlFuzzTest {
    /** Option files are read against the scenario they change. */
    private static final Scenario SHIPPED = ScenarioFiles.shipped();

    @FuzzTest(maxDuration = "15s")
    void anyTextIsAScenarioOrItsProblems(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> checkAndReadAgree(data.consumeRemainingAsString(), ScenarioFiles::check,
                    t -> ScenarioFiles.read("fuzz", t));
            case 1 -> checkAndReadAgree(data.consumeRemainingAsString(), LaunchCatalogueFiles::check,
                    t -> LaunchCatalogueFiles.read("fuzz", t));
            default -> checkAndReadAgree(data.consumeRemainingAsString(), t -> OptionFiles.check(t, SHIPPED),
                    t -> OptionFiles.read("fuzz", t, SHIPPED));
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
