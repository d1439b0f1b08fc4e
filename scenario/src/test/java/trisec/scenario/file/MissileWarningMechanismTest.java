package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.policy.Reason;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * The missile-warning data mechanism on the shipped scenario (in force from 2023-12-19): from then on a warning
 * goes between Korea and Japan through the United States, and the mechanism stands for the originator's consent
 * among its three parties. Before it, and for other topics, the GSOMIA and TISA decide as they always did.
 */
class MissileWarningMechanismTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");
    private static final Topic WARNING = Topic.of("dprk.missile.warning");
    private final Scenario scenario = ScenarioFiles.shipped();
    private final ReleasePolicy policy = ReleasePolicy.of(scenario);

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private ConfidentialityLabel korean(Topic topic) {
        return ConfidentialityLabel.of(scenario.scheme(KOR).level("군사Ⅱ급비밀"), topic);
    }

    private ReleaseDecision fromKorea(Topic topic, Party to, String date) {
        return policy.decide(ReleaseRequest.fromOriginator(korean(topic), to, day(date)));
    }

    @Test
    void fromTheMechanismsFirstDayAKoreanWarningGoesToJapanThroughTheUnitedStates() {
        var d = fromKorea(WARNING, JPN, "2023-12-19");
        assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(d.route()).containsExactly(KOR, USA, JPN);
        assertThat(d.basis()).containsExactly("missile-warning-2023", "usa-kor-gsomia-1987", "usa-jpn-gsomia-2007");
        assertThat(d.recipientLevel()).map(l -> l.name()).contains("極秘");
        assertThat(fromKorea(WARNING, JPN, "2024-10-31").route()).containsExactly(KOR, USA, JPN);
    }

    @Test
    void theDayBeforeTheGsomiaCarriesItDirectly() {
        var d = fromKorea(WARNING, JPN, "2023-12-18");
        assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(d.route()).containsExactly(KOR, JPN);
        assertThat(d.basis()).containsExactly("kor-jpn-gsomia-2016");
    }

    @Test
    void beforeTheGsomiaTheTisaHubCarriedItWithTheOriginatorsConsent() {
        var d = fromKorea(WARNING, JPN, "2016-11-22");
        assertThat(d.route()).containsExactly(KOR, USA, JPN);
        assertThat(d.basis().getFirst()).isEqualTo("tisa-2014");
        assertThat(d.reasons()).contains(new Reason.HubForwarding(USA, KOR, true));
        assertThat(fromKorea(WARNING, JPN, "2016-11-23").route()).containsExactly(KOR, JPN);
    }

    @Test
    void otherTopicsStillGoDirectlyUnderTheGsomia() {
        var d = fromKorea(Topic.of("dprk.missile"), JPN, "2024-10-31");
        assertThat(d.route()).containsExactly(KOR, JPN);
        assertThat(d.basis()).containsExactly("kor-jpn-gsomia-2016");
    }

    @Test
    void aRefusalNamesTheMechanismOnlyForTheDataItCarries() {
        var warning = fromKorea(WARNING, JPN, "2013-06-01");
        assertThat(warning.verdict()).isEqualTo(Verdict.DENY);
        assertThat(warning.reasonTexts()).anySatisfy(r -> assertThat(r).startsWith("missile-warning-2023"));
        var other = fromKorea(Topic.of("dprk.missile"), JPN, "2013-06-01");
        assertThat(other.verdict()).isEqualTo(Verdict.DENY);
        assertThat(other.reasonTexts()).noneSatisfy(r -> assertThat(r).contains("missile-warning-2023"));
    }

    @Test
    void toTheHubItselfAWarningGoesDirectly() {
        assertThat(fromKorea(WARNING, USA, "2024-10-31").route()).containsExactly(KOR, USA);
    }

    @Test
    void theMechanismStandsForTheOriginatorsConsentAmongItsParties() {
        // The USA holds a Korean warning and passes it on to Japan: the third-party rule asks for Korea's consent,
        // which the mechanism gives once it is in force.
        var label = korean(WARNING);
        var before = policy.decide(new ReleaseRequest(label, USA, JPN, day("2023-12-18"), false));
        assertThat(before.verdict()).isEqualTo(Verdict.CONSENT_REQUIRED);
        var after = policy.decide(new ReleaseRequest(label, USA, JPN, day("2023-12-19"), false));
        assertThat(after.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(after.reasons()).anySatisfy(r -> assertThat(r).isInstanceOf(Reason.StandingConsent.class));
        // Not for another topic: the mechanism's scope is the warning data.
        var other = policy.decide(new ReleaseRequest(korean(Topic.of("dprk.missile")), USA, JPN, day("2024-01-01"),
                false));
        assertThat(other.verdict()).isEqualTo(Verdict.CONSENT_REQUIRED);
    }

    @Test
    void itStandsOnlyForTheHubsForwardingAndNeverForAnOrconItem() {
        var label = korean(WARNING);
        // Japan, not the hub, passing a Korean warning to the USA: the third-party rule as always.
        assertThat(policy.decide(new ReleaseRequest(label, JPN, USA, day("2024-01-01"), false)).verdict())
                .isEqualTo(Verdict.CONSENT_REQUIRED);
        // ORCON: the originator controls every release, the hub's too.
        var orcon = new ConfidentialityLabel(KOR, label.level(), java.util.List.of(),
                java.util.EnumSet.of(trisec.label.Caveat.ORCON), WARNING, java.util.Optional.empty());
        assertThat(policy.decide(new ReleaseRequest(orcon, USA, JPN, day("2024-01-01"), false)).verdict())
                .isEqualTo(Verdict.CONSENT_REQUIRED);
    }

    @Test
    void aHolderGivingTheWarningBackToItsOriginatorGoesDirectly() {
        var back = policy.decide(new ReleaseRequest(korean(WARNING), JPN, KOR, day("2024-10-31"), false));
        assertThat(back.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(back.route()).containsExactly(JPN, KOR);
    }
}
