package trisec.node.warning;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.warning.Closure;
import trisec.warning.Detection;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.MissileWarning;
import trisec.warning.TrackNumber;
import trisec.warning.WarningState;

/**
 * A warning as an item's body carries it, and as the API reads and writes it: the whole warning so far (detection,
 * every state, the closure), so that whoever holds its latest version holds all of it. Read strictly: a missing
 * value is named, and every value goes through core's checks (a latitude of 95 is refused there).
 */
public final class WarningDocument {
    /** The marker and version of the format; a body without it is not a warning. */
    static final int FORMAT = 1;

    private WarningDocument() {}

    public record Doc(Integer trisecWarning, String track, DetectionDoc detection, List<StateDoc> states,
                      ClosureDoc closure) {}

    public record DetectionDoc(String at, String party, String sensor) {}

    /** One state: the flight (launch point, azimuth, apogee, range, flight time), the ellipse, the confidence. */
    public record StateDoc(String at, PointDoc launch, Double azimuthDeg, Double apogeeKm, Double rangeKm,
                           Double flightTimeSeconds, EllipseDoc ellipse, Double confidence, String missileType) {}

    public record PointDoc(Double lat, Double lon) {}

    public record EllipseDoc(Double semiMajorKm, Double semiMinorKm, Double orientationDeg) {}

    /** A splashdown point, or {@code trackLost}. */
    public record ClosureDoc(String at, PointDoc splashdown, Boolean trackLost) {}

    /** The document of a warning: what its item carries, and what the API shows. */
    public static Doc of(MissileWarning w) {
        var d = w.detection();
        return new Doc(FORMAT, w.track().value(), new DetectionDoc(d.at().toString(), d.party().code(), d.sensor()),
                w.states().stream().map(WarningDocument::state).toList(), w.closure().map(c -> switch (c) {
                    case Closure.Splashdown s -> new ClosureDoc(s.at().toString(), point(s.point()), null);
                    case Closure.TrackLost l -> new ClosureDoc(l.at().toString(), null, true);
                }).orElse(null));
    }

    static StateDoc state(WarningState s) {
        FlightPrediction f = s.flight();
        return new StateDoc(s.at().toString(), point(f.launchPoint()), f.azimuthDeg(), f.apogeeKm(), f.rangeKm(),
                f.flightTime().toMillis() / 1000.0, new EllipseDoc(s.impactEllipse().semiMajorKm(),
                s.impactEllipse().semiMinorKm(), s.impactEllipse().orientationDeg()), s.confidence(),
                s.missileType().orElse(null));
    }

    static PointDoc point(GeoPoint p) {
        return new PointDoc(p.latitude(), p.longitude());
    }

    /** Whether the item is a version of a warning of its originator's (its kind, for interchange). */
    public static boolean isWarning(trisec.item.Item item, Scenario scenario) {
        return carried(item.originator(), item.body(), scenario).isPresent();
    }

    /**
     * The warning an item's body carries, when it is one and its detecting party is the item's originator (only the
     * originator speaks for its own detection).
     */
    static Optional<MissileWarning> carried(Party originator, String body, Scenario scenario) {
        try {
            MissileWarning w = warning(trisec.node.base.Json.read(body, Doc.class), scenario);
            return w.detectingParty().equals(originator) ? Optional.of(w) : Optional.empty();
        } catch (RuntimeException notAWarning) {
            return Optional.empty();
        }
    }

    /** @throws DomainException naming what is missing or wrong */
    static MissileWarning warning(Doc d, Scenario scenario) {
        if (d == null || d.trisecWarning() == null || d.trisecWarning() != FORMAT) {
            throw new DomainException("not a warning document (trisecWarning " + FORMAT + ")");
        }
        var det = required("detection", d.detection());
        Party party = scenario.party(required("detection.party", det.party()));
        var detection = new Detection(instant("detection.at", det.at()), party,
                required("detection.sensor", det.sensor()));
        List<StateDoc> states = required("states", d.states());
        if (states.isEmpty()) {
            throw new DomainException("states: a warning has at least one");
        }
        MissileWarning w = MissileWarning.open(TrackNumber.of(d.track()), detection, state(states.getFirst()));
        for (StateDoc s : states.subList(1, states.size())) {
            w = w.update(state(s));
        }
        return d.closure() == null ? w : w.close(closure(d.closure()));
    }

    /** @throws DomainException naming what is missing or wrong */
    static WarningState state(StateDoc s) {
        required("state", s);
        var e = required("ellipse", s.ellipse());
        double seconds = required("flightTimeSeconds", s.flightTimeSeconds());
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > 86_400) {
            throw new DomainException("flightTimeSeconds is 0 to 86400, got " + seconds);
        }
        var flight = new FlightPrediction(point("launch", s.launch()), required("azimuthDeg", s.azimuthDeg()),
                required("apogeeKm", s.apogeeKm()), required("rangeKm", s.rangeKm()),
                Duration.ofMillis(Math.round(seconds * 1000)));
        return new WarningState(instant("at", s.at()), flight, new ErrorEllipse(required("ellipse.semiMajorKm",
                e.semiMajorKm()), required("ellipse.semiMinorKm", e.semiMinorKm()),
                required("ellipse.orientationDeg", e.orientationDeg())), required("confidence", s.confidence()),
                Optional.ofNullable(s.missileType()));
    }

    static Closure closure(ClosureDoc c) {
        Instant at = instant("closure.at", c.at());
        boolean lost = Boolean.TRUE.equals(c.trackLost());
        if (lost == (c.splashdown() != null)) {
            throw new DomainException("a warning closes with a splashdown point or trackLost: true, one of them");
        }
        return lost ? new Closure.TrackLost(at) : new Closure.Splashdown(at, point("splashdown", c.splashdown()));
    }

    static GeoPoint point(String field, PointDoc p) {
        required(field, p);
        return GeoPoint.of(required(field + ".lat", p.lat()), required(field + ".lon", p.lon()));
    }

    static Instant instant(String field, String text) {
        try {
            return Instant.parse(required(field, text));
        } catch (DateTimeParseException e) {
            throw new DomainException(field + " is an ISO-8601 instant such as 2024-10-31T07:11:00Z, got '" + text
                    + "'");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new DomainException(field + " is required");
        }
        return value;
    }
}
