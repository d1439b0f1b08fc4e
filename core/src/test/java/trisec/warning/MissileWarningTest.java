package trisec.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.party.Party;

/** A warning opens with a state, is refined by updates, and once closed takes no more. */
class MissileWarningTest {
    private static final Instant LAUNCH = Instant.parse("2017-11-28T18:17:00Z");
    private static final GeoPoint PYONGSONG = GeoPoint.of(39.25, 125.87);
    private static final TrackNumber TRACK = TrackNumber.of("KOR-0001");
    private static final Detection DETECTION = new Detection(LAUNCH.plusSeconds(20), Party.of("KOR"), "Green Pine");

    private static WarningState state(int secondsAfterLaunch, double azimuth, double rangeKm, double confidence) {
        return new WarningState(LAUNCH.plusSeconds(secondsAfterLaunch),
                new FlightPrediction(PYONGSONG, azimuth, 4475, rangeKm, Duration.ofMinutes(53)),
                ErrorEllipse.circle(rangeKm / 10), confidence, Optional.empty());
    }

    @Test
    void anUpdateKeepsTheHistoryAndMakesTheNewStateCurrent() {
        var opened = MissileWarning.open(TRACK, DETECTION, state(30, 80, 600, 0.3));
        var refined = opened.update(state(90, 76.6, 950, 0.8));
        assertThat(opened.states()).hasSize(1);
        assertThat(refined.states()).hasSize(2);
        assertThat(refined.current().flight().azimuthDeg()).isEqualTo(76.6);
        assertThat(refined.current().impact().point()).isEqualTo(refined.current().flight().impactPoint());
        assertThat(refined.isOpen()).isTrue();
        assertThat(refined.detectingParty()).isEqualTo(Party.of("KOR"));
    }

    @Test
    void aClosedWarningCannotBeUpdatedNorClosedAgain() {
        var splash = new Closure.Splashdown(LAUNCH.plusSeconds(53 * 60), GeoPoint.of(40.72, 136.86));
        var closed = MissileWarning.open(TRACK, DETECTION, state(30, 80, 600, 0.3)).close(splash);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closure()).contains(splash);
        assertThatThrownBy(() -> closed.update(state(3300, 76, 950, 0.9))).isInstanceOf(DomainException.class)
                .hasMessage("warning KOR-0001 is closed (splashdown at 40.7200 N, 136.8600 E, 2017-11-28T19:10:00Z)"
                        + " and cannot be updated");
        assertThatThrownBy(() -> closed.close(new Closure.TrackLost(LAUNCH.plusSeconds(4000))))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot be closed again");
    }

    @Test
    void aWarningClosedOnLossOfTrackSaysSo() {
        var lost = MissileWarning.open(TRACK, DETECTION, state(30, 80, 600, 0.3))
                .close(new Closure.TrackLost(LAUNCH.plusSeconds(600)));
        assertThatThrownBy(() -> lost.update(state(700, 76, 950, 0.9))).isInstanceOf(DomainException.class)
                .hasMessage("warning KOR-0001 is closed (track lost at 2017-11-28T18:27:00Z) and cannot be updated");
    }

    @Test
    void statesGoForwardInTimeFromTheDetection() {
        assertThatThrownBy(() -> MissileWarning.open(TRACK, DETECTION, state(10, 80, 600, 0.3)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("a state at 2017-11-28T18:17:10Z cannot come before 2017-11-28T18:17:20Z");
        var opened = MissileWarning.open(TRACK, DETECTION, state(60, 80, 600, 0.3));
        assertThatThrownBy(() -> opened.update(state(50, 80, 600, 0.3))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> opened.close(new Closure.TrackLost(LAUNCH.plusSeconds(59))))
                .isInstanceOf(DomainException.class).hasMessageContaining("before its last state");
    }

    @Test
    void aWarningHasAtLeastOneStateAndItsHistoryCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> new MissileWarning(TRACK, DETECTION, List.of(), Optional.empty()))
                .isInstanceOf(DomainException.class).hasMessage("warning KOR-0001 has no state: a warning opens with one");
        var states = new java.util.ArrayList<>(List.of(state(30, 80, 600, 0.3)));
        var warning = new MissileWarning(TRACK, DETECTION, states, Optional.empty());
        states.clear();
        assertThat(warning.states()).hasSize(1);
        assertThatThrownBy(() -> warning.states().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
