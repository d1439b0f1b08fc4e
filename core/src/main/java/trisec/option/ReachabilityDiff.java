package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * What an option changes in the reachability matrix: every cell whose reach, verdict, route or basis differs between
 * the scenario before and after. The two matrices are drawn over one tree (the topics of both scenarios), and a party
 * only one of them has reaches nothing in the other.
 */
public record ReachabilityDiff(Reachability before, Reachability after, List<Changed> changes) {

    /** A cell that differs. */
    public record Changed(Party originator, Party recipient, Topic topic, Level level, Cell before, Cell after) {
        /** Lost every route it had. */
        public boolean lost() {
            return before.reaches() && !after.reaches();
        }

        /** Reaches where it did not. */
        public boolean gained() {
            return !before.reaches() && after.reaches();
        }
    }

    public ReachabilityDiff {
        changes = List.copyOf(changes);
    }

    /** Both matrices at {@code at}, over the tree of both scenarios, and how they differ. */
    public static ReachabilityDiff of(Scenario before, Scenario after, Instant at) {
        TopicTree tree = TopicTree.of(before, after);
        return between(Reachability.of(ReleasePolicy.of(before), at, tree),
                Reachability.of(ReleasePolicy.of(after), at, tree));
    }

    /** How two matrices differ, over the rows of both trees and the parties and levels of both scenarios. */
    public static ReachabilityDiff between(Reachability before, Reachability after) {
        var parties = new LinkedHashSet<Party>(before.parties());
        parties.addAll(after.parties());
        var rows = new LinkedHashSet<Topic>(before.tree().rows());
        rows.addAll(after.tree().rows());
        var changes = new ArrayList<Changed>();
        for (Party o : parties) {
            var levels = new LinkedHashSet<Level>(before.levels(o));
            levels.addAll(after.levels(o));
            for (Party r : parties) {
                if (o.equals(r)) {
                    continue;
                }
                for (Topic topic : rows) {
                    for (Level level : levels) {
                        Cell b = before.cell(o, r, topic, level);
                        Cell a = after.cell(o, r, topic, level);
                        if (!a.equals(b)) {
                            changes.add(new Changed(o, r, topic, level, b, a));
                        }
                    }
                }
            }
        }
        return new ReachabilityDiff(before, after, changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
