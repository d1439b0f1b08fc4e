package trisec.node.web;

import java.util.List;

/**
 * The UN Command–Rear page's model: the date looked at, the bases on it (every text in the viewer's language) and
 * the region map with a marker for each that has a position.
 */
public record UncView(String at, String atText, long covered, List<Line> lines, String map) {
    public UncView {
        lines = List.copyOf(lines);
    }

    /**
     * One base's row; {@code statusCode} and {@code css} for machines and colour; {@code onMap} false for a site the
     * scenario gives no position, which has no marker.
     */
    public record Line(String name, String location, boolean onMap, String host, String role, String agreementId,
                       String agreement, String status, String statusCode, String css) {}
}
