package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gaps a timeline shades: exactly the days {@link ChannelHealth} calls a channel overdue or dormant. */
class ChannelGapTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Meeting on(String day) {
        return new Meeting(d(day), d(day), "", "");
    }

    private static Channel annual(Meeting... meetings) {
        return new Channel("c", "C", Cadence.ANNUAL, false, List.of(), Optional.empty(), List.of(meetings), "");
    }

    @Test
    void aMeetingByTheFirstDayOverdueLeavesNoGapAndOneADayLaterLeavesAOneDayGap() {
        assertThat(ChannelGap.of(annual(on("2023-08-18"), on("2024-08-18")), d("2024-12-31"))).isEmpty();
        // On the day a meeting begins the channel has met: the day after the anniversary is not overdue then.
        assertThat(ChannelGap.of(annual(on("2023-08-18"), on("2024-08-19")), d("2024-12-31"))).isEmpty();
        assertThat(ChannelGap.of(annual(on("2023-08-18"), on("2024-08-20")), d("2024-12-31")))
                .containsExactly(new ChannelGap(d("2024-08-19"), d("2024-08-19"), Optional.empty(), false));
    }

    @Test
    void theStandstillBetweenTwoMeetingsIsAGapThatTurnsDormant() {
        var gaps = ChannelGap.of(annual(on("2019-05-09"), on("2024-04-24")), d("2025-01-01"));
        assertThat(gaps).containsExactly(
                new ChannelGap(d("2020-05-10"), d("2024-04-23"), Optional.of(d("2021-05-10")), false));
    }

    @Test
    void afterTheLastMeetingTheGapRunsToTheEndOfThePeriodLookedAt() {
        var c = annual(on("2017-01-05"));
        assertThat(ChannelGap.of(c, d("2018-01-05"))).isEmpty();
        assertThat(ChannelGap.of(c, d("2018-01-06")))
                .containsExactly(new ChannelGap(d("2018-01-06"), d("2018-01-06"), Optional.empty(), true));
        assertThat(ChannelGap.of(c, d("2019-10-01")))
                .containsExactly(new ChannelGap(d("2018-01-06"), d("2019-10-01"), Optional.of(d("2019-01-06")), true));
        // Every day of a gap is one ChannelHealth calls overdue or dormant, and the day on either side is not.
        var gap = ChannelGap.of(c, d("2019-10-01")).getFirst();
        assertThat(ChannelHealth.of(c, gap.from().minusDays(1)).status().alerts()).isFalse();
        assertThat(ChannelHealth.of(c, gap.from()).status()).isEqualTo(ChannelHealth.Status.OVERDUE);
        assertThat(ChannelHealth.of(c, gap.dormantFrom().orElseThrow().minusDays(1)).status())
                .isEqualTo(ChannelHealth.Status.OVERDUE);
        assertThat(ChannelHealth.of(c, gap.dormantFrom().orElseThrow()).status())
                .isEqualTo(ChannelHealth.Status.DORMANT);
    }

    @Test
    void aGapIsAGapInTheRecord() {
        // The vice foreign ministers' 6th meeting (2017-01-05) had four predecessors after the inaugural one
        // (2015-04-16) that the record does not list: the record shows a gap there, and says no more than that.
        var c = annual(on("2015-04-16"), on("2017-01-05"));
        assertThat(ChannelGap.of(c, d("2017-12-31")))
                .containsExactly(new ChannelGap(d("2016-04-17"), d("2017-01-04"), Optional.empty(), false));
    }

    @Test
    void meetingsAfterTheEndOfThePeriodAreNotLookedAtAndNothingBeforeTheFirstMeetingIsAGap() {
        var c = annual(on("2019-05-09"), on("2024-04-24"));
        assertThat(ChannelGap.of(c, d("2019-05-08"))).isEmpty();
        assertThat(ChannelGap.of(c, d("2021-01-01"))).singleElement().satisfies(g -> {
            assertThat(g.ongoing()).isTrue();
            assertThat(g.until()).isEqualTo(d("2021-01-01"));
        });
    }

    @Test
    void aStandingOrPlannedChannelHasNoGaps() {
        var standing = new Channel("s", "S", Cadence.STANDING, false, List.of(), Optional.empty(),
                List.of(on("2024-11-20")), "");
        assertThat(ChannelGap.of(standing, d("2035-01-01"))).isEmpty();
    }
}
