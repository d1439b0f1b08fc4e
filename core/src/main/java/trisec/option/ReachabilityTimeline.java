package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Outage;
import trisec.scenario.Scenario;

/**
 * The reachability of a scenario over a stretch of time: the matrix can change only where an agreement's status or
 * scope changes or an outage begins or ends, so it is drawn at the start and at each such instant, and neighbouring
 * stretches with the same matrix are joined.
 */
public record ReachabilityTimeline(Instant from, Instant until, List<Stretch> stretches) {

    /** From {@code from} (inclusive) to {@code until} (exclusive), every cell is as in {@code matrix}. */
    public record Stretch(Instant from, Instant until, Reachability matrix) {
        @Override
        public String toString() {
            return AgreementStatus.format(from) + " .. " + AgreementStatus.format(until) + " " + matrix.counts();
        }
    }

    public ReachabilityTimeline {
        stretches = List.copyOf(stretches);
    }

    /** @throws IllegalArgumentException when {@code until} is not after {@code from} */
    public static ReachabilityTimeline of(Scenario scenario, Instant from, Instant until, TopicTree tree) {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a stretch of time ends after it starts: " + AgreementStatus.format(from)
                    + " .. " + AgreementStatus.format(until));
        }
        ReleasePolicy policy = ReleasePolicy.of(scenario);
        var instants = new TreeSet<Instant>();
        instants.add(from);
        for (Agreement a : scenario.agreements()) {
            var life = scenario.lifecycle(a);
            Instant t = from;
            for (Optional<Instant> next = life.nextChangeAfter(t); next.isPresent() && next.get().isBefore(until);
                 next = life.nextChangeAfter(t)) {
                t = next.get();
                instants.add(t);
            }
            for (Agreement.ScopeFrom scope : a.scopes()) {
                addWithin(instants, scope.from(), from, until);
            }
        }
        for (Outage o : scenario.outages()) {
            addWithin(instants, o.from(), from, until);
            addWithin(instants, o.until(), from, until);
        }
        var stretches = new ArrayList<Stretch>();
        List<Instant> starts = List.copyOf(instants);
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : until;
            Reachability m = Reachability.of(policy, starts.get(i), tree);
            if (!stretches.isEmpty() && stretches.getLast().matrix().entries().equals(m.entries())) {
                Stretch last = stretches.removeLast();
                stretches.add(new Stretch(last.from(), end, last.matrix()));
            } else {
                stretches.add(new Stretch(starts.get(i), end, m));
            }
        }
        return new ReachabilityTimeline(from, until, stretches);
    }

    private static void addWithin(TreeSet<Instant> instants, Instant t, Instant from, Instant until) {
        if (t.isAfter(from) && t.isBefore(until)) {
            instants.add(t);
        }
    }
}
