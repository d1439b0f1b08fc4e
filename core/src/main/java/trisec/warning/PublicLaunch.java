package trisec.warning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import trisec.DomainException;

/**
 * A launch in the public record, as the press reported it, for replay and simulation. The reported figures are
 * rounded and often approximate. What no source gives — the azimuth of the ground track and so the exact impact
 * point — is <em>modelled</em>, chosen to be consistent with where the reports say the missile came down, and
 * named so in every accessor.
 *
 * @param launchedAt          the launch time in the zone it was reported in (KST for the shipped catalogue)
 * @param missile             the missile as reported ({@code Hwasong-15})
 * @param site                the launch site, its point approximate
 * @param flight              the flight as reported ({@code over Hokkaido}, {@code lofted})
 * @param flightTime          as reported
 * @param apogeeKm            as reported
 * @param rangeKm             as reported
 * @param cameDown            where it came down, as reported
 * @param modelledAzimuthDeg  the initial azimuth of the ground track (modelled)
 * @param modelledImpactPoint the great-circle destination from the site on the modelled azimuth for the reported
 *                            range (modelled; checked against that formula to within
 *                            {@link #IMPACT_POINT_TOLERANCE_KM})
 * @param source              who reported the figures
 */
public record PublicLaunch(ZonedDateTime launchedAt, String missile, LaunchSite site, String flight,
                           Duration flightTime, double apogeeKm, double rangeKm, String cameDown,
                           double modelledAzimuthDeg, GeoPoint modelledImpactPoint, String source) {
    /** A written-down impact point may differ this much from the computed one: it is rounded to two decimals. */
    public static final double IMPACT_POINT_TOLERANCE_KM = 2.0;

    public PublicLaunch {
        Require.present("a launch's time", launchedAt);
        missile = Require.text("a launch's missile", missile);
        Require.present("a launch's site", site);
        flight = Require.text("a launch's flight", flight);
        cameDown = Require.text("where a launch came down", cameDown);
        source = Require.text("a launch's source", source);
        Require.present("a launch's modelled impact point", modelledImpactPoint);
        // Validates azimuth, apogee, range and flight time with the same messages as a warning's flight.
        var modelled = new FlightPrediction(site.point(), modelledAzimuthDeg, apogeeKm, rangeKm, flightTime);
        GeoPoint computed = modelled.impactPoint();
        double offKm = GreatCircle.distanceKm(computed, modelledImpactPoint);
        if (offKm > IMPACT_POINT_TOLERANCE_KM) {
            throw new DomainException("the launch of " + launchedAt.toLocalDate() + ": its modelled impact point ("
                    + modelledImpactPoint + ") is " + Math.round(offKm) + " km from where the site, the modelled "
                    + "azimuth and the range put it (" + computed + ")");
        }
    }

    /** The day of the launch in its reported zone: the key a replay is asked for by. */
    public LocalDate date() {
        return launchedAt.toLocalDate();
    }

    /** The flight as replayed: reported site, apogee, range and flight time on the modelled azimuth. */
    public FlightPrediction modelledFlight() {
        return new FlightPrediction(site.point(), modelledAzimuthDeg, apogeeKm, rangeKm, flightTime);
    }
}
