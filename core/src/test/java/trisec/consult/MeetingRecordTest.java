package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.party.Party;

class MeetingRecordTest {
    private static final Party JPN = Party.of("JPN");
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");
    private static final Set<Party> ALL = Set.of(JPN, KOR, USA);
    private static final Channel DEFENSE = new Channel("defense-ministers", "Defense ministers", Cadence.ANNUAL, false,
            List.of(JPN, KOR, USA), Optional.of(Period.ofYears(1)), List.of(new Meeting(LocalDate.parse("2024-07-28"),
            LocalDate.parse("2024-07-28"), "Tokyo", "")), "");
    private static final Channel DTT = new Channel("defense-trilateral-talks", "DTT", Cadence.ANNUAL, false,
            List.of(), Optional.empty(), List.of(), "");
    private static final List<MeetingRecord.AgendaItem> AGENDA =
            List.of(new MeetingRecord.AgendaItem("Missile warning data", Track.SECURITY));

    private static MeetingRecord plan(Channel c, String date, Optional<Party> host) {
        return MeetingRecord.plan("m1", c, ALL, KOR, LocalDate.parse(date), null, "Seoul", host,
                Map.of(KOR, List.of("Minister")), AGENDA);
    }

    @Test
    void theHostIsTheRotationsOnTheFirstDayOnEitherSideOfATurn() {
        assertThat(plan(DEFENSE, "2025-07-27", Optional.empty()).host()).contains(JPN);
        assertThat(plan(DEFENSE, "2025-07-28", Optional.empty()).host()).contains(KOR);
        assertThat(plan(DEFENSE, "2025-07-28", Optional.of(KOR)).host()).contains(KOR);
        assertThatThrownBy(() -> plan(DEFENSE, "2025-07-28", Optional.of(JPN))).isInstanceOf(DomainException.class)
                .hasMessageContaining("hosted by KOR").hasMessageContaining("not JPN");
    }

    @Test
    void withoutARotationTheNamedHostHostsAndOnlyAPartyOfTheChannel() {
        assertThat(plan(DTT, "2016-05-01", Optional.of(USA)).host()).contains(USA);
        assertThat(plan(DTT, "2016-05-01", Optional.empty()).host()).isEmpty();
        assertThatThrownBy(() -> MeetingRecord.plan("m1", DTT, Set.of(KOR, USA), KOR, LocalDate.parse("2016-05-01"),
                null, "Seoul", Optional.of(JPN), Map.of(), AGENDA)).hasMessageContaining("the host is a party");
    }

