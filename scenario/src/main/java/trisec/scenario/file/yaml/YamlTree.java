package trisec.scenario.file.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import trisec.scenario.file.Problem;

/**
 * Reads YAML into a tree of {@link YamlNode}s that remember their lines. Jackson's own tree forgets locations,
 * which a validator that names lines cannot afford, so this walks the token stream instead.
 */
public final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {}

    /** The root node, or the problems that stop the text from being read as YAML at all. */
    public static YamlNode parse(String text, List<Problem> problems) {
        try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Problem(1, "the file is empty"));
                return null;
            }
            YamlNode root = read(p, text.split("\r\n|\r|\n", -1), problems);
            if (p.nextToken() != null) {
                problems.add(new Problem(line(p), "only one YAML document is allowed"));
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(new Problem(line, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(1, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static YamlNode read(JsonParser p, String[] lines, List<Problem> problems) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                var entries = new LinkedHashMap<String, YamlNode>();
                var keyLines = new LinkedHashMap<String, Integer>();
                int last = line;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    YamlNode value = read(p, lines, problems);
                    last = value.lastLine();
                    if (entries.containsKey(key)) {
                        problems.add(new Problem(keyLine, "key '" + key + "' appears twice (first on line "
                                + keyLines.get(key) + ")"));
                        continue;
                    }
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(line, entries, keyLines, closed(p, last));
            }
            case START_ARRAY -> {
                var items = new ArrayList<YamlNode>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, lines, problems));
                }
                return new YamlNode.Sequence(line, items, closed(p, items.isEmpty() ? line : items.getLast().lastLine()));
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, "", true, line);
            }
            default -> {
                String text = p.getText();
                return new YamlNode.Scalar(line, text, false, scalarEnd(p, line, text, lines));
            }
        }
    }

    /**
     * The last line of a collection just closed: its closing bracket when it is a flow collection, whose end is a
     * token that takes room; else its last item's, as a block collection's end takes none (the parser places it where
     * the next thing begins, past any comments).
     */
    private static int closed(JsonParser p, int lastItem) {
        JsonLocation start = p.currentTokenLocation();
        JsonLocation end = p.currentLocation();
        boolean bracket = end.getLineNr() != start.getLineNr() || end.getColumnNr() != start.getColumnNr();
        return bracket ? Math.max(lastItem, end.getLineNr()) : lastItem;
    }

    /**
     * The last line of a scalar. The parser ends a plain or quoted scalar just after its last character, and a block
     * scalar ({@code |}, {@code >}) at the start of the line after its trailing line breaks; of those trailing blank
     * lines, only the ones its value keeps ({@code |+}) are its own.
     */
    private static int scalarEnd(JsonParser p, int line, String text, String[] lines) {
        JsonLocation end = p.currentLocation();
        int last = end.getColumnNr() <= 1 && end.getLineNr() > line ? end.getLineNr() - 1 : end.getLineNr();
        last = Math.min(Math.max(last, line), lines.length);
        int newlines = 0;
        while (newlines < text.length() && text.charAt(text.length() - 1 - newlines) == '\n') {
            newlines++;
        }
        int kept = Math.max(0, newlines - 1);
        int blank = 0;
        while (last - blank > line && lines[last - blank - 1].isBlank()) {
            blank++;
        }
        return last - Math.max(0, blank - kept);
    }
}
