package trisec.geo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import trisec.DomainException;
import trisec.party.Party;

/**
 * Reads region data: comment lines ({@code #}), a {@code region WEST EAST SOUTH NORTH} line, then for each party a
 * {@code party CODE whole|cut} line followed by {@code land WKT} (polygons) and {@code coast WKT} (lines), in
 * longitude and latitude. Every problem is a {@link DomainException} naming the source and line.
 */
final class RegionFile {
    private final String source;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final WKTReader wkt = new WKTReader(factory);
    private Bounds bounds;
    private final Map<Party, Territory> territories = new LinkedHashMap<>();
    private Party party;
    private boolean cut;
    private Geometry land;
    private int partyLine;

    private RegionFile(String source) {
        this.source = source;
    }

    static Region read(String source, String text) {
        return new RegionFile(source).parse(text);
    }

    private Region parse(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            switch (keyword) {
                case "region" -> region(number, rest);
                case "party" -> party(number, rest);
                case "land" -> land(number, rest);
                case "coast" -> coast(number, rest);
                default -> throw problem(number, "unknown line '" + keyword + "' (expected region, party, land or coast)");
            }
        }
        if (party != null) {
            throw problem(partyLine, "party " + party + " needs its land and coast lines");
        }
        if (bounds == null) {
            throw problem(1, "no region line");
        }
        if (territories.isEmpty()) {
            throw problem(1, "no party");
        }
        return new Region(bounds, territories);
    }

    private void region(int line, String rest) {
        if (bounds != null) {
            throw problem(line, "a second region line");
        }
        String[] edges = rest.split("\\s+");
        if (edges.length != 4) {
            throw problem(line, "the region line has four numbers: west, east, south and north");
        }
        try {
            bounds = new Bounds(Double.parseDouble(edges[0]), Double.parseDouble(edges[1]),
                    Double.parseDouble(edges[2]), Double.parseDouble(edges[3]));
        } catch (IllegalArgumentException e) {
            throw problem(line, e.getMessage());
        }
    }

    private void party(int line, String rest) {
        if (bounds == null) {
            throw problem(line, "the region line comes before the parties");
        }
        if (party != null) {
            throw problem(line, "party " + party + " (line " + partyLine + ") needs its land and coast lines first");
        }
        String[] words = rest.split("\\s+");
        if (words.length != 2 || !Party.isCode(words[0]) || !(words[1].equals("whole") || words[1].equals("cut"))) {
            throw problem(line, "a party line is 'party CODE whole' or 'party CODE cut', with an ISO 3166 alpha-3 code");
        }
        Party p = Party.of(words[0]);
        if (territories.containsKey(p)) {
            throw problem(line, "party " + p + " appears twice");
        }
        party = p;
        cut = words[1].equals("cut");
        partyLine = line;
        land = null;
    }

    private void land(int line, String rest) {
        requireParty(line, "land");
        if (land != null) {
            throw problem(line, "a second land line for " + party);
        }
        Geometry g = geometry(line, rest);
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw problem(line, party + "'s land must be polygons, not " + g.getGeometryType());
        }
        if (!g.isValid()) {
            throw problem(line, party + "'s land is not a valid polygon (it crosses itself or a hole leaves it)");
        }
        land = g;
    }

    private void coast(int line, String rest) {
        requireParty(line, "coast");
        if (land == null) {
            throw problem(line, party + "'s land line comes before its coast");
        }
        Geometry g = geometry(line, rest);
        if (!(g instanceof Lineal)) {
            throw problem(line, party + "'s coast must be lines, not " + g.getGeometryType());
        }
        territories.put(party, new Territory(party, land, g, cut));
        party = null;
    }

    private void requireParty(int line, String what) {
        if (party == null) {
            throw problem(line, "a " + what + " line belongs after a party line");
        }
    }

    private Geometry geometry(int line, String text) {
        Geometry g;
        try {
            g = wkt.read(text);
        } catch (ParseException | IllegalArgumentException e) {
            // JTS refuses rings that are not closed or too short with IllegalArgumentException.
            throw problem(line, "not WKT: " + e.getMessage());
        }
        Envelope e = g.getEnvelopeInternal();
        if (!e.isNull() && (e.getMinX() < bounds.west() || e.getMaxX() > bounds.east()
                || e.getMinY() < bounds.south() || e.getMaxY() > bounds.north())) {
            throw problem(line, party + "'s " + (g instanceof Lineal ? "coast" : "land") + " reaches outside the region");
        }
        return g;
    }

    private DomainException problem(int line, String message) {
        return new DomainException(source + ":" + line + ": " + message);
    }
}
