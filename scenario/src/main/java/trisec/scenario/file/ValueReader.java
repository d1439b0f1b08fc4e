package trisec.scenario.file;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import trisec.DateBounds;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlNode.Scalar;
import trisec.scenario.file.yaml.YamlNode.Sequence;
import trisec.topic.Topic;

/**
 * Reads typed values from the YAML of a scenario file and keeps the file's problems. A value of the wrong shape
 * or form becomes a problem on its line, and null or empty in its place, so that reading goes on and finds the
 * rest. The section readers record their own problems here too, so that all are kept in the order found.
 */
final class ValueReader {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,9}(\\.[0-9]{1,9})?");
    private final List<Problem> problems = new ArrayList<>();

    /** The problems found so far, in the order found; the YAML parser adds its own to this list. */
    List<Problem> problems() {
        return problems;
    }

    /** How many problems have been found so far: a reader compares counts to see whether a part of it was clean. */
    int problemCount() {
        return problems.size();
    }

    void problem(YamlNode node, String message) {
        problems.add(new Problem(node.line(), message));
    }

    void problem(int line, String message) {
        problems.add(new Problem(line, message));
    }

    /** Reads each item of a list with {@code reader}; an absent node is an empty list. */
    void each(YamlNode node, String what, Consumer<YamlNode> reader) {
        if (node == null) {
            return;
        }
        List<YamlNode> items = list(node, what);
        if (items != null) {
            items.forEach(reader);
        }
    }

    /** Reports keys outside {@code allowed} on their lines, then missing {@code required} ones on the mapping's. */
    void keys(Mapping m, String what, Set<String> allowed, Set<String> required) {
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(new Problem(m.lineOf(key), "unknown key '" + key + "' in " + what + " (expected: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        for (String key : required.stream().sorted().toList()) {
            if (!m.entries().containsKey(key)) {
                problems.add(new Problem(m.line(), what + " needs '" + key + "'"));
            }
        }
    }

    Mapping mapping(YamlNode node, String what) {
        if (node instanceof Mapping m) {
            return m;
        }
        problem(node, what + " must be a mapping (key: value lines), not " + node.kind());
        return null;
    }

    List<YamlNode> list(YamlNode node, String what) {
        if (node instanceof Sequence s) {
            return s.items();
        }
        problem(node, what + " must be a list, not " + node.kind());
        return null;
    }

    String text(YamlNode node, String what) {
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        problem(node, what + " must be a non-empty value, not " + node.kind());
        return null;
    }

    /** A list of values, or a single value standing for a list of one. */
    List<String> texts(YamlNode node, String what) {
        List<YamlNode> items = node instanceof Scalar ? List.of(node) : list(node, what);
        List<String> out = new ArrayList<>();
        for (YamlNode n : items == null ? List.<YamlNode>of() : items) {
            String t = text(n, what);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    Optional<String> optionalText(Mapping m, String key) {
        YamlNode n = m.get(key);
        return n == null ? Optional.empty() : Optional.ofNullable(text(n, key));
    }

    boolean bool(YamlNode node, String what) {
        String t = text(node, what);
        if ("true".equals(t) || "false".equals(t)) {
            return Boolean.parseBoolean(t);
        }
        if (t != null) {
            problem(node, what + " is true or false, not '" + t + "'");
        }
        return false;
    }

    /** A constant of {@code type}, written in any case and with '-' or ' ' for '_'. */
    <E extends Enum<E>> E enumValue(YamlNode node, String what, Class<E> type) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        String constant = t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        problem(node, "'" + t + "' is not a " + what + " (one of: " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        return null;
    }

    Optional<Period> period(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return Optional.empty();
        }
        try {
            Period p = Period.parse(t);
            if (p.isNegative() || p.isZero()) {
                problem(node, what + " must be a positive period such as P1Y or P90D");
                return Optional.empty();
            }
            if (p.toTotalMonths() > LONGEST.toTotalMonths() || p.getDays() > 366 * LONGEST.getYears()) {
                problem(node, what + " must be at most " + LONGEST + ", not " + t);
                return Optional.empty();
            }
            return Optional.of(p);
        } catch (DateTimeParseException e) {
            problem(node, what + " must be an ISO 8601 period such as P1Y or P90D, not '" + t + "'");
            return Optional.empty();
        }
    }

    /** A decimal number such as {@code 39.25}, {@code -3} or {@code 4475}. */
    Double decimal(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            problem(node, what + " must be a number such as 39.25, not '" + t + "'");
            return null;
        }
        return Double.parseDouble(t);
    }

    /** An ISO 8601 duration such as {@code PT53M}, not negative. */
    Duration duration(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(t);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(node, what + " must be an ISO 8601 duration such as PT53M or PT4135S, not '" + t + "'");
        return null;
    }

    LocalDate date(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(t);
            if (!DateBounds.contains(d)) {
                problem(node, what + " must be between " + DateBounds.EARLIEST + " and " + DateBounds.LATEST
                        + ", not " + t);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(node, what + " must be a date such as 2016-11-23, not '" + t + "'");
            return null;
        }
    }

    /** The longest period a file may name (a term, a notice period): three centuries. */
    static final Period LONGEST = Period.ofYears(300);

    /** A date (00:00 UTC that day, DESIGN §2.6) or an ISO 8601 instant with an offset. */
    Instant instant(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            Instant i = DateOrInstant.parse(t);
            // A file names only the days trisec reckons with.
            if (!DateBounds.contains(i)) {
                problem(node, what + " must be between " + DateBounds.EARLIEST + " and " + DateBounds.LATEST
                        + ", not " + t);
                return null;
            }
            return i;
        } catch (DomainException e) {
            problem(node, what + " must be a date such as 2016-11-23 or an instant such as 2019-11-22T09:00:00Z, "
                    + "not '" + t + "'");
            return null;
        }
    }

    Optional<Topic> topic(YamlNode node) {
        String t = text(node, "a topic");
        if (t == null) {
            return Optional.empty();
        }
        if (!Topic.isValid(t)) {
            problem(node, "'" + t + "' is not a topic (dot-separated lower-case words such as dprk.missile)");
            return Optional.empty();
        }
        return Optional.of(Topic.of(t));
    }
}
