package trisec.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.day;
import static trisec.Fixtures.event;
import static trisec.Fixtures.notice;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.Fixtures.AgreementSpec;
import trisec.agreement.LifecycleEvent.EventType;

/** DESIGN §2.6: when an agreement is in force, for every lifecycle situation. */
class LifecycleTest {

    private static AgreementSpec annual() {
        return new AgreementSpec("a-b", AgreementKind.SIA, KOR, JPN).annual(90).inForce("2016-11-23");
    }

    private static Lifecycle life(AgreementSpec spec) {
        return spec.build().lifecycle();
    }

    @Test
    void beforeSignatureItIsNotYetSigned() {
        var life = life(annual());
        assertThat(life.statusAt(day("2016-11-22")).code()).isEqualTo("NOT_YET_SIGNED");
        assertThat(life.inForceAt(day("2016-11-22"))).isFalse();
    }

    @Test
    void signedButNotYetInForceIsSignedOnly() {
        var spec = new AgreementSpec("a-b", AgreementKind.SIA, KOR, JPN)
                .then(event(EventType.SIGNED, "2000-01-01")).then(event(EventType.IN_FORCE, "2000-03-01"));
        var life = life(spec);
        assertThat(life.statusAt(day("2000-02-01")).code()).isEqualTo("SIGNED");
        assertThat(life.inForceAt(day("2000-02-29"))).isFalse();
        assertThat(life.inForceAt(day("2000-03-01"))).isTrue();
    }

    @Test
    void itIsInForceFromTheFirstInstantOfItsEntryIntoForceDay() {
        var life = life(annual());
        assertThat(life.inForceAt(day("2016-11-23"))).isTrue();
        assertThat(life.inForceAt(day("2016-11-23").minusSeconds(1))).isFalse();
    }

    @Test
    void aNoticeGivenAtLeastTheNoticePeriodBeforeTheTermEndsTakesEffectAtTheEndOfThatTerm() {
        // GSOMIA 2019: notice 2019-08-23, 92 days before 2019-11-23.
        var life = life(annual().then(notice("2019-08-23", null)));
        assertThat(life.statusAt(day("2019-09-01")))
                .isEqualTo(new AgreementStatus.InForce(day("2016-11-23"), Optional.of(day("2019-11-23")), false));
        assertThat(life.inForceAt(day("2019-11-23").minusSeconds(1))).isTrue();
        assertThat(life.inForceAt(day("2019-11-23"))).isFalse();
        assertThat(life.statusAt(day("2019-11-23"))).isEqualTo(new AgreementStatus.Terminated(day("2019-11-23")));
    }

    @Test
    void aNoticeExactlyTheNoticePeriodBeforeTheEndStillCounts() {
        // 2019-11-23 minus 90 days is 2019-08-25.
        var life = life(annual().then(notice("2019-08-25", null)));
        assertThat(life.statusAt(day("2019-09-01")).describe()).isEqualTo("in force with termination effective 2019-11-23");
    }

    @Test
    void aLateNoticeTakesEffectAtTheEndOfTheNextTerm() {
        var life = life(annual().then(notice("2019-08-26", null)));
        assertThat(life.statusAt(day("2019-09-01")).describe()).isEqualTo("in force with termination effective 2020-11-23");
        assertThat(life.inForceAt(day("2020-06-01"))).isTrue();
        assertThat(life.inForceAt(day("2020-11-23"))).isFalse();
    }

    @Test
    void aNoticeOnTheAnniversaryBelongsToTheNewTerm() {
        var life = life(annual().then(notice("2019-11-23", null)));
        assertThat(life.statusAt(day("2019-12-01")).describe()).isEqualTo("in force with termination effective 2020-11-23");
    }

    @Test
    void aNoticeMayStateItsOwnEffectiveDate() {
        var life = life(annual().then(notice("2019-08-23", "2019-09-30")));
        assertThat(life.inForceAt(day("2019-09-29"))).isTrue();
        assertThat(life.inForceAt(day("2019-09-30"))).isFalse();
    }

    @Test
    void aSuspensionBeforeTheEffectiveDateCancelsTheNotice() {
        var life = life(annual().then(notice("2019-08-23", null)).then(event(EventType.NOTICE_SUSPENDED, "2019-11-22")));
        assertThat(life.inForceAt(day("2019-11-23"))).isTrue();
        assertThat(life.statusAt(day("2020-01-01")).describe()).isEqualTo("in force (termination notice suspended)");
        assertThat(life.inForceAt(day("2030-01-01"))).isTrue();
    }

