package trisec.scenario.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import trisec.DomainException;
import trisec.warning.LaunchCatalogue;

/**
 * Launch catalogue files: the shipped one (the public launches of FACTS.md, source {@code scenarios/launches.yaml})
 * and any other written in its format ({@code docs/SCENARIO.md}, "Launch catalogue").
 */
public final class LaunchCatalogueFiles {
    /** The shipped catalogue's place on the class path. */
    public static final String SHIPPED = "trisec/scenario/file/launches.yaml";

    private LaunchCatalogueFiles() {}

    private static final class Shipped {
        static final LaunchCatalogue CATALOGUE = read(SHIPPED, shippedText());
    }

    /** The public launches of FACTS.md, as shipped with trisec. */
    public static LaunchCatalogue shipped() {
        return Shipped.CATALOGUE;
    }

    /** The shipped catalogue's text. */
    public static String shippedText() {
        try (InputStream in = LaunchCatalogueFiles.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped launch catalogue is missing from the class path: " + SHIPPED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and validates a launch catalogue file.
     *
     * @throws InvalidScenarioException with every problem found, each with its line
     * @throws DomainException          when the file cannot be read
     */
    public static LaunchCatalogue load(Path file) {
        return read(file.toString(), ScenarioFiles.readText(file, "launch catalogue"));
    }

    /** Every problem in a launch catalogue's text, ordered by line; empty when it is valid. */
    public static List<Problem> check(String text) {
        var reader = new LaunchReader();
        reader.read(text);
        return sorted(reader.problems());
    }

    /** @throws InvalidScenarioException with every problem found, each with its line */
    public static LaunchCatalogue read(String source, String text) {
        var reader = new LaunchReader();
        return reader.read(text).orElseThrow(() -> new InvalidScenarioException(source, sorted(reader.problems())));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }
}
