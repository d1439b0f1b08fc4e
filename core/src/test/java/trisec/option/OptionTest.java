package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.kor;
import static trisec.option.Shipped.GSOMIA;
import static trisec.option.Shipped.TISA;
import static trisec.option.Shipped.change;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.agreement.AgreementKind;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Member;
import trisec.scenario.Scenario;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

class OptionTest {
    private static final Party AUS = Party.of("AUS");
    private final Scenario shipped = Shipped.scenario();

    @Test
    void anOptionsFirstChangeIsTheEarliestDateAnyChangeNames() {
        assertThat(Shipped.korNotice().firstChange()).contains(day("2026-03-01"));
        var both = new Option("both", "", List.of(Shipped.tisaWidened().changes().getFirst(),
                new Change.HubOutage(USA, day("2025-07-01"), day("2025-08-01")),
                Shipped.korNotice().changes().getFirst()));
        assertThat(both.firstChange()).contains(day("2025-07-01"));
        var party = new Option("a party alone", "", List.of(new Change.NewParty(new Member(Party.of("AUS"), "Australia",
                Fixtures.scheme(Party.of("AUS"), "SECRET:SECRET")))));
        assertThat(party.firstChange()).isEmpty();
    }

    @Test
    void aNoticeEndsTheGsomiaAtTheEndOfTheTermItReaches() {
        Scenario after = Shipped.korNotice().applyTo(shipped);
        var gsomia = after.agreement(GSOMIA).orElseThrow();
        assertThat(after.lifecycle(gsomia).statusAt(day("2026-11-22")).describe())
                .isEqualTo("in force with termination effective 2026-11-23");
        assertThat(after.lifecycle(gsomia).inForceAt(day("2026-11-23"))).isFalse();
    }

    @Test
    void theScenarioAnOptionIsAppliedToStaysAsItWas() {
        var agreements = shipped.agreements();
        Scenario after = Shipped.korNotice().applyTo(shipped);
        assertThat(after).isNotSameAs(shipped);
        assertThat(shipped.agreements()).isEqualTo(agreements);
        var gsomia = shipped.agreement(GSOMIA).orElseThrow();
        assertThat(shipped.lifecycle(gsomia).inForceAt(day("2027-01-01"))).isTrue();
    }

    @Test
    void aScopeChangeWidensTheArrangementFromItsDateOnly() {
        Scenario after = Shipped.tisaWidened().applyTo(shipped);
        var tisa = after.agreement(TISA).orElseThrow();
        assertThat(tisa.scopeAt(day("2026-03-31")).topics()).isEqualTo(TopicScope.of("dprk.nuclear", "dprk.missile"));
        assertThat(tisa.scopeAt(day("2026-04-01")).topics()).isEqualTo(TopicScope.of("dprk", "china"));
    }

    @Test
    void aNewPartyWithItsSchemeAndANewAgreementAreTriedAfterTheOthers() {
        var aus = Fixtures.scheme(AUS, "TOP SECRET:TOP_SECRET", "SECRET:SECRET");
        var sia = new Fixtures.AgreementSpec("usa-aus-sia-2026", AgreementKind.SIA, USA, AUS)
                .row(Fixtures.usa("SECRET"), aus.level("SECRET")).inForce("2026-01-01").build();
        var option = new Option("Australia joins", "", List.of(new Change.NewParty(new Member(AUS, "Australia", aus)),
                new Change.NewAgreement(sia)));
        Scenario after = option.applyTo(shipped);
        assertThat(after.parties()).containsExactly(USA, KOR, JPN, AUS);
        assertThat(after.agreements().getLast().id()).isEqualTo("usa-aus-sia-2026");
        var label = ConfidentialityLabel.of(aus.level("SECRET"), Topic.of("china"));
        var d = ReleasePolicy.of(after).decide(ReleaseRequest.fromOriginator(label, USA, day("2026-06-01")));
        assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(d.basis()).containsExactly("usa-aus-sia-2026");
    }

    @Test
    void aHubOutageIsAnOutageOfTheScenarioForThePolicyToRouteAround() {
        var option = new Option("hub down", "", List.of(new Change.HubOutage(USA, day("2015-06-01"), day("2015-06-08"))));
        Scenario after = option.applyTo(shipped);
        assertThat(after.outages()).singleElement().satisfies(o -> assertThat(o.party()).isEqualTo(USA));
        var label = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile"));
        assertThat(ReleasePolicy.of(after).decide(ReleaseRequest.fromOriginator(label, JPN, day("2015-06-02"))).verdict())
                .isEqualTo(Verdict.DENY);
        assertThat(ReleasePolicy.of(shipped).decide(ReleaseRequest.fromOriginator(label, JPN, day("2015-06-02"))).verdict())
                .isEqualTo(Verdict.PERMIT);
    }

