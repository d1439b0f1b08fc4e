package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import trisec.agreement.AgreementStatus;
import trisec.scenario.Scenario;

/**
 * What an option changes in the reachability matrix over a stretch of time: both scenarios' timelines over one tree,
 * cut wherever either changes, each piece's difference, and neighbouring pieces with the same difference joined.
 * With KOR's notice, 2026 has two stretches: nothing changes until 2026-11-23, and Korea and Japan fall back to the
 * hub from then on.
 */
public record ReachabilityDiffTimeline(Instant from, Instant until, List<Stretch> stretches) {

    /** From {@code from} (inclusive) to {@code until} (exclusive), the option changes exactly {@code diff}. */
    public record Stretch(Instant from, Instant until, ReachabilityDiff diff) {
        @Override
        public String toString() {
            return AgreementStatus.format(from) + " .. " + AgreementStatus.format(until) + " "
                    + diff.changes().size() + " cells change";
        }
    }

    public ReachabilityDiffTimeline {
        stretches = List.copyOf(stretches);
    }

    /** @throws IllegalArgumentException when {@code until} is not after {@code from} */
    public static ReachabilityDiffTimeline of(Scenario before, Scenario after, Instant from, Instant until) {
        return of(before, after, from, until, TopicTree.of(before, after));
    }

    /** The same over a given tree (one that has the topics of both scenarios). */
    public static ReachabilityDiffTimeline of(Scenario before, Scenario after, Instant from, Instant until,
                                              TopicTree tree) {
        List<ReachabilityTimeline.Stretch> was = ReachabilityTimeline.of(before, from, until, tree).stretches();
        List<ReachabilityTimeline.Stretch> is = ReachabilityTimeline.of(after, from, until, tree).stretches();
        var starts = new TreeSet<Instant>();
        was.forEach(s -> starts.add(s.from()));
        is.forEach(s -> starts.add(s.from()));
        List<Instant> cuts = List.copyOf(starts);
        var stretches = new ArrayList<Stretch>();
        for (int i = 0; i < cuts.size(); i++) {
            Instant start = cuts.get(i);
            Instant end = i + 1 < cuts.size() ? cuts.get(i + 1) : until;
            ReachabilityDiff diff = ReachabilityDiff.between(at(was, start), at(is, start));
            if (!stretches.isEmpty() && stretches.getLast().diff().changes().equals(diff.changes())) {
                Stretch last = stretches.removeLast();
                stretches.add(new Stretch(last.from(), end, last.diff()));
            } else {
                stretches.add(new Stretch(start, end, diff));
            }
        }
        return new ReachabilityDiffTimeline(from, until, stretches);
    }

    private static Reachability at(List<ReachabilityTimeline.Stretch> stretches, Instant t) {
        for (ReachabilityTimeline.Stretch s : stretches) {
            if (!t.isBefore(s.from()) && t.isBefore(s.until())) {
                return s.matrix();
            }
        }
        throw new IllegalStateException("no stretch holds " + t);
    }
}
