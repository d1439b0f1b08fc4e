package trisec.geo.map;

import trisec.warning.GreatCircle;

/**
 * Lambert's conformal conic projection of the sphere (Snyder, <i>Map Projections: A Working Manual</i>, USGS
 * Professional Paper 1395, 1987, pp. 104–107, the spherical formulas), in km on the sphere of
 * {@link GreatCircle#EARTH_RADIUS_KM}.
 *
 * <p>Why this one: a warnings map spans some 10 to 45 degrees of latitude in the middle latitudes, where a conic
 * with two standard parallels keeps the scale within a few percent across the map; and it is conformal, so an error
 * ellipse keeps its shape and its orientation against the local meridian wherever it is drawn. An equirectangular
 * map stretches east–west by 1/cos(latitude) away from its middle parallel (20% at 10 N on a map centred at 35 N)
 * and so draws ellipses out of shape. Longitudes are taken relative to the central meridian, so a view across the
 * antimeridian (the 2022-10-04 flight ends near 178 E) is continuous.
 */
final class ConicProjection {
    private static final double R = GreatCircle.EARTH_RADIUS_KM;

    private final double lon0;
    private final double n;
    private final double rf;
    private final double rho0;

    /**
     * @param lon0 the central meridian
     * @param lat1 one standard parallel, where the scale is true
     * @param lat2 the other (may equal {@code lat1}: a tangent cone)
     * @param latOrigin the parallel through the origin of y
     */
    ConicProjection(double lon0, double lat1, double lat2, double latOrigin) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        this.lon0 = lon0;
        this.n = Math.abs(lat1 - lat2) < 1e-9
                ? Math.sin(phi1)
                : Math.log(Math.cos(phi1) / Math.cos(phi2)) / Math.log(t(phi2) / t(phi1));
        if (!(Math.abs(n) > 1e-3) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("standard parallels " + lat1 + " and " + lat2
                    + " make a cone too flat to draw; keep them on one side of the equator");
        }
        this.rf = R * Math.cos(phi1) * Math.pow(t(phi1), n) / n;
        this.rho0 = rho(latOrigin);
    }

    /** A projection for a view spanning these latitudes: standard parallels at one sixth in from each edge. */
    static ConicProjection forView(double lon0, double south, double north) {
        double span = north - south;
        double lat1 = south + span / 6;
        double lat2 = north - span / 6;
        double middle = (lat1 + lat2) / 2;
        if (Math.abs(middle) < 3) {
            // A view centred on the equator: a cone tangent a little off it, still conformal.
            lat1 = lat2 = middle < 0 ? -3 : 3;
        }
        return new ConicProjection(lon0, lat1, lat2, (south + north) / 2);
    }

    /** {x, y} in km, x east and y north, for a point in degrees. */
    double[] project(double lat, double lon) {
        double rho = rho(lat);
        double theta = n * Math.toRadians(relativeLongitude(lon));
        return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }

    /** The scale factor at a latitude: map distance over true distance, 1 on the standard parallels. */
    double scaleFactor(double lat) {
        double phi = Math.toRadians(lat);
        return n * rf / (R * Math.cos(phi) * Math.pow(t(phi), n));
    }

    /** The longitude relative to the central meridian, in [-180, 180). */
    double relativeLongitude(double lon) {
        return GreatCircle.normalizedLongitude(lon - lon0);
    }

    private double rho(double lat) {
        return rf / Math.pow(t(Math.toRadians(lat)), n);
    }

    private static double t(double phi) {
        return Math.tan(Math.PI / 4 + phi / 2);
    }
}
