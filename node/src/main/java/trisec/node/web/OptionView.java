package trisec.node.web;

import java.util.List;
import java.util.Map;

/** The options pages' models: plain values, already in the viewer's language. */
public final class OptionView {
    private OptionView() {}

    /** The list of options and the form to make one, with the change builder that writes its text. */
    public record Index(List<Listed> options, Form form, String at, List<Example> examples, String notice,
                        Builder builder) {
        public Index {
            options = List.copyOf(options);
            examples = List.copyOf(examples);
        }
    }

    /** An option in the list. */
    public record Listed(String id, String name, String banner, String css, String created, String changes,
                         boolean fits, String problems) {}

    /** A shipped example, one click from the form. */
    public record Example(String name, String title) {}

    /**
     * The form: the option file's text, the label of the item that keeps it (for officers), and what was wrong with
     * the last attempt, each problem on its line.
     */
    public record Form(boolean officer, String yaml, List<Models.Option> levels, String topic,
                       List<Models.Option> parties, List<Models.Option> caveats, String error,
                       List<String> problems) {
        public Form {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The picture of one option, on a date or over a stretch of time. On a date, {@code graphs} are the agreements in
     * force as they stand, then with the option; over a stretch there are none.
     */
    public record Picture(String id, String name, String description, List<String> changes, String banner, String css,
                          boolean retractable, String at, String atText, String from, String to, boolean stretch,
                          String counts, List<Pair> pairs, List<Graph> graphs, List<PointRow> points,
                          List<Period> periods, List<Period> turns, History history, String yaml) {
        public Picture {
            changes = List.copyOf(changes);
            pairs = List.copyOf(pairs);
            graphs = List.copyOf(graphs);
            points = List.copyOf(points);
            periods = List.copyOf(periods);
            turns = List.copyOf(turns);
        }

        public boolean saved() {
            return !id.isEmpty();
        }
    }

    /** The matrix of one ordered pair: a row per topic, a column per level of the originator. */
    public record Pair(String originator, String recipient, String title, List<String> levels, List<Row> rows,
                       int changed) {
        public Pair {
            levels = List.copyOf(levels);
            rows = List.copyOf(rows);
        }
    }

    public record Row(String topic, List<MatrixCell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A cell: the reach with the option, the reach without it, and whether they differ; the route in a tooltip. */
    public record MatrixCell(String reach, String reachText, String before, String beforeText, boolean changed,
                             String title) {}

    /** A failure, and what it would cut off without the option and with it. */
    public record PointRow(String failure, List<String> before, List<String> after, boolean differs) {
        public PointRow {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /** A stretch of time with the same difference: when, and what changes through it. */
    public record Period(String from, String when, int changed, List<String> lines) {
        public Period {
            lines = List.copyOf(lines);
        }
    }

    /**
     * What the option would have done to this node's recorded releases: those requested since its first change
     * ({@code since}, in words; empty when it names no date and every release was read).
     */
    public record History(int releases, int unchanged, String since, List<String> counts, List<Impact> impacts) {
        public History {
            counts = List.copyOf(counts);
            impacts = List.copyOf(impacts);
        }
    }

    public record Impact(String release, String itemId, String title, String banner, String css, String recipient,
                         String requested, String effect, String effectCode, String was, String now) {}

    /** Two to four options side by side. */
    public record Compare(String at, String atText, String ids, List<Column> columns, List<FateRow> rows,
                          Graph real, List<Graph> graphs, String combine, String combineName) {
        public Compare {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            graphs = List.copyOf(graphs);
        }
    }

    /** One option compared: its name and marking, and what it keeps, reroutes, loses and gains. */
    public record Column(String ref, String name, String banner, String css, int kept, int rerouted, int lost,
                         int gained, List<String> viaHub) {
        public Column {
            viaHub = List.copyOf(viaHub);
        }
    }

    public record FateRow(String pair, String topic, List<FateCell> cells) {
        public FateRow {
            cells = List.copyOf(cells);
        }
    }

    public record FateCell(String text, String css) {}

    /** A network graph and the agreements it draws, in words. */
    public record Graph(String name, String svg, List<String> edges) {
        public Graph {
            edges = List.copyOf(edges);
        }
    }

    /**
     * The change builder: the option's name and description, and a fieldset per kind of change, its selects filled
     * from the agreements as this node knows them with what the option's text adds. {@code values} and
     * {@code chosen} are the fields as last sent (each named {@code kind.key}); {@code open} is the kind shown open;
     * {@code added} says which lines the last change went to, {@code remaining} the problems the text still has;
     * {@code error} and {@code problems} why the last change was not added.
     */
    public record Builder(String name, String description, String open, String added, List<String> remaining,
                          String error, List<String> problems, Map<String, String> values,
                          Map<String, List<String>> chosen, List<Models.Option> agreements,
                          List<Models.Option> eventTypes, List<Models.Option> parties, List<Models.Option> kinds,
                          List<String> topics, List<PartyLevels> highest, List<Models.Option> banners) {
        public Builder {
            remaining = List.copyOf(remaining);
            problems = List.copyOf(problems);
            values = Map.copyOf(values);
            chosen = Map.copyOf(chosen);
            agreements = List.copyOf(agreements);
            eventTypes = List.copyOf(eventTypes);
            parties = List.copyOf(parties);
            kinds = List.copyOf(kinds);
            topics = List.copyOf(topics);
            highest = List.copyOf(highest);
            banners = List.copyOf(banners);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean selected(String field, String option) {
            return value(field).equals(option);
        }

        public boolean checked(String field, String option) {
            return chosen.getOrDefault(field, List.of()).contains(option);
        }

        public boolean isOpen(String kind) {
            return open.equals(kind);
        }
    }

    /** A party's levels, for the highest level a scope change gives it. */
    public record PartyLevels(String code, String label, List<String> levels) {
        public PartyLevels {
            levels = List.copyOf(levels);
        }
    }
}
