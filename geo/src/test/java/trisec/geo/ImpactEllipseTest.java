package trisec.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.warning.ErrorEllipse;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.ImpactPrediction;

/** The error ellipse's outline is the ellipse the sensor meant: km on the ground, turned from true north. */
class ImpactEllipseTest {
    private static final GeoPoint CENTRE = GeoPoint.of(40.72, 136.86);

    @Test
    void theEndsOfTheAxesLieAtTheSemiAxesOnTheOrientation() {
        List<GeoPoint> outline = ImpactEllipse.outline(new ImpactPrediction(CENTRE, new ErrorEllipse(60, 20, 75)));
        assertThat(outline).hasSize(ImpactEllipse.OUTLINE_POINTS);
        // Every 18th point is a quarter turn of eccentric anomaly: the ends of the long and short axes.
        assertEnd(outline.get(0), 60, 75);
        assertEnd(outline.get(18), 20, 165);
        assertEnd(outline.get(36), 60, 255);
        assertEnd(outline.get(54), 20, 345);
    }

    @Test
    void everyPointLiesBetweenTheSemiAxesAndOnTheEllipse() {
        double a = 60;
        double b = 20;
        double orientation = 30;
        for (GeoPoint p : ImpactEllipse.outline(new ImpactPrediction(CENTRE, new ErrorEllipse(a, b, orientation)))) {
            double d = GreatCircle.distanceKm(CENTRE, p);
            double angle = Math.toRadians(GreatCircle.initialBearing(CENTRE, p) - orientation);
            double along = d * Math.cos(angle);
            double across = d * Math.sin(angle);
            assertThat(d).isBetween(b - 1e-6, a + 1e-6);
            assertThat(along * along / (a * a) + across * across / (b * b)).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void aCircleAtSixtyNorthSpansTwiceAsManyDegreesOfLongitudeAsOfLatitude() {
        List<GeoPoint> outline = ImpactEllipse.outline(new ImpactPrediction(GeoPoint.of(60, 150),
                ErrorEllipse.circle(100)));
        double lonSpan = outline.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow()
                - outline.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double latSpan = outline.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow()
                - outline.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        assertThat(lonSpan / latSpan).isCloseTo(2.0, within(0.05));
    }

    @Test
    void anEllipseWithoutAreaHasNoOutline() {
        assertThat(ImpactEllipse.outline(new ImpactPrediction(CENTRE, new ErrorEllipse(30, 0, 10)))).isEmpty();
        assertThat(ImpactEllipse.outline(new ImpactPrediction(CENTRE, ErrorEllipse.circle(0)))).isEmpty();
    }

    private static void assertEnd(GeoPoint p, double km, double bearing) {
        assertThat(GreatCircle.distanceKm(CENTRE, p)).isCloseTo(km, within(1e-6));
        assertThat(GreatCircle.initialBearing(CENTRE, p)).isCloseTo(bearing, within(1e-6));
    }
}
