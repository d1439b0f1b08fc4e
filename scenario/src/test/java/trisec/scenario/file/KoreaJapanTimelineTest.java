package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * Korea ↔ Japan on the shipped scenario, through history: before TISA, under TISA only, under the GSOMIA,
 * during the 2019 notice period, after the suspension, after the withdrawal.
 */
class KoreaJapanTimelineTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");
    private final Scenario scenario = ScenarioFiles.shipped();
    private final ReleasePolicy policy = ReleasePolicy.of(scenario);

    private ReleaseDecision koreanClassTwo(Instant at) {
        var item = ConfidentialityLabel.of(scenario.scheme(KOR).level("군사Ⅱ급비밀"), Topic.of("dprk.missile"));
        return policy.decide(ReleaseRequest.fromOriginator(item, JPN, at));
    }

    private ReleaseDecision koreanClassTwo(String date) {
        return koreanClassTwo(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void beforeTisaThereIsNoRoute() {
        var d = koreanClassTwo("2014-12-28");
        assertThat(d.verdict()).isEqualTo(Verdict.DENY);
        assertThat(d.reasonTexts()).anySatisfy(r -> assertThat(r).startsWith("tisa-2014 does not apply: not yet signed"));
    }

    @Test
    void underTisaOnlyTheItemGoesThroughTheUnitedStates() {
        var d = koreanClassTwo("2015-06-01");
        assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(d.route()).containsExactly(KOR, USA, JPN);
        assertThat(d.basis()).containsExactly("tisa-2014", "usa-kor-gsomia-1987", "usa-jpn-gsomia-2007");
        assertThat(d.recipientLevel()).map(l -> l.name()).contains("極秘");
    }

    @Test
    void underTheGsomiaItGoesDirectly() {
        var d = koreanClassTwo("2017-03-01");
        assertThat(d.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(d.route()).containsExactly(KOR, JPN);
        assertThat(d.basis()).containsExactly("kor-jpn-gsomia-2016");
        assertThat(d.recipientLevel()).map(l -> l.name()).contains("極秘");
    }

    @Test
    void duringTheNoticePeriodTheGsomiaStillCarriesReleases() {
        var d = koreanClassTwo("2019-09-01");
        assertThat(d.route()).containsExactly(KOR, JPN);
        var life = scenario.lifecycle(scenario.agreement("kor-jpn-gsomia-2016").orElseThrow());
        assertThat(life.statusAt(Instant.parse("2019-09-01T00:00:00Z")).describe())
                .isEqualTo("in force with termination effective 2019-11-23");
    }

    @Test
    void afterTheSuspensionTheGsomiaOutlivesItsLapseDate() {
        var atLapse = koreanClassTwo("2019-11-23");
        assertThat(atLapse.verdict()).isEqualTo(Verdict.PERMIT);
        assertThat(atLapse.route()).containsExactly(KOR, JPN);
        assertThat(koreanClassTwo("2021-01-01").basis()).containsExactly("kor-jpn-gsomia-2016");
    }

    @Test
    void afterTheWithdrawalItIsInForceAsBefore() {
        var d = koreanClassTwo("2023-06-01");
        assertThat(d.route()).containsExactly(KOR, JPN);
        assertThat(scenario.lifecycle(scenario.agreement("kor-jpn-gsomia-2016").orElseThrow())
                .statusAt(Instant.parse("2023-06-01T00:00:00Z")).describe()).isEqualTo("in force");
    }

    @Test
    void japanToKoreaMirrorsIt() {
        var item = ConfidentialityLabel.of(scenario.scheme(JPN).level("特定秘密"), Topic.of("dprk.nuclear"));
        var hub = policy.decide(ReleaseRequest.fromOriginator(item, KOR, Instant.parse("2015-06-01T00:00:00Z")));
        assertThat(hub.route()).containsExactly(JPN, USA, KOR);
        assertThat(hub.recipientLevel()).map(l -> l.name()).contains("군사Ⅱ급비밀");
        var direct = policy.decide(ReleaseRequest.fromOriginator(item, KOR, Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(direct.route()).containsExactly(JPN, KOR);
    }

    @Test
    void withoutTheSuspensionTheGsomiaWouldHaveLapsedAndTisaTakenOver() {
        String text = ScenarioFiles.shippedText().replace("""
                      - type: NOTICE_SUSPENDED
                        date: 2019-11-22
                        by: KOR
                        note: on the condition that the agreement can be terminated at any time
                      - {type: NOTICE_WITHDRAWN, date: 2023-03-21, by: KOR, note: full normalisation}
                """, "");
        assertThat(text).isNotEqualTo(ScenarioFiles.shippedText());
        var lapsed = ReleasePolicy.of(ScenarioFiles.read("lapsed", text));
        var item = ConfidentialityLabel.of(scenario.scheme(KOR).level("군사Ⅱ급비밀"), Topic.of("dprk.missile"));
        var before = lapsed.decide(ReleaseRequest.fromOriginator(item, JPN, Instant.parse("2019-11-22T23:59:59Z")));
        var after = lapsed.decide(ReleaseRequest.fromOriginator(item, JPN, Instant.parse("2019-11-23T00:00:00Z")));
        assertThat(before.route()).containsExactly(KOR, JPN);
        assertThat(after.route()).containsExactly(KOR, USA, JPN);
    }
}
