package trisec.geo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.warning.Detection;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.PublicLaunch;
import trisec.warning.TrackNumber;
import trisec.warning.WarningState;

/** Warnings for the shipped catalogue's launches, as a party's sensor would report them, for the format tests. */
public final class TestWarnings {
    private TestWarnings() {}

    public static PublicLaunch launch(String day) {
        return LaunchCatalogueFiles.shipped().on(LocalDate.parse(day));
    }

    /**
     * The launch of {@code day} as {@code party} warns of it: detected 20 s after launch, a first state 40 s later
     * with the catalogue's modelled flight, an ellipse of 60 by 20 km along the track's final course.
     */
    public static MissileWarning open(String day, String party, String track, Optional<String> missileType) {
        PublicLaunch launch = launch(day);
        return open(launch.modelledFlight(), launch.launchedAt().toInstant(), party, track, missileType,
                alongFinalCourse(launch.modelledFlight(), 60, 20));
    }

    public static MissileWarning open(FlightPrediction flight, Instant launchedAt, String party, String track,
                                      Optional<String> missileType, ErrorEllipse ellipse) {
        Instant detected = launchedAt.plusSeconds(20);
        var detection = new Detection(detected, Party.of(party), party.equals("JPN") ? "FPS-5 Shimo-Koshiki"
                : party.equals("USA") ? "AN/TPY-2 Kyogamisaki" : "Green Pine");
        var state = new WarningState(detected.plusSeconds(40), flight, ellipse, 0.8, missileType);
        return MissileWarning.open(TrackNumber.of(track), detection, state);
    }

    /** An ellipse whose long axis lies along the course the flight has as it comes down. */
    public static ErrorEllipse alongFinalCourse(FlightPrediction flight, double semiMajorKm, double semiMinorKm) {
        return new ErrorEllipse(semiMajorKm, semiMinorKm, finalCourse(flight) % 180);
    }

    /** The azimuth the ground track has at the impact point. */
    public static double finalCourse(FlightPrediction flight) {
        return (GreatCircle.initialBearing(flight.impactPoint(), flight.launchPoint()) + 180) % 360;
    }

    public static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
