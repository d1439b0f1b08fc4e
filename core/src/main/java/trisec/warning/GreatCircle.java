package trisec.warning;

import java.util.ArrayList;
import java.util.List;
import trisec.DomainException;

/**
 * Great-circle navigation on a spherical Earth: the destination reached from a point on an initial azimuth, the
 * distance and initial bearing between two points, a densified ground track, and the distance from a point to a
 * great-circle arc. The formulas are the standard spherical ones (haversine distance, the forward azimuth, and
 * the "destination given distance and bearing" of E. Williams' Aviation Formulary); the arc distance uses unit
 * vectors, which stay well-conditioned for the short coast segments it is applied to.
 *
 * <p>Distances are in kilometres along the surface, angles in degrees, azimuths clockwise from true north.
 */
public final class GreatCircle {
    /**
     * The IUGG mean Earth radius R1 = (2a + b) / 3 of WGS 84, in kilometres. A sphere of this radius is within
     * about 0.5% of the ellipsoid's distances, enough for warnings whose impact predictions carry ellipses of
     * tens of kilometres.
     */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** A ground track never has more points than this, whatever step is asked for. */
    static final int MAX_TRACK_POINTS = 100_000;

    private GreatCircle() {}

    /** The point reached from {@code start} on the initial azimuth {@code azimuthDeg} after {@code distanceKm}. */
    public static GeoPoint destination(GeoPoint start, double azimuthDeg, double distanceKm) {
        Require.between("azimuth", azimuthDeg, 0, 360, " degrees");
        Require.nonNegative("distance", distanceKm, " km");
        double phi1 = Math.toRadians(start.latitude());
        double lambda1 = Math.toRadians(start.longitude());
        double theta = Math.toRadians(azimuthDeg);
        double delta = distanceKm / EARTH_RADIUS_KM;
        double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
        double phi2 = Math.asin(Math.clamp(sinPhi2, -1.0, 1.0));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * sinPhi2);
        return new GeoPoint(Math.toDegrees(phi2), normalizedLongitude(Math.toDegrees(lambda2)));
    }

    /** The great-circle (haversine) distance between two points. */
    public static double distanceKm(GeoPoint a, GeoPoint b) {
        double phi1 = Math.toRadians(a.latitude());
        double phi2 = Math.toRadians(b.latitude());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(b.longitude() - a.longitude());
        double h = sq(Math.sin(dPhi / 2)) + Math.cos(phi1) * Math.cos(phi2) * sq(Math.sin(dLambda / 2));
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** The initial bearing from {@code from} to {@code to}, in [0, 360); 0 when the points coincide. */
    public static double initialBearing(GeoPoint from, GeoPoint to) {
        double phi1 = Math.toRadians(from.latitude());
        double phi2 = Math.toRadians(to.latitude());
        double dLambda = Math.toRadians(to.longitude() - from.longitude());
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double bearing = Math.toDegrees(Math.atan2(y, x));
        bearing = (bearing + 360) % 360;
        return bearing >= 360 ? 0 : bearing;
    }

    /**
     * The ground track from {@code start} along the great circle of initial azimuth {@code azimuthDeg} for
     * {@code rangeKm}: the start, points every {@code maxStepKm} or less (equally spaced), and the destination. It
     * has at least two points. Longitudes are normalised to [-180, 180), so a track across the antimeridian jumps
     * from east to west; a planar consumer unwraps it.
     *
     * @throws DomainException when the step is not positive or would make more than 100,000 points
     */
    public static List<GeoPoint> groundTrack(GeoPoint start, double azimuthDeg, double rangeKm, double maxStepKm) {
        Require.between("azimuth", azimuthDeg, 0, 360, " degrees");
        Require.nonNegative("range", rangeKm, " km");
        if (!(maxStepKm > 0) || !Double.isFinite(maxStepKm)) {
            throw new DomainException("a ground track's step must be a positive number of km, got " + maxStepKm);
        }
        double segments = Math.max(1, Math.ceil(rangeKm / maxStepKm));
        if (segments + 1 > MAX_TRACK_POINTS) {
            throw new DomainException("a ground track of " + Require.plain(rangeKm) + " km in steps of "
                    + Require.plain(maxStepKm) + " km would have more than " + MAX_TRACK_POINTS + " points");
        }
        int n = (int) segments;
        List<GeoPoint> track = new ArrayList<>(n + 1);
        track.add(start);
        for (int i = 1; i <= n; i++) {
            track.add(destination(start, azimuthDeg, rangeKm * i / n));
        }
        return List.copyOf(track);
    }

    /**
     * The distance from {@code p} to the shorter great-circle arc between {@code a} and {@code b}: the cross-track
     * distance when the foot of the perpendicular falls within the arc, else the distance to the nearer end.
     */
    public static double distanceToArcKm(GeoPoint p, GeoPoint a, GeoPoint b) {
        double[] va = unit(a);
        double[] vb = unit(b);
        double[] vp = unit(p);
        double[] n = cross(va, vb);
        double nNorm = norm(n);
        if (nNorm < 1e-15) {
            // a and b coincide (or are antipodal, where the arc is not defined): the nearer end answers.
            return Math.min(distanceKm(p, a), distanceKm(p, b));
        }
        n = scale(n, 1 / nNorm);
        // The foot of the perpendicular from p to the circle lies on the arc when it is on a's and b's inner sides.
        double[] foot = minus(vp, scale(n, dot(vp, n)));
        boolean withinArc = dot(cross(va, foot), n) >= 0 && dot(cross(foot, vb), n) >= 0 && norm(foot) > 1e-15;
        if (withinArc) {
            double sin = Math.abs(dot(vp, n));
            double cos = norm(foot);
            return EARTH_RADIUS_KM * Math.atan2(sin, cos);
        }
        return Math.min(distanceKm(p, a), distanceKm(p, b));
    }

    /** A longitude in degrees, brought into [-180, 180). */
    public static double normalizedLongitude(double degrees) {
        double lon = ((degrees + 180) % 360 + 360) % 360 - 180;
        return lon >= 180 ? -180 : lon;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double[] unit(GeoPoint p) {
        double phi = Math.toRadians(p.latitude());
        double lambda = Math.toRadians(p.longitude());
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    private static double[] scale(double[] u, double k) {
        return new double[] {u[0] * k, u[1] * k, u[2] * k};
    }

    private static double[] minus(double[] u, double[] v) {
        return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }
}
