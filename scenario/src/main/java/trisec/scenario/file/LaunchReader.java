package trisec.scenario.file;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.DomainException;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlTree;
import trisec.warning.GeoPoint;
import trisec.warning.LaunchCatalogue;
import trisec.warning.LaunchSite;
import trisec.warning.PublicLaunch;

/**
 * Reads and validates a launch catalogue file ({@code scenarios/launches.yaml}): every problem it can find, each
 * with its line, and the catalogue only when there is none. The format is described in {@code docs/SCENARIO.md}.
 */
final class LaunchReader {
    private final ValueReader values = new ValueReader();
    private final List<PublicLaunch> launches = new ArrayList<>();
    private ZoneId zone;

    List<Problem> problems() {
        return values.problems();
    }

    /** The catalogue, or empty with {@link #problems()} saying why. */
    Optional<LaunchCatalogue> read(String text) {
        YamlNode root = YamlTree.parse(text, values.problems());
        if (root == null) {
            return Optional.empty();
        }
        Mapping top = values.mapping(root, "a launch catalogue");
        if (top == null) {
            return Optional.empty();
        }
        values.keys(top, "a launch catalogue", Set.of("zone", "launches"), Set.of("zone", "launches"));
        if (top.get("zone") != null) {
            zone = zone(top.get("zone"));
        }
        values.each(top.get("launches"), "launches", this::launch);
        if (!values.problems().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LaunchCatalogue(launches));
        } catch (DomainException e) {
            values.problem(top.lineOf("launches"), e.getMessage());
            return Optional.empty();
        }
    }

    private ZoneId zone(YamlNode node) {
        String t = values.text(node, "zone");
        if (t == null) {
            return null;
        }
        try {
            return ZoneId.of(t);
        } catch (DateTimeException e) {
            values.problem(node, "zone must be a time zone such as Asia/Seoul, not '" + t + "'");
            return null;
        }
    }

    private void launch(YamlNode node) {
        Mapping m = values.mapping(node, "a launch");
        if (m == null) {
            return;
        }
        int before = values.problemCount();
        values.keys(m, "a launch", Set.of("launched", "missile", "site", "flight", "flightTime", "apogeeKm", "rangeKm",
                "cameDown", "modelled", "source"), Set.of("launched", "missile", "site", "flight", "flightTime",
                "apogeeKm", "rangeKm", "cameDown", "modelled", "source"));
        LocalDateTime launched = m.get("launched") == null ? null : launched(m.get("launched"));
        String missile = text(m, "missile");
        LaunchSite site = m.get("site") == null ? null : site(m.get("site"));
        String flight = text(m, "flight");
        Duration flightTime = m.get("flightTime") == null ? null : values.duration(m.get("flightTime"), "flightTime");
        Double apogee = nonNegative(m, "apogeeKm");
        Double range = nonNegative(m, "rangeKm");
        String cameDown = text(m, "cameDown");
        Mapping modelled = m.get("modelled") == null ? null : values.mapping(m.get("modelled"), "modelled");
        Double azimuth = null;
        GeoPoint impact = null;
        if (modelled != null) {
            values.keys(modelled, "modelled", Set.of("azimuth", "impact"), Set.of("azimuth", "impact"));
            azimuth = modelled.get("azimuth") == null ? null : azimuth(modelled.get("azimuth"));
            impact = modelled.get("impact") == null ? null : point(modelled.get("impact"), "the modelled impact");
        }
        String source = text(m, "source");
        if (values.problemCount() != before || zone == null) {
            return;
        }
        try {
            launches.add(new PublicLaunch(launched.atZone(zone), missile, site, flight, flightTime, apogee, range,
                    cameDown, azimuth, impact, source));
        } catch (DomainException e) {
            // What is left is the modelled impact point disagreeing with the site, azimuth and range.
            values.problem(m.lineOf("modelled"), e.getMessage());
        }
    }

    private LocalDateTime launched(YamlNode node) {
        String t = values.text(node, "launched");
        if (t == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            values.problem(node, "launched must be a local date and time such as 2017-08-29T05:57, not '" + t + "'");
            return null;
        }
    }

    private String text(Mapping m, String key) {
        return m.get(key) == null ? null : values.text(m.get(key), key);
    }

    private Double nonNegative(Mapping m, String key) {
        if (m.get(key) == null) {
            return null;
        }
        Double d = values.decimal(m.get(key), key);
        if (d != null && d < 0) {
            values.problem(m.get(key), key + " must be 0 or more, not " + values.text(m.get(key), key));
            return null;
        }
        return d;
    }

    private Double azimuth(YamlNode node) {
        Double d = values.decimal(node, "azimuth");
        if (d != null && (d < 0 || d > 360)) {
            values.problem(node, "azimuth must be between 0 and 360 degrees, not " + values.text(node, "azimuth"));
            return null;
        }
        return d;
    }

    private LaunchSite site(YamlNode node) {
        Mapping m = values.mapping(node, "a launch site");
        if (m == null) {
            return null;
        }
        values.keys(m, "a launch site", Set.of("name", "lat", "lon"), Set.of("name", "lat", "lon"));
        String name = text(m, "name");
        GeoPoint point = coordinates(m, "the site");
        return name == null || point == null ? null : new LaunchSite(name, point);
    }

    private GeoPoint point(YamlNode node, String what) {
        Mapping m = values.mapping(node, what + " (lat and lon)");
        if (m == null) {
            return null;
        }
        values.keys(m, what, Set.of("lat", "lon"), Set.of("lat", "lon"));
        return coordinates(m, what);
    }

    private GeoPoint coordinates(Mapping m, String what) {
        Double lat = m.get("lat") == null ? null : values.decimal(m.get("lat"), what + "'s lat");
        Double lon = m.get("lon") == null ? null : values.decimal(m.get("lon"), what + "'s lon");
        if (lat == null || lon == null) {
            return null;
        }
        try {
            return GeoPoint.of(lat, lon);
        } catch (DomainException e) {
            values.problem(m, what + ": " + e.getMessage());
            return null;
        }
    }
}