    @Test
    void anUnknownAgreementIsRefusedWithTheOnesThereAre() {
        var option = new Option("typo", "", List.of(change("kor-jpn-gsomia", EventType.TERMINATION_NOTICE, "2026-03-01", KOR)));
        assertThatThrownBy(() -> option.applyTo(shipped)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("option 'typo', change 1 (kor-jpn-gsomia: TERMINATION_NOTICE by KOR on 2026-03-01): "
                        + "there is no agreement 'kor-jpn-gsomia' in the scenario (usa-kor-gsomia-1987,");
    }

    @Test
    void anEventBeforeTheAgreementsSignatureIsRefused() {
        var option = new Option("early", "", List.of(change(GSOMIA, EventType.TERMINATION_NOTICE, "2015-01-01", KOR)));
        assertThat(option.problems(shipped)).containsExactly(new Option.Problem(0,
                "the TERMINATION_NOTICE of 2015-01-01 comes before the agreement's signature on 2016-11-23"));
    }

    @Test
    void anEventThatMakesALaterRealOneImpossibleIsRefusedNamingIt() {
        var option = new Option("ended in 2020", "", List.of(change(GSOMIA, EventType.TERMINATED, "2020-01-01", null)));
        assertThat(option.problems(shipped)).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
                "the TERMINATED of 2020-01-01 makes the agreement's NOTICE_WITHDRAWN of 2023-03-21 impossible: "
                        + "there is no termination notice to withdraw"));
    }

    @Test
    void anImpossibleEventIsRefusedInTheLifecyclesWords() {
        var option = new Option("twice", "", List.of(change(GSOMIA, EventType.TERMINATION_NOTICE, "2026-03-01", KOR),
                change(GSOMIA, EventType.TERMINATION_NOTICE, "2026-04-01", KOR)));
        assertThat(option.problems(shipped)).containsExactly(new Option.Problem(1,
                "the TERMINATION_NOTICE of 2026-04-01 is impossible: a termination notice is already pending "
                        + "(effective 2026-11-23)"));
    }

    @Test
    void aPartyThatExistsIsRefused() {
        var option = new Option("again", "", List.of(new Change.NewParty(new Member(KOR, "Korea", Fixtures.KOR_SCHEME))));
        assertThat(option.problems(shipped)).containsExactly(new Option.Problem(0, "KOR is already a party of the scenario"));
    }

    @Test
    void anAgreementWithAnUnknownPartyIsRefusedUnlessAnEarlierChangeAddsIt() {
        var aus = Fixtures.scheme(AUS, "SECRET:SECRET");
        var sia = new Fixtures.AgreementSpec("usa-aus-sia-2026", AgreementKind.SIA, USA, AUS)
                .row(Fixtures.usa("SECRET"), aus.level("SECRET")).inForce("2026-01-01").build();
        assertThat(new Option("no party", "", List.of(new Change.NewAgreement(sia))).problems(shipped))
                .extracting(Option.Problem::message)
                .containsExactly("party AUS is not in the scenario (a change before this one may add it)");
    }

    @Test
    void anAgreementIdThatExistsIsRefused() {
        var again = Fixtures.korJpn().build();
        assertThat(new Option("dup", "", List.of(new Change.NewAgreement(again))).problems(shipped))
                .extracting(Option.Problem::message)
                .containsExactly("the scenario already has an agreement 'kor-jpn-gsomia-2016'");
    }

    @Test
    void anOutageOfAPartyThatIsNoHubIsRefused() {
        var option = new Option("jpn down", "", List.of(new Change.HubOutage(JPN, day("2026-01-01"), day("2026-01-02"))));
        assertThat(option.problems(shipped)).extracting(Option.Problem::message).containsExactly(
                "JPN is the hub of no hub arrangement or data mechanism, so an outage of its node changes no route");
    }

    @Test
    void aScopeNamingALevelOfAnotherPartyIsRefused() {
        var scope = new Scope(TopicScope.everything(), Map.of(KOR, kor("군사Ⅱ급비밀")));
        var option = new Option("odd", "", List.of(new Change.ScopeChange("usa-jpn-gsomia-2007", day("2026-01-01"),
                scope, Optional.empty(), "")));
        assertThat(option.problems(shipped)).extracting(Option.Problem::message).containsExactly(
                "KOR is not a party to usa-jpn-gsomia-2007 [USA, JPN], so the scope cannot name its highest level");
    }

    @Test
    void everyChangeIsCheckedAndABadOneChangesNothing() {
        var option = new Option("mixed", "", List.of(change("nope", EventType.TERMINATED, "2026-01-01", null),
                change(GSOMIA, EventType.TERMINATION_NOTICE, "2026-03-01", KOR),
                new Change.HubOutage(JPN, day("2026-01-01"), day("2026-01-02"))));
        assertThat(option.problems(shipped)).extracting(Option.Problem::index).containsExactly(0, 2);
        var agreements = shipped.agreements();
        assertThatThrownBy(() -> option.applyTo(shipped)).hasMessageContaining("change 1 (");
        assertThat(shipped.agreements()).isEqualTo(agreements);
        assertThat(shipped.outages()).isEmpty();
    }

    @Test
    void aChangeDescribesItselfInASentence() {
        assertThat(Shipped.korNotice().changes().getFirst().describe())
                .isEqualTo("kor-jpn-gsomia-2016: TERMINATION_NOTICE by KOR on 2026-03-01");
        assertThat(Shipped.tisaWidened().changes().getFirst().describe()).startsWith("tisa-2014: scope from 2026-04-01 dprk, china");
        assertThat(new Change.HubOutage(USA, day("2026-06-01"), day("2026-06-03")).describe())
                .isEqualTo("outage of the hub USA from 2026-06-01 until 2026-06-03");
        assertThat(AgreementStatus.format(day("2026-06-01"))).isEqualTo("2026-06-01");
    }
}
