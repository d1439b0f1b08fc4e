package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trisec.consult.ChannelHealth.Status;
import trisec.party.Party;

/**
 * A channel's health on both sides of every threshold its cadence sets: the day before, on and after the first day
 * due, the last day due (the anniversary) and the last day overdue, for an annual and a half-yearly channel.
 */
class ChannelHealthTest {
    private static final Party JPN = Party.of("JPN");
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Meeting on(String day) {
        return new Meeting(d(day), d(day), "", "");
    }

    private static Channel channel(Cadence cadence, Meeting... meetings) {
        return new Channel("c", "C", cadence, false, List.of(), Optional.empty(), Arrays.asList(meetings), "");
    }

    @ParameterizedTest(name = "annual, last met 2023-08-18, on {0}: {1}")
    @CsvSource({
            // Two months before the anniversary the next meeting falls due.
            "2023-08-18, MET", "2024-06-17, MET", "2024-06-18, DUE", "2024-06-19, DUE",
            // "At least annually": the anniversary itself is the last day it is due, not yet overdue.
            "2024-08-17, DUE", "2024-08-18, DUE", "2024-08-19, OVERDUE",
            // A second year without a meeting: dormant.
            "2025-08-17, OVERDUE", "2025-08-18, OVERDUE", "2025-08-19, DORMANT", "2030-01-01, DORMANT"})
    void anAnnualChannel(String at, Status expected) {
        var h = ChannelHealth.of(channel(Cadence.ANNUAL, on("2023-08-18")), d(at));
        assertThat(h.status()).isEqualTo(expected);
        assertThat(h.dueFrom()).contains(d("2024-06-18"));
        assertThat(h.dueBy()).contains(d("2024-08-18"));
        assertThat(h.dormantAfter()).contains(d("2025-08-18"));
        assertThat(h.status().alerts()).isEqualTo(expected == Status.OVERDUE || expected == Status.DORMANT);
    }

    @ParameterizedTest(name = "half-yearly, last met 2024-01-31, on {0}: {1}")
    @CsvSource({
            // Six months from 31 January is 31 July; a month before it, 30 June (June has no 31st).
            "2024-06-29, MET", "2024-06-30, DUE", "2024-07-01, DUE",
            "2024-07-30, DUE", "2024-07-31, DUE", "2024-08-01, OVERDUE",
            "2025-01-30, OVERDUE", "2025-01-31, OVERDUE", "2025-02-01, DORMANT"})
    void aHalfYearlyChannel(String at, Status expected) {
        var h = ChannelHealth.of(channel(Cadence.SEMIANNUAL, on("2024-01-31")), d(at));
        assertThat(h.status()).isEqualTo(expected);
        assertThat(h.dueBy()).contains(d("2024-07-31"));
    }

