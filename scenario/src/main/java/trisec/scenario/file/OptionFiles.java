package trisec.scenario.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import trisec.DomainException;
import trisec.option.Option;
import trisec.scenario.Scenario;

/**
 * Option files: a named set of hypothetical changes to a scenario ({@code docs/OPTIONS.md}). An option file is read
 * against the scenario it changes, since it names that scenario's agreements, parties and levels. The examples of
 * issue 13 are shipped (their source is {@code scenarios/options/}).
 */
public final class OptionFiles {
    /** Where the shipped examples are on the class path. */
    public static final String SHIPPED = "trisec/scenario/file/options/";

    private OptionFiles() {}

    /**
     * Loads and validates an option file against a scenario.
     *
     * @throws InvalidScenarioException with every problem found, each with its line
     * @throws DomainException          when the file cannot be read
     */
    public static Option load(Path file, Scenario scenario) {
        return read(file.toString(), ScenarioFiles.readText(file, "option file"), scenario);
    }

    /** @throws InvalidScenarioException with every problem found, each with its line */
    public static Option read(String source, String text, Scenario scenario) {
        var reader = new OptionReader(scenario);
        return reader.read(text).orElseThrow(() -> new InvalidScenarioException(source, sorted(reader.problems())));
    }

    /**
     * Every problem of an option file on this scenario, ordered by line; empty when it is valid.
     *
     * @throws DomainException when the file cannot be read
     */
    public static List<Problem> check(Path file, Scenario scenario) {
        return check(ScenarioFiles.readText(file, "option file"), scenario);
    }

    /** Every problem of an option file's text on this scenario, ordered by line; empty when it is valid. */
    public static List<Problem> check(String text, Scenario scenario) {
        var reader = new OptionReader(scenario);
        reader.read(text);
        return sorted(reader.problems());
    }

    /** A shipped example by its file name ({@code kor-notice-2026.yaml}), read against a scenario. */
    public static Option shipped(String name, Scenario scenario) {
        String path = SHIPPED + name;
        try (InputStream in = OptionFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new DomainException("no shipped option file '" + name + "'");
            }
            return read(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }
}
