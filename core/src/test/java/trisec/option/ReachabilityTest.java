package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.jpn;
import static trisec.Fixtures.kor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** The matrix, its differences and its stretches of time, on the shipped facts and the two options of issue 13. */
class ReachabilityTest {
    private static final Topic DPRK = Topic.of("dprk");
    private static final Topic MISSILE = Topic.of("dprk.missile");
    private static final Topic NUCLEAR = Topic.of("dprk.nuclear");
    private static final Topic WARNING = Topic.of("dprk.missile.warning");
    private static final Topic CHINA = Topic.of("china");
    private final Scenario shipped = Shipped.scenario();

    @Test
    void theTreeIsTheScopesTopicsWithTheirAncestorsAndOneTopicForAllOthers() {
        TopicTree tree = TopicTree.of(shipped, Shipped.tisaWidened().applyTo(shipped));
        assertThat(tree.rows()).extracting(Topic::path)
                .containsExactly("china", "dprk", "dprk.missile", "dprk.missile.warning", "dprk.nuclear", "other");
        assertThat(tree.rowFor(Topic.of("dprk.missile.icbm"))).isEqualTo(MISSILE);
        assertThat(tree.rowFor(Topic.of("dprk.missiles"))).isEqualTo(DPRK);
        assertThat(tree.rowFor(Topic.of("cyber"))).isEqualTo(Topic.of("other"));
    }

    @Test
    void theMatrixOfTheShippedFactsIsDirectBetweenKoreaAndJapanExceptClassOneAndTheWarnings() {
        Reachability m = Reachability.of(shipped, day("2025-01-01"));
        assertThat(m.cell(KOR, JPN, MISSILE, kor("군사Ⅱ급비밀")).reach()).isEqualTo(Reach.DIRECT);
        assertThat(m.cell(KOR, JPN, MISSILE, kor("군사Ⅰ급비밀")).reach()).isEqualTo(Reach.NONE);
        // The warning mechanism is its originators' channel for their own data, through the U.S.
        assertThat(m.cell(KOR, JPN, WARNING, kor("군사Ⅱ급비밀")).route()).containsExactly(KOR, USA, JPN);
        assertThat(m.cell(KOR, JPN, Topic.of("cyber"), kor("UNCLASSIFIED")).reach()).isEqualTo(Reach.DIRECT);
        // Rows dprk, dprk.missile, dprk.missile.warning, dprk.nuclear and other; 4 levels for USA and KOR, 5 for JPN,
        // each to 2 recipients.
        assertThat(m.tree().rows()).hasSize(5);
        assertThat(m.entries()).hasSize(5 * (4 + 4 + 5) * 2);
    }

    @Test
    void koreasNoticeLeavesKoreaAndJapanTheHubOnDprkAfterTheTermEndsAndNothingElse() {
        Scenario after = Shipped.korNotice().applyTo(shipped);
        assertThat(ReachabilityDiff.of(shipped, after, day("2026-11-23").minusSeconds(1)).isEmpty()).isTrue();

        ReachabilityDiff diff = ReachabilityDiff.of(shipped, after, day("2026-11-23"));
        assertThat(diff.changes()).allSatisfy(c -> assertThat(Set.of(c.originator(), c.recipient()))
                .isEqualTo(Set.of(KOR, JPN)));
        for (Topic t : List.of(MISSILE, NUCLEAR)) {
            for (var level : List.of(kor("군사Ⅱ급비밀"), kor("군사Ⅲ급비밀"))) {
                var changed = diff.changes().stream().filter(c -> c.originator().equals(KOR) && c.topic().equals(t)
                        && c.level().equals(level)).findFirst().orElseThrow();
                assertThat(changed.before().reach()).isEqualTo(Reach.DIRECT);
                assertThat(changed.after().reach()).isEqualTo(Reach.VIA_HUB);
                assertThat(changed.after().basis()).containsExactly("tisa-2014", "usa-kor-gsomia-1987",
                        "usa-jpn-gsomia-2007");
            }
        }
        Reachability m = diff.after();
        for (Topic t : List.of(DPRK, CHINA, Topic.of("other"))) {
            assertThat(m.cell(KOR, JPN, t, kor("군사Ⅱ급비밀")).reach()).as(t.path()).isEqualTo(Reach.NONE);
            assertThat(m.cell(JPN, KOR, t, jpn("秘")).reach()).as(t.path()).isEqualTo(Reach.NONE);
        }
        assertThat(m.cell(JPN, KOR, NUCLEAR, jpn("特定秘密")).reach()).isEqualTo(Reach.VIA_HUB);
        // Unchanged: the warnings went through the U.S. already, and unclassified needs no agreement.
        assertThat(diff.changes()).noneMatch(c -> c.topic().equals(WARNING) || c.level().isUnclassified());
        assertThat(diff.changes()).as("every change is a loss or a fall-back to the hub").allSatisfy(c -> assertThat(
                c.lost() || (c.before().reach() == Reach.DIRECT && c.after().reach() == Reach.VIA_HUB)).isTrue());
    }

