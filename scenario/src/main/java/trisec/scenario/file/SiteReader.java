package trisec.scenario.file;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.DomainException;
import trisec.party.Party;
import trisec.scenario.Site;
import trisec.scenario.file.yaml.YamlNode;
import trisec.warning.GeoPoint;
import trisec.scenario.file.yaml.YamlNode.Mapping;

/** Reads the sites of a scenario file, each hosted by a party under an agreement read before it. */
final class SiteReader {
    private final ValueReader values;
    private final PartyReader parties;
    private final AgreementReader agreements;
    private final List<Site> sites = new ArrayList<>();

    SiteReader(ValueReader values, PartyReader parties, AgreementReader agreements) {
        this.values = values;
        this.parties = parties;
        this.agreements = agreements;
    }

    /** The sites read without a problem, in file order. */
    List<Site> all() {
        return sites;
    }

    /** Reads one item of {@code sites}. */
    void read(YamlNode node) {
        site(node).ifPresent(sites::add);
    }

    private Optional<Site> site(YamlNode node) {
        Mapping m = values.mapping(node, "a site");
        if (m == null) {
            return Optional.empty();
        }
        values.keys(m, "a site", Set.of("name", "location", "lat", "lon", "host", "agreement", "role", "since"),
                Set.of("name", "host", "agreement"));
        int before = values.problemCount();
        String name = m.get("name") == null ? null : values.text(m.get("name"), "name");
        Optional<GeoPoint> point = point(m);
        Party host = m.get("host") == null ? null : parties.reference(m.get("host"));
        String agreement = m.get("agreement") == null ? null : values.text(m.get("agreement"), "agreement");
        if (agreement != null && !agreements.isDeclared(agreement)) {
            values.problem(m.get("agreement"), "unknown agreement '" + agreement + "'");
        }
        Optional<LocalDate> since = m.get("since") == null ? Optional.empty()
                : Optional.ofNullable(values.date(m.get("since"), "since"));
        if (values.problemCount() != before) {
            return Optional.empty();
        }
        return Optional.of(new Site(name, values.optionalText(m, "location").orElse(""), point, host, agreement,
                values.optionalText(m, "role").orElse(""), since));
    }

    /**
     * Where the site is, if the file says: {@code lat} -90..90 (north positive) and {@code lon} -180..180 (east
     * positive), both or neither. A site without them is listed but not drawn on a map.
     */
    private Optional<GeoPoint> point(Mapping m) {
        if (m.get("lat") == null && m.get("lon") == null) {
            return Optional.empty();
        }
        if (m.get("lat") == null || m.get("lon") == null) {
            String given = m.get("lat") == null ? "lon" : "lat";
            values.problem(m.get(given), "a site gives both lat and lon or neither; it has " + given + " but not "
                    + (given.equals("lat") ? "lon" : "lat"));
            return Optional.empty();
        }
        Double lat = values.decimal(m.get("lat"), "a site's lat");
        Double lon = values.decimal(m.get("lon"), "a site's lon");
        if (lat == null || lon == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GeoPoint.of(lat, lon));
        } catch (DomainException e) {
            values.problem(m.get(lat < -90 || lat > 90 ? "lat" : "lon"), "a site's " + e.getMessage());
            return Optional.empty();
        }
    }
}
