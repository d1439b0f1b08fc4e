package trisec.node.web;

import java.util.List;

/**
 * The UN Command–Rear page's model: the date looked at, the bases on it (every text in the viewer's language), the
 * region map with a marker for each that has a position, and the option they are also shown under, when one is
 * ({@code option} null otherwise).
 */
public record UncView(String at, String atText, long covered, List<Line> lines, String map, Under option) {
    public UncView {
        lines = List.copyOf(lines);
    }

    /** The saved option the bases are shown under: its id, name and marking, and how many bases it leaves covered. */
    public record Under(String id, String name, String banner, String css, long covered) {}

    /**
     * One base's row; {@code statusCode} and {@code css} for machines and colour; {@code onMap} false for a site the
     * scenario gives no position, which has no marker; the {@code under…} fields its status under the option (empty
     * without one), {@code changed} whether that differs.
     */
    public record Line(String name, String location, boolean onMap, String host, String role, String agreementId,
                       String agreement, String status, String statusCode, String css, String underStatus,
                       String underCode, String underCss, boolean changed) {}
}
