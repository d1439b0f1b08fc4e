package trisec.scenario.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import trisec.DomainException;
import trisec.scenario.Scenario;

/** Scenario files: the shipped one, and any other a policy officer writes. Format: {@code docs/SCENARIO.md}. */
public final class ScenarioFiles {
    /** The shipped scenario's place on the class path (its source is {@code scenarios/trilateral.yaml}). */
    public static final String SHIPPED = "trisec/scenario/file/trilateral.yaml";
    /** Scenario files are small; anything larger is refused before it is parsed. */
    static final long MAX_BYTES = 4L << 20;

    private ScenarioFiles() {}

    private static final class Shipped {
        static final Scenario SCENARIO = readShipped();
    }

    /** The scenario encoding FACTS.md, as shipped with trisec. */
    public static Scenario shipped() {
        return Shipped.SCENARIO;
    }

    private static Scenario readShipped() {
        try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped scenario is missing from the class path: " + SHIPPED);
            }
            return read(SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped scenario's text, for people who want to read or copy it. */
    public static String shippedText() {
        try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the shipped scenario is missing from the class path: " + SHIPPED);
        }
    }

    /**
     * Loads and validates a scenario file.
     *
     * @throws InvalidScenarioException with every problem found, each with its line
     * @throws DomainException          when the file cannot be read
     */
    public static Scenario load(Path file) {
        return read(file.toString(), readText(file, "scenario file"));
    }

    /** Every problem in a scenario file, ordered by line; empty when it is valid. */
    public static List<Problem> check(Path file) {
        return check(readText(file, "scenario file"));
    }

    public static List<Problem> check(String text) {
        var reader = new ScenarioReader();
        reader.read(text);
        return sorted(reader.problems());
    }

    public static Scenario read(String source, String text) {
        var reader = new ScenarioReader();
        return reader.read(text).orElseThrow(() -> new InvalidScenarioException(source, sorted(reader.problems())));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }

    /** The UTF-8 text of a file of the scenario module's formats ({@code what}: "scenario file"). */
    static String readText(Path file, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new DomainException("no " + what + " at '" + file + "'");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new DomainException(file + " is larger than a " + what + " can be (" + (MAX_BYTES >> 20) + " MiB)");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new DomainException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DomainException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
