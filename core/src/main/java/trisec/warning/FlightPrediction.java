package trisec.warning;

import java.time.Duration;
import java.util.List;
import trisec.DomainException;

/**
 * What tracking predicts of a ballistic flight: where it started, the azimuth it flies on, how high and how far it
 * goes and for how long. The ground track is the great circle from the launch point on that azimuth, and the
 * predicted impact point is where it ends: both are computed here, never given separately, so that they cannot
 * disagree.
 *
 * @param launchPoint where the flight started
 * @param azimuthDeg  the initial azimuth of the ground track, clockwise from true north, 0 to 360
 * @param apogeeKm    the highest altitude predicted, non-negative
 * @param rangeKm     the ground distance from launch to impact, non-negative
 * @param flightTime  from launch to impact, not negative
 */
public record FlightPrediction(GeoPoint launchPoint, double azimuthDeg, double apogeeKm, double rangeKm,
                               Duration flightTime) {
    /** Ground tracks are densified to at most this step, fine enough for a coastline at 1:50m scale. */
    public static final double TRACK_STEP_KM = 10;

    public FlightPrediction {
        Require.present("a flight's launch point", launchPoint);
        Require.between("azimuth", azimuthDeg, 0, 360, " degrees");
        Require.nonNegative("apogee", apogeeKm, " km");
        Require.nonNegative("range", rangeKm, " km");
        Require.present("flight time", flightTime);
        if (flightTime.isNegative()) {
            throw new DomainException("flight time must not be negative, got " + flightTime);
        }
    }

    /**
     * The flight from {@code launchPoint} that comes down at {@code impactPoint}: the azimuth and range are the
     * initial bearing and the great-circle distance between them, for sensors that report an impact point rather
     * than an azimuth.
     */
    public static FlightPrediction towards(GeoPoint launchPoint, GeoPoint impactPoint, double apogeeKm,
                                           Duration flightTime) {
        Require.present("a flight's launch point", launchPoint);
        Require.present("a flight's impact point", impactPoint);
        return new FlightPrediction(launchPoint, GreatCircle.initialBearing(launchPoint, impactPoint), apogeeKm,
                GreatCircle.distanceKm(launchPoint, impactPoint), flightTime);
    }

    /** The predicted impact point: the great-circle destination from the launch point on the azimuth for the range. */
    public GeoPoint impactPoint() {
        return GreatCircle.destination(launchPoint, azimuthDeg, rangeKm);
    }

    /** The ground track from launch to impact, a point at least every {@link #TRACK_STEP_KM}. */
    public List<GeoPoint> groundTrack() {
        return GreatCircle.groundTrack(launchPoint, azimuthDeg, rangeKm, TRACK_STEP_KM);
    }
}