    @Test
    void aRecordMovesForwardOnlyAndActionsComeOutOfAHeldMeeting() {
        MeetingRecord planned = plan(DEFENSE, "2025-08-01", Optional.empty());
        assertThatThrownBy(() -> planned.withAction(ALL, KOR, LocalDate.parse("2025-12-01"), "report"))
                .hasMessageContaining("planned meeting cannot be given action items");
        assertThatThrownBy(() -> planned.held(LocalDate.parse("2025-07-31"), List.of()))
                .hasMessageContaining("on or after its first day");
        MeetingRecord held = planned.held(LocalDate.parse("2025-08-01"), List.of("Joint press statement"));
        assertThat(held.revision()).isEqualTo(2);
        assertThatThrownBy(() -> held.cancelled("storm")).hasMessageContaining("held meeting cannot be cancelled");
        MeetingRecord withAction = held.withAction(ALL, JPN, LocalDate.parse("2025-12-01"), "Draft the exercise plan")
                .withFollowUp(1, MeetingRecord.ActionStatus.DONE, Optional.of("Plan circulated"));
        assertThat(withAction.actions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(MeetingRecord.ActionStatus.DONE);
            assertThat(a.followUp()).contains("Plan circulated");
        });
        assertThat(withAction.revision()).isEqualTo(4);
        assertThatThrownBy(() -> withAction.withFollowUp(2, MeetingRecord.ActionStatus.DONE, Optional.empty()))
                .hasMessageContaining("no action item 2");
        assertThat(planned.cancelled("typhoon").cancellation()).contains("typhoon");
    }

    @Test
    void aPlannedMeetingMovesWithItsLengthAndTakesTheRotationsHostOnItsNewFirstDay() {
        MeetingRecord planned = MeetingRecord.plan("m1", DEFENSE, ALL, KOR, LocalDate.parse("2025-07-24"),
                LocalDate.parse("2025-07-26"), "Tokyo", Optional.empty(), Map.of(), AGENDA);
        assertThat(planned.host()).contains(JPN);
        // Moved across the turn of 2025-07-28: Korea's to host now, three days still.
        MeetingRecord moved = planned.rescheduled(DEFENSE, LocalDate.parse("2025-08-04"), null, null);
        assertThat(moved.start()).isEqualTo(LocalDate.parse("2025-08-04"));
        assertThat(moved.end()).isEqualTo(LocalDate.parse("2025-08-06"));
        assertThat(moved.place()).isEqualTo("Tokyo");
        assertThat(moved.host()).contains(KOR);
        assertThat(moved.revision()).isEqualTo(2);
        MeetingRecord seoul = moved.rescheduled(DEFENSE, null, LocalDate.parse("2025-08-04"), " Seoul ");
        assertThat(seoul.end()).isEqualTo(seoul.start());
        assertThat(seoul.place()).isEqualTo("Seoul");

        assertThatThrownBy(() -> seoul.rescheduled(DEFENSE, null, null, "Seoul")).hasMessageContaining("nothing to change");
        assertThatThrownBy(() -> seoul.rescheduled(DEFENSE, null, LocalDate.parse("2025-08-01"), null))
                .hasMessageContaining("ends on or after the day it starts");
        assertThatThrownBy(() -> seoul.rescheduled(DEFENSE, null, null, " ")).hasMessageContaining("place is 1 to 200");
        assertThatThrownBy(() -> seoul.cancelled("storm").rescheduled(DEFENSE, LocalDate.parse("2025-09-01"), null,
                null)).hasMessageContaining("cancelled meeting cannot be rescheduled");
        assertThatThrownBy(() -> seoul.held(LocalDate.parse("2025-08-04"), List.of()).rescheduled(DEFENSE,
                LocalDate.parse("2025-09-01"), null, null)).hasMessageContaining("held meeting cannot be rescheduled");
        // Without a rotation the named host stays wherever the meeting goes.
        MeetingRecord dtt = plan(DTT, "2016-05-01", Optional.of(USA));
        assertThat(dtt.rescheduled(DTT, LocalDate.parse("2016-06-01"), null, null).host()).contains(USA);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Track.parse("culture")).hasMessageContaining("security, economy, history, other");
        assertThatThrownBy(() -> MeetingRecord.plan("m1", DTT, ALL, KOR, LocalDate.parse("2016-05-02"),
                LocalDate.parse("2016-05-01"), "Seoul", Optional.empty(), Map.of(), AGENDA))
                .hasMessageContaining("ends on or after the day it starts");
        assertThatThrownBy(() -> MeetingRecord.plan("m1", DTT, ALL, KOR, LocalDate.parse("2016-05-01"), null, " ",
                Optional.empty(), Map.of(), AGENDA)).hasMessageContaining("place is 1 to 200");
    }

    @Test
    void daysACalendarCannotWriteAreRefusedWhateverTheRouteIn() {
        var planned = plan(DTT, "2025-08-20", Optional.empty());
        LocalDate far = LocalDate.parse("+999999999-12-31");
        assertThatThrownBy(() -> MeetingRecord.plan("m2", DTT, ALL, KOR, far, null, "Seoul", Optional.empty(),
                Map.of(), AGENDA)).isInstanceOf(DomainException.class)
                .hasMessageContaining("between 1900-01-01 and 2199-12-31");
        assertThatThrownBy(() -> planned.rescheduled(DTT, far, null, null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("between 1900-01-01 and 2199-12-31");
        assertThatThrownBy(() -> planned.rescheduled(DTT, null, LocalDate.parse("2200-01-01"), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("between 1900-01-01 and 2199-12-31");
        assertThat(planned.rescheduled(DTT, null, LocalDate.parse("2199-12-31"), null).end())
                .isEqualTo(LocalDate.parse("2199-12-31"));
        var held = planned.held(LocalDate.parse("2025-08-20"), List.of("agreed"));
        assertThatThrownBy(() -> held.withAction(ALL, JPN, LocalDate.parse("1899-12-31"), "task"))
                .isInstanceOf(DomainException.class).hasMessageContaining("due date");
    }
}
