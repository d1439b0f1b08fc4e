package trisec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.ScenarioFiles;

/**
 * A policy officer edits scenario files by hand: any text either reads as a scenario or is refused with the list of
 * its problems, never with another exception; and checking and reading agree on which.
 */
class ScenarioYamlFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyTextIsAScenarioOrItsProblems(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        var problems = ScenarioFiles.check(text);
        try {
            ScenarioFiles.read("fuzz", text);
            if (!problems.isEmpty()) {
                throw new AssertionError("read a scenario that check refused: " + problems);
            }
        } catch (InvalidScenarioException e) {
            if (problems.isEmpty()) {
                throw new AssertionError("refused a scenario that check accepted: " + e.problems());
            }
        }
    }
}
