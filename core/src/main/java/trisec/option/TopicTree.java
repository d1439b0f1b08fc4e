package trisec.option;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import trisec.agreement.Agreement;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * The topics a {@link Reachability} matrix is drawn over: every topic a scope of the scenarios' agreements names (the
 * scopes their amendments give too), every ancestor of one, and one topic outside them all ({@link #elsewhere}).
 * These answer for every topic: the policy reads a topic only through the scopes that cover it, and a topic is
 * covered by exactly the scopes that cover its deepest ancestor in the tree ({@link #rowFor}), or, with none, by the
 * same ones as {@code elsewhere} (those with no topic list).
 *
 * @param named     the tree's topics in path order, so that a topic comes just before what lies below it
 * @param elsewhere a topic outside every named one: {@code other}, unless the tree names it
 */
public record TopicTree(List<Topic> named, Topic elsewhere) {

    public TopicTree {
        named = List.copyOf(named);
        for (Topic t : named) {
            if (t.covers(elsewhere) || elsewhere.covers(t)) {
                throw new IllegalArgumentException(elsewhere + " is not outside the tree: it meets " + t);
            }
        }
    }

    /** The tree of these scenarios' agreements (an option's scenario and the one it changes, say). */
    public static TopicTree of(Scenario... scenarios) {
        var paths = new TreeSet<String>();
        for (Scenario s : scenarios) {
            for (Agreement a : s.agreements()) {
                for (Agreement.ScopeFrom scope : a.scopes()) {
                    for (Topic t : scope.scope().topics().topics()) {
                        String path = t.path();
                        paths.add(path);
                        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                            paths.add(path.substring(0, dot));
                        }
                    }
                }
            }
        }
        String other = "other";
        for (int n = 2; paths.contains(other); n++) {
            other = "other-" + n;
        }
        return new TopicTree(paths.stream().map(Topic::of).toList(), Topic.of(other));
    }

    /** The rows of the matrix: the named topics, then {@link #elsewhere}. */
    public List<Topic> rows() {
        var rows = new ArrayList<>(named);
        rows.add(elsewhere);
        return List.copyOf(rows);
    }

    /** The row that answers for {@code topic}: its deepest ancestor (or itself) in the tree, else elsewhere. */
    public Topic rowFor(Topic topic) {
        Topic best = null;
        for (Topic t : named) {
            if (t.covers(topic) && (best == null || t.path().length() > best.path().length())) {
                best = t;
            }
        }
        return best != null ? best : elsewhere;
    }
}
