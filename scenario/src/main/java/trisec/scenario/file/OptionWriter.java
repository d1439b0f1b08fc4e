package trisec.scenario.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlNode.Scalar;
import trisec.scenario.file.yaml.YamlNode.Sequence;
import trisec.scenario.file.yaml.YamlTree;

/**
 * Writes option files ({@code docs/OPTIONS.md}): a change as the file states it, added at the end of the changes of an
 * option file's text, and the option's name and description set in it. What a person wrote stays as written, comments
 * and all: only the lines of the name, of the description and those of the new change are touched. The values are
 * written by Jackson's YAML emitter, which quotes what would otherwise read back as something else; the file is then
 * read, and checked, by {@link OptionFiles} like any other, so this writer decides nothing about what a change may
 * be.
 */
public final class OptionWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "123" or "1e3" as a note or a name must read back as text, not as a number.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final String INDENT = "  ";

    private OptionWriter() {}

    /**
     * A change as an option file states it: its kind ({@code event}, {@code scope}, {@code agreement}, {@code party},
     * {@code outage}) and its keys in the order they are written. A value is a string, a list, or a mapping of them.
     */
    public record Entry(String kind, Map<String, Object> keys) {
        public Entry {
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** A lifecycle event of an agreement: {@code type} as the file spells it, dates as {@code 2026-03-01}. */
        public static Entry event(String agreement, String type, String date, Optional<String> by,
                                  Optional<String> effective, String note) {
            var k = new LinkedHashMap<String, Object>();
            k.put("agreement", agreement);
            k.put("type", type);
            k.put("date", date);
            by.ifPresent(b -> k.put("by", b));
            effective.ifPresent(e -> k.put("effective", e));
            if (!note.isBlank()) {
                k.put("note", note);
            }
            return new Entry("event", k);
        }

        /**
         * A scope from a date. {@code topics}: left out when empty (the agreement keeps its topics), {@code all}
         * when it is {@link #ALL_TOPICS}, else the list. {@code highest}: left out when empty, {@code none} when it
         * is an empty mapping, else a level per party code.
         */
        public static Entry scope(String agreement, String from, Optional<List<String>> topics,
                                  Optional<Map<String, String>> highest, Optional<String> by, String note) {
            var k = new LinkedHashMap<String, Object>();
            k.put("agreement", agreement);
            k.put("from", from);
            topics.ifPresent(t -> k.put("topics", t.equals(ALL_TOPICS) ? "all" : List.copyOf(t)));
            highest.ifPresent(h -> k.put("highest", h.isEmpty() ? "none" : new LinkedHashMap<>(h)));
            by.ifPresent(b -> k.put("by", b));
            if (!note.isBlank()) {
                k.put("note", note);
            }
            return new Entry("scope", k);
        }

        /** A new agreement in the keys of a scenario's agreements ({@code docs/SCENARIO.md}), in their order. */
        public static Entry agreement(Map<String, Object> keys) {
            return new Entry("agreement", keys);
        }

        /** A new party: its code, its name, and its levels highest first, each a name and a banner word. */
        public static Entry party(String code, String name, List<Level> levels) {
            var k = new LinkedHashMap<String, Object>();
            k.put("code", code);
            if (!name.isBlank()) {
                k.put("name", name);
            }
            k.put("levels", levels.stream().map(l -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("name", l.name());
                m.put("banner", l.banner());
                return m;
            }).toList());
            return new Entry("party", k);
        }

        /** A hub's node forwarding nothing from {@code from} (inclusive) until {@code until} (exclusive). */
        public static Entry outage(String hub, String from, String until) {
            var k = new LinkedHashMap<String, Object>();
            k.put("hub", hub);
            k.put("from", from);
            k.put("until", until);
            return new Entry("outage", k);
        }
    }

    /** The topics of a scope change that covers every topic ({@code topics: all}). */
    public static final List<String> ALL_TOPICS = List.of("all");

    /** A level of a new party's scheme: its name, and its banner word (TOP SECRET … UNCLASSIFIED). */
    public record Level(String name, String banner) {}

    /** The option's text with the change added; {@code firstLine} and {@code lastLine} are the change's (from 1). */
    public record Added(String text, int firstLine, int lastLine) {}

    /** The name and description an option file's text gives, blank where it gives none or cannot be read. */
    public record Header(String name, String description) {}

    /** The name and description of an option file's text, as far as it can be read. */
    public static Header header(String text) {
        var problems = new ArrayList<Problem>();
        YamlNode root = text == null || text.isBlank() ? null : YamlTree.parse(text, problems);
        if (!(root instanceof Mapping m)) {
            return new Header("", "");
        }
        return new Header(scalar(m.get("name")), scalar(m.get("description")));
    }

    private static String scalar(YamlNode node) {
        return node instanceof Scalar s && !s.isNull() ? s.text() : "";
    }

    /**
     * Adds a change at the end of an option file's changes, and sets its name and description where they are given
     * and differ. A blank text becomes a new option file, which needs a name.
     *
     * @throws InvalidScenarioException when the text is not an option file this writer can add to (not YAML, not a
     *                                  mapping a key a line, its changes not a list a change a line); nothing is
     *                                  changed
     */
    public static Added add(String text, Optional<String> name, Optional<String> description, Entry entry) {
        String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> item = item(entry);
        if (source.isBlank()) {
            if (name.filter(n -> !n.isBlank()).isEmpty()) {
                throw new InvalidScenarioException("option", List.of(new Problem(1, "an option has a name")));
            }
            var out = new ArrayList<String>();
            out.addAll(emit("name", name.get()));
            description.filter(d -> !d.isBlank()).ifPresent(d -> out.addAll(emit("description", d)));
            out.add("changes:");
            int first = out.size() + 1;
            out.addAll(indented(item, INDENT));
            return new Added(String.join("\n", out) + "\n", first, out.size());
        }
        var problems = new ArrayList<Problem>();
        YamlNode root = YamlTree.parse(source, problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException("option", problems);
        }
        if (!(root instanceof Mapping m) || m.entries().isEmpty()) {
            throw refused(root == null ? 1 : root.line(), "an option file is a mapping: name, description, changes");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast(); // the text's final newline
        }
        // The top-level keys in the order they are written, each on a line of its own starting with it.
        var keys = new ArrayList<>(m.keyLines().entrySet());
        keys.sort(Map.Entry.comparingByValue());
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            String line = lines.get(key.getValue() - 1);
            boolean own = line.startsWith(key.getKey()) && line.substring(key.getKey().length()).stripLeading()
                    .startsWith(":") && (i == 0 || !keys.get(i - 1).getValue().equals(key.getValue()));
            if (!own) {
                throw refused(key.getValue(), "the builder adds to an option file written a key a line (name:, "
                        + "description:, changes:); write it so, or add the change by hand");
            }
        }
        // Every edit is found on the text as written, then made from the bottom up so that each keeps its place.
        var edits = new ArrayList<Edit>();
        Edit change = changeEdit(lines, m, item);
        edits.add(change);
        boolean hasName = m.keyLines().containsKey("name");
        if (description.filter(d -> !d.isBlank()).isPresent()
                && !description.get().equals(scalar(m.get("description")))) {
            int at = hasName ? deeperComments(lines, valueEnd(m, "name"), 0) + 1 : keys.getFirst().getValue() - 1;
            edits.add(set(lines, m, keys, "description", emit("description", description.get()), at, 1));
        }
        if (name.filter(n -> !n.isBlank()).isPresent() && !name.get().equals(scalar(m.get("name")))) {
            edits.add(set(lines, m, keys, "name", emit("name", name.get()), keys.getFirst().getValue() - 1, 0));
        }
        int first = change.from() + change.lead() + 1;
        for (Edit e : edits) {
            // An edit ends up before the change when it ends before it, or is put in at the same place and comes
            // first; a key after the changes that is set anew starts where the change goes in, and stays after it.
            if (e != change && (e.to() < change.from() || e.to() == change.from()
                    && (e.from() < e.to() || e.rank() < change.rank()))) {
                first += e.with().size() - (e.to() - e.from());
            }
        }
        edits.sort(Comparator.comparingInt(Edit::from).thenComparingInt(Edit::to).thenComparingInt(Edit::rank)
                .reversed());
        for (Edit e : edits) {
            lines.subList(e.from(), e.to()).clear();
            lines.addAll(e.from(), e.with());
        }
        return new Added(String.join("\n", lines) + "\n", first, first + item.size() - 1);
    }

    /**
     * Lines {@code from} (inclusive) to {@code to} (exclusive), counted from 0, replaced with {@code with}, whose
     * first {@code lead} lines come before the change's own; {@code rank} orders edits put in at the same place: the
     * name, then the description, then the change. An edit that replaces lines from where another is put in is made
     * first, so that what is put in stays before it.
     */
    private record Edit(int from, int to, List<String> with, int lead, int rank) {}

    /** The change's lines at the end of the changes, and the key when there is none. */
    private static Edit changeEdit(List<String> lines, Mapping m, List<String> item) {
        Integer keyLine = m.keyLines().get("changes");
        if (keyLine == null) {
            var with = new ArrayList<String>();
            with.add("changes:");
            with.addAll(indented(item, INDENT));
            return new Edit(lines.size(), lines.size(), with, 1, 2);
        }
        int k = keyLine - 1;
        String rest = withoutComment(lines.get(k).substring(lines.get(k).indexOf(':') + 1)).strip();
        if (rest.equals("[]")) {
            int after = deeperComments(lines, k, INDENT.length());
            var with = new ArrayList<String>();
            with.add("changes:");
            with.addAll(lines.subList(k + 1, after + 1));
            with.addAll(indented(item, INDENT));
            return new Edit(k, after + 1, with, with.size() - item.size(), 2);
        }
        String notAList = "the builder adds to a list of changes written a change a line ('- change: …'); write the"
                + " list so, or add the change by hand";
        if (!rest.isEmpty()) {
            throw refused(keyLine, notAList);
        }
        YamlNode value = m.get("changes");
        int end = valueEnd(m, "changes");
        String indent = INDENT;
        if (value instanceof Sequence s && !s.items().isEmpty()) {
            String firstItem = lines.subList(k + 1, end + 1).stream()
                    .filter(l -> !l.isBlank() && !l.strip().startsWith("#")).findFirst().orElse("");
            if (!firstItem.stripLeading().startsWith("-")) {
                throw refused(keyLine, notAList);
            }
            indent = firstItem.substring(0, firstItem.length() - firstItem.stripLeading().length());
        } else if (!(value instanceof Scalar s && (s.isNull() || s.text().isEmpty()))) {
            throw refused(keyLine, notAList);
        }
        int at = deeperComments(lines, end, indent.length()) + 1;
        return new Edit(at, at, indented(item, indent), 0, 2);
    }

    /**
     * A top-level key set to the lines given: in place of its value, or, when it is absent, inserted at line
     * {@code at} (from 0). A value of more lines than one is a block scalar, which would take the indented comments
     * after the old value for its own text: those go before the key.
     */
    private static Edit set(List<String> lines, Mapping m, List<Map.Entry<String, Integer>> keys, String key,
                            List<String> with, int at, int rank) {
        var present = keys.stream().filter(e -> e.getKey().equals(key)).findFirst();
        if (present.isPresent()) {
            int end = valueEnd(m, key);
            int after = with.size() > 1 ? deeperComments(lines, end, 0) : end;
            var moved = new ArrayList<>(lines.subList(end + 1, after + 1));
            moved.addAll(with);
            return new Edit(present.get().getValue() - 1, after + 1, moved, 0, rank);
        }
        return new Edit(at, at, with, 0, rank);
    }

    /**
     * The last line (from 0) of a top-level key's value, where the YAML parser found it to end: a block scalar's lines
     * are its own even when they look like comments; the blank lines and comments that close the value are not.
     */
    private static int valueEnd(Mapping m, String key) {
        return m.get(key).lastLine() - 1;
    }

    /**
     * The last line (from 0) of the comments indented deeper than {@code indent} columns that follow line {@code end}
     * (the blank lines among them, not those after them), or {@code end} when none follow. A block scalar written
     * right before them would read them as its own text, so what is added goes after them.
     */
    private static int deeperComments(List<String> lines, int end, int indent) {
        int last = end;
        for (int i = end + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            if (l.length() - l.stripLeading().length() <= indent || !l.strip().startsWith("#")) {
                break;
            }
            last = i;
        }
        return last;
    }

    /** A line's text before its comment, for a line that holds no quoted '#'. */
    private static String withoutComment(String s) {
        int hash = s.indexOf(" #");
        return s.strip().startsWith("#") ? "" : hash < 0 ? s : s.substring(0, hash);
    }

    private static InvalidScenarioException refused(int line, String message) {
        return new InvalidScenarioException("option", List.of(new Problem(line, message)));
    }

    /** The change as an item of the list: {@code - change: kind} and its keys under it. */
    private static List<String> item(Entry change) {
        var map = new LinkedHashMap<String, Object>();
        map.put("change", change.kind());
        map.putAll(change.keys());
        List<String> body = write(map);
        var out = new ArrayList<String>();
        for (int i = 0; i < body.size(); i++) {
            out.add((i == 0 ? "- " : "  ") + body.get(i));
        }
        return out;
    }

    private static List<String> emit(String key, String value) {
        var map = new LinkedHashMap<String, Object>();
        map.put(key, value);
        return write(map);
    }

    private static List<String> write(Map<String, Object> map) {
        try {
            return List.of(YAML.writeValueAsString(map).stripTrailing().split("\n", -1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change of strings, lists and mappings is always written", e);
        }
    }

    private static List<String> indented(List<String> lines, String indent) {
        return lines.stream().map(l -> l.isEmpty() ? l : indent + l).toList();
    }
}
