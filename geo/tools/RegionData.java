// Makes geo/src/main/resources/trisec/geo/region-50m.txt from Natural Earth's 1:50m countries as the npm package
// world-atlas 2.0.2 carries them (countries-50m.json, TopoJSON). Not part of the build; see geo/tools/README.md.
//
//   java -cp jts-core-1.20.0.jar geo/tools/RegionData.java countries-50m.json > region-50m.txt
//
// For every country with land in the region it writes the party (ISO 3166-1 alpha-3), its land clipped to the
// region, and its coast: the TopoJSON arcs that bound only that country, so that land borders (the DMZ, the
// Yalu and Tumen, the Amur) are not coast, and neither is the region's edge where it cuts the land.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

public class RegionData {
    // The region: lon 115-160 E, lat 10-55 N. It holds the whole of Korea, Japan, Guam and the Northern Marianas
    // as Natural Earth draws them, so distances to their coasts are exact, and the coasts of China and Russia a
    // map shows.
    static final Envelope REGION = new Envelope(115, 160, 10, 55);

    // ISO 3166-1 numeric (world-atlas ids) to the party whose territory it is. Guam and the Northern Mariana
    // Islands are U.S. territory that Natural Earth lists apart.
    static final Map<String, String> PARTY = Map.of(
            "156", "CHN", "158", "TWN", "316", "USA", "392", "JPN", "408", "PRK",
            "410", "KOR", "496", "MNG", "580", "USA", "608", "PHL", "643", "RUS");

