package trisec.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;

/**
 * Great-circle distance from a point to a coast. A planar distance in degrees is no measure (a degree of longitude
 * is 111 km at the equator and 71 km at 50 N), so JTS only picks the candidates: its index finds the coast segment
 * nearest in degrees, whose great-circle distance {@code d} bounds the answer from above; every point within
 * {@code d} lies in a box of latitudes and longitudes that follows from {@code d}; the segments in that box are
 * measured exactly, as great-circle arcs between their ends. Coast segments are a few km long, so an arc and the
 * straight line in degrees between the same ends differ by metres.
 */
final class CoastDistance {
    /** Widens the candidate box for the metres by which an arc may bulge out of its segment's envelope. */
    private static final double MARGIN_DEG = 0.01;

    private record Segment(Coordinate a, Coordinate b, GeoPoint start, GeoPoint end) {}

    private static final ItemDistance PLANAR = (ItemBoundable x, ItemBoundable y) -> {
        Object p = x.getItem() instanceof Coordinate ? x.getItem() : y.getItem();
        Object s = x.getItem() instanceof Segment ? x.getItem() : y.getItem();
        if (p instanceof Coordinate c && s instanceof Segment seg) {
            return Distance.pointToSegment(c, seg.a(), seg.b());
        }
        // Two segments are never compared: the query item is always a point.
        throw new IllegalStateException("a coast index compares a point with a segment");
    };

    private final STRtree index = new STRtree();
    private final int segments;

    CoastDistance(Geometry coast) {
        int n = 0;
        for (Object line : LinearComponentExtracter.getLines(coast)) {
            Coordinate[] c = ((LineString) line).getCoordinates();
            for (int i = 1; i < c.length; i++) {
                if (!c[i - 1].equals2D(c[i])) {
                    index.insert(new Envelope(c[i - 1], c[i]), new Segment(c[i - 1], c[i],
                            GeoPoint.of(c[i - 1].y, c[i - 1].x), GeoPoint.of(c[i].y, c[i].x)));
                    n++;
                }
            }
        }
        segments = n;
        index.build();
    }

    /** The great-circle distance in km from {@code p} to the nearest point of the coast; infinite without one. */
    double km(GeoPoint p) {
        if (segments == 0) {
            return Double.POSITIVE_INFINITY;
        }
        var query = new Coordinate(p.longitude(), p.latitude());
        var nearestInDegrees = (Segment) index.nearestNeighbour(new Envelope(query), query, PLANAR);
        double bound = GreatCircle.distanceToArcKm(p, nearestInDegrees.start(), nearestInDegrees.end());
        double best = bound;
        for (Segment s : candidates(p, bound)) {
            best = Math.min(best, GreatCircle.distanceToArcKm(p, s.start(), s.end()));
        }
        return best;
    }

    /** Every segment that may have a point within {@code km} of {@code p}. */
    private List<Segment> candidates(GeoPoint p, double km) {
        double delta = km / GreatCircle.EARTH_RADIUS_KM;
        double dLat = Math.toDegrees(delta) + MARGIN_DEG;
        double phi = Math.toRadians(p.latitude());
        // On a sphere, the points within angular distance delta of p span asin(sin delta / cos phi) of longitude
        // either side of it, unless the circle reaches a pole.
        double dLon = Math.abs(p.latitude()) + Math.toDegrees(delta) < 90 && delta < Math.PI / 2
                ? Math.toDegrees(Math.asin(Math.sin(delta) / Math.cos(phi))) + MARGIN_DEG
                : 180;
        double south = Math.max(-90, p.latitude() - dLat);
        double north = Math.min(90, p.latitude() + dLat);
        var found = new ArrayList<Segment>();
        if (dLon >= 180) {
            collect(new Envelope(-180, 180, south, north), found);
            return found;
        }
        double west = p.longitude() - dLon;
        double east = p.longitude() + dLon;
        collect(new Envelope(Math.max(-180, west), Math.min(180, east), south, north), found);
        if (west < -180) {
            collect(new Envelope(west + 360, 180, south, north), found);
        }
        if (east > 180) {
            collect(new Envelope(-180, east - 360, south, north), found);
        }
        return found;
    }

    private void collect(Envelope box, List<Segment> into) {
        for (Object item : index.query(box)) {
            into.add((Segment) item);
        }
    }
}
