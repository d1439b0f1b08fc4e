package trisec.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static trisec.warning.GreatCircle.EARTH_RADIUS_KM;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.party.Party;

/** Bad warning data is refused with a message that names the field; good data gives a consistent flight. */
class WarningValuesTest {
    private static final GeoPoint SUNAN = GeoPoint.of(39.2, 125.7);

    @Test
    void aLatitudeOf95OrALongitudeOf181IsNotAPoint() {
        assertThatThrownBy(() -> GeoPoint.of(95, 125)).isInstanceOf(DomainException.class)
                .hasMessage("latitude must be between -90 and 90 degrees, got 95");
        assertThatThrownBy(() -> GeoPoint.of(39, -181)).isInstanceOf(DomainException.class)
                .hasMessage("longitude must be between -180 and 180 degrees, got -181");
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("got NaN");
        assertThat(GeoPoint.of(-90, 180)).isEqualTo(new GeoPoint(-90, 180));
    }

    @Test
    void aPointReadsWithItsHemispheres() {
        assertThat(GeoPoint.of(39.2, 125.7)).hasToString("39.2000 N, 125.7000 E");
        assertThat(GeoPoint.of(-13.5, -144.75)).hasToString("13.5000 S, 144.7500 W");
    }

    @Test
    void theImpactPointIsTheFormularysDestinationForTheSameStartAzimuthAndRange() {
        // Aviation Formulary: 100 nm on course 66 from LAX reaches 34°37'N, 116°33'W (to the arc minute).
        var lax = GeoPoint.of(33 + 57 / 60.0, -(118 + 24 / 60.0));
        var flight = new FlightPrediction(lax, 66, 50, 100 / 60.0 * EARTH_RADIUS_KM * Math.PI / 180,
                Duration.ofMinutes(2));
        assertThat(flight.impactPoint().latitude()).isCloseTo(34 + 37 / 60.0, within(0.5 / 60));
        assertThat(flight.impactPoint().longitude()).isCloseTo(-(116 + 33 / 60.0), within(0.5 / 60));
        assertThat(flight.groundTrack().getLast()).isEqualTo(flight.impactPoint());
    }

    @Test
    void aFlightTowardsAnImpactPointComesDownThere() {
        var impact = GeoPoint.of(40.72, 136.86);
        var flight = FlightPrediction.towards(SUNAN, impact, 4475, Duration.ofMinutes(53));
        assertThat(GreatCircle.distanceKm(flight.impactPoint(), impact)).isLessThan(1e-6);
        assertThat(flight.rangeKm()).isCloseTo(GreatCircle.distanceKm(SUNAN, impact), within(1e-9));
    }

    @Test
    void aGroundTrackIsDensifiedToTenKilometres() {
        var flight = new FlightPrediction(SUNAN, 72.8, 550, 2700, Duration.ofMinutes(14));
        var track = flight.groundTrack();
        assertThat(track).hasSize(271);
        for (int i = 1; i < track.size(); i++) {
            assertThat(GreatCircle.distanceKm(track.get(i - 1), track.get(i))).isLessThanOrEqualTo(10 + 1e-9);
        }
    }

    @Test
    void aNegativeRangeApogeeOrFlightTimeIsRefused() {
        assertThatThrownBy(() -> new FlightPrediction(SUNAN, 72, 550, -1, Duration.ofMinutes(14)))
                .isInstanceOf(DomainException.class).hasMessage("range must be 0 km or more, got -1");
        assertThatThrownBy(() -> new FlightPrediction(SUNAN, 72, -550, 2700, Duration.ofMinutes(14)))
                .isInstanceOf(DomainException.class).hasMessage("apogee must be 0 km or more, got -550");
        assertThatThrownBy(() -> new FlightPrediction(SUNAN, 72, 550, 2700, Duration.ofMinutes(-1)))
                .isInstanceOf(DomainException.class).hasMessage("flight time must not be negative, got PT-1M");
        assertThatThrownBy(() -> new FlightPrediction(SUNAN, 400, 550, 2700, Duration.ofMinutes(1)))
                .isInstanceOf(DomainException.class).hasMessage("azimuth must be between 0 and 360 degrees, got 400");
        assertThatThrownBy(() -> new FlightPrediction(null, 72, 550, 2700, Duration.ofMinutes(1)))
                .isInstanceOf(DomainException.class).hasMessage("a flight's launch point is missing");
    }

    @Test
    void anEllipsesMinorAxisIsNotLongerThanItsMajorAndItsAxisHasNoDirection() {
        assertThatThrownBy(() -> new ErrorEllipse(10, 20, 0)).isInstanceOf(DomainException.class)
                .hasMessage("an error ellipse's semi-minor axis (20 km) must not be longer than its semi-major axis "
                        + "(10 km)");
        assertThatThrownBy(() -> new ErrorEllipse(-1, -2, 0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("semi-major axis must be 0 km or more");
        assertThatThrownBy(() -> new ErrorEllipse(20, 10, 190)).isInstanceOf(DomainException.class)
                .hasMessage("an error ellipse's orientation must be between 0 and 180 degrees, got 190");
        assertThat(new ErrorEllipse(20, 10, 180).orientationDeg()).isZero();
        assertThat(ErrorEllipse.circle(5)).isEqualTo(new ErrorEllipse(5, 5, 0));
    }

    @Test
    void confidenceIsBetweenZeroAndOneAndAMissileTypeIsNotBlank() {
        var flight = new FlightPrediction(SUNAN, 72, 550, 2700, Duration.ofMinutes(14));
        Instant at = Instant.parse("2017-08-28T20:58:00Z");
        assertThatThrownBy(() -> new WarningState(at, flight, ErrorEllipse.circle(50), 1.2, Optional.empty()))
                .isInstanceOf(DomainException.class).hasMessage("confidence must be between 0 and 1, got 1.2");
        assertThatThrownBy(() -> new WarningState(at, flight, ErrorEllipse.circle(50), 0.5, Optional.of(" ")))
                .isInstanceOf(DomainException.class).hasMessage("a missile type must not be empty");
        var state = new WarningState(at, flight, ErrorEllipse.circle(50), 0.5, Optional.of(" Hwasong-12 "));
        assertThat(state.missileType()).contains("Hwasong-12");
        assertThat(state.impact()).isEqualTo(new ImpactPrediction(flight.impactPoint(), ErrorEllipse.circle(50)));
    }

    @Test
    void aTrackNumberIsShortAndPlain() {
        assertThat(TrackNumber.of("TN-04721")).hasToString("TN-04721");
        assertThatThrownBy(() -> TrackNumber.of("TN 04721")).isInstanceOf(DomainException.class)
                .hasMessageContaining("got 'TN 04721'");
        assertThatThrownBy(() -> TrackNumber.of("-1")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> TrackNumber.of("A".repeat(33))).isInstanceOf(DomainException.class);
    }

    @Test
    void aDetectionNamesItsSensor() {
        assertThatThrownBy(() -> new Detection(Instant.EPOCH, Party.of("KOR"), "  "))
                .isInstanceOf(DomainException.class).hasMessage("a detection's sensor must not be empty");
        assertThatThrownBy(() -> new Detection(Instant.EPOCH, null, "Green Pine"))
                .isInstanceOf(DomainException.class).hasMessage("a detection's party is missing");
    }
}
