package trisec.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static trisec.warning.GreatCircle.EARTH_RADIUS_KM;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import trisec.DomainException;

/**
 * Great-circle navigation, checked against E. Williams' Aviation Formulary worked examples, against exact facts of
 * the sphere, and against independent formulas (the dot product of unit vectors; a brute-force walk along an arc).
 */
class GreatCircleTest {
    /** One degree of arc on the sphere, in km. */
    private static final double DEGREE_KM = EARTH_RADIUS_KM * Math.PI / 180;

    /** The formulary's LAX (33°57'N, 118°24'W) and JFK (40°38'N, 73°47'W). */
    private static final GeoPoint LAX = GeoPoint.of(33 + 57 / 60.0, -(118 + 24 / 60.0));
    private static final GeoPoint JFK = GeoPoint.of(40 + 38 / 60.0, -(73 + 47 / 60.0));

    @Test
    void laxToJfkIsTheFormularysDistanceAndCourse() {
        // Formulary: d = 0.623585 rad (2144 nm), initial true course 1.150035 rad (66 degrees).
        assertThat(GreatCircle.distanceKm(LAX, JFK)).isCloseTo(0.623585 * EARTH_RADIUS_KM, within(0.01));
        assertThat(GreatCircle.initialBearing(LAX, JFK)).isCloseTo(Math.toDegrees(1.150035), within(0.001));
    }

    @Test
    void aHundredNauticalMilesFromLaxOnThe066RadialIsTheFormularysPoint() {
        // Formulary: 100 nm (one nm an arc minute) on course 66 from LAX reaches 34°37'N, 116°33'W, given to the
        // arc minute, so within half a minute.
        GeoPoint p = GreatCircle.destination(LAX, 66, 100 / 60.0 * DEGREE_KM);
        assertThat(p.latitude()).isCloseTo(34 + 37 / 60.0, within(0.5 / 60));
        assertThat(p.longitude()).isCloseTo(-(116 + 33 / 60.0), within(0.5 / 60));
    }

    @Test
    void exactFactsOfTheSphere() {
        GeoPoint origin = GeoPoint.of(0, 0);
        assertPoint(GreatCircle.destination(origin, 90, 90 * DEGREE_KM), 0, 90);
        // A great circle leaving the equator at 45 degrees peaks at 45 N a quarter of the way round.
        assertPoint(GreatCircle.destination(origin, 45, 90 * DEGREE_KM), 45, 90);
        assertPoint(GreatCircle.destination(GeoPoint.of(10, 20), 0, DEGREE_KM), 11, 20);
        assertPoint(GreatCircle.destination(GeoPoint.of(10, 20), 180, DEGREE_KM), 9, 20);
        assertThat(GreatCircle.distanceKm(GeoPoint.of(0, 0), GeoPoint.of(0, 180)))
                .isCloseTo(Math.PI * EARTH_RADIUS_KM, within(1e-6));
        assertThat(GreatCircle.distanceKm(GeoPoint.of(90, 0), GeoPoint.of(-90, 0)))
                .isCloseTo(Math.PI * EARTH_RADIUS_KM, within(1e-6));
    }

    @Test
    void aTrackOverThePoleComesDownOnTheOtherMeridian() {
        assertPoint(GreatCircle.destination(GeoPoint.of(80, 0), 0, 20 * DEGREE_KM), 80, -180);
    }

    @Test
    void longitudesStayWithinMinus180And180AcrossTheAntimeridian() {
        assertPoint(GreatCircle.destination(GeoPoint.of(0, 179.5), 90, DEGREE_KM), 0, -179.5);
        assertPoint(GreatCircle.destination(GeoPoint.of(0, -179.5), 270, DEGREE_KM), 0, 179.5);
        assertThat(GreatCircle.distanceKm(GeoPoint.of(0, 179.5), GeoPoint.of(0, -179.5)))
                .isCloseTo(DEGREE_KM, within(1e-6));
    }