    @Test
    void aMeetingOfSeveralDaysCountsFromItsLastDayAndIsInSessionMeanwhile() {
        var c = channel(Cadence.ANNUAL, new Meeting(d("2024-06-27"), d("2024-06-29"), "", ""));
        assertThat(ChannelHealth.of(c, d("2024-06-28")).daysSince()).contains(0L);
        assertThat(ChannelHealth.of(c, d("2024-07-09")).daysSince()).contains(10L);
        assertThat(ChannelHealth.of(c, d("2025-06-29")).status()).isEqualTo(Status.DUE);
        assertThat(ChannelHealth.of(c, d("2025-06-30")).status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void aNewMeetingResetsTheClockOnTheDayItBegins() {
        var c = channel(Cadence.ANNUAL, on("2019-05-09"), on("2024-04-24"));
        assertThat(ChannelHealth.of(c, d("2024-04-23")).status()).isEqualTo(Status.DORMANT);
        var after = ChannelHealth.of(c, d("2024-04-24"));
        assertThat(after.status()).isEqualTo(Status.MET);
        assertThat(after.lastMet()).contains(on("2024-04-24"));
        assertThat(after.nextOnRecord()).isEmpty();
        assertThat(ChannelHealth.of(c, d("2024-04-23")).nextOnRecord()).contains(on("2024-04-24"));
    }

    @Test
    void withoutAMeetingOnRecordTheStatusSaysSoRatherThanGuessDormant() {
        assertThat(ChannelHealth.of(channel(Cadence.ANNUAL), d("2019-10-01")).status()).isEqualTo(Status.NO_RECORD);
        var c = channel(Cadence.ANNUAL, on("2019-05-09"));
        var before = ChannelHealth.of(c, d("2019-05-08"));
        assertThat(before.status()).isEqualTo(Status.NO_RECORD);
        assertThat(before.lastMet()).isEmpty();
        assertThat(before.daysSince()).isEmpty();
        assertThat(before.dueBy()).isEmpty();
        assertThat(before.status().alerts()).isFalse();
        assertThat(ChannelHealth.of(c, d("2019-05-09")).status()).isEqualTo(Status.MET);
    }

    @Test
    void aStandingBodyIsInSessionFromItsFirstMeetingAndDoesNotExistBefore() {
        var c = channel(Cadence.STANDING, on("2024-11-20"));
        assertThat(ChannelHealth.of(c, d("2024-11-19")).status()).isEqualTo(Status.NOT_ESTABLISHED);
        assertThat(ChannelHealth.of(c, d("2024-11-20")).status()).isEqualTo(Status.STANDING);
        var years = ChannelHealth.of(c, d("2030-11-20"));
        assertThat(years.status()).isEqualTo(Status.STANDING);
        assertThat(years.dueBy()).isEmpty();
        assertThat(years.status().alerts()).isFalse();
        // With no meeting on record at all, the record does not say it was ever set up.
        assertThat(ChannelHealth.of(channel(Cadence.STANDING), d("2030-01-01")).status()).isEqualTo(Status.NO_RECORD);
    }

    @Test
    void anExerciseOnAPlanIsNeverDueOrDormant() {
        var c = channel(Cadence.PLANNED, new Meeting(d("2024-06-27"), d("2024-06-29"), "", ""));
        assertThat(ChannelHealth.of(c, d("2024-06-26")).status()).isEqualTo(Status.NO_RECORD);
        assertThat(ChannelHealth.of(c, d("2024-06-27")).status()).isEqualTo(Status.PLANNED);
        assertThat(ChannelHealth.of(c, d("2029-01-01")).status()).isEqualTo(Status.PLANNED);
    }

    @Test
    void theHostNowAndNextComeFromTheRotationAndBeforeItTheFirstHostFromTheFirstMeeting() {
        var c = new Channel("defense-ministers", "Defense ministers", Cadence.ANNUAL, false, List.of(JPN, KOR, USA),
                Optional.of(Period.ofYears(1)), List.of(on("2024-07-28")), "");
        var before = ChannelHealth.of(c, d("2024-07-27"));
        assertThat(before.host()).isEmpty();
        assertThat(before.nextHost()).contains(JPN);
        assertThat(before.nextHostFrom()).contains(d("2024-07-28"));
        var first = ChannelHealth.of(c, d("2024-07-28"));
        assertThat(first.host()).contains(JPN);
        assertThat(first.nextHost()).contains(KOR);
        assertThat(first.nextHostFrom()).contains(d("2025-07-28"));
        var lastDay = ChannelHealth.of(c, d("2025-07-27"));
        assertThat(lastDay.host()).contains(JPN);
        assertThat(lastDay.nextHost()).contains(KOR);
        var second = ChannelHealth.of(c, d("2025-07-28"));
        assertThat(second.host()).contains(KOR);
        assertThat(second.nextHost()).contains(USA);
        assertThat(second.nextHostFrom()).contains(d("2026-07-28"));
        var wrap = ChannelHealth.of(c, d("2026-07-28"));
        assertThat(wrap.host()).contains(USA);
        assertThat(wrap.nextHost()).contains(JPN);
    }

    @Test
    void aChannelWithoutARotationHasNoHostNowOrNext() {
        var h = ChannelHealth.of(channel(Cadence.ANNUAL, on("2023-08-18")), d("2024-01-01"));
        assertThat(h.host()).isEmpty();
        assertThat(h.nextHost()).isEmpty();
        assertThat(h.nextHostFrom()).isEmpty();
    }
}
