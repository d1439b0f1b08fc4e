package trisec.geo;

import trisec.warning.GeoPoint;

/** A box of longitudes and latitudes in degrees: the region the shipped territories are cropped to. */
public record Bounds(double west, double east, double south, double north) {
    public Bounds {
        if (!(west < east) || !(south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
            throw new IllegalArgumentException("not a box of longitudes and latitudes: west " + west + ", east " + east
                    + ", south " + south + ", north " + north);
        }
    }

    public boolean contains(GeoPoint p) {
        return p.longitude() >= west && p.longitude() <= east && p.latitude() >= south && p.latitude() <= north;
    }
}