    @Test
    void wideningTisaChangesNoCellWhileTheGsomiaStandsAndCarriesChinaWhenItIsGone() {
        Scenario widened = Shipped.tisaWidened().applyTo(shipped);
        assertThat(ReachabilityDiff.of(shipped, widened, day("2026-06-01")).isEmpty()).isTrue();

        Scenario noticeOnly = Shipped.korNotice().applyTo(shipped);
        Scenario both = Shipped.tisaWidened().applyTo(noticeOnly);
        ReachabilityDiff diff = ReachabilityDiff.of(noticeOnly, both, day("2026-12-01"));
        assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.gained()).isTrue();
            assertThat(c.after().reach()).isEqualTo(Reach.VIA_HUB);
            assertThat(c.after().route()).containsExactly(c.originator(), USA, c.recipient());
            assertThat(c.topic()).isIn(DPRK, CHINA);
        });
        assertThat(diff.changes()).extracting(c -> c.originator() + "→" + c.recipient() + " " + c.topic() + " " + c.level())
                .contains("KOR→JPN china 군사Ⅱ급비밀", "KOR→JPN dprk 군사Ⅲ급비밀", "JPN→KOR china 特定秘密");
    }

    @Test
    void overAStretchOfTimeTheMatrixChangesOnlyWhereTheTermEnds() {
        Scenario after = Shipped.korNotice().applyTo(shipped);
        var timeline = ReachabilityTimeline.of(after, day("2026-01-01"), day("2027-01-01"), TopicTree.of(after));
        assertThat(timeline.stretches()).extracting(ReachabilityTimeline.Stretch::from)
                .containsExactly(day("2026-01-01"), day("2026-11-23"));
        assertThat(timeline.stretches().getLast().until()).isEqualTo(day("2027-01-01"));
        assertThat(timeline.stretches().getFirst().matrix().cell(KOR, JPN, CHINA, kor("군사Ⅱ급비밀")).reach())
                .isEqualTo(Reach.DIRECT);
        assertThat(timeline.stretches().getLast().matrix().cell(KOR, JPN, CHINA, kor("군사Ⅱ급비밀")).reach())
                .isEqualTo(Reach.NONE);
    }

    @Test
    void aHubOutageIsAStretchOfItsOwn() {
        var option = new Option("hub down a week", "", List.of(
                new Change.HubOutage(USA, day("2015-06-01"), day("2015-06-08"))));
        Scenario after = option.applyTo(shipped);
        var timeline = ReachabilityTimeline.of(after, day("2015-05-01"), day("2015-07-01"), TopicTree.of(after));
        assertThat(timeline.stretches()).extracting(ReachabilityTimeline.Stretch::from)
                .containsExactly(day("2015-05-01"), day("2015-06-01"), day("2015-06-08"));
        assertThat(timeline.stretches().get(1).matrix().cell(KOR, JPN, MISSILE, kor("군사Ⅱ급비밀")).reach())
                .isEqualTo(Reach.NONE);
    }

    @Test
    void aPartyOnlyTheOptionHasReachesNothingBefore() {
        Party aus = Party.of("AUS");
        var scheme = trisec.Fixtures.scheme(aus, "SECRET:SECRET");
        var option = new Option("Australia", "", List.of(new Change.NewParty(new trisec.scenario.Member(aus, "Australia", scheme)),
                new Change.NewAgreement(new trisec.Fixtures.AgreementSpec("usa-aus", trisec.agreement.AgreementKind.SIA,
                        USA, aus).row(trisec.Fixtures.usa("SECRET"), scheme.level("SECRET")).inForce("2026-01-01").build())));
        ReachabilityDiff diff = ReachabilityDiff.of(shipped, option.applyTo(shipped), day("2026-06-01"));
        assertThat(diff.changes()).allSatisfy(c -> assertThat(Set.of(c.originator(), c.recipient())).contains(aus));
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.originator()).isEqualTo(aus);
            assertThat(c.recipient()).isEqualTo(USA);
            assertThat(c.level()).isEqualTo(scheme.level("SECRET"));
            assertThat(c.before()).isEqualTo(Cell.NONE);
            assertThat(c.after().reach()).isEqualTo(Reach.DIRECT);
        });
    }
}
