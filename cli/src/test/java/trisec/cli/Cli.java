package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** One in-process run of the {@code trisec} command line: exit status, standard output, standard error. */
record Cli(int status, String out, String err) {
    /** The shipped scenario, relative to the cli module (the directory the tests run in). */
    static final Path SHIPPED_SCENARIO = Path.of("../scenarios/trilateral.yaml");

    private static final ObjectReader STRICT_JSON =
            new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static Cli run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status;
        try (var o = new PrintWriter(out); var e = new PrintWriter(err)) {
            status = Main.run(args, o, e);
        }
        return new Cli(status, out.toString(), err.toString());
    }

    static Cli run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Standard output parsed as exactly one JSON object; anything before or after it fails. */
    JsonNode json() {
        assertThat(out.strip()).as("stdout is one JSON object%nstderr: %s", err).startsWith("{").endsWith("}");
        try {
            JsonNode node = STRICT_JSON.readTree(out);
            assertThat(node.isObject()).as("stdout is a JSON object").isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON value: " + e.getMessage() + "\n" + out, e);
        }
    }

    /** A successful run: exit 0 and nothing on standard error. */
    Cli ok() {
        assertThat(status).as("exit status%nstdout: %s%nstderr: %s", out, err).isZero();
        assertThat(err).as("stderr").isEmpty();
        return this;
    }

    /** Bad input: exit 2, nothing on standard output, exactly one non-blank line on standard error. */
    Cli badInput() {
        assertThat(status).as("exit status%nstdout: %s%nstderr: %s", out, err).isEqualTo(Main.BAD_INPUT);
        assertThat(out).as("stdout").isEmpty();
        assertThat(err.lines().toList()).as("stderr lines").hasSize(1);
        assertThat(err).as("stderr").endsWith("\n").isNotBlank();
        return this;
    }

    /** The single error line, without its line terminator. */
    String errLine() {
        return err.strip();
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** Field names of a JSON object, in the order they were written. */
    static List<String> keys(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** The text values of a JSON array. */
    static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<JsonNode> elements(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        var list = new ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }

    static String shippedScenarioText() {
        try {
            return Files.readString(SHIPPED_SCENARIO, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> args(String... args) {
        return List.of(args);
    }

    static List<String> concat(List<String> a, String... more) {
        var list = new ArrayList<>(a);
        list.addAll(List.of(more));
        return list;
    }
}
