package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.party.Party;

class RotationTest {
    private static final Party JPN = Party.of("JPN");
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");

    private static Channel channel(Period every, LocalDate first) {
        return new Channel("defense-ministers", "Defense ministers", Cadence.ANNUAL, false, List.of(JPN, KOR, USA),
                Optional.of(every), List.of(new Meeting(first, first, "Tokyo", "")), "");
    }

    @Test
    void theHostMovesOnEveryPeriodFromTheFirstMeetingAndNotBeforeIt() {
        Channel c = channel(Period.ofYears(1), LocalDate.parse("2024-07-28"));
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-07-27"))).isEmpty();
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-07-28"))).contains(JPN);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2025-07-27"))).contains(JPN);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2025-07-28"))).contains(KOR);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2026-07-28"))).contains(USA);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2027-07-28"))).contains(JPN);
        assertThat(Rotation.turnStart(c, LocalDate.parse("2026-12-05"))).contains(LocalDate.parse("2026-07-28"));
        assertThat(Rotation.nextTurn(c, LocalDate.parse("2026-12-05"))).contains(LocalDate.parse("2027-07-28"));
    }

    @Test
    void aPeriodInDaysCountsWholePeriods() {
        Channel c = channel(Period.ofDays(10), LocalDate.parse("2024-01-01"));
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-01-10"))).contains(JPN);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-01-11"))).contains(KOR);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-01-21"))).contains(USA);
        // 2025-01-01 is 366 days on: turn 36, which is JPN's (36 is a multiple of 3).
        assertThat(Rotation.hostOn(c, LocalDate.parse("2025-01-01"))).contains(JPN);
        assertThat(Rotation.hostOn(c, LocalDate.parse("2025-01-06"))).contains(KOR);
    }

    @Test
    void aChannelWithoutARotationHasNoHost() {
        Channel c = new Channel("leaders", "Leaders", Cadence.ANNUAL, false, List.of(), Optional.empty(),
                List.of(new Meeting(LocalDate.parse("2023-08-18"), LocalDate.parse("2023-08-18"), "Camp David", "")),
                "");
        assertThat(Rotation.hostOn(c, LocalDate.parse("2024-01-01"))).isEmpty();
    }
}
