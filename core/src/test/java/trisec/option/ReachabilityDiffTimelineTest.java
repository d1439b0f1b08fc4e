package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.day;

import java.util.Set;
import org.junit.jupiter.api.Test;
import trisec.scenario.Scenario;

class ReachabilityDiffTimelineTest {
    private final Scenario shipped = Shipped.scenario();

    @Test
    void koreasNoticeChangesNothingUntilTheTermEndsAndKoreaAndJapanFromThenOn() {
        Scenario after = Shipped.korNotice().applyTo(shipped);
        var timeline = ReachabilityDiffTimeline.of(shipped, after, day("2026-01-01"), day("2027-01-01"));
        assertThat(timeline.stretches()).hasSize(2);
        var until = timeline.stretches().get(0);
        assertThat(until.from()).isEqualTo(day("2026-01-01"));
        assertThat(until.until()).isEqualTo(day("2026-11-23"));
        assertThat(until.diff().isEmpty()).isTrue();
        var from = timeline.stretches().get(1);
        assertThat(from.from()).isEqualTo(day("2026-11-23"));
        assertThat(from.until()).isEqualTo(day("2027-01-01"));
        assertThat(from.diff().changes()).isNotEmpty()
                .allSatisfy(c -> assertThat(Set.of(c.originator(), c.recipient())).isEqualTo(Set.of(KOR, JPN)));
        // Each stretch says what the difference at a single instant inside it says.
        assertThat(from.diff().changes()).isEqualTo(ReachabilityDiff.of(shipped, after, day("2026-12-15")).changes());
    }

    @Test
    void aWideningTheDirectRouteHidesIsOneStretchWithoutAChange() {
        Scenario after = Shipped.tisaWidened().applyTo(shipped);
        var timeline = ReachabilityDiffTimeline.of(shipped, after, day("2026-01-01"), day("2027-01-01"));
        assertThat(timeline.stretches()).singleElement().satisfies(s -> {
            assertThat(s.diff().isEmpty()).isTrue();
            assertThat(s.from()).isEqualTo(day("2026-01-01"));
            assertThat(s.until()).isEqualTo(day("2027-01-01"));
        });
    }

    @Test
    void theRealScenariosOwnChangesAreNotTheOptions() {
        // 2016: the GSOMIA enters into force on 2016-11-23 and the real matrix changes with it; the notice of 2026
        // changes nothing then, so the option's timeline is one stretch without a change.
        Scenario after = Shipped.korNotice().applyTo(shipped);
        assertThat(ReachabilityTimeline.of(shipped, day("2016-01-01"), day("2017-01-01"), TopicTree.of(shipped))
                .stretches()).hasSize(2);
        var timeline = ReachabilityDiffTimeline.of(shipped, after, day("2016-01-01"), day("2017-01-01"));
        assertThat(timeline.stretches()).singleElement().satisfies(s -> assertThat(s.diff().isEmpty()).isTrue());
    }
}
