package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.day;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.party.Level;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * Options side by side: each cell that reaches now or under an option is kept (the same route), rerouted (another
 * route), lost or gained, and the four add up to what reaches before and after, cell by cell of the matrices.
 */
class ComparisonTest {
    private static final Instant AT = day("2026-12-01");

    @Test
    void theNoticeReroutesDprkMissileThroughTheHubAndLosesDprkWhileTheWideningKeepsEverything() {
        Scenario real = Shipped.scenario();
        Scenario notice = Shipped.korNotice().applyTo(real);
        Scenario widened = Shipped.tisaWidened().applyTo(real);
        Comparison c = Comparison.of(real, AT, List.of(notice, widened, Shipped.tisaWidened().applyTo(notice)));

        Comparison.Column first = c.columns().getFirst();
        Comparison.Fate missile = first.fate(KOR, JPN, Topic.of("dprk.missile"));
        assertThat(missile.rerouted()).extracting(Level::name).containsExactly("군사Ⅱ급비밀", "군사Ⅲ급비밀");
        // The warnings went through the hub already, and still do on the same route: kept.
        Topic warning = Topic.of("dprk.missile.warning");
        Level classTwo = trisec.Fixtures.kor("군사Ⅱ급비밀");
        assertThat(c.now().cell(KOR, JPN, warning, classTwo).reach()).isEqualTo(Reach.VIA_HUB);
        assertThat(first.diff().after().cell(KOR, JPN, warning, classTwo)).isEqualTo(c.now().cell(KOR, JPN, warning,
                classTwo));
        assertThat(first.fate(KOR, JPN, warning).changed()).isFalse();
        assertThat(first.fate(KOR, JPN, Topic.of("dprk")).lost()).extracting(Level::name)
                .containsExactly("군사Ⅱ급비밀", "군사Ⅲ급비밀");
        // The widening alone changes no cell: everything that reaches is kept, on the same route.
        Comparison.Column second = c.columns().get(1);
        assertThat(second.fates()).isEmpty();
        assertThat(second.totals()).isEqualTo(new Comparison.Totals(c.reach(), 0, 0, 0));
        // After the notice, the widening carries dprk itself through the hub: rerouted, not lost.
        Comparison.Fate both = c.columns().get(2).fate(KOR, JPN, Topic.of("dprk"));
        assertThat(both.lost()).isEmpty();
        assertThat(both.rerouted()).hasSize(2);
    }

    @Test
    void theFatesAddUpCellByCellToWhatReachesNowAndUnderTheOption() {
        Scenario real = Shipped.scenario();
        for (Instant at : List.of(day("2026-11-22"), AT, day("2015-06-01"))) {
            Comparison c = Comparison.of(real, at, List.of(Shipped.korNotice().applyTo(real),
                    Shipped.tisaWidened().applyTo(Shipped.korNotice().applyTo(real))));
            for (Comparison.Column col : c.columns()) {
                int kept = 0;
                int rerouted = 0;
                int lost = 0;
                int gained = 0;
                for (Reachability.Entry e : col.diff().after().entries()) {
                    Cell before = c.now().cell(e.originator(), e.recipient(), e.topic(), e.level());
                    Cell after = e.cell();
                    if (before.reaches() && after.reaches()) {
                        if (before.route().equals(after.route())) {
                            kept++;
                        } else {
                            rerouted++;
                        }
                    } else if (before.reaches()) {
                        lost++;
                    } else if (after.reaches()) {
                        gained++;
                    }
                }
                assertThat(col.totals()).as(at.toString()).isEqualTo(new Comparison.Totals(kept, rerouted, lost, gained));
                assertThat(col.totals().kept() + col.totals().rerouted() + col.totals().lost()).isEqualTo(c.reach());
                assertThat(col.totals().reach()).isEqualTo((int) e(col.diff().after()));
                assertThat(col.sitesCovered()).isEqualTo(c.sitesCovered());
            }
        }
    }

    private static long e(Reachability m) {
        return m.entries().stream().filter(x -> x.cell().reaches()).count();
    }
}
