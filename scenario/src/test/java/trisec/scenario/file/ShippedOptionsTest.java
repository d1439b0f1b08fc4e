package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import trisec.DateOrInstant;
import trisec.label.ConfidentialityLabel;
import trisec.option.Option;
import trisec.option.Reach;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.ReachabilityDiffTimeline;
import trisec.option.SiteDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;
import trisec.scenario.SiteStatus;
import trisec.topic.Topic;

/**
 * Issue 13's "done when", on the shipped scenario and the shipped option files: a newcomer builds "KOR gives notice on
 * 2026-03-01" and "TISA widened to all dprk and china topics" and compares them.
 */
class ShippedOptionsTest {
    private static final Party USA = Party.of("USA");
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Instant TERM_END = DateOrInstant.parse("2026-11-23");

    private final Scenario shipped = ScenarioFiles.shipped();
    private final Option notice = OptionFiles.shipped("kor-notice-2026.yaml", shipped);
    private final Option widened = OptionFiles.shipped("tisa-widened.yaml", shipped);

    private Level kor(String name) {
        return shipped.scheme(KOR).level(name);
    }

    private Level jpn(String name) {
        return shipped.scheme(JPN).level(name);
    }

    @Test
    void theNoticeLeavesKoreaAndJapanTheHubOnDprkAfterTheTermEndsAndLosesEveryOtherTopic() {
        Scenario after = notice.applyTo(shipped);
        assertThat(ReachabilityDiff.of(shipped, after, TERM_END.minusSeconds(1)).isEmpty()).isTrue();

        ReachabilityDiff diff = ReachabilityDiff.of(shipped, after, TERM_END);
        assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(Set.of(c.originator(), c.recipient())).isEqualTo(Set.of(KOR, JPN));
            assertThat(c.before().reach()).isEqualTo(Reach.DIRECT);
            if (c.topic().path().startsWith("dprk.")) {
                assertThat(c.after().reach()).as("%s %s", c.topic(), c.level()).isEqualTo(Reach.VIA_HUB);
                assertThat(c.after().route()).containsExactly(c.originator(), USA, c.recipient());
            } else {
                assertThat(c.after().reach()).as("%s %s", c.topic(), c.level()).isEqualTo(Reach.NONE);
            }
        });
        var m = diff.after();
        for (String t : List.of("dprk.missile", "dprk.nuclear")) {
            assertThat(m.cell(KOR, JPN, Topic.of(t), kor("군사Ⅱ급비밀")).basis())
                    .containsExactly("tisa-2014", "usa-kor-gsomia-1987", "usa-jpn-gsomia-2007");
            assertThat(m.cell(JPN, KOR, Topic.of(t), jpn("秘")).reach()).isEqualTo(Reach.VIA_HUB);
        }
        // The warnings went through the U.S. before and still do; the other topics go nowhere.
        assertThat(m.cell(KOR, JPN, Topic.of("dprk.missile.warning"), kor("군사Ⅲ급비밀")).reach()).isEqualTo(Reach.VIA_HUB);
        for (String t : List.of("dprk", "other", "china.maritime", "cyber")) {
            assertThat(m.cell(KOR, JPN, Topic.of(t), kor("군사Ⅱ급비밀")).reach()).as(t).isEqualTo(Reach.NONE);
            assertThat(m.cell(JPN, KOR, Topic.of(t), jpn("極秘")).reach()).as(t).isEqualTo(Reach.NONE);
        }
    }

    @Test
    void wideningTisaShowsWhatTheHubThenCarries() {
        // While the GSOMIA stands, the direct route wins: the widening changes no cell.
        assertThat(ReachabilityDiff.of(shipped, widened.applyTo(shipped), DateOrInstant.parse("2026-06-01")).isEmpty())
                .isTrue();
        // Once the GSOMIA is gone, the hub carries every dprk and china topic between Korea and Japan.
        Scenario noticeOnly = notice.applyTo(shipped);
        Scenario both = widened.applyTo(noticeOnly);
        ReachabilityDiff diff = ReachabilityDiff.of(noticeOnly, both, TERM_END);
        assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.gained()).isTrue();
            assertThat(c.after().route()).containsExactly(c.originator(), USA, c.recipient());
            assertThat(c.after().basis().getFirst()).isEqualTo("tisa-2014");
        });
        assertThat(diff.changes()).extracting(c -> c.originator() + "→" + c.recipient() + " " + c.topic() + " " + c.level())
                .containsExactlyInAnyOrder(
                        "KOR→JPN china 군사Ⅱ급비밀", "KOR→JPN china 군사Ⅲ급비밀",
                        "KOR→JPN dprk 군사Ⅱ급비밀", "KOR→JPN dprk 군사Ⅲ급비밀",
                        "JPN→KOR china 極秘", "JPN→KOR china 特定秘密", "JPN→KOR china 秘",
                        "JPN→KOR dprk 極秘", "JPN→KOR dprk 特定秘密", "JPN→KOR dprk 秘");
        // Seen as single points: with the widening, the GSOMIA ending cuts Korea and Japan off only elsewhere.
        var points = SinglePoints.of(widened.applyTo(shipped), DateOrInstant.parse("2026-06-01"));
        var gsomia = points.points().stream().filter(p -> p.failure().describe().equals("kor-jpn-gsomia-2016 ends"))
                .findFirst().orElseThrow();
        assertThat(gsomia.cutsOff(KOR, JPN, Topic.of("china"))).isFalse();
        assertThat(gsomia.cutsOff(KOR, JPN, Topic.of("dprk"))).isFalse();
        assertThat(gsomia.cutsOff(KOR, JPN, Topic.of("other"))).isTrue();
    }

    /** Australia joins, the UN forces SOFA ends and the hub is down a while: every kind of change the file has. */
    private static final String MANY = """
            name: many changes
            changes:
              - change: party
                code: AUS
                name: Australia
                levels:
                  - {name: SECRET, banner: SECRET}
                  - {name: UNCLASSIFIED, banner: UNCLASSIFIED}
              - change: agreement
                id: usa-aus-sia-2026
                kind: SIA
                parties: [USA, AUS]
                equivalence:
                  - {USA: SECRET, AUS: SECRET}
                events:
                  - {type: SIGNED, date: 2026-01-01}
                  - {type: IN_FORCE, date: 2026-01-01}
              - change: event
                agreement: unc-sofa-1954
                type: TERMINATED
                date: 2026-06-01
              - change: scope
                agreement: kor-jpn-gsomia-2016
                from: 2020-01-01
                topics: [dprk.missile]
              - change: outage
                hub: USA
                from: 2024-06-01
                until: 2027-06-03
            """;

    /**
     * An option never changes the scenario it is applied to: after many options applied, composed and drawn on the
     * shipped scenario, it decides a seeded sample of releases, draws its matrices and gives its sites' status exactly
     * as the same file read a second time does. {@code -Dtrisec.seed=N} replays a run.
     */
    @Test
    void theShippedScenarioDecidesAsAFreshReadingOfItsFileAfterManyOptions() {
        long seed = Optional.ofNullable(System.getProperty("trisec.seed")).filter(x -> !x.isBlank())
                .map(x -> Long.parseLong(x.strip())).orElseGet(() -> new SplittableRandom().nextLong());
        System.out.println("shipped options seed: " + seed);
        var rnd = new SplittableRandom(seed);
        Option many = OptionFiles.read("many", MANY, shipped);
        for (int i = 0; i < 40; i++) {
            Instant t = instant(rnd);
            Scenario n = notice.applyTo(shipped);
            Scenario all = many.applyTo(widened.applyTo(n));
            ReachabilityDiff.of(shipped, all, t);
            SinglePoints.of(many.applyTo(shipped), t);
            SiteDiff.of(shipped, all, t);
            ReachabilityDiffTimeline.of(shipped, n, t, t.plusSeconds(400L * 86400));
        }
        Scenario fresh = ScenarioFiles.read("a second reading", ScenarioFiles.shippedText());
        assertThat(fresh).isNotSameAs(shipped);

        var requests = new ArrayList<ReleaseRequest>();
        List<Party> parties = fresh.parties();
        List<String> topics = List.of("dprk", "dprk.missile", "dprk.missile.warning", "dprk.nuclear.test", "china",
                "other", "cyber.apt");
        for (int i = 0; i < 3000; i++) {
            Party o = parties.get(rnd.nextInt(parties.size()));
            Party h = rnd.nextBoolean() ? o : parties.get(rnd.nextInt(parties.size()));
            Party r;
            do {
                r = parties.get(rnd.nextInt(parties.size()));
            } while (r.equals(h));
            List<Level> levels = fresh.scheme(o).levels();
            var label = ConfidentialityLabel.of(levels.get(rnd.nextInt(levels.size())),
                    Topic.of(topics.get(rnd.nextInt(topics.size()))));
            requests.add(new ReleaseRequest(label, h, r, instant(rnd), rnd.nextBoolean()));
        }
        List<ReleaseDecision> used = requests.stream().map(ReleasePolicy.of(shipped)::decide).toList();
        List<ReleaseDecision> read = requests.stream().map(ReleasePolicy.of(fresh)::decide).toList();
        assertThat(used).as("seed %d", seed).isEqualTo(read);
        assertThat(used.stream().map(ReleaseDecision::verdict).distinct()).as("seed %d", seed).hasSizeGreaterThan(1);
        for (int i = 0; i < 20; i++) {
            Instant t = instant(rnd);
            assertThat(Reachability.of(shipped, t).entries()).as("seed %d, at %s", seed, t)
                    .isEqualTo(Reachability.of(fresh, t).entries());
            assertThat(SiteStatus.of(shipped, t)).as("seed %d, at %s", seed, t).isEqualTo(SiteStatus.of(fresh, t));
        }
    }

    /** An instant between 2010 and 2032, on a day's start or not. */
    private static Instant instant(SplittableRandom rnd) {
        long from = DateOrInstant.parse("2010-01-01").getEpochSecond();
        long s = from + rnd.nextLong(DateOrInstant.parse("2032-01-01").getEpochSecond() - from);
        return Instant.ofEpochSecond(rnd.nextBoolean() ? s - s % 86400 : s);
    }
}
