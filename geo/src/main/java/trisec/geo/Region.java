package trisec.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import trisec.DomainException;
import trisec.party.Party;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;

/**
 * The territories of the region, one per party, and the questions a warning asks of them. The shipped region is
 * read once, on first use, from {@code trisec/geo/region-50m.txt}.
 */
public final class Region {
    /** The shipped region data's place on the class path. */
    public static final String SHIPPED = "trisec/geo/region-50m.txt";

    private final Bounds bounds;
    private final Map<Party, Territory> territories;

    Region(Bounds bounds, Map<Party, Territory> territories) {
        this.bounds = bounds;
        this.territories = Collections.unmodifiableMap(new TreeMap<>(territories));
    }

    private static final class Shipped {
        static final Region REGION = readShipped();
    }

    /** Korea, Japan and the region around them from Natural Earth 1:50m, as shipped with trisec. */
    public static Region shipped() {
        return Shipped.REGION;
    }

    /**
     * Reads region data in the shipped format (see {@code geo/tools/README.md}).
     *
     * @throws DomainException naming {@code source} and the line of the first problem
     */
    public static Region read(String source, String text) {
        return RegionFile.read(source, text);
    }

    private static Region readShipped() {
        try (InputStream in = Region.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped region data is missing from the class path: " + SHIPPED);
            }
            return read(SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The box the data is cropped to. */
    public Bounds bounds() {
        return bounds;
    }

    /** The parties with territory in the region, in code order. */
    public Set<Party> parties() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(territories.keySet()));
    }

    /**
     * The party's territory in the region.
     *
     * @throws DomainException naming the parties there are, when {@code party} has none here
     */
    public Territory territory(Party party) {
        Territory t = territories.get(party);
        if (t == null) {
            throw new DomainException("no territory for party " + party + " in the region data (it has: "
                    + String.join(", ", territories.keySet().stream().map(Party::code).toList()) + ")");
        }
        return t;
    }

    /** The parties whose land the (densified) ground track crosses or touches, in code order. */
    public Set<Party> overflown(List<GeoPoint> groundTrack) {
        var out = new TreeSet<Party>();
        territories.forEach((party, t) -> {
            if (t.isOverflownBy(groundTrack)) {
                out.add(party);
            }
        });
        return Collections.unmodifiableSortedSet(out);
    }

    /** Overflight along the flight's ground track, and where its predicted impact point lies against each coast. */
    public FlightGeography assess(FlightPrediction flight) {
        GeoPoint impact = flight.impactPoint();
        var onLand = new HashSet<Party>();
        var distances = new LinkedHashMap<Party, Double>();
        var within = new HashSet<Party>();
        territories.forEach((party, t) -> {
            double km = t.distanceToCoastKm(impact);
            distances.put(party, km);
            boolean landed = t.contains(impact);
            if (landed) {
                onLand.add(party);
            }
            if (landed || km <= Territory.TWO_HUNDRED_NM_KM) {
                within.add(party);
            }
        });
        return new FlightGeography(overflown(flight.groundTrack()), onLand, distances, within);
    }
}
