package trisec.node.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import trisec.option.HistoryImpact;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.ReachabilityTimeline;
import trisec.option.TopicTree;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;

/**
 * The picture of an option over a stretch of time: the stretch cut where either matrix changes (an agreement's status
 * or scope, an outage, in the real agreements or the option's), neighbouring periods with the same difference
 * joined, each with the difference that holds through it; and the history impact, which does not depend on the
 * stretch (each recorded release is decided again at its own instant).
 */
public record OptionStretch(Instant from, Instant until, List<Period> periods, OptionHistory history,
                            HistoryImpact impact) {

    /** From (inclusive) until (exclusive), the matrices are as in {@code diff}. */
    public record Period(Instant from, Instant until, ReachabilityDiff diff) {}

    public OptionStretch {
        periods = List.copyOf(periods);
    }

    static OptionStretch of(Scenario real, Scenario changed, Instant from, Instant until, OptionHistory history) {
        return new OptionStretch(from, until, periods(real, changed, from, until, TopicTree.of(real, changed)),
                history, OptionPicture.impact(history, ReleasePolicy.of(real), ReleasePolicy.of(changed)));
    }

    /** The stretch cut where either matrix changes, with neighbouring periods of the same difference joined. */
    static List<Period> periods(Scenario real, Scenario changed, Instant from, Instant until, TopicTree tree) {
        ReachabilityTimeline before = ReachabilityTimeline.of(real, from, until, tree);
        ReachabilityTimeline after = ReachabilityTimeline.of(changed, from, until, tree);
        var starts = new TreeSet<Instant>();
        before.stretches().forEach(s -> starts.add(s.from()));
        after.stretches().forEach(s -> starts.add(s.from()));
        List<Instant> cuts = List.copyOf(starts);
        var periods = new ArrayList<Period>();
        for (int i = 0; i < cuts.size(); i++) {
            Instant start = cuts.get(i);
            Instant end = i + 1 < cuts.size() ? cuts.get(i + 1) : until;
            ReachabilityDiff diff = ReachabilityDiff.between(matrix(before, start), matrix(after, start));
            if (!periods.isEmpty() && periods.getLast().diff().changes().equals(diff.changes())) {
                Period last = periods.removeLast();
                periods.add(new Period(last.from(), end, last.diff()));
            } else {
                periods.add(new Period(start, end, diff));
            }
        }
        return periods;
    }

    private static Reachability matrix(ReachabilityTimeline timeline, Instant t) {
        Reachability found = timeline.stretches().getFirst().matrix();
        for (ReachabilityTimeline.Stretch s : timeline.stretches()) {
            if (!s.from().isAfter(t)) {
                found = s.matrix();
            }
        }
        return found;
    }
}
