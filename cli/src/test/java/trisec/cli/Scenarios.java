package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Variants of the shipped scenario, written to a test's temporary directory. */
final class Scenarios {
    private Scenarios() {}

    static final String SUSPENSION = """
                  - type: NOTICE_SUSPENDED
                    date: 2019-11-22
                    by: KOR
                    note: on the condition that the agreement can be terminated at any time
            """;
    static final String WITHDRAWAL =
            "      - {type: NOTICE_WITHDRAWN, date: 2023-03-21, by: KOR, note: full normalisation}\n";

    /**
     * The shipped scenario as if Korea had never suspended its 2019 notice: the Korea–Japan GSOMIA then
     * terminates on 2019-11-23 00:00 UTC.
     */
    static Path withoutNoticeSuspension(Path dir) {
        String shipped = Cli.shippedScenarioText();
        assertThat(shipped).as("the shipped scenario records the suspension and the withdrawal")
                .contains(SUSPENSION, WITHDRAWAL);
        String text = shipped.replace(SUSPENSION, "").replace(WITHDRAWAL, "");
        Path file = Cli.write(dir.resolve("no-suspension.yaml"), text);
        Cli.run("scenario", "check", file.toString()).ok();
        return file;
    }

    /** The shipped scenario with one line replaced; returns the file and checks the line was there. */
    static Path withLineReplaced(Path dir, String name, String line, String replacement) {
        String shipped = Cli.shippedScenarioText();
        assertThat(shipped).as("the shipped scenario has the line %s", line).contains(line);
        return Cli.write(dir.resolve(name), shipped.replaceFirst(java.util.regex.Pattern.quote(line),
                java.util.regex.Matcher.quoteReplacement(replacement)));
    }

    /** The 1-based number of the first line of the shipped scenario that contains {@code text}. */
    static int lineOf(String text) {
        var lines = Cli.shippedScenarioText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line of the shipped scenario contains " + text);
    }
}
