package trisec.warning;

import java.util.Locale;

/**
 * A point on the Earth's surface in degrees: latitude north positive, longitude east positive.
 *
 * @param latitude  between -90 and 90
 * @param longitude between -180 and 180
 */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        Require.between("latitude", latitude, -90, 90, " degrees");
        Require.between("longitude", longitude, -180, 180, " degrees");
    }

    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    /** {@code 39.2000 N, 125.7000 E}: four decimals, about ten metres. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f %s, %.4f %s", Math.abs(latitude), latitude < 0 ? "S" : "N",
                Math.abs(longitude), longitude < 0 ? "W" : "E");
    }
}
