package trisec.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import trisec.DomainException;
import trisec.warning.GeoPoint;

/** Ground tracks as planar JTS lines in longitude and latitude. */
final class Tracks {
    private Tracks() {}

    /**
     * The track as a line, its longitudes unwrapped so that a track across the antimeridian stays continuous
     * (179 then 181, not 179 then -179), in three copies 360 degrees apart, so that it meets land given in
     * [-180, 180] wherever the unwrapping took it. Consecutive points must be close (a densified track), since
     * each step is drawn straight in longitude and latitude.
     */
    static Geometry line(List<GeoPoint> track, GeometryFactory factory) {
        if (track == null || track.isEmpty()) {
            throw new DomainException("a ground track needs at least one point");
        }
        var unwrapped = new ArrayList<Coordinate>(track.size());
        double previous = track.getFirst().longitude();
        for (GeoPoint p : track) {
            double lon = p.longitude();
            while (lon - previous > 180) {
                lon -= 360;
            }
            while (lon - previous < -180) {
                lon += 360;
            }
            unwrapped.add(new Coordinate(lon, p.latitude()));
            previous = lon;
        }
        if (unwrapped.size() == 1) {
            unwrapped.add(unwrapped.getFirst().copy());
        }
        var copies = new LineString[3];
        for (int k = -1; k <= 1; k++) {
            double shift = 360.0 * k;
            copies[k + 1] = factory.createLineString(unwrapped.stream()
                    .map(c -> new Coordinate(c.x + shift, c.y)).toArray(Coordinate[]::new));
        }
        return factory.createMultiLineString(copies);
    }
}
