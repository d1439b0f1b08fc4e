package trisec.geo.cot;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import trisec.geo.FlightGeography;
import trisec.geo.Region;
import trisec.party.Party;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.WarningState;

/**
 * One warning as a Cursor-on-Target event, the XML that TAK clients and servers exchange: the CoT Base-Event Schema
 * 2.0 (MITRE, "Event-PUBLIC.xsd", public release case 11-3895, as published with the TAK sources under
 * {@code takcot/mitre}).
 *
 * <ul>
 *   <li>{@code uid}: {@code trisec.warning.PARTY.TRACK}, the same for every update and the close of one warning (the
 *       schema: "the latest … overwrites all previous events for that UID"). Track numbers are the detecting
 *       party's own, so its code is part of the uid.</li>
 *   <li>{@code type}: {@value #TYPE}, atom, hostile, air, weapon, missile in flight, surface/land launched,
 *       surface-to-surface: the MIL-STD-2525B function of a ballistic missile in flight, as MITRE's CoT type table
 *       ({@code CoTtypes.xml} v1.80) maps it ({@code a-.-A-W-M-S-S}, "Air/Weapon/Missile/Surface To Surface
 *       (SSM)").</li>
 *   <li>{@code how}: {@value #HOW}, "machine, predicted (e.g. from a tracker)": the point is the predicted impact
 *       point.</li>
 *   <li>{@code time} and {@code start}: the latest fact, the state's time or the close's; {@code stale}: 10 minutes
 *       after the predicted impact (detection plus flight time) while open, 1 hour after the close once closed.
 *       ISO 8601 UTC with milliseconds. The event depends on the warning alone, never on the clock.</li>
 *   <li>{@code point}: the predicted impact point, {@code hae} 0 (it is on the surface), {@code ce} the error
 *       ellipse's semi-major axis in metres, so that the circle encloses the ellipse as the shape sub-schema
 *       requires, {@code le} unknown (9999999).</li>
 *   <li>{@code detail}: {@code contact} (the track as call sign), {@code shape/ellipse} (the error ellipse, MITRE's
 *       shape sub-schema; semi-axes in metres as TAK reads {@code major}/{@code minor}, angle in whole degrees from
 *       true north), {@code remarks} (a summary in English), and {@code warning} in the namespace
 *       {@value #DETAIL_NAMESPACE}: the warning's data, launch point, ground track and splashdown.</li>
 * </ul>
 */
public final class WarningCot {
    /** MIL-STD-2525B "missile in flight, surface-to-surface" as a hostile CoT atom. */
    public static final String TYPE = "a-h-A-W-M-S-S";
    /** Machine-generated, predicted. */
    public static final String HOW = "m-p";
    /** The unregistered media type the CoT link sub-schema names for CoT events. */
    public static final String MEDIA_TYPE = "application/cot+xml";
    /** trisec's own elements in {@code <detail>}, which the base schema leaves open to any. */
    public static final String DETAIL_NAMESPACE = "urn:trisec:cot:missile-warning:1";
    /** An open warning's event goes stale this long after its predicted impact. */
    public static final Duration STALE_AFTER_IMPACT = Duration.ofMinutes(10);
    /** A closed warning's event goes stale this long after the close. */
    public static final Duration STALE_AFTER_CLOSE = Duration.ofHours(1);
    /** The ground track in the detail has a point at least every 50 km: a few dozen, not hundreds, per event. */
    public static final double TRACK_STEP_KM = 50;

    private static final String UNKNOWN = "9999999";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private WarningCot() {}

    /** The event's uid: stable across the warning's updates and close. */
    public static String uid(MissileWarning warning) {
        return "trisec.warning." + warning.detectingParty().code() + "." + warning.track().value();
    }

