package trisec.geo.map;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import trisec.DomainException;
import trisec.geo.ImpactEllipse;
import trisec.geo.Region;
import trisec.geo.Territory;
import trisec.party.Party;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.WarningState;

/**
 * A map of the region for a warnings page, as SVG: the land of each party (Korea, Japan and the United States each
 * in a tint of its own, the others neutral), the coasts, a graticule, the seas named in the viewer's language, and
 * for each warning its launch point, ground track with T+ marks, predicted impact point with its error ellipse and,
 * once closed, its splashdown point, in the colour of the party that detected it.
 *
 * <p>A pure function: the same region, warnings, language and options give the same bytes. The SVG is safe to
 * inline in an HTML page: every text is escaped, it has no script, no style sheet (a {@code <style>} in inline SVG
 * would style the whole page), no id (two maps on one page cannot clash) and no external reference; it is
 * {@code role="img"} with a {@code <title>} and a {@code <desc>} in the viewer's language for screen readers.
 */
public final class WarningMap {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String SEA = "#E6EFF6";
    private static final String COAST = "#6E7F8C";
    private static final String GRATICULE = "#BACBD8";
    private static final String GRATICULE_LABEL = "#6F8496";
    private static final String SEA_LABEL = "#55738E";
    private static final String HALO = "#FFFFFF";
    /** Coasts and land are simplified to this many px: finer detail cannot be seen and only makes the SVG bigger. */
    private static final double SIMPLIFY_PX = 0.4;
    private static final int[] MARK_MINUTES = {1, 2, 5, 10, 15, 20, 30, 60};
    private static final int MAX_MARKS = 10;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private WarningMap() {}

    /** The map with {@link MapOptions#defaults()}. */
    public static String svg(Region region, List<MissileWarning> warnings, Locale language) {
        return svg(region, warnings, language, MapOptions.defaults());
    }