    @Test
    void theBearingToAPointDueEastOnTheEquatorIs90AndToTheNorthPoleIs0() {
        assertThat(GreatCircle.initialBearing(GeoPoint.of(0, 10), GeoPoint.of(0, 20))).isCloseTo(90, within(1e-9));
        assertThat(GreatCircle.initialBearing(GeoPoint.of(0, 20), GeoPoint.of(0, 10))).isCloseTo(270, within(1e-9));
        assertThat(GreatCircle.initialBearing(GeoPoint.of(35, 139), GeoPoint.of(90, 0))).isCloseTo(0, within(1e-9));
        assertThat(GreatCircle.initialBearing(GeoPoint.of(35, 139), GeoPoint.of(35, 139))).isZero();
    }

    @Test
    void haversineAgreesWithTheAngleBetweenUnitVectors() {
        var random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            GeoPoint a = randomPoint(random);
            GeoPoint b = randomPoint(random);
            double[] u = unit(a);
            double[] v = unit(b);
            double[] c = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
            double angle = Math.atan2(Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]),
                    u[0] * v[0] + u[1] * v[1] + u[2] * v[2]);
            assertThat(GreatCircle.distanceKm(a, b)).isCloseTo(angle * EARTH_RADIUS_KM, within(1e-6));
        }
    }

    @Test
    void goingOutOnABearingAndMeasuringBackGivesTheSameDistanceAndBearing() {
        var random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            GeoPoint start = GeoPoint.of(random.nextDouble(-80, 80), random.nextDouble(-180, 180));
            double azimuth = random.nextDouble(0, 360);
            double distance = random.nextDouble(1, 15_000);
            GeoPoint end = GreatCircle.destination(start, azimuth, distance);
            assertThat(GreatCircle.distanceKm(start, end)).isCloseTo(distance, within(1e-6));
            double back = GreatCircle.initialBearing(start, end);
            assertThat(Math.abs(((back - azimuth) % 360 + 540) % 360 - 180)).isLessThan(1e-6);
        }
    }

    @Test
    void theDistanceToAnArcIsTheCrossTrackDistanceWhereTheFootFallsOnTheArc() {
        GeoPoint a = GeoPoint.of(0, 0);
        GeoPoint b = GeoPoint.of(0, 10);
        assertThat(GreatCircle.distanceToArcKm(GeoPoint.of(1, 5), a, b)).isCloseTo(DEGREE_KM, within(1e-6));
        assertThat(GreatCircle.distanceToArcKm(GeoPoint.of(-3, 2), a, b)).isCloseTo(3 * DEGREE_KM, within(1e-6));
        assertThat(GreatCircle.distanceToArcKm(GeoPoint.of(0, 7), a, b)).isCloseTo(0, within(1e-6));
    }

    @Test
    void beyondTheEndsOfAnArcTheNearerEndAnswers() {
        GeoPoint a = GeoPoint.of(0, 0);
        GeoPoint b = GeoPoint.of(0, 10);
        GeoPoint east = GeoPoint.of(1, 12);
        GeoPoint west = GeoPoint.of(-2, -3);
        assertThat(GreatCircle.distanceToArcKm(east, a, b)).isEqualTo(GreatCircle.distanceKm(east, b));
        assertThat(GreatCircle.distanceToArcKm(west, a, b)).isEqualTo(GreatCircle.distanceKm(west, a));
        assertThat(GreatCircle.distanceToArcKm(east, a, a)).isEqualTo(GreatCircle.distanceKm(east, a));
    }

    @Test
    void theDistanceToAnArcIsTheNearestOfTheArcsPointsWalkedOneByOne() {
        var random = new Random(13);
        for (int i = 0; i < 300; i++) {
            GeoPoint a = GeoPoint.of(random.nextDouble(-60, 60), random.nextDouble(100, 160));
            GeoPoint b = GreatCircle.destination(a, random.nextDouble(0, 360), random.nextDouble(1, 500));
            GeoPoint p = GreatCircle.destination(a, random.nextDouble(0, 360), random.nextDouble(0, 800));
            double length = GreatCircle.distanceKm(a, b);
            double azimuth = GreatCircle.initialBearing(a, b);
            double nearest = Double.MAX_VALUE;
            int steps = 20_000;
            for (int k = 0; k <= steps; k++) {
                nearest = Math.min(nearest, GreatCircle.distanceKm(p,
                        GreatCircle.destination(a, azimuth, length * k / steps)));
            }
            // The walk's points are 25 m apart at most, so it overshoots the true nearest by a few metres.
            assertThat(GreatCircle.distanceToArcKm(p, a, b)).isCloseTo(nearest, within(0.02));
        }
    }

    @Test
    void aGroundTrackRunsFromTheStartToTheDestinationInEqualStepsOnOneGreatCircle() {
        GeoPoint start = GeoPoint.of(39.2, 125.7);
        List<GeoPoint> track = GreatCircle.groundTrack(start, 72.5, 2700, 10);
        assertThat(track).hasSize(271);
        assertThat(track.getFirst()).isEqualTo(start);
        GeoPoint end = GreatCircle.destination(start, 72.5, 2700);
        assertThat(GreatCircle.distanceKm(track.getLast(), end)).isLessThan(1e-9);
        double walked = 0;
        for (int i = 1; i < track.size(); i++) {
            double step = GreatCircle.distanceKm(track.get(i - 1), track.get(i));
            assertThat(step).isCloseTo(10, within(1e-6));
            walked += step;
            assertThat(GreatCircle.distanceToArcKm(track.get(i), start, end)).isLessThan(1e-6);
        }
        assertThat(walked).isCloseTo(2700, within(1e-6));
    }

    @Test
    void aShortOrEmptyTrackStillHasItsTwoEnds() {
        assertThat(GreatCircle.groundTrack(GeoPoint.of(1, 2), 0, 3, 10)).hasSize(2);
        assertThat(GreatCircle.groundTrack(GeoPoint.of(1, 2), 0, 0, 10))
                .containsExactly(GeoPoint.of(1, 2), GeoPoint.of(1, 2));
    }

    @Test
    void badArgumentsAreRefusedWithTheirNames() {
        GeoPoint p = GeoPoint.of(0, 0);
        assertThatThrownBy(() -> GreatCircle.destination(p, 361, 1)).isInstanceOf(DomainException.class)
                .hasMessage("azimuth must be between 0 and 360 degrees, got 361");
        assertThatThrownBy(() -> GreatCircle.destination(p, -0.5, 1)).isInstanceOf(DomainException.class)
                .hasMessageContaining("got -0.5");
        assertThatThrownBy(() -> GreatCircle.destination(p, Double.NaN, 1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> GreatCircle.destination(p, 90, -1)).isInstanceOf(DomainException.class)
                .hasMessage("distance must be 0 km or more, got -1");
        assertThatThrownBy(() -> GreatCircle.groundTrack(p, 90, 100, 0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("step must be a positive number");
        assertThatThrownBy(() -> GreatCircle.groundTrack(p, 90, 20_000, 0.1)).isInstanceOf(DomainException.class)
                .hasMessageContaining("more than 100000 points");
    }

    private static void assertPoint(GeoPoint p, double latitude, double longitude) {
        assertThat(p.latitude()).isCloseTo(latitude, within(1e-9));
        assertThat(p.longitude()).isCloseTo(longitude, within(1e-9));
    }

    private static GeoPoint randomPoint(Random random) {
        return GeoPoint.of(Math.toDegrees(Math.asin(random.nextDouble(-1, 1))), random.nextDouble(-180, 180));
    }

    private static double[] unit(GeoPoint p) {
        double phi = Math.toRadians(p.latitude());
        double lambda = Math.toRadians(p.longitude());
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }
}
