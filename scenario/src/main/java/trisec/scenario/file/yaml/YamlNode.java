package trisec.scenario.file.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so that every problem can name its line. */
public sealed interface YamlNode {

    int line();

    /** How the value is described in a message: "a mapping", "a list", "a value". */
    String kind();

    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public String kind() {
            return "a mapping";
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        /** The line of a key, or of the mapping itself when the key is absent. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is empty for an explicit null. */
    record Scalar(int line, String text, boolean isNull) implements YamlNode {
        public String kind() {
            return isNull ? "empty" : "a value";
        }
    }
}
