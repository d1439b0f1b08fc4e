package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.kor;
import static trisec.Fixtures.usa;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import trisec.Fixtures;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.option.HistoryImpact.Effect;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Scenario;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

class HistoryImpactTest {
    private final Scenario shipped = Shipped.scenario();
    private final ReleasePolicy real = ReleasePolicy.of(shipped);

    /** The release as the real policy decided it. */
    private PastRelease recorded(String id, ReleaseRequest request) {
        ReleaseDecision d = real.decide(request);
        return new PastRelease(id, request, d.verdict(), d.route(), d.basis());
    }

    private static ReleaseRequest fromOriginator(trisec.party.Level level, String topic, Party to, String date) {
        return ReleaseRequest.fromOriginator(ConfidentialityLabel.of(level, Topic.of(topic)), to, day(date));
    }

    private Effect effectOf(Option option, PastRelease past) {
        HistoryImpact impact = HistoryImpact.of(List.of(past), ReleasePolicy.of(option.applyTo(shipped)));
        return impact.impacts().isEmpty() ? null : impact.impacts().getFirst().effect();
    }

    @Test
    void afterKoreasNoticeTakesEffectDprkGoesThroughTheHubAndTheRestNowhere() {
        var missile = recorded("r1", fromOriginator(kor("군사Ⅱ급비밀"), "dprk.missile", JPN, "2026-12-01"));
        var china = recorded("r2", fromOriginator(kor("군사Ⅱ급비밀"), "china", JPN, "2026-12-01"));
        var early = recorded("r3", fromOriginator(kor("군사Ⅱ급비밀"), "china", JPN, "2026-11-22"));
        HistoryImpact impact = HistoryImpact.of(List.of(missile, china, early),
                ReleasePolicy.of(Shipped.korNotice().applyTo(shipped)));
        assertThat(impact.impacts()).extracting(i -> i.release().id() + " " + i.effect())
                .containsExactly("r1 REROUTED", "r2 REFUSED");
        assertThat(impact.impacts().getFirst().now().route()).containsExactly(KOR, USA, JPN);
        assertThat(impact.unchanged()).isEqualTo(1);
    }

    @Test
    void againstTheRealAgreementsARecordThatDiffersFromThemIsNotTheOptionsEffect() {
        // Recorded through the hub (as a forward might be), where the real agreements answer directly.
        var request = fromOriginator(kor("군사Ⅱ급비밀"), "dprk.missile", JPN, "2025-06-01");
        ReleaseDecision direct = real.decide(request);
        assertThat(direct.route()).containsExactly(KOR, JPN);
        var viaHub = new PastRelease("r", request, Verdict.PERMIT, List.of(KOR, USA, JPN), List.of("tisa-2014"));
        var nothing = new Option("an outage long after", "", List.of(new Change.HubOutage(USA, day("2030-01-01"),
                day("2030-01-02"))));
        ReleasePolicy option = ReleasePolicy.of(nothing.applyTo(shipped));
        // Against the record the unchanged answer looks rerouted; against the real agreements it is unchanged.
        assertThat(HistoryImpact.of(List.of(viaHub), option).impacts()).extracting(HistoryImpact.Impact::effect)
                .containsExactly(Effect.REROUTED);
        HistoryImpact against = HistoryImpact.against(List.of(viaHub), real, option);
        assertThat(against.impacts()).isEmpty();
        assertThat(against.unchanged()).isEqualTo(1);
        // And what the option does change is still found: Korea's notice, after its term ends.
        var later = new PastRelease("r2", fromOriginator(kor("군사Ⅱ급비밀"), "china", JPN, "2026-12-01"),
                Verdict.PERMIT, List.of(KOR, USA, JPN), List.of("tisa-2014"));
        assertThat(HistoryImpact.against(List.of(later), real, ReleasePolicy.of(Shipped.korNotice().applyTo(shipped)))
                .impacts()).extracting(i -> i.release().route() + " " + i.effect())
                .containsExactly("[KOR, JPN] REFUSED");
    }

    @Test
    void aReleaseDeniedThenIsAllowedWhenTheArrangementHadCoveredItsTopic() {
        var china2015 = recorded("r", fromOriginator(kor("군사Ⅱ급비밀"), "china", JPN, "2015-06-01"));
        assertThat(china2015.verdict()).isEqualTo(Verdict.DENY);
        var widenedFromTheStart = new Option("TISA on China from the start", "", List.of(new Change.ScopeChange(
                Shipped.TISA, day("2014-12-29"), new Scope(TopicScope.of("dprk", "china"),
                Fixtures.tisa().build().scope().highest()), Optional.empty(), "")));
        assertThat(effectOf(widenedFromTheStart, china2015)).isEqualTo(Effect.ALLOWED);
    }