    /**
     * The map of these warnings, each drawn in its latest state, in the viewer's language (Korean, Japanese, else
     * English).
     *
     * @param region   the territories to draw
     * @param warnings the warnings to show, drawn in this order (a later one above an earlier one); several
     *                 parties' warnings of one launch each appear in their party's colour
     * @param language the viewer's language ({@code ko}, {@code ja}, {@code en}; any other reads English)
     * @param options  size, view, T+ interval
     */
    public static String svg(Region region, List<MissileWarning> warnings, Locale language, MapOptions options) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(options, "options");
        if (warnings == null || warnings.stream().anyMatch(Objects::isNull)) {
            throw new DomainException("a map needs a list of warnings, possibly empty, without gaps");
        }
        var text = MapText.of(language);
        var frame = MapFrame.fit(region, warnings, options);
        var svg = new Svg();
        svg.open("svg", "xmlns", SVG_NS, "viewBox", "0 0 " + frame.width + " " + frame.height,
                "width", Integer.toString(frame.width), "height", Integer.toString(frame.height), "role", "img",
                "lang", text.tag(), "xml:lang", text.tag(), "font-family", "sans-serif");
        svg.element("title", text.title());
        svg.element("desc", description(region, warnings, text));
        svg.empty("rect", "width", Integer.toString(frame.width), "height", Integer.toString(frame.height),
                "fill", SEA);
        land(svg, region, frame);
        outsideRegion(svg, region, frame);
        graticule(svg, frame);
        seaNames(svg, frame, text);
        landNames(svg, frame, text);
        var placedLabels = new ArrayList<double[]>();
        for (int i = 0; i < warnings.size(); i++) {
            int earlier = sameLaunch(warnings, i, 0, i);
            int later = sameLaunch(warnings, i, i + 1, warnings.size());
            warning(svg, frame, text, warnings.get(i), options, earlier % 2 == 0 ? 1 : -1,
                    2.2 + 2.0 * Math.min(3, later), placedLabels);
        }
        legend(svg, frame, text, warnings);
        scaleBar(svg, frame);
        svg.element("text", "Made with Natural Earth", "x", Svg.num(frame.width - 6.0),
                "y", Svg.num(frame.height - 6.0), "font-size", "9", "fill", "#8A8A8A", "text-anchor", "end");
        return svg.close("svg").toString();
    }

    // ---- the region ----

    static void land(Svg svg, Region region, MapFrame frame) {
        svg.open("g", "class", "trisec-land", "stroke", HALO, "stroke-width", "0.5", "stroke-linejoin", "round",
                "fill-rule", "evenodd");
        var coasts = new StringBuilder();
        for (Party party : region.parties()) {
            Territory t = region.territory(party);
            String land = Svg.pathData(simplified(frame.toPx(t.land())));
            if (!land.isEmpty()) {
                svg.empty("path", "data-party", party.code(), "fill", TrackColours.land(party), "d", land);
            }
            coasts.append(Svg.pathData(simplified(frame.toPx(t.coast()))));
        }
        svg.close("g");
        if (!coasts.isEmpty()) {
            svg.empty("path", "class", "trisec-coast", "fill", "none", "stroke", COAST, "stroke-width", "0.7",
                    "stroke-linejoin", "round", "d", coasts.toString());
        }
    }

    /**
     * Territories are known inside the region's box only: a land the box cuts (China, Russia) ends at its edge,
     * which is no coast. Beyond the box the map is veiled and the edge dashed, so nobody reads sea there.
     */
    static void outsideRegion(Svg svg, Region region, MapFrame frame) {
        var b = region.bounds();
        var ring = new ArrayList<double[]>();
        for (long k = Math.round(b.west() * 4); k <= Math.round(b.east() * 4); k++) {
            ring.add(frame.px(b.south(), k / 4.0));
        }
        for (long k = Math.round(b.south() * 4); k <= Math.round(b.north() * 4); k++) {
            ring.add(frame.px(k / 4.0, b.east()));
        }
        for (long k = Math.round(b.east() * 4); k >= Math.round(b.west() * 4); k--) {
            ring.add(frame.px(b.north(), k / 4.0));
        }
        for (long k = Math.round(b.north() * 4); k >= Math.round(b.south() * 4); k--) {
            ring.add(frame.px(k / 4.0, b.west()));
        }
        Geometry inside = frame.polygon(ring);
        String veil = Svg.pathData(frame.outside(inside));
        if (!veil.isEmpty()) {
            svg.empty("path", "class", "trisec-outside-region", "fill", HALO, "fill-opacity", "0.5", "d", veil);
            svg.empty("path", "fill", "none", "stroke", "#9AA5AE", "stroke-width", "0.8", "stroke-dasharray", "4 3",
                    "d", Svg.pathData(inside.getBoundary()));
        }
    }

    private static Geometry simplified(Geometry px) {
        return px.isEmpty() ? px : TopologyPreservingSimplifier.simplify(px, SIMPLIFY_PX);
    }

    static void graticule(Svg svg, MapFrame frame) {
        double span = Math.max(frame.east - frame.west, frame.north - frame.south);
        double step = span <= 20 ? 5 : span <= 50 ? 10 : 20;
        // Wider than the fitted box: the picture shows more than the box along one side.
        double west = Math.floor((frame.west - span) / step) * step;
        double east = frame.east + span;
        double south = Math.max(-80, Math.floor((frame.south - span) / step) * step);
        double north = Math.min(80, frame.north + span);
        var d = new StringBuilder();
        var labels = new Svg();
        for (long k = Math.round(west / step); k * step <= east; k++) {
            double lon = k * step;
            var points = new ArrayList<double[]>();
            for (long j = Math.round(south * 4); j <= Math.round(north * 4); j++) {
                points.add(frame.px(j / 4.0, lon));
            }
            Geometry line = frame.line(points);
            d.append(Svg.pathData(line));
            bottomEnd(line, frame).ifPresent(p -> labels.element("text", degrees(lon, 'E', 'W'), "x", Svg.num(p[0]),
                    "y", Svg.num(frame.height - 4.0), "text-anchor", "middle"));
        }
        for (long k = Math.round(south / step); k * step <= north; k++) {
            double lat = k * step;
            var points = new ArrayList<double[]>();
            for (long j = Math.round(west * 4); j <= Math.round(east * 4); j++) {
                points.add(frame.px(lat, j / 4.0));
            }
            Geometry line = frame.line(points);
            d.append(Svg.pathData(line));
            leftEnd(line, frame).ifPresent(p -> labels.element("text", degrees(lat, 'N', 'S'), "x", "4",
                    "y", Svg.num(p[1] - 3)));
        }
        svg.empty("path", "class", "trisec-graticule", "fill", "none", "stroke", GRATICULE, "stroke-width", "0.5",
                "d", d.toString());
        svg.open("g", "font-size", "10", "fill", GRATICULE_LABEL);
        svg.raw(labels);
        svg.close("g");
    }

    /** Where a meridian leaves the picture at the bottom, clear of the scale bar and the attribution. */
    private static Optional<double[]> bottomEnd(Geometry line, MapFrame frame) {
        double[] best = null;
        for (var c : line.getCoordinates()) {
            if (best == null || c.y > best[1]) {
                best = new double[] {c.x, c.y};
            }
        }
        return Optional.ofNullable(best)
                .filter(p -> p[1] >= frame.height - 1 && p[0] > 190 && p[0] < frame.width - 130);
    }

    /** Where a parallel leaves the picture on the left. */
    private static Optional<double[]> leftEnd(Geometry line, MapFrame frame) {
        double[] best = null;
        for (var c : line.getCoordinates()) {
            if (best == null || c.x < best[0]) {
                best = new double[] {c.x, c.y};
            }
        }
        return Optional.ofNullable(best).filter(p -> p[0] <= 1 && p[1] > 16 && p[1] < frame.height - 40);
    }

    /** 35°N, 130°E, 170°W; 0° and 180° without a side. */
    static String degrees(double value, char positive, char negative) {
        double v = value;
        if (positive == 'E') {
            v = GreatCircle.normalizedLongitude(value);
            if (v == -180) {
                return "180°";
            }
        }
        long whole = Math.round(Math.abs(v));
        return whole == 0 ? "0°" : whole + "°" + (v > 0 ? positive : negative);
    }

    private record Place(double lat, double lon) {}

    private static final List<Place> EAST_SEA = List.of(new Place(38.2, 133.6), new Place(40.0, 135.5));
    private static final List<Place> YELLOW_SEA = List.of(new Place(35.6, 123.8));
    private static final List<Place> EAST_CHINA_SEA = List.of(new Place(29.6, 125.6));
    private static final List<Place> PACIFIC = List.of(new Place(36.5, 146.0), new Place(33.2, 141.8),
            new Place(39.0, 143.9), new Place(30.0, 150.0));
    private static final List<Place> OKHOTSK = List.of(new Place(51.0, 148.5));
    private static final List<Place> PHILIPPINE_SEA = List.of(new Place(21.0, 132.0));

    static void seaNames(Svg svg, MapFrame frame, MapText text) {
        svg.open("g", "class", "trisec-seas", "fill", SEA_LABEL, "font-size", "13", "font-style", "italic",
                "text-anchor", "middle");
        seaName(svg, frame, text.sea(MapText.Sea.EAST_SEA), EAST_SEA);
        seaName(svg, frame, text.sea(MapText.Sea.YELLOW_SEA), YELLOW_SEA);
        seaName(svg, frame, text.sea(MapText.Sea.EAST_CHINA_SEA), EAST_CHINA_SEA);
        seaName(svg, frame, text.sea(MapText.Sea.PACIFIC), PACIFIC);
        seaName(svg, frame, text.sea(MapText.Sea.OKHOTSK), OKHOTSK);
        seaName(svg, frame, text.sea(MapText.Sea.PHILIPPINE_SEA), PHILIPPINE_SEA);
        svg.close("g");
    }

    /** At the first of the places where the whole name fits in the picture; nowhere if none does. */
    private static void seaName(Svg svg, MapFrame frame, String name, List<Place> places) {
        for (Place place : places) {
            double[] p = frame.px(place.lat(), place.lon());
            if (frame.inside(p, textWidth(name, 13) / 2 + 4, 14)) {
                svg.element("text", name, "x", Svg.num(p[0]), "y", Svg.num(p[1]));
                return;
            }
        }
    }

    static void landNames(Svg svg, MapFrame frame, MapText text) {
        svg.open("g", "class", "trisec-land-names", "font-size", "12", "text-anchor", "middle",
                "paint-order", "stroke", "stroke", HALO, "stroke-width", "2.5", "stroke-linejoin", "round");
        landName(svg, frame, Party.of("KOR"), text.party(Party.of("KOR")), new Place(36.3, 127.9));
        landName(svg, frame, Party.of("JPN"), text.party(Party.of("JPN")), new Place(36.2, 138.4));
        landName(svg, frame, Party.of("USA"), text.guam(), new Place(13.0, 144.7));
        landName(svg, frame, Party.of("PRK"), text.party(Party.of("PRK")), new Place(40.3, 127.1));
        landName(svg, frame, Party.of("CHN"), text.party(Party.of("CHN")), new Place(42.6, 123.6));
        landName(svg, frame, Party.of("RUS"), text.party(Party.of("RUS")), new Place(45.6, 135.4));
        svg.close("g");
    }

    private static void landName(Svg svg, MapFrame frame, Party party, String name, Place place) {
        double[] p = frame.px(place.lat(), place.lon());
        if (frame.inside(p, textWidth(name, 12) / 2 + 2, 12)) {
            svg.element("text", name, "x", Svg.num(p[0]), "y", Svg.num(p[1]),
                    "fill", TrackColours.label(party).orElse(TrackColours.NEUTRAL_LABEL));
        }
    }

    // ---- the warnings ----

    /**
     * How many of the warnings {@code from} (inclusive) to {@code to} (exclusive) are of the same launch as warning
     * {@code i}: launched within 10 km and detected within 10 minutes of it. Their tracks coincide, so each is drawn
     * narrower than the one below it and their T+ labels go to alternate sides.
     */
    private static int sameLaunch(List<MissileWarning> warnings, int i, int from, int to) {
        MissileWarning w = warnings.get(i);
        int n = 0;
        for (int j = from; j < to; j++) {
            MissileWarning other = warnings.get(j);
            if (j != i && GreatCircle.distanceKm(w.current().flight().launchPoint(),
                    other.current().flight().launchPoint()) <= 10
                    && Duration.between(w.detection().at(), other.detection().at()).abs().toMinutes() < 10) {
                n++;
            }
        }
        return n;
    }

    private static void warning(Svg svg, MapFrame frame, MapText text, MissileWarning w, MapOptions options,
                                int side, double trackWidth, List<double[]> placedLabels) {
        WarningState state = w.current();
        FlightPrediction flight = state.flight();
        String colour = TrackColours.of(w.detectingParty());
        svg.open("g", "class", "trisec-warning", "data-track", w.track().value(), "data-party",
                w.detectingParty().code());

        List<double[]> ellipse = new ArrayList<>();
        for (GeoPoint p : ImpactEllipse.outline(state.impact())) {
            ellipse.add(frame.px(p));
        }
        String ellipsePath = Svg.pathData(frame.polygon(ellipse));
        if (!ellipsePath.isEmpty()) {
            svg.empty("path", "class", "trisec-ellipse", "fill", colour, "fill-opacity", "0.18", "stroke", colour,
                    "stroke-width", "1.2", "d", ellipsePath);
        }

        List<double[]> track = new ArrayList<>();
        for (GeoPoint p : flight.groundTrack()) {
            track.add(frame.px(p));
        }
        String trackPath = Svg.pathData(frame.line(track));
        if (!trackPath.isEmpty()) {
            svg.empty("path", "class", "trisec-track", "fill", "none", "stroke", colour, "stroke-width",
                    Svg.num(trackWidth),
                    "stroke-linecap", "round", "stroke-linejoin", "round", "d", trackPath);
        }

        double[] launch = frame.px(flight.launchPoint());
        if (frame.inside(launch, 0, 0)) {
            svg.empty("path", "class", "trisec-launch", "fill", colour, "stroke", HALO, "stroke-width", "1",
                    "d", Svg.pathData(List.of(new double[] {launch[0], launch[1] - 7},
                            new double[] {launch[0] + 6, launch[1] + 4}, new double[] {launch[0] - 6, launch[1] + 4}),
                            true));
        }
        double[] impact = frame.px(state.impact().point());
        if (frame.inside(impact, 0, 0)) {
            double r = 5;
            svg.empty("path", "class", "trisec-impact", "fill", "none", "stroke", colour, "stroke-width", "2.2",
                    "stroke-linecap", "round", "d", Svg.pathData(List.of(new double[] {impact[0] - r, impact[1] - r},
                            new double[] {impact[0] + r, impact[1] + r}), false)
                            + Svg.pathData(List.of(new double[] {impact[0] - r, impact[1] + r},
                            new double[] {impact[0] + r, impact[1] - r}), false));
            String label = text.tPlus(flight.flightTime().toSeconds());
            double lx = impact[0] + 8;
            double ly = impact[1] + (side > 0 ? 16 : -8);
            if (place(placedLabels, lx, ly - 10, textWidth(label, 11), 12)) {
                svg.element("text", label, "x", Svg.num(lx), "y", Svg.num(ly), "font-size", "11",
                        "font-weight", "bold", "fill", colour, "paint-order", "stroke", "stroke", HALO,
                        "stroke-width", "2.5");
            }
        }
        marks(svg, frame, text, flight, colour, options, side, placedLabels);
        if (w.closure().orElse(null) instanceof Closure.Splashdown s) {
            double[] p = frame.px(s.point());
            if (frame.inside(p, 0, 0)) {
                double r = 6;
                svg.empty("path", "class", "trisec-splashdown", "fill", colour, "stroke", "#1A1A1A",
                        "stroke-width", "1", "d", Svg.pathData(List.of(new double[] {p[0], p[1] - r},
                                new double[] {p[0] + r, p[1]}, new double[] {p[0], p[1] + r},
                                new double[] {p[0] - r, p[1]}), true));
            }
        }
        svg.close("g");
    }

    /**
     * T+ marks along the ground track, placed at a constant ground speed (range over flight time), as a drag-free
     * ballistic flight over a flat Earth would fly; the boost phase and the Earth's curvature make the real
     * positions differ a little. Labels go to one side of the track, the next warning's to the other.
     */
    private static void marks(Svg svg, MapFrame frame, MapText text, FlightPrediction flight, String colour,
                              MapOptions options, int side, List<double[]> placedLabels) {
        long flightSeconds = flight.flightTime().toSeconds();
        Duration interval = options.markInterval().orElseGet(() -> interval(flight.flightTime()));
        long step = interval.toSeconds();
        if (flightSeconds <= 0 || step <= 0 || flight.rangeKm() <= 0) {
            return;
        }
        var dots = new Svg();
        var labels = new Svg();
        int count = 0;
        for (long t = step; t < flightSeconds && count < 1000; t += step, count++) {
            double fraction = (double) t / flightSeconds;
            double[] p = frame.px(at(flight, fraction));
            if (!frame.inside(p, 0, 0)) {
                continue;
            }
            double[] before = frame.px(at(flight, Math.max(0, fraction - 0.01)));
            double[] after = frame.px(at(flight, Math.min(1, fraction + 0.01)));
            double dx = after[0] - before[0];
            double dy = after[1] - before[1];
            double length = Math.hypot(dx, dy);
            double nx = length > 0 ? -dy / length : 0;
            double ny = length > 0 ? dx / length : -1;
            dots.empty("circle", "cx", Svg.num(p[0]), "cy", Svg.num(p[1]), "r", "2.6");
            String label = text.tPlus(t);
            double lx = p[0] + side * nx * 11;
            double ly = p[1] + side * ny * 11 + 3.5;
            double width = textWidth(label, 10);
            // A label that would cover another is left out; its dot stays.
            if (place(placedLabels, lx - width / 2, ly - 9, width, 11)) {
                labels.element("text", label, "x", Svg.num(lx), "y", Svg.num(ly));
            }
        }
        svg.open("g", "class", "trisec-marks", "fill", HALO, "stroke", colour, "stroke-width", "1.5");
        svg.raw(dots);
        svg.close("g");
        svg.open("g", "class", "trisec-mark-labels", "font-size", "10", "fill", colour, "text-anchor", "middle",
                "paint-order", "stroke", "stroke", HALO, "stroke-width", "2.5", "stroke-linejoin", "round");
        svg.raw(labels);
        svg.close("g");
    }

    /** Takes the box {x, y, w, h} for a label unless it overlaps one taken before. */
    static boolean place(List<double[]> placed, double x, double y, double w, double h) {
        for (double[] b : placed) {
            if (x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h) {
                return false;
            }
        }
        placed.add(new double[] {x, y, w, h});
        return true;
    }

    private static GeoPoint at(FlightPrediction flight, double fraction) {
        return GreatCircle.destination(flight.launchPoint(), flight.azimuthDeg(), flight.rangeKm() * fraction);
    }

    /** The shortest of 1, 2, 5, 10, 15, 20, 30, 60 minutes that puts at most ten marks on the flight. */
    static Duration interval(Duration flightTime) {
        for (int minutes : MARK_MINUTES) {
            if (flightTime.toSeconds() / (minutes * 60.0) <= MAX_MARKS) {
                return Duration.ofMinutes(minutes);
            }
        }
        return Duration.ofMinutes(MARK_MINUTES[MARK_MINUTES.length - 1]);
    }

    // ---- legend, scale, description ----

    private static void legend(Svg svg, MapFrame frame, MapText text, List<MissileWarning> warnings) {
        var lines = new ArrayList<String>();
        for (MissileWarning w : warnings) {
            lines.add(text.party(w.detectingParty()) + " " + w.track() + " · "
                    + w.current().missileType().orElse(text.unknownType()) + " · " + status(w, text));
        }
        if (warnings.isEmpty()) {
            lines.add(text.noWarning());
        }
        boolean anySplashdown = warnings.stream().anyMatch(w -> w.closure().orElse(null) instanceof Closure.Splashdown);
        var keys = new ArrayList<String>(List.of(text.launchPoint(), text.predictedImpact()));
        if (anySplashdown) {
            keys.add(text.splashdownPoint());
        }
        double lineHeight = 17;
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, textWidth(line, 12));
        }
        for (String key : keys) {
            width = Math.max(width, textWidth(key, 11));
        }
        width = Math.min(width + 34, frame.width - 20);
        double height = lineHeight * (lines.size() + (warnings.isEmpty() ? 0 : keys.size())) + 12;
        double[] corner = legendCorner(frame, warnings, width, height);
        double x = corner[0];
        double y = corner[1];
        svg.open("g", "class", "trisec-legend", "font-size", "12", "fill", "#222222");
        svg.empty("rect", "x", Svg.num(x), "y", Svg.num(y), "width", Svg.num(width), "height", Svg.num(height),
                "rx", "4", "fill", HALO, "fill-opacity", "0.88", "stroke", "#9AA5AE", "stroke-width", "0.6");
        double row = y + 6 + lineHeight / 2;
        for (int i = 0; i < lines.size(); i++) {
            if (!warnings.isEmpty()) {
                String colour = TrackColours.of(warnings.get(i).detectingParty());
                svg.empty("path", "fill", "none", "stroke", colour, "stroke-width", "3", "d",
                        Svg.pathData(List.of(new double[] {x + 8, row}, new double[] {x + 24, row}), false));
            }
            svg.element("text", lines.get(i), "x", Svg.num(x + 30), "y", Svg.num(row + 4));
            row += lineHeight;
        }
        if (!warnings.isEmpty()) {
            double kx = x + 16;
            svg.empty("path", "fill", "#555555", "d", Svg.pathData(List.of(new double[] {kx, row - 6},
                    new double[] {kx + 5, row + 4}, new double[] {kx - 5, row + 4}), true));
            svg.element("text", keys.get(0), "x", Svg.num(x + 30), "y", Svg.num(row + 4), "font-size", "11");
            row += lineHeight;
            svg.empty("path", "fill", "#555555", "fill-opacity", "0.2", "stroke", "#555555", "d",
                    Svg.pathData(ellipseIcon(kx, row), true));
            svg.element("text", keys.get(1), "x", Svg.num(x + 30), "y", Svg.num(row + 4), "font-size", "11");
            row += lineHeight;
            if (anySplashdown) {
                svg.empty("path", "fill", "#555555", "stroke", "#1A1A1A", "d", Svg.pathData(List.of(
                        new double[] {kx, row - 5}, new double[] {kx + 5, row}, new double[] {kx, row + 5},
                        new double[] {kx - 5, row}), true));
                svg.element("text", keys.get(2), "x", Svg.num(x + 30), "y", Svg.num(row + 4), "font-size", "11");
            }
        }
        svg.close("g");
    }

    private static List<double[]> ellipseIcon(double cx, double cy) {
        var points = new ArrayList<double[]>();
        for (int i = 0; i < 16; i++) {
            double a = 2 * Math.PI * i / 16;
            points.add(new double[] {cx + 7 * Math.cos(a), cy + 4 * Math.sin(a)});
        }
        return points;
    }

    /**
     * The corner where the legend hides least of the warnings: top left, top right, then the bottom ones (above
     * the scale bar and the attribution); ties go to the earlier.
     */
    private static double[] legendCorner(MapFrame frame, List<MissileWarning> warnings, double width, double height) {
        double right = Math.max(8, frame.width - width - 8);
        double[][] corners = {
                {8, 8}, {right, 8},
                {8, Math.max(8, frame.height - height - 34)}, {right, Math.max(8, frame.height - height - 20)}};
        var points = new ArrayList<double[]>();
        for (MissileWarning w : warnings) {
            for (GeoPoint p : w.current().flight().groundTrack()) {
                points.add(frame.px(p));
            }
            for (GeoPoint p : ImpactEllipse.outline(w.current().impact())) {
                points.add(frame.px(p));
            }
        }
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int hidden = 0;
            for (double[] p : points) {
                if (p[0] >= c[0] - 6 && p[0] <= c[0] + width + 6 && p[1] >= c[1] - 6 && p[1] <= c[1] + height + 6) {
                    hidden++;
                }
            }
            if (hidden < fewest) {
                fewest = hidden;
                best = c;
            }
        }
        return best;
    }

    private static final int[] SCALE_KM = {10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000};

    /** A bar of a round number of km, true at the middle latitude of the view (a conformal conic varies a little). */
    static void scaleBar(Svg svg, MapFrame frame) {
        double pxPerKm = frame.pxPerKm((frame.south + frame.north) / 2);
        int km = SCALE_KM[0];
        for (int candidate : SCALE_KM) {
            if (candidate * pxPerKm <= 160) {
                km = candidate;
            }
        }
        double length = km * pxPerKm;
        double x = 12;
        double y = frame.height - 14;
        svg.open("g", "class", "trisec-scale", "stroke", "#333333", "stroke-width", "1.5", "fill", "#333333",
                "font-size", "10");
        svg.empty("path", "fill", "none", "d", Svg.pathData(List.of(new double[] {x, y - 4}, new double[] {x, y},
                new double[] {x + length, y}, new double[] {x + length, y - 4}), false));
        svg.element("text", km + " km", "x", Svg.num(x), "y", Svg.num(y - 7), "stroke", "none");
        svg.close("g");
    }

    private static String description(Region region, List<MissileWarning> warnings, MapText text) {
        if (warnings.isEmpty()) {
            return text.noWarning() + ".";
        }
        var parts = new ArrayList<String>();
        for (MissileWarning w : warnings) {
            WarningState state = w.current();
            FlightPrediction flight = state.flight();
            ErrorEllipse e = state.impactEllipse();
            var overflown = new ArrayList<String>();
            for (Party p : region.overflown(flight.groundTrack())) {
                overflown.add(text.party(p));
            }
            parts.add(text.summary(text.party(w.detectingParty()), w.track().value(),
                    state.missileType().orElse(text.unknownType()), place(flight.launchPoint()),
                    UTC.format(w.detection().at()), place(state.impact().point()),
                    whole(e.semiMajorKm()) + " × " + whole(e.semiMinorKm()), whole(flight.rangeKm()),
                    whole(flight.apogeeKm()), minutes(flight.flightTime()),
                    overflown.isEmpty() ? text.none() : String.join(text.listSeparator(), overflown),
                    status(w, text)));
        }
        return String.join(" ", parts);
    }

    private static String status(MissileWarning w, MapText text) {
        return switch (w.closure().orElse(null)) {
            case null -> text.tracking();
            case Closure.Splashdown s -> text.splashdown() + " " + UTC.format(s.at()) + " UTC";
            case Closure.TrackLost l -> text.trackLost() + " " + UTC.format(l.at()) + " UTC";
        };
    }

    /** 39.25°N 125.87°E. */
    private static String place(GeoPoint p) {
        return String.format(Locale.ROOT, "%.2f°%s %.2f°%s", Math.abs(p.latitude()), p.latitude() < 0 ? "S" : "N",
                Math.abs(p.longitude()), p.longitude() < 0 ? "W" : "E");
    }

    private static String whole(double km) {
        return Long.toString(Math.round(km));
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? Long.toString(seconds / 60) : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }

    /** About how wide a text is in px: Hangul and CJK a full em, Latin a little over half. */
    static double textWidth(String s, double fontSize) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            em += c >= 0x1100 ? 1.0 : c == ' ' ? 0.3 : 0.58;
            i += Character.charCount(c);
        }
        return em * fontSize;
    }
}