    @Test
    void aSuspensionOnTheEffectiveDateComesTooLate() {
        var events = annual().then(notice("2019-08-23", null)).then(event(EventType.NOTICE_SUSPENDED, "2019-11-23")).build().events();
        var problems = Lifecycle.problems(Optional.of(Period.ofYears(1)), Optional.of(Period.ofDays(90)), events);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(3);
            assertThat(p.message()).contains("no pending termination notice");
        });
    }

    @Test
    void aNewNoticeAfterASuspensionRevivesTermination() {
        // "on the condition the agreement can be terminated at any time"
        var life = life(annual().then(notice("2019-08-23", null)).then(event(EventType.NOTICE_SUSPENDED, "2019-11-22"))
                .then(notice("2020-06-01", "2020-06-15")));
        assertThat(life.inForceAt(day("2020-06-14"))).isTrue();
        assertThat(life.inForceAt(day("2020-06-15"))).isFalse();
    }

    @Test
    void aWithdrawalCancelsAPendingNotice() {
        var life = life(annual().then(notice("2019-08-23", null)).then(event(EventType.NOTICE_WITHDRAWN, "2019-10-01")));
        assertThat(life.statusAt(day("2019-10-01")).describe()).isEqualTo("in force");
        assertThat(life.inForceAt(day("2025-01-01"))).isTrue();
    }

    @Test
    void aWithdrawalAfterASuspensionEndsTheMatterForGood() {
        var life = life(annual().then(notice("2019-08-23", null)).then(event(EventType.NOTICE_SUSPENDED, "2019-11-22"))
                .then(event(EventType.NOTICE_WITHDRAWN, "2023-03-21")));
        assertThat(life.statusAt(day("2023-03-20")).describe()).isEqualTo("in force (termination notice suspended)");
        assertThat(life.statusAt(day("2023-03-21")).describe()).isEqualTo("in force");
    }

    @Test
    void anExplicitTerminationEndsItAtOnce() {
        var life = life(annual().then(event(EventType.TERMINATED, "2018-05-05")));
        assertThat(life.inForceAt(day("2018-05-04"))).isTrue();
        assertThat(life.statusAt(day("2018-05-05")).describe()).isEqualTo("terminated 2018-05-05");
    }

    @Test
    void aTerminatedAgreementCanEnterIntoForceAgainWithFreshTerms() {
        var life = life(annual().then(event(EventType.TERMINATED, "2018-05-05"))
                .then(event(EventType.IN_FORCE, "2020-02-01")).then(notice("2020-03-01", null)));
        assertThat(life.inForceAt(day("2019-01-01"))).isFalse();
        assertThat(life.inForceAt(day("2020-02-01"))).isTrue();
        // Terms now run from 2020-02-01: notice on 2020-03-01 fits before 2021-02-01.
        assertThat(life.statusAt(day("2020-04-01")).describe()).isEqualTo("in force with termination effective 2021-02-01");
        assertThat(life.inForceIntervals()).hasSize(2);
    }

    @Test
    void anAgreementWithoutTermsRunsUntilTerminatedAndANoticeTakesOneNoticePeriod() {
        var spec = new AgreementSpec("a-b", AgreementKind.TREATY, KOR, JPN).noticePeriod(Period.ofYears(1))
                .inForce("1954-11-17");
        assertThat(life(spec).inForceAt(day("2100-01-01"))).isTrue();
        var life = life(spec.then(notice("2030-03-01", null)));
        assertThat(life.statusAt(day("2030-04-01")).describe()).isEqualTo("in force with termination effective 2031-03-01");
    }

    @Test
    void withoutTermsOrNoticePeriodANoticeMustStateItsDate() {
        var spec = new AgreementSpec("a-b", AgreementKind.SIA, KOR, JPN).inForce("1987-09-24").then(notice("2030-01-01", null));
        assertThatThrownBy(() -> life(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must state its effective date");
    }

    @Test
    void impossibleSequencesAreNamed() {
        var none = Optional.<Period>empty();
        assertThat(Lifecycle.problems(none, none, List.of(event(EventType.IN_FORCE, "2000-01-01"))))
                .extracting(Lifecycle.EventProblem::message).containsExactly("it enters into force before it is signed");
        assertThat(Lifecycle.problems(none, none, List.of(event(EventType.SIGNED, "2000-01-01"),
                event(EventType.NOTICE_WITHDRAWN, "2001-01-01"))))
                .extracting(Lifecycle.EventProblem::message).containsExactly("there is no termination notice to withdraw");
        assertThat(Lifecycle.problems(Optional.of(Period.ofYears(1)), none, List.of(event(EventType.SIGNED, "2000-01-01"),
                event(EventType.IN_FORCE, "2000-01-01"), notice("2000-02-01", null), notice("2000-03-01", null))))
                .extracting(Lifecycle.EventProblem::index).containsExactly(3);
        assertThat(Lifecycle.problems(none, none, List.of(event(EventType.AMENDED, "2000-01-01"))))
                .extracting(Lifecycle.EventProblem::message).containsExactly("an agreement is amended only after it is signed");
    }

    @Test
    void aTermStartingOnTheTwentyNinthOfFebruaryEndsOnTheLastDayOfFebruary() {
        var spec = new AgreementSpec("a-b", AgreementKind.SIA, KOR, JPN).annual(30).inForce("2016-02-29")
                .then(notice("2017-01-01", null));
        assertThat(life(spec).statusAt(day("2017-01-02")).describe())
                .isEqualTo("in force with termination effective 2017-02-28");
    }
}