    // Four decimals of a degree, about 10 m: finer than the source's quantization (0.0036 by 0.0017 degrees).
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(1e4));

    public static void main(String[] args) throws IOException {
        @SuppressWarnings("unchecked")
        var topology = (Map<String, Object>) new Json(Files.readString(Path.of(args[0]))).value();
        List<Coordinate[]> arcs = arcs(topology);
        List<Map<String, Object>> countries = list(map(map(topology.get("objects")).get("countries")).get("geometries"));

        var uses = new HashMap<Integer, Integer>();
        for (var country : countries) {
            for (List<Object> ring : rings(country)) {
                for (Object arc : ring) {
                    uses.merge(index(arc), 1, Integer::sum);
                }
            }
        }

        var land = new TreeMap<String, List<Geometry>>();
        var coast = new TreeMap<String, List<Geometry>>();
        Geometry box = GF.toGeometry(REGION);
        for (var country : countries) {
            String id = String.valueOf(country.get("id"));
            Geometry shape = polygons(country, arcs);
            if (shape.isEmpty() || !shape.getEnvelopeInternal().intersects(REGION) || !shape.intersects(box)) {
                continue;
            }
            String party = PARTY.get(id);
            if (party == null) {
                throw new IllegalStateException("no party code for country " + id + " "
                        + map(country.get("properties")).get("name") + ", which has land in the region");
            }
            land.computeIfAbsent(party, p -> new ArrayList<>()).add(shape);
            for (List<Object> ring : rings(country)) {
                for (Object arc : ring) {
                    if (uses.get(index(arc)) == 1) {
                        coast.computeIfAbsent(party, p -> new ArrayList<>()).add(GF.createLineString(arcs.get(index(arc))));
                    }
                }
            }
        }

        var out = new StringBuilder();
        out.append("# Land and coast by party, lon 115-160 E, lat 10-55 N. Made with Natural Earth (public domain),\n")
                .append("# 1:50m admin 0 countries v4.1.0, via the npm package world-atlas 2.0.2 (countries-50m.json),\n")
                .append("# by geo/tools/RegionData.java. Format: the region's west, east, south and north edges, then for\n")
                .append("# each party a 'party' line (whole, or cut by the region's edge) and its 'land' and 'coast' in WKT.\n")
                .append(String.format(Locale.ROOT, "region %.0f %.0f %.0f %.0f%n", REGION.getMinX(), REGION.getMaxX(),
                        REGION.getMinY(), REGION.getMaxY()));
        var writer = new WKTWriter();
        writer.setPrecisionModel(GF.getPrecisionModel());
        for (String party : land.keySet()) {
            Geometry whole = GF.createGeometryCollection(land.get(party).toArray(Geometry[]::new)).union();
            Geometry clipped = polygonal(GeometryPrecisionReducer.reduce(whole.intersection(box), GF.getPrecisionModel()));
            boolean cut = !REGION.contains(whole.getEnvelopeInternal());
            Geometry shore = merged(GF.createGeometryCollection(
                    coast.getOrDefault(party, List.of()).toArray(Geometry[]::new)).intersection(box));
            if (!clipped.isValid()) {
                throw new IllegalStateException(party + "'s land is not valid after clipping");
            }
            out.append("party ").append(party).append(cut ? " cut" : " whole").append('\n');
            out.append("land ").append(writer.write(clipped)).append('\n');
            out.append("coast ").append(writer.write(shore)).append('\n');
            System.err.printf(Locale.ROOT, "%s: %d land points, %d coast points%s%n", party, clipped.getNumPoints(),
                    shore.getNumPoints(), cut ? " (cut by the region's edge)" : "");
        }
        System.out.print(out);
    }

    static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return GF.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    static Geometry merged(Geometry lines) {
        var merger = new LineMerger();
        merger.add(LinearComponentExtracter.getLines(lines));
        @SuppressWarnings("unchecked")
        var merged = new ArrayList<LineString>(merger.getMergedLineStrings());
        var reduced = new ArrayList<LineString>();
        for (LineString line : merged) {
            Geometry r = GeometryPrecisionReducer.reducePointwise(line, GF.getPrecisionModel());
            if (r instanceof LineString l && !l.isEmpty() && l.getLength() > 0) {
                reduced.add(l);
            }
        }
        return GF.createMultiLineString(reduced.toArray(LineString[]::new));
    }

    static int index(Object arc) {
        int i = ((Number) arc).intValue();
        return i >= 0 ? i : ~i;
    }

    /** The rings of a Polygon or MultiPolygon, each a list of arc indexes (negative: reversed). */
    static List<List<Object>> rings(Map<String, Object> geometry) {
        var out = new ArrayList<List<Object>>();
        Object type = geometry.get("type");
        if ("Polygon".equals(type)) {
            list(geometry.get("arcs")).forEach(r -> out.add(list(r)));
        } else if ("MultiPolygon".equals(type)) {
            list(geometry.get("arcs")).forEach(p -> list(p).forEach(r -> out.add(list(r))));
        }
        return out;
    }

    static Geometry polygons(Map<String, Object> geometry, List<Coordinate[]> arcs) {
        var polygons = new ArrayList<Geometry>();
        List<Object> parts = "Polygon".equals(geometry.get("type")) ? List.of(geometry.get("arcs"))
                : "MultiPolygon".equals(geometry.get("type")) ? list(geometry.get("arcs")) : List.of();
        for (Object part : parts) {
            List<LinearRing> rings = new ArrayList<>();
            for (Object ring : list(part)) {
                var coordinates = new ArrayList<Coordinate>();
                for (Object arc : list(ring)) {
                    int i = ((Number) arc).intValue();
                    Coordinate[] a = arcs.get(i >= 0 ? i : ~i);
                    List<Coordinate> points = new ArrayList<>(List.of(a));
                    if (i < 0) {
                        java.util.Collections.reverse(points);
                    }
                    coordinates.addAll(coordinates.isEmpty() ? points : points.subList(1, points.size()));
                }
                if (coordinates.size() >= 4) {
                    rings.add(GF.createLinearRing(coordinates.toArray(Coordinate[]::new)));
                }
            }
            if (!rings.isEmpty()) {
                polygons.add(GF.createPolygon(rings.getFirst(), rings.subList(1, rings.size()).toArray(LinearRing[]::new)));
            }
        }
        Geometry g = GF.createGeometryCollection(polygons.toArray(Geometry[]::new));
        return GeometryFixer.fix(g);
    }

    /** The arcs in degrees: TopoJSON quantizes them and stores each point as a delta from the one before. */
    static List<Coordinate[]> arcs(Map<String, Object> topology) {
        var transform = map(topology.get("transform"));
        List<Object> scale = list(transform.get("scale"));
        List<Object> translate = list(transform.get("translate"));
        double sx = ((Number) scale.get(0)).doubleValue(), sy = ((Number) scale.get(1)).doubleValue();
        double tx = ((Number) translate.get(0)).doubleValue(), ty = ((Number) translate.get(1)).doubleValue();
        var out = new ArrayList<Coordinate[]>();
        for (Object arc : list(topology.get("arcs"))) {
            List<Object> points = list(arc);
            var coordinates = new Coordinate[points.size()];
            long x = 0, y = 0;
            for (int k = 0; k < points.size(); k++) {
                List<Object> p = list(points.get(k));
                x += ((Number) p.get(0)).longValue();
                y += ((Number) p.get(1)).longValue();
                coordinates[k] = new Coordinate(x * sx + tx, y * sy + ty);
                GF.getPrecisionModel().makePrecise(coordinates[k]);
            }
            out.add(coordinates);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    /** Just enough JSON for a TopoJSON file: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    var m = new LinkedHashMap<String, Object>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        expect(':');
                        m.put(key, value());
                        skip();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[' -> {
                    var l = new ArrayList<Object>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        skip();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && ",]} \n\r\t".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> word.contains(".") || word.contains("e") || word.contains("E")
                                ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
                    };
                }
            }
        }

        private String string() {
            expect('"');
            var b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalStateException("expected '" + c + "' at " + i + ", got '" + s.charAt(i) + "'");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
