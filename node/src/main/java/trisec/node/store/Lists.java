package trisec.node.store;

import java.util.Arrays;
import java.util.List;

/** Lists stored as comma-separated text (party codes, topics, agreement ids, roles: none contains a comma). */
public final class Lists {
    private Lists() {}

    public static String join(List<String> values) {
        for (String v : values) {
            if (v.contains(",")) {
                throw new IllegalArgumentException("a stored list value contains a comma: " + v);
            }
        }
        return String.join(",", values);
    }

    public static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
