package trisec.geo;

import java.util.ArrayList;
import java.util.List;
import trisec.warning.ErrorEllipse;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.ImpactPrediction;

/**
 * The error ellipse of a predicted impact point as a ring of points on the Earth, for drawing and for formats that
 * carry polygons. The ellipse's semi-axes are distances along the surface in km, its orientation an azimuth from
 * true north; so it is laid out in the plane tangent at the impact point (azimuthal equidistant: bearing and
 * distance from the centre kept exactly) and each point is put on the sphere with
 * {@link GreatCircle#destination}. For ellipses of tens to hundreds of km that is the ellipse the sensor meant, and
 * any map projection then draws it correctly, never as a circle of degrees.
 */
public final class ImpactEllipse {
    /** Points on the outline: one every 5 degrees of eccentric anomaly. */
    public static final int OUTLINE_POINTS = 72;

    private ImpactEllipse() {}

    /**
     * The outline, {@value #OUTLINE_POINTS} points, the first at the end of the long axis in the direction of its
     * orientation, then clockwise seen from above (bearings increasing); the first point is not repeated at the
     * end. Empty when the ellipse has no area (a semi-minor axis of 0), which no polygon can draw.
     */
    public static List<GeoPoint> outline(ImpactPrediction impact) {
        ErrorEllipse e = impact.ellipse();
        if (!(e.semiMinorKm() > 0)) {
            return List.of();
        }
        var points = new ArrayList<GeoPoint>(OUTLINE_POINTS);
        for (int i = 0; i < OUTLINE_POINTS; i++) {
            // Eccentric anomaly E: the point (a cos E, b sin E) in axes along and across the long axis, the
            // across axis pointing 90 degrees clockwise of it. Even steps of E spread points evenly enough round
            // an elongated ellipse, unlike even steps of bearing.
            double anomaly = 2 * Math.PI * i / OUTLINE_POINTS;
            double along = e.semiMajorKm() * Math.cos(anomaly);
            double across = e.semiMinorKm() * Math.sin(anomaly);
            double distance = Math.hypot(along, across);
            double bearing = e.orientationDeg() + Math.toDegrees(Math.atan2(across, along));
            points.add(GreatCircle.destination(impact.point(), ((bearing % 360) + 360) % 360, distance));
        }
        return List.copyOf(points);
    }
}
