package trisec.geo.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import trisec.DomainException;
import trisec.geo.Region;
import trisec.warning.GeoPoint;

/**
 * The region map of the warnings page with places marked on it instead of warnings: the same land, coasts,
 * graticule, sea and country names in the viewer's language and scale bar, and a marker for each place, filled while
 * it is active and hollow otherwise, with its name beside it (drawn away on a leader line where places crowd, as the
 * three bases on Okinawa do) and a legend of the statuses shown. The node's UN Command–Rear page draws the
 * UN-flagged bases with it.
 *
 * <p>A pure function, safe to inline in an HTML page for the same reasons as {@link WarningMap}: every text escaped,
 * no script, style sheet, id or external reference, {@code role="img"} with a title and a description.
 */
public final class SiteMap {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String SEA = "#E6EFF6";
    private static final String HALO = "#FFFFFF";
    /** The blue of the United Nations flag, for a place that is active. */
    static final String ACTIVE = "#4B92DB";
    static final String INACTIVE = "#8A8A8A";
    private static final double RADIUS = 5;
    private static final double LABEL_SIZE = 11;

    private SiteMap() {}

    /**
     * A place to mark.
     *
     * @param name   as the viewer reads it
     * @param point  where it is
     * @param active drawn filled when true, hollow when not (a base whose agreement is in force, say)
     * @param status a few words for the legend and the description ("in force", "terminated 1 June 2026")
     */
    public record Marker(String name, GeoPoint point, boolean active, String status) {
        public Marker {
            if (name == null || name.isBlank() || point == null || status == null) {
                throw new DomainException("a marker has a name, a point and a status");
            }
        }
    }

