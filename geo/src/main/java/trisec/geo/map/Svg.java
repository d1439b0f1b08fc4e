package trisec.geo.map;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes SVG markup safe to inline in an HTML page: every attribute value and every text is escaped, so a missile
 * type of {@code <script>} arrives as text; characters XML 1.0 cannot hold become U+FFFD, so the document always
 * parses; numbers are written with one decimal at most, the same way on every machine.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** {@code <name a="v" …>}; attributes come in name, value pairs. */
    Svg open(String name, String... attributes) {
        tag(name, attributes);
        out.append('>');
        return this;
    }

    /** {@code <name a="v" …/>}. */
    Svg empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>");
        return this;
    }

    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name …>text</name>}. */
    Svg element(String name, String text, String... attributes) {
        open(name, attributes);
        out.append(escape(text));
        return close(name);
    }

    /** Everything another writer wrote, as it is. */
    Svg raw(Svg other) {
        out.append(other.out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void tag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    /** Text or an attribute value, escaped for XML and HTML alike. */
    static String escape(String text) {
        var b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0 § 2.2: tab, newline, carriage return, and the BMP from U+0020 less surrogates, U+FFFE and U+FFFF. */
    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** A length in px to one decimal, without a trailing ".0" and never "-0". */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        if (tenths == 0) {
            return "0";
        }
        long abs = Math.abs(tenths);
        String s = (tenths < 0 ? "-" : "") + abs / 10;
        return abs % 10 == 0 ? s : s + "." + abs % 10;
    }

    /** SVG path data for polygons (each ring closed) and lines, in px rounded to 0.1. */
    static String pathData(Geometry g) {
        var d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(d, p.getExteriorRing().getCoordinates(), true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(d, p.getInteriorRingN(h).getCoordinates(), true);
                }
            } else if (part instanceof LineString l) {
                ring(d, l.getCoordinates(), false);
            }
        }
        return d.toString();
    }

    /** Path data through points given as {x, y} px, closed or not. */
    static String pathData(List<double[]> points, boolean closed) {
        var c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.get(i)[0], points.get(i)[1]);
        }
        var d = new StringBuilder();
        ring(d, c, closed);
        return d.toString();
    }

    private static void ring(StringBuilder d, Coordinate[] coordinates, boolean closed) {
        var pieces = new StringBuilder();
        long lastX = Long.MIN_VALUE;
        long lastY = Long.MIN_VALUE;
        int kept = 0;
        int n = coordinates.length;
        if (closed && n > 1 && coordinates[0].equals2D(coordinates[n - 1])) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            long x = Math.round(coordinates[i].x * 10);
            long y = Math.round(coordinates[i].y * 10);
            if (x == lastX && y == lastY) {
                continue;
            }
            pieces.append(kept == 0 ? "M" : " ").append(num(x / 10.0)).append(',').append(num(y / 10.0));
            lastX = x;
            lastY = y;
            kept++;
        }
        // A ring needs three distinct corners and a line two points, once rounded, to show anything.
        if (kept >= (closed ? 3 : 2)) {
            d.append(pieces);
            if (closed) {
                d.append('Z');
            }
        }
    }
}