    /**
     * The warning in its latest state as a CoT event, an XML document in UTF-8.
     *
     * @param region the territories for the overflight and 200-NM flags ({@link Region#assess})
     */
    public static String event(MissileWarning warning, Region region) {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(region, "region");
        WarningState state = warning.current();
        FlightPrediction flight = state.flight();
        ErrorEllipse ellipse = state.impactEllipse();
        GeoPoint impact = flight.impactPoint();
        FlightGeography geography = region.assess(flight);
        Instant time = warning.closure().map(Closure::at).orElse(state.at());
        Instant stale = stale(warning);
        var out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("event");
            x.writeAttribute("version", "2.0");
            x.writeAttribute("uid", uid(warning));
            x.writeAttribute("type", TYPE);
            x.writeAttribute("time", TIME.format(time));
            x.writeAttribute("start", TIME.format(time));
            x.writeAttribute("stale", TIME.format(stale));
            x.writeAttribute("how", HOW);

            x.writeEmptyElement("point");
            x.writeAttribute("lat", decimal(impact.latitude(), 6));
            x.writeAttribute("lon", decimal(impact.longitude(), 6));
            x.writeAttribute("hae", "0");
            x.writeAttribute("ce", decimal(ellipse.semiMajorKm() * 1000, 1));
            x.writeAttribute("le", UNKNOWN);

            x.writeStartElement("detail");
            x.writeEmptyElement("contact");
            x.writeAttribute("callsign", warning.detectingParty().code() + " " + warning.track().value());

            x.writeStartElement("shape");
            x.writeEmptyElement("ellipse");
            x.writeAttribute("major", decimal(ellipse.semiMajorKm() * 1000, 1));
            x.writeAttribute("minor", decimal(ellipse.semiMinorKm() * 1000, 1));
            // Whole degrees: TAK's own shape schema types the angle as an integer.
            x.writeAttribute("angle", Long.toString(Math.round(ellipse.orientationDeg()) % 180));
            x.writeEndElement();

            x.writeStartElement("remarks");
            x.writeAttribute("source", "trisec." + warning.detectingParty().code());
            x.writeAttribute("time", TIME.format(time));
            x.writeCharacters(xmlText(remarks(warning, geography)));
            x.writeEndElement();

            warningDetail(x, warning, geography);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a CoT event to a string failed", e);
        }
        return out.toString();
    }

    /** When the event stops being valid. */
    static Instant stale(MissileWarning warning) {
        if (warning.closure().isPresent()) {
            return warning.closure().get().at().plus(STALE_AFTER_CLOSE);
        }
        WarningState state = warning.current();
        Instant impact = warning.detection().at().plus(state.flight().flightTime());
        return (impact.isAfter(state.at()) ? impact : state.at()).plus(STALE_AFTER_IMPACT);
    }

    private static void warningDetail(XMLStreamWriter x, MissileWarning w, FlightGeography geography)
            throws XMLStreamException {
        WarningState state = w.current();
        FlightPrediction flight = state.flight();
        x.setPrefix("trisec", DETAIL_NAMESPACE);
        x.writeStartElement("trisec", "warning", DETAIL_NAMESPACE);
        x.writeNamespace("trisec", DETAIL_NAMESPACE);
        x.writeAttribute("track", w.track().value());
        x.writeAttribute("party", w.detectingParty().code());
        x.writeAttribute("sensor", xmlText(w.detection().sensor()));
        x.writeAttribute("detected", TIME.format(w.detection().at()));
        x.writeAttribute("state", TIME.format(state.at()));
        x.writeAttribute("status", w.isOpen() ? "open" : "closed");
        if (w.closure().isPresent()) {
            x.writeAttribute("closedBy", switch (w.closure().get()) {
                case Closure.Splashdown s -> "splashdown";
                case Closure.TrackLost l -> "trackLost";
            });
            x.writeAttribute("closed", TIME.format(w.closure().get().at()));
        }
        if (state.missileType().isPresent()) {
            x.writeAttribute("missileType", xmlText(state.missileType().get()));
        }
        x.writeAttribute("azimuthDeg", decimal(flight.azimuthDeg(), 2));
        x.writeAttribute("apogeeKm", decimal(flight.apogeeKm(), 1));
        x.writeAttribute("rangeKm", decimal(flight.rangeKm(), 1));
        x.writeAttribute("flightTime", flight.flightTime().toString());
        x.writeAttribute("confidence", decimal(state.confidence(), 3));
        x.writeAttribute("ellipseOrientationDeg", decimal(state.impactEllipse().orientationDeg(), 2));
        x.writeAttribute("overflown", codes(geography.overflown()));
        x.writeAttribute("within200NmOfCoast", codes(geography.within200NmOfCoast()));

        position(x, "launch", flight.launchPoint());
        x.writeStartElement("trisec", "groundTrack", DETAIL_NAMESPACE);
        List<GeoPoint> track = GreatCircle.groundTrack(flight.launchPoint(), flight.azimuthDeg(), flight.rangeKm(),
                TRACK_STEP_KM);
        for (GeoPoint p : track) {
            position(x, "vertex", p);
        }
        x.writeEndElement();
        if (w.closure().orElse(null) instanceof Closure.Splashdown s) {
            position(x, "splashdown", s.point());
        }
        x.writeEndElement();
    }

    private static void position(XMLStreamWriter x, String name, GeoPoint p) throws XMLStreamException {
        x.writeEmptyElement("trisec", name, DETAIL_NAMESPACE);
        x.writeAttribute("lat", decimal(p.latitude(), 6));
        x.writeAttribute("lon", decimal(p.longitude(), 6));
    }

    private static String remarks(MissileWarning w, FlightGeography geography) {
        WarningState state = w.current();
        FlightPrediction flight = state.flight();
        ErrorEllipse e = state.impactEllipse();
        String status = switch (w.closure().orElse(null)) {
            case null -> "open";
            case Closure.Splashdown s -> "closed: splashdown at " + s.point() + ", " + s.at();
            case Closure.TrackLost l -> "closed: track lost at " + l.at();
        };
        return "Missile warning " + w.track() + " from " + w.detectingParty() + " (" + w.detection().sensor()
                + "), detected " + w.detection().at() + ": " + state.missileType().orElse("type unknown")
                + ", launched from " + flight.launchPoint() + ", azimuth " + decimal(flight.azimuthDeg(), 1)
                + "; predicted impact " + flight.impactPoint() + " (error ellipse " + decimal(e.semiMajorKm(), 1)
                + " x " + decimal(e.semiMinorKm(), 1) + " km), range " + decimal(flight.rangeKm(), 0) + " km, apogee "
                + decimal(flight.apogeeKm(), 0) + " km, flight time " + flight.flightTime() + "; confidence "
                + decimal(state.confidence(), 2) + "; overflies " + list(geography.overflown())
                + "; within 200 NM of the coast of " + list(geography.within200NmOfCoast())
                + " (a stand-in for the EEZ); " + status + ".";
    }

    private static String codes(Set<Party> parties) {
        return String.join(" ", parties.stream().map(Party::code).toList());
    }

    private static String list(Set<Party> parties) {
        return parties.isEmpty() ? "none" : String.join(", ", parties.stream().map(Party::code).toList());
    }

    private static String decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Text XML 1.0 can hold: a sensor or missile name with a control character would otherwise make an event no
     * parser reads (the StAX writer escapes markup but not these). Such characters become U+FFFD.
     */
    static String xmlText(String s) {
        var b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                b.append(c);
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }
}