    /**
     * The map of these places, fitted to them (or the whole region with {@link MapOptions.View#REGION}).
     *
     * @param title    the map's title, in the viewer's language, for screen readers
     * @param markers  the places, drawn in this order
     * @param language the viewer's language ({@code ko}, {@code ja}, {@code en}; any other reads English)
     */
    public static String svg(Region region, String title, List<Marker> markers, Locale language, MapOptions options) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(options, "options");
        if (title == null || markers == null || markers.stream().anyMatch(Objects::isNull)) {
            throw new DomainException("a map of places needs a title and a list of markers without gaps");
        }
        var text = MapText.of(language);
        var frame = MapFrame.fitPoints(region, markers.stream().map(Marker::point).toList(), options);
        var svg = new Svg();
        svg.open("svg", "xmlns", SVG_NS, "viewBox", "0 0 " + frame.width + " " + frame.height,
                "width", Integer.toString(frame.width), "height", Integer.toString(frame.height), "role", "img",
                "lang", text.tag(), "xml:lang", text.tag(), "font-family", "sans-serif");
        svg.element("title", title);
        svg.element("desc", description(title, markers));
        svg.empty("rect", "width", Integer.toString(frame.width), "height", Integer.toString(frame.height),
                "fill", SEA);
        WarningMap.land(svg, region, frame);
        WarningMap.outsideRegion(svg, region, frame);
        WarningMap.graticule(svg, frame);
        WarningMap.seaNames(svg, frame, text);
        WarningMap.landNames(svg, frame, text);
        markers(svg, frame, markers);
        legend(svg, frame, markers);
        WarningMap.scaleBar(svg, frame);
        svg.element("text", "Made with Natural Earth", "x", Svg.num(frame.width - 6.0),
                "y", Svg.num(frame.height - 6.0), "font-size", "9", "fill", "#8A8A8A", "text-anchor", "end");
        return svg.close("svg").toString();
    }

    private static void markers(Svg svg, MapFrame frame, List<Marker> markers) {
        var px = new ArrayList<double[]>();
        // The markers first, so that no label is placed over one.
        var taken = new ArrayList<double[]>();
        for (Marker m : markers) {
            double[] p = frame.px(m.point());
            px.add(p);
            taken.add(new double[] {p[0] - RADIUS - 1, p[1] - RADIUS - 1, 2 * RADIUS + 2, 2 * RADIUS + 2});
        }
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            double[] p = px.get(i);
            if (!frame.inside(p, 0, 0)) {
                continue;
            }
            svg.open("g", "class", "trisec-site", "data-name", m.name(), "data-active", Boolean.toString(m.active()));
            double[] label = label(frame, p, WarningMap.textWidth(m.name(), LABEL_SIZE), taken);
            if (label[2] > 0) {
                // Placed away from its marker: a thin line leads from one to the other.
                svg.empty("path", "class", "trisec-leader", "fill", "none", "stroke", "#555555", "stroke-width", "0.6",
                        "d", Svg.pathData(List.of(new double[] {p[0], p[1]}, new double[] {label[3], label[4]}),
                                false));
            }
            svg.empty("circle", "class", "trisec-site-marker", "cx", Svg.num(p[0]), "cy", Svg.num(p[1]),
                    "r", Svg.num(RADIUS), "fill", m.active() ? ACTIVE : HALO, "stroke", m.active() ? HALO : INACTIVE,
                    "stroke-width", m.active() ? "1.2" : "1.8");
            svg.element("text", m.name(), "x", Svg.num(label[0]), "y", Svg.num(label[1]), "font-size",
                    Svg.num(LABEL_SIZE), "fill", "#222222", "paint-order", "stroke", "stroke", HALO, "stroke-width",
                    "2.5", "stroke-linejoin", "round");
            svg.close("g");
        }
    }

    /**
     * Where a marker's name goes: the first free place beside it, further out step by step. Returns the text's x
     * and baseline y, whether it is away from the marker (1) or beside it (0), and the point a leader line ends at.
     */
    private static double[] label(MapFrame frame, double[] p, double width, List<double[]> taken) {
        double h = LABEL_SIZE + 2;
        for (double r : new double[] {RADIUS + 3, 22, 38, 56, 76, 100}) {
            double[][] boxes = {
                    {p[0] + r, p[1] - h / 2}, {p[0] - r - width, p[1] - h / 2},
                    {p[0] + r * 0.7, p[1] - r * 0.7 - h}, {p[0] + r * 0.7, p[1] + r * 0.7},
                    {p[0] - r * 0.7 - width, p[1] - r * 0.7 - h}, {p[0] - r * 0.7 - width, p[1] + r * 0.7},
                    {p[0] - width / 2, p[1] - r - h}, {p[0] - width / 2, p[1] + r}};
            for (double[] b : boxes) {
                if (b[0] < 2 || b[1] < 2 || b[0] + width > frame.width - 2 || b[1] + h > frame.height - 24) {
                    continue;
                }
                if (WarningMap.place(taken, b[0], b[1], width, h)) {
                    boolean away = r > RADIUS + 3;
                    double endX = Math.max(b[0], Math.min(p[0], b[0] + width));
                    double endY = Math.max(b[1], Math.min(p[1], b[1] + h));
                    return new double[] {b[0], b[1] + h - 3, away ? 1 : 0, endX, endY};
                }
            }
        }
        // Nowhere free: beside the marker, over whatever is there.
        return new double[] {p[0] + RADIUS + 3, p[1] + 4, 0, p[0], p[1]};
    }

    /** One line per status shown, with the marker it is drawn with, in the corner that hides fewest markers. */
    private static void legend(Svg svg, MapFrame frame, List<Marker> markers) {
        Map<String, Boolean> statuses = new LinkedHashMap<>();
        markers.forEach(m -> statuses.putIfAbsent(m.status(), m.active()));
        if (statuses.isEmpty()) {
            return;
        }
        double lineHeight = 17;
        double width = 0;
        for (String s : statuses.keySet()) {
            width = Math.max(width, WarningMap.textWidth(s, 12));
        }
        width = Math.min(width + 34, frame.width - 20);
        double height = lineHeight * statuses.size() + 12;
        double right = Math.max(8, frame.width - width - 8);
        double[][] corners = {{8, 8}, {right, 8}, {8, Math.max(8, frame.height - height - 34)},
                {right, Math.max(8, frame.height - height - 20)}};
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int hidden = 0;
            for (Marker m : markers) {
                double[] p = frame.px(m.point());
                if (p[0] >= c[0] - 40 && p[0] <= c[0] + width + 40 && p[1] >= c[1] - 20 && p[1] <= c[1] + height + 20) {
                    hidden++;
                }
            }
            if (hidden < fewest) {
                fewest = hidden;
                best = c;
            }
        }
        svg.open("g", "class", "trisec-legend", "font-size", "12", "fill", "#222222");
        svg.empty("rect", "x", Svg.num(best[0]), "y", Svg.num(best[1]), "width", Svg.num(width), "height",
                Svg.num(height), "rx", "4", "fill", HALO, "fill-opacity", "0.88", "stroke", "#9AA5AE",
                "stroke-width", "0.6");
        double row = best[1] + 6 + lineHeight / 2;
        for (var e : statuses.entrySet()) {
            boolean active = e.getValue();
            svg.empty("circle", "cx", Svg.num(best[0] + 16), "cy", Svg.num(row), "r", Svg.num(RADIUS),
                    "fill", active ? ACTIVE : HALO, "stroke", active ? "#555555" : INACTIVE, "stroke-width",
                    active ? "0.8" : "1.8");
            svg.element("text", e.getKey(), "x", Svg.num(best[0] + 30), "y", Svg.num(row + 4));
            row += lineHeight;
        }
        svg.close("g");
    }

    /** The title, then each place: its name, where it is and its status. */
    private static String description(String title, List<Marker> markers) {
        var parts = new ArrayList<String>(List.of(title + "."));
        for (Marker m : markers) {
            GeoPoint p = m.point();
            parts.add(m.name() + String.format(Locale.ROOT, " (%.2f°%s %.2f°%s): ", Math.abs(p.latitude()),
                    p.latitude() < 0 ? "S" : "N", Math.abs(p.longitude()), p.longitude() < 0 ? "W" : "E")
                    + m.status() + ".");
        }
        return String.join(" ", parts);
    }
}