    @Test
    void withoutTheWarningMechanismTheHubMustAskTheOriginatorBeforeForwarding() {
        // The U.S. holds a Korean warning and passes it to Japan: the mechanism stands for Korea's consent.
        var label = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile.warning"));
        var forwarded = recorded("w", new ReleaseRequest(label, USA, JPN, day("2025-01-01"), false));
        assertThat(forwarded.verdict()).isEqualTo(Verdict.PERMIT);
        var ended = new Option("mechanism ended", "", List.of(new Change.AgreementEvent("missile-warning-2023",
                LifecycleEvent.of(EventType.TERMINATED, day("2024-06-01"), Optional.empty(), "", Optional.empty()))));
        assertThat(effectOf(ended, forwarded)).isEqualTo(Effect.HELD_FOR_CONSENT);
    }

    /** The 1987 agreement replaced in 2026 by a new one for SECRET and below. */
    private static Option replaced() {
        return new Option("a new U.S.–Korea SIA", "", List.of(
                new Change.AgreementEvent("usa-kor-gsomia-1987", LifecycleEvent.of(EventType.TERMINATION_NOTICE,
                        day("2026-01-01"), Optional.of(KOR), "", Optional.of(day("2026-06-01")))),
                new Change.NewAgreement(new Fixtures.AgreementSpec("usa-kor-sia-2026", AgreementKind.SIA, USA, KOR)
                        .row(usa("SECRET"), kor("군사Ⅱ급비밀")).inForce("2026-06-01").build())));
    }

    @Test
    void theSameRouteOnAnotherAgreementIsANewBasis() {
        var toUsa = recorded("u", fromOriginator(kor("군사Ⅱ급비밀"), "china", USA, "2027-01-01"));
        assertThat(effectOf(replaced(), toUsa)).isEqualTo(Effect.NEW_BASIS);
    }

    /** A seeded history on the shipped facts; under random options, every effect is as a direct decide says. */
    @Test
    void theImpactOnASeededHistoryIsExact() {
        SplittableRandom rnd = new SplittableRandom(13);
        List<PastRelease> history = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Party o = ReachabilityPropertyTest.pick(rnd, shipped.parties());
            Party h = rnd.nextInt(3) == 0 ? ReachabilityPropertyTest.pick(rnd, shipped.parties()) : o;
            Party r;
            do {
                r = ReachabilityPropertyTest.pick(rnd, shipped.parties());
            } while (r.equals(h));
            var label = ConfidentialityLabel.of(ReachabilityPropertyTest.pick(rnd, shipped.scheme(o).levels()),
                    Topic.of(ReachabilityPropertyTest.pick(rnd, ReachabilityPropertyTest.ASKED_TOPICS)));
            if (rnd.nextInt(10) == 0) {
                label = label.withCaveats(EnumSet.of(Caveat.ORCON));
            }
            history.add(recorded("r" + i, new ReleaseRequest(label, h, r,
                    ReachabilityPropertyTest.date(rnd, 2014, 2031), rnd.nextBoolean())));
        }
        var counted = EnumSet.noneOf(Effect.class);
        var options = new ArrayList<>(List.of(Shipped.korNotice(), Shipped.tisaWidened(), replaced(),
                new Option("notice and widening", "", List.of(Shipped.korNotice().changes().getFirst(),
                        Shipped.tisaWidened().changes().getFirst()))));
        for (int k = 0; k < 60; k++) {
            options.add(ReachabilityPropertyTest.option(shipped, rnd, k).option());
        }
        for (int k = 0; k < options.size(); k++) {
            Option option = options.get(k);
            ReleasePolicy under = ReleasePolicy.of(option.applyTo(shipped));
            HistoryImpact impact = HistoryImpact.of(history, under);

            var expected = new ArrayList<String>();
            for (PastRelease past : history) {
                ReleaseDecision now = under.decide(past.request());
                String effect;
                if (now.verdict() == Verdict.DENY && past.verdict() != Verdict.DENY) {
                    effect = "REFUSED";
                } else if (now.verdict() == Verdict.CONSENT_REQUIRED && past.verdict() != Verdict.CONSENT_REQUIRED) {
                    effect = "HELD_FOR_CONSENT";
                } else if (now.verdict() == Verdict.PERMIT && past.verdict() != Verdict.PERMIT) {
                    effect = "ALLOWED";
                } else if (!now.route().equals(past.route())) {
                    effect = "REROUTED";
                } else if (!now.basis().equals(past.basis())) {
                    effect = "NEW_BASIS";
                } else {
                    continue;
                }
                expected.add(past.id() + " " + effect);
            }
            assertThat(impact.impacts()).extracting(i -> i.release().id() + " " + i.effect())
                    .as("option %d %s", k, ReachabilityPropertyTest.describe(option)).isEqualTo(expected);
            assertThat(impact.unchanged()).isEqualTo(history.size() - expected.size());
            impact.impacts().forEach(i -> counted.add(i.effect()));
        }
        assertThat(counted).as("effects met on the seeded history").containsExactlyInAnyOrder(Effect.values());
    }
}
