package trisec.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import trisec.party.Party;
import trisec.warning.GeoPoint;

/**
 * Distances to a coast are great-circle distances: exact on coasts whose answer the sphere gives in closed form,
 * and equal, within a few hundred metres, to a brute-force walk along the shipped coast of Japan.
 */
class CoastDistanceTest {
    private static final double R = 6371.0088;

    /** A coast along the meridian 0 from 50 N to 60 N, with land west of it. */
    private static final Region MERIDIAN = Region.read("meridian", """
            region -10 10 40 70
            party AAA whole
            land MULTIPOLYGON (((-5 50, 0 50, 0 60, -5 60, -5 50)))
            coast MULTILINESTRING ((0 50, 0 60))
            """);

    @Test
    void aPointOffAMeridianCoastIsAsFarAsTheSphereSays() {
        Territory t = MERIDIAN.territory(Party.of("AAA"));
        // From (55 N, 1 E) the perpendicular to the meridian's great circle: sin(d/R) = cos(55) sin(1).
        double expected = R * Math.asin(Math.cos(Math.toRadians(55)) * Math.sin(Math.toRadians(1)));
        assertThat(t.distanceToCoastKm(GeoPoint.of(55, 1))).isCloseTo(expected, within(0.001));
        // A degree of longitude in degrees would say 111 km; at 55 N the coast is 64 km away.
        assertThat(expected).isCloseTo(63.8, within(0.1));
    }

    @Test
    void beyondTheEndOfACoastTheDistanceIsToItsEnd() {
        Territory t = MERIDIAN.territory(Party.of("AAA"));
        // Due north of the coast's end at 60 N: the distance is the arc of latitude, 2 degrees.
        assertThat(t.distanceToCoastKm(GeoPoint.of(62, 0))).isCloseTo(R * Math.toRadians(2), within(0.001));
    }

    @Test
    void theShippedCoastOfJapanAgreesWithABruteForceWalkAlongIt() {
        Territory japan = Region.shipped().territory(Party.of("JPN"));
        List<GeoPoint> walk = walk(japan, 0.2);
        var random = new Random(11);
        for (int i = 0; i < 100; i++) {
            GeoPoint p = GeoPoint.of(random.nextDouble(28, 47), random.nextDouble(126, 152));
            double brute = walk.stream().mapToDouble(q -> haversine(p, q)).min().orElseThrow();
            // The walk's points are 200 m apart, so it overshoots the nearest point by at most 100 m.
            assertThat(japan.distanceToCoastKm(p)).as("at " + p).isCloseTo(brute, within(0.15));
        }
    }

    @Test
    void aPointAcrossTheAntimeridianIsMeasuredTheShortWayRound() {
        Territory japan = Region.shipped().territory(Party.of("JPN"));
        GeoPoint east = GeoPoint.of(35, -178);
        List<GeoPoint> walk = walk(japan, 1);
        double brute = walk.stream().mapToDouble(q -> haversine(east, q)).min().orElseThrow();
        assertThat(japan.distanceToCoastKm(east)).isCloseTo(brute, within(0.6));
        assertThat(brute).isLessThan(4000);
    }

    /** Every coast vertex, and points at most {@code stepKm} apart along each segment (straight in degrees). */
    private static List<GeoPoint> walk(Territory t, double stepKm) {
        var points = new ArrayList<GeoPoint>();
        for (Object o : LinearComponentExtracter.getLines(t.coast())) {
            Coordinate[] c = ((LineString) o).getCoordinates();
            for (int i = 1; i < c.length; i++) {
                GeoPoint a = GeoPoint.of(c[i - 1].y, c[i - 1].x);
                GeoPoint b = GeoPoint.of(c[i].y, c[i].x);
                int n = Math.max(1, (int) Math.ceil(haversine(a, b) / stepKm));
                for (int k = 0; k <= n; k++) {
                    double f = (double) k / n;
                    points.add(GeoPoint.of(a.latitude() + f * (b.latitude() - a.latitude()),
                            a.longitude() + f * (b.longitude() - a.longitude())));
                }
            }
        }
        return points;
    }

    /** The haversine formula, written out here so that the test does not lean on the code it checks. */
    private static double haversine(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.latitude());
        double p2 = Math.toRadians(b.latitude());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
