package trisec.scenario.file.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that every problem can name its line, and the last line its text takes
 * up, so that a writer can tell where it ends.
 */
public sealed interface YamlNode {

    int line();

    /**
     * The last line (from 1) of the value's text as the parser found it: a block scalar's lines, all of them, whatever
     * they look like ({@code # 1 of 2} in a {@code |} note is text, not a comment); a flow collection's closing
     * bracket; a block collection's last item. Comments and blank lines after the value are not part of it, save the
     * blank lines a keeping block scalar ({@code |+}) holds.
     */
    int lastLine();

    /** How the value is described in a message: "a mapping", "a list", "a value". */
    String kind();

    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines, int lastLine)
            implements YamlNode {
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

    record Sequence(int line, List<YamlNode> items, int lastLine) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is empty for an explicit null. */
    record Scalar(int line, String text, boolean isNull, int lastLine) implements YamlNode {
        public String kind() {
            return isNull ? "empty" : "a value";
        }
    }
}
