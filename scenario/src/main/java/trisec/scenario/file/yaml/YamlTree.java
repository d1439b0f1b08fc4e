package trisec.scenario.file.yaml;

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
            YamlNode root = read(p, problems);
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

    private static YamlNode read(JsonParser p, List<Problem> problems) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                var entries = new LinkedHashMap<String, YamlNode>();
                var keyLines = new LinkedHashMap<String, Integer>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    YamlNode value = read(p, problems);
                    if (entries.containsKey(key)) {
                        problems.add(new Problem(keyLine, "key '" + key + "' appears twice (first on line "
                                + keyLines.get(key) + ")"));
                        continue;
                    }
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(line, entries, keyLines);
            }
            case START_ARRAY -> {
                var items = new ArrayList<YamlNode>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, problems));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, "", true);
            }
            default -> {
                return new YamlNode.Scalar(line, p.getText(), false);
            }
        }
    }
}
