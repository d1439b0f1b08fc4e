package trisec.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.event;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;
import static trisec.Fixtures.usa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.party.UnknownLevelException;
import trisec.party.UnknownPartyException;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** One test (at least) per rule of DESIGN §2, on hand-built scenarios. */
class ReleasePolicyTest {
    private static final Topic MISSILE = Topic.of("dprk.missile");
    private final ReleasePolicy trilateral = ReleasePolicy.of(Fixtures.trilateral());

    private static ConfidentialityLabel label(Level level) {
        return ConfidentialityLabel.of(level, MISSILE);
    }

    private ReleaseDecision decide(ConfidentialityLabel label, Party holder, Party to, String date, boolean consent) {
        return trilateral.decide(new ReleaseRequest(label, holder, to, day(date), consent));
    }

    private ReleaseDecision fromOriginator(ConfidentialityLabel label, Party to, String date) {
        return decide(label, label.originator(), to, date, false);
    }

    @Nested
    class Errors {
        @Test
        void aReleaseToTheHolderItselfIsAnErrorNotADecision() {
            assertThatThrownBy(() -> fromOriginator(label(kor("군사Ⅱ급비밀")), KOR, "2017-03-01"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("both KOR");
        }

        @Test
        void anUnknownPartyIsAnError() {
            assertThatThrownBy(() -> fromOriginator(label(kor("군사Ⅱ급비밀")), Party.of("AUS"), "2017-03-01"))
                    .isInstanceOf(UnknownPartyException.class).hasMessageContaining("AUS");
            assertThatThrownBy(() -> decide(label(kor("군사Ⅱ급비밀")), Party.of("PHL"), JPN, "2017-03-01", false))
                    .isInstanceOf(UnknownPartyException.class);
        }

        @Test
        void aLevelOfAnotherScenarioIsAnError() {
            Level foreign = Fixtures.scheme(KOR, "비밀:SECRET").level("비밀");
            assertThatThrownBy(() -> fromOriginator(label(foreign), JPN, "2017-03-01"))
                    .isInstanceOf(UnknownLevelException.class);
        }
    }

    @Nested
    class Caveats {
        @Test
        void nofornDeniesEveryForeignRecipient() {
            var d = fromOriginator(label(kor("군사Ⅱ급비밀")).withCaveats(Set.of(Caveat.NOFORN)), JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.route()).isEmpty();
            assertThat(d.basis()).isEmpty();
            assertThat(d.recipientLevel()).isEmpty();
            assertThat(d.reasons()).singleElement().isInstanceOf(Reason.Noforn.class);
        }

        @Test
        void nofornStillLetsTheItemGoBackToItsOriginator() {
            var d = decide(label(kor("군사Ⅱ급비밀")).withCaveats(Set.of(Caveat.NOFORN)), USA, KOR, "2017-03-01", false);
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.recipientLevel()).contains(kor("군사Ⅱ급비밀"));
        }

        @Test
        void aReleasabilityListWithoutTheRecipientDenies() {
            var d = fromOriginator(label(kor("군사Ⅱ급비밀")).withReleasableTo(List.of(USA)), JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.reasons()).singleElement().isInstanceOf(Reason.NotReleasable.class);
        }

        @Test
        void aReleasabilityListWithTheRecipientLeavesTheDecisionToTheAgreements() {
            var d = fromOriginator(label(kor("군사Ⅱ급비밀")).withReleasableTo(List.of(JPN)), JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(fromOriginator(label(kor("군사Ⅱ급비밀")).withReleasableTo(List.of(JPN)), JPN, "2013-01-01")
                    .verdict()).isEqualTo(Verdict.DENY);
        }
    }

    @Nested
    class Unclassified {
        @Test
        void unclassifiedWithoutCaveatsIsPermittedDirectlyWithoutAgreement() {
            var d = fromOriginator(label(kor("UNCLASSIFIED")), JPN, "1990-01-01");
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.route()).containsExactly(KOR, JPN);
            assertThat(d.basis()).isEmpty();
            assertThat(d.recipientLevel()).contains(jpn("UNCLASSIFIED"));
        }

        @Test
        void unclassifiedWithACaveatNeedsAnAgreement() {
            var orcon = label(kor("UNCLASSIFIED")).withCaveats(Set.of(Caveat.ORCON));
            assertThat(fromOriginator(orcon, JPN, "1990-01-01").verdict()).isEqualTo(Verdict.DENY);
            var d = fromOriginator(orcon, JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.basis()).containsExactly("kor-jpn-gsomia-2016");
        }
    }

