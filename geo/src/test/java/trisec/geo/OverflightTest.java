package trisec.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.party.Party;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;

/** A ground track overflies a party when it crosses or touches its land, wherever on the globe it starts. */
class OverflightTest {
    private static final Region REGION = Region.shipped();
    private static final Party JPN = Party.of("JPN");
    private static final GeoPoint TOKYO = GeoPoint.of(35.68, 139.69);

    @Test
    void aTrackAcrossHonshuOverfliesJapanAndOneDownTheSeaOfJapanDoesNot() {
        var across = GreatCircle.groundTrack(GeoPoint.of(36.5, 134), 90, 1000, 10);
        assertThat(REGION.overflown(across)).containsExactly(JPN);
        var seaOfJapan = GreatCircle.groundTrack(GeoPoint.of(43.0, 136.0), 225, 700, 10);
        assertThat(REGION.overflown(seaOfJapan)).isEmpty();
    }

    @Test
    void aTrackFromTheMiddleOfThePacificAcrossTheAntimeridianReachesJapan() {
        var flight = FlightPrediction.towards(GeoPoint.of(30, -170), TOKYO, 1000, Duration.ofMinutes(30));
        var track = flight.groundTrack();
        assertThat(track).anyMatch(p -> p.longitude() > 0).anyMatch(p -> p.longitude() < 0);
        assertThat(REGION.territory(JPN).isOverflownBy(track)).isTrue();
    }

    @Test
    void aTrackThatJustMissesLandDoesNotOverflyIt() {
        // Along 37.9 N from 131.0 E eastwards for 150 km: over the sea between Ulleungdo and Honshu.
        var track = GreatCircle.groundTrack(GeoPoint.of(37.9, 131.0), 90, 150, 10);
        assertThat(REGION.overflown(track)).isEmpty();
    }

    @Test
    void aLaunchOverflyingNothingButItsOwnLandNamesOnlyTheLauncher() {
        var flight = new FlightPrediction(GeoPoint.of(39.0, 125.8), 90, 100, 50, Duration.ofMinutes(2));
        assertThat(REGION.overflown(flight.groundTrack())).containsExactly(Party.of("PRK"));
    }

    @Test
    void anEmptyTrackIsRefused() {
        assertThatThrownBy(() -> REGION.overflown(List.of())).isInstanceOf(DomainException.class)
                .hasMessage("a ground track needs at least one point");
    }
}
