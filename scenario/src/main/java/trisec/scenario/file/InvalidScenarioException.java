package trisec.scenario.file;

import java.util.List;
import trisec.DomainException;

/** A scenario file that cannot be used, with every problem found in it. */
public final class InvalidScenarioException extends DomainException {
    private final String source;
    private final List<Problem> problems;

    public InvalidScenarioException(String source, List<Problem> problems) {
        super(source + ":" + problems.getFirst().line() + ": " + problems.getFirst().message()
                + (problems.size() > 2 ? " (and " + (problems.size() - 1) + " more problems)"
                : problems.size() == 2 ? " (and 1 more problem)" : ""));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
