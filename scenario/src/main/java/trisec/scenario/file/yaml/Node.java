package trisec.scenario.file.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so that every problem can name its line. */
public sealed interface Node {

    int line();

    /** How the value is described in a message: "a mapping", "a list", "a value". */
    String kind();

    record Mapping(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        public String kind() {
            return "a mapping";
        }

        public Node get(String key) {
            return entries.get(key);
        }

        /** The line of a key, or of the mapping itself when the key is absent. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    record Sequence(int line, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is empty for an explicit null. */
    record Scalar(int line, String text, boolean isNull) implements Node {
        public String kind() {
            return isNull ? "empty" : "a value";
        }
    }
}