    @Nested
    class DirectRoute {
        @Test
        void anSiaInForceThatMapsTheLevelPermitsDirectly() {
            var d = fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.route()).containsExactly(KOR, JPN);
            assertThat(d.basis()).containsExactly("kor-jpn-gsomia-2016");
            assertThat(d.recipientLevel()).contains(jpn("極秘"));
            assertThat(d.reasons()).hasAtLeastOneElementOfType(Reason.Direct.class);
        }

        @Test
        void aClassOneItemIsNotCoveredByTheKoreaJapanGsomia() {
            var d = fromOriginator(label(kor("군사Ⅰ급비밀")), JPN, "2017-03-01");
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r).contains("군사Ⅰ급비밀 has no equivalent"));
        }

        @Test
        void anSiaNarrowedToTopicsDoesNotCoverOthers() {
            Scenario s = Fixtures.scenario(Fixtures.korJpn().topics("dprk.nuclear"));
            var policy = ReleasePolicy.of(s);
            var d = policy.decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2017-03-01")));
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            var nuclear = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.nuclear.test"));
            assertThat(policy.decide(ReleaseRequest.fromOriginator(nuclear, JPN, day("2017-03-01"))).verdict())
                    .isEqualTo(Verdict.PERMIT);
        }

        @Test
        void anOnwardReleaseByANonOriginatorNeedsTheOriginatorsConsent() {
            // USA holds a Korean item (as SECRET) and wants to give it to Japan: third-party rule.
            var d = decide(label(kor("군사Ⅱ급비밀")), USA, JPN, "2017-03-01", false);
            assertThat(d.verdict()).isEqualTo(Verdict.CONSENT_REQUIRED);
            assertThat(d.route()).containsExactly(USA, JPN);
            assertThat(d.basis()).containsExactly("usa-jpn-gsomia-2007");
            assertThat(d.reasons()).anySatisfy(r -> {
                assertThat(r).isInstanceOf(Reason.ConsentRequired.class);
                assertThat(r.message()).contains("KOR's consent");
            });
        }

        @Test
        void withTheOriginatorsConsentOnRecordTheOnwardReleaseIsPermitted() {
            var d = decide(label(kor("군사Ⅱ급비밀")), USA, JPN, "2017-03-01", true);
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.recipientLevel()).contains(jpn("極秘"));
        }

        @Test
        void givingAnItemBackToItsOriginatorNeedsNoConsent() {
            var d = decide(label(kor("군사Ⅱ급비밀")), JPN, KOR, "2017-03-01", false);
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.recipientLevel()).contains(kor("군사Ⅱ급비밀"));
        }
    }

    @Nested
    class HubRoute {
        @Test
        void underTisaOnlyKoreaReachesJapanThroughTheUnitedStates() {
            var d = fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, "2015-06-01");
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(d.route()).containsExactly(KOR, USA, JPN);
            assertThat(d.basis()).containsExactly("tisa-2014", "usa-kor-gsomia-1987", "usa-jpn-gsomia-2007");
            assertThat(d.recipientLevel()).contains(jpn("極秘"));
            assertThat(d.reasons()).anySatisfy(r -> assertThat(r).isEqualTo(new Reason.HubForwarding(USA, KOR, true)));
        }

        @Test
        void theHubRouteIsLimitedToTheArrangementsTopics() {
            var cyber = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("cyber"));
            assertThat(fromOriginator(cyber, JPN, "2015-06-01").verdict()).isEqualTo(Verdict.DENY);
            var nuclear = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.nuclear"));
            assertThat(fromOriginator(nuclear, JPN, "2015-06-01").verdict()).isEqualTo(Verdict.PERMIT);
        }

        @Test
        void theHubRouteIsLimitedToTheArrangementsHighestLevel() {
            var d = fromOriginator(label(kor("군사Ⅰ급비밀")), JPN, "2015-06-01");
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r).contains("tisa-2014").contains("does not reach"));
        }

        @Test
        void aNonOriginatorsReleaseThroughTheHubNeedsConsent() {
            // Korea holds a U.S. item; before the GSOMIA it can reach Japan only through the hub, and the
            // third-party rule still asks for the originator's consent to Japan.
            var d = decide(label(usa("SECRET")), KOR, JPN, "2015-06-01", false);
            assertThat(d.verdict()).isEqualTo(Verdict.CONSENT_REQUIRED);
            assertThat(d.route()).containsExactly(KOR, USA, JPN);
            assertThat(decide(label(usa("SECRET")), KOR, JPN, "2015-06-01", true).verdict()).isEqualTo(Verdict.PERMIT);
        }

        @Test
        void aHubLegWhoseSiaIsNotInForceBreaksTheRoute() {
            Scenario s = Fixtures.scenario(Fixtures.usaKor(), Fixtures.usaJpn().then(event(EventType.TERMINATED, "2015-01-01")),
                    Fixtures.tisa());
            var d = ReleasePolicy.of(s).decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2015-06-01")));
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r).contains("no pair of SIAs in force"));
        }

        @Test
        void noRouteGoesThroughAHubWhoseNodeIsOutAndADenySaysSo() {
            Scenario before = Fixtures.scenario(Fixtures.usaKor(), Fixtures.usaJpn(), Fixtures.tisa());
            Scenario out = new Scenario(before.members(), before.agreements(), List.of(), List.of(),
                    List.of(new trisec.scenario.Outage(USA, day("2015-06-01"), day("2015-06-03"))));
            var policy = ReleasePolicy.of(out);
            var during = policy.decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2015-06-02")));
            assertThat(during.verdict()).isEqualTo(Verdict.DENY);
            assertThat(during.reasonTexts()).contains("tisa-2014 does not apply: its hub USA forwards nothing on "
                    + "2015-06-02 (an outage)");
            var after = policy.decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2015-06-03")));
            assertThat(after.route()).containsExactly(KOR, USA, JPN);
        }

        @Test
        void anOutageOfTheHubLeavesItsOwnDirectReleasesAlone() {
            Scenario s = Fixtures.trilateral();
            Scenario out = new Scenario(s.members(), s.agreements(), List.of(), List.of(),
                    List.of(new trisec.scenario.Outage(USA, day("2015-06-01"), day("2015-06-03"))));
            var d = ReleasePolicy.of(out).decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), USA,
                    day("2015-06-02")));
            assertThat(d.route()).containsExactly(KOR, USA);
            assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        }

        @Test
        void whenBothRoutesExistTheDirectOneWins() {
            var d = fromOriginator(label(kor("군사Ⅲ급비밀")), JPN, "2017-03-01");
            assertThat(d.route()).containsExactly(KOR, JPN);
            assertThat(d.recipientLevel()).contains(jpn("秘"));
        }
    }

    @Nested
    class Amendments {
        private final ConfidentialityLabel china = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("china"));

        /** TISA as shipped, then amended on 2015-03-01 to cover every dprk and china topic. */
        private ReleasePolicy widened() {
            var scope = new trisec.agreement.Scope(trisec.topic.TopicScope.of("dprk", "china"),
                    Fixtures.tisa().build().scope().highest());
            return ReleasePolicy.of(Fixtures.scenario(Fixtures.usaKor(), Fixtures.usaJpn(), Fixtures.tisa()
                    .then(new trisec.agreement.LifecycleEvent.Amended(day("2015-03-01"), Optional.empty(), "widened",
                            Optional.of(scope)))));
        }

        @Test
        void anAmendedScopeAppliesFromTheAmendmentsInstantOn() {
            var before = widened().decide(ReleaseRequest.fromOriginator(china, JPN, day("2015-03-01").minusSeconds(1)));
            var after = widened().decide(ReleaseRequest.fromOriginator(china, JPN, day("2015-03-01")));
            assertThat(before.verdict()).isEqualTo(Verdict.DENY);
            assertThat(before.reasonTexts()).anySatisfy(r -> assertThat(r)
                    .isEqualTo("tisa-2014 does not apply: its scope (dprk.nuclear, dprk.missile) does not cover china"));
            assertThat(after.verdict()).isEqualTo(Verdict.PERMIT);
            assertThat(after.route()).containsExactly(KOR, USA, JPN);
        }

        @Test
        void aDenyNamesTheScopeInForceAtTheInstantNotTheOriginalOne() {
            var cyber = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("cyber"));
            var d = widened().decide(ReleaseRequest.fromOriginator(cyber, JPN, day("2015-06-01")));
            assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r)
                    .isEqualTo("tisa-2014 does not apply: its scope (dprk, china) does not cover cyber"));
        }

        @Test
        void anAmendmentKeepsTheHighestLevelItStates() {
            var classOne = ConfidentialityLabel.of(kor("군사Ⅰ급비밀"), Topic.of("china"));
            assertThat(widened().decide(ReleaseRequest.fromOriginator(classOne, JPN, day("2015-06-01"))).verdict())
                    .isEqualTo(Verdict.DENY);
        }
    }

    @Nested
    class InForce {
        @Test
        void aDateMeansMidnightUtcAndTheLapseInstantIsExcluded() {
            Scenario s = Fixtures.scenario(Fixtures.korJpn().then(Fixtures.notice("2019-08-23", null)));
            var policy = ReleasePolicy.of(s);
            var item = label(kor("군사Ⅱ급비밀"));
            Instant lapse = day("2019-11-23");
            assertThat(policy.decide(ReleaseRequest.fromOriginator(item, JPN, lapse.minusNanos(1))).verdict())
                    .isEqualTo(Verdict.PERMIT);
            assertThat(policy.decide(ReleaseRequest.fromOriginator(item, JPN, lapse)).verdict()).isEqualTo(Verdict.DENY);
        }

        @Test
        void agreementsOfOtherKindsCarryNoRelease() {
            var treaty = new Fixtures.AgreementSpec("kor-jpn-treaty", AgreementKind.TREATY, KOR, JPN).inForce("1965-12-18");
            var d = ReleasePolicy.of(Fixtures.scenario(treaty))
                    .decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2000-01-01")));
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
        }
    }

    @Nested
    class Survival {
        private final Scenario terminated = Fixtures.scenario(Fixtures.usaKor(), Fixtures.usaJpn(),
                Fixtures.korJpn().then(event(EventType.TERMINATED, "2020-01-01")));
        private final ReleasePolicy policy = ReleasePolicy.of(terminated);

        @Test
        void afterTerminationNoNewReleaseRestsOnTheAgreement() {
            var d = policy.decide(ReleaseRequest.fromOriginator(label(kor("군사Ⅱ급비밀")), JPN, day("2020-06-01")));
            assertThat(d.verdict()).isEqualTo(Verdict.DENY);
            assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r).contains("terminated 2020-01-01"));
        }

        @Test
        void whatWasReceivedStaysMarkedAndOnwardReleaseStillNeedsConsent() {
            var item = label(kor("군사Ⅱ급비밀"));
            assertThat(policy.holderLevel(item, JPN)).contains(jpn("極秘"));
            var d = policy.decide(new ReleaseRequest(item, JPN, USA, day("2020-06-01"), false));
            assertThat(d.verdict()).isEqualTo(Verdict.CONSENT_REQUIRED);
            assertThat(d.recipientLevel()).contains(usa("SECRET"));
        }
    }

    @Nested
    class RecipientMarking {
        @Test
        void theRecipientMarksWithItsOwnCorrespondingLevelAndTheOriginatorsName() {
            var d = fromOriginator(label(jpn("特定秘密")), KOR, "2017-03-01");
            assertThat(d.recipientLevel()).contains(kor("군사Ⅱ급비밀"));
            assertThat(d.reasons()).contains(new Reason.RecipientMarking(kor("군사Ⅱ급비밀"), JPN));
            assertThat(d.reasons().getLast().message()).isEqualTo(
                    "KOR marks it 군사Ⅱ급비밀 with the originator JPN's name (recipient marking, GSOMIA Art. 4(2))");
        }

        @Test
        void theFirstListedEquivalentIsTheOneMarkedWith() {
            var d = fromOriginator(label(usa("SECRET")), JPN, "2010-01-01");
            assertThat(d.recipientLevel()).contains(jpn("極秘"));
        }
    }

    @Test
    void decisionsArePureFunctionsOfTheirInputs() {
        var a = ReleasePolicy.of(Fixtures.trilateral());
        var b = ReleasePolicy.of(Fixtures.trilateral());
        var request = new ReleaseRequest(label(kor("군사Ⅱ급비밀")), KOR, JPN, day("2019-09-01"), false);
        assertThat(a.decide(request)).isEqualTo(b.decide(request)).isEqualTo(a.decide(request));
        assertThat(a.decide(request).recipientLevel()).isEqualTo(Optional.of(jpn("極秘")));
    }
}
