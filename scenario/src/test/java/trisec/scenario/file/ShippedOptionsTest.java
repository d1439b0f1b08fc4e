package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trisec.DateOrInstant;
import trisec.option.Option;
import trisec.option.Reach;
import trisec.option.ReachabilityDiff;
import trisec.option.SinglePoints;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;
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
}
