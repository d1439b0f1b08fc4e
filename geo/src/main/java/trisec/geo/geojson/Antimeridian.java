package trisec.geo.geojson;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;

/**
 * RFC 7946 § 3.1.9: a geometry that crosses the antimeridian is cut in two, so that no part's representation
 * crosses it, each part reaching exactly 180 or -180. Lines are cut where a step jumps by more than 180 degrees of
 * longitude, at the latitude interpolated along the step; polygons are unwrapped into continuous longitudes and
 * split by JTS along the meridians of ±180. Positions are {lon, lat}.
 */
final class Antimeridian {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Antimeridian() {}

    /** A line as one or more parts; one part when it does not cross the antimeridian. */
    static List<List<double[]>> cutLine(List<GeoPoint> points) {
        var parts = new ArrayList<List<double[]>>();
        var part = new ArrayList<double[]>();
        GeoPoint previous = null;
        for (GeoPoint p : points) {
            if (previous != null) {
                double step = p.longitude() - previous.longitude();
                if (Math.abs(step) > 180) {
                    // Unwrap the step, find where it meets ±180, end this part there and start the next across it.
                    double edge = step < 0 ? 180 : -180;
                    double lon = p.longitude() + (step < 0 ? 360 : -360);
                    double t = (edge - previous.longitude()) / (lon - previous.longitude());
                    double lat = previous.latitude() + t * (p.latitude() - previous.latitude());
                    part.add(new double[] {edge, lat});
                    parts.add(part);
                    part = new ArrayList<>();
                    part.add(new double[] {-edge, lat});
                }
            }
            part.add(new double[] {p.longitude(), p.latitude()});
            previous = p;
        }
        parts.add(part);
        return parts;
    }

    /**
     * A ring (first point not repeated) as one or more polygons' exterior rings, each closed and counterclockwise,
     * as the right-hand rule of RFC 7946 § 3.1.6 asks.
     */
    static List<List<double[]>> cutRing(List<GeoPoint> ring) {
        double reference = ring.getFirst().longitude();
        var c = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint p = ring.get(i);
            c[i] = new Coordinate(reference + GreatCircle.normalizedLongitude(p.longitude() - reference), p.latitude());
        }
        c[ring.size()] = c[0].copy();
        Geometry polygon = FACTORY.createPolygon(c);
        var rings = new ArrayList<List<double[]>>();
        // Each copy of the world the unwrapped ring may reach into, shifted back into [-180, 180].
        for (int turn = -1; turn <= 1; turn++) {
            double shift = 360.0 * turn;
            Geometry world = FACTORY.toGeometry(new Envelope(-180 + shift, 180 + shift, -90, 90));
            Geometry piece = OverlayNGRobust.overlay(polygon, world, OverlayNG.INTERSECTION);
            for (int i = 0; i < piece.getNumGeometries(); i++) {
                if (piece.getGeometryN(i) instanceof Polygon p && !p.isEmpty() && p.getArea() > 0) {
                    rings.add(counterclockwise(p.getExteriorRing().getCoordinates(), shift));
                }
            }
        }
        return rings;
    }

    private static List<double[]> counterclockwise(Coordinate[] closed, double shift) {
        boolean ccw = Orientation.isCCW(closed);
        var out = new ArrayList<double[]>(closed.length);
        for (int i = 0; i < closed.length; i++) {
            Coordinate k = closed[ccw ? i : closed.length - 1 - i];
            out.add(new double[] {k.x - shift, k.y});
        }
        return out;
    }
}
