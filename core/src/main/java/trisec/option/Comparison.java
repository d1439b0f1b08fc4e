package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;
import trisec.scenario.SiteStatus;
import trisec.topic.Topic;

/**
 * Options side by side on one instant (docs/OPTIONS.md), each against the scenario as it is. All the matrices are
 * drawn over one topic tree (the topics of every scenario compared), so that a row means the same in every column.
 * Each cell that reaches now or under the option has one fate:
 *
 * <ul>
 *   <li><b>kept</b>: it reaches, now and under the option, on the same route (the same parties in order; the basis
 *       may differ);</li>
 *   <li><b>rerouted</b>: it reaches under the option on another route (through the hub instead of directly);</li>
 *   <li><b>lost</b>: it reaches now, and by no route under the option;</li>
 *   <li><b>gained</b>: it reaches under the option, and not now.</li>
 * </ul>
 *
 * So what reaches now is kept + rerouted + lost, and what reaches under the option kept + rerouted + gained.
 *
 * @param now         the scenario as it is, its matrix over the shared tree, and how many sites it covers
 * @param columns     each option's scenario and what becomes of every cell under it, in the order given
 */
public record Comparison(Instant at, Scenario real, Reachability now, int sitesCovered, List<Column> columns) {

    /** One option (or options applied one after another) compared. */
    public record Column(Scenario scenario, ReachabilityDiff diff, List<Fate> fates, Totals totals,
                         List<HubCarried> viaHub, int sitesCovered) {
        public Column {
            fates = List.copyOf(fates);
            viaHub = List.copyOf(viaHub);
        }

        /** The fate of a pair's topic under this option (all kept, when nothing of it changes). */
        public Fate fate(Party originator, Party recipient, Topic topic) {
            return fates.stream().filter(f -> f.originator().equals(originator) && f.recipient().equals(recipient)
                    && f.topic().equals(topic)).findFirst().orElse(new Fate(originator, recipient, topic, List.of(),
                    List.of(), List.of(), List.of()));
        }
    }

    /** What becomes of an originator's levels on a topic towards a recipient under an option. */
    public record Fate(Party originator, Party recipient, Topic topic, List<Level> kept, List<Level> rerouted,
                       List<Level> lost, List<Level> gained) {
        public Fate {
            kept = List.copyOf(kept);
            rerouted = List.copyOf(rerouted);
            lost = List.copyOf(lost);
            gained = List.copyOf(gained);
        }

        /** Whether the option changes anything of it: a level rerouted, lost or gained. */
        public boolean changed() {
            return !rerouted.isEmpty() || !lost.isEmpty() || !gained.isEmpty();
        }
    }

    /** How many cells an option keeps, reroutes, loses and gains. */
    public record Totals(int kept, int rerouted, int lost, int gained) {
        /** The cells that reach under the option. */
        public int reach() {
            return kept + rerouted + gained;
        }
    }

    /** The topics on which an originator reaches a recipient only through a hub. */
    public record HubCarried(Party originator, Party recipient, List<Topic> topics) {
        public HubCarried {
            topics = List.copyOf(topics);
        }
    }

    public Comparison {
        columns = List.copyOf(columns);
    }

    /** Each option's scenario against {@code real} at {@code at}, over one tree. */
    public static Comparison of(Scenario real, Instant at, List<Scenario> options) {
        var scenarios = new ArrayList<Scenario>();
        scenarios.add(real);
        scenarios.addAll(options);
        TopicTree tree = TopicTree.of(scenarios.toArray(Scenario[]::new));
        Reachability now = Reachability.of(ReleasePolicy.of(real), at, tree);
        var columns = new ArrayList<Column>();
        for (Scenario s : options) {
            ReachabilityDiff diff = ReachabilityDiff.between(now, Reachability.of(ReleasePolicy.of(s), at, tree));
            List<Fate> fates = fates(diff);
            columns.add(new Column(s, diff, fates.stream().filter(Fate::changed).toList(), totals(fates),
                    viaHub(diff.after()), covered(s, at)));
        }
        return new Comparison(at, real, now, covered(real, at), columns);
    }

    /** The cells that reach now. */
    public int reach() {
        return (int) now.entries().stream().filter(e -> e.cell().reaches()).count();
    }

    /**
     * The (originator, recipient, topic) rows that some option changes, once each, in the matrices' order; each is
     * the fate under the first option that changes it (ask a column for its own).
     */
    public List<Fate> changedRows() {
        var keys = new LinkedHashSet<List<Object>>();
        var rows = new ArrayList<Fate>();
        for (Column c : columns) {
            for (Fate f : c.fates()) {
                if (keys.add(List.of(f.originator(), f.recipient(), f.topic()))) {
                    rows.add(f);
                }
            }
        }
        var order = new LinkedHashMap<List<Object>, Integer>();
        for (Reachability.Entry e : columns.isEmpty() ? now.entries() : columns.getLast().diff().after().entries()) {
            order.putIfAbsent(List.of(e.originator(), e.recipient(), e.topic()), order.size());
        }
        rows.sort(java.util.Comparator.comparingInt(f -> order.getOrDefault(List.of(f.originator(), f.recipient(),
                f.topic()), Integer.MAX_VALUE)));
        return List.copyOf(rows);
    }

    private static int covered(Scenario s, Instant at) {
        return (int) SiteStatus.of(s, at).stream().filter(SiteStatus::covered).count();
    }

    /**
     * The fate of every (originator, recipient, topic) that reaches before or after, in the order of the matrix
     * after (which has every party: an option only adds).
     */
    static List<Fate> fates(ReachabilityDiff diff) {
        Map<List<Object>, List<List<Level>>> groups = new LinkedHashMap<>();
        var heads = new LinkedHashMap<List<Object>, Reachability.Entry>();
        for (Reachability.Entry e : diff.after().entries()) {
            Cell b = diff.before().cell(e.originator(), e.recipient(), e.topic(), e.level());
            Cell a = e.cell();
            int fate;
            if (b.reaches() && a.reaches()) {
                fate = b.route().equals(a.route()) ? 0 : 1;
            } else if (b.reaches()) {
                fate = 2;
            } else if (a.reaches()) {
                fate = 3;
            } else {
                continue;
            }
            var key = List.<Object>of(e.originator(), e.recipient(), e.topic());
            heads.putIfAbsent(key, e);
            groups.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>())).get(fate).add(e.level());
        }
        var out = new ArrayList<Fate>();
        groups.forEach((key, lists) -> {
            Reachability.Entry e = heads.get(key);
            out.add(new Fate(e.originator(), e.recipient(), e.topic(), lists.get(0), lists.get(1), lists.get(2),
                    lists.get(3)));
        });
        return out;
    }

    static Totals totals(List<Fate> fates) {
        int kept = 0;
        int rerouted = 0;
        int lost = 0;
        int gained = 0;
        for (Fate f : fates) {
            kept += f.kept().size();
            rerouted += f.rerouted().size();
            lost += f.lost().size();
            gained += f.gained().size();
        }
        return new Totals(kept, rerouted, lost, gained);
    }

    static List<HubCarried> viaHub(Reachability m) {
        var topics = new LinkedHashMap<List<Party>, LinkedHashSet<Topic>>();
        for (Reachability.Entry e : m.entries()) {
            if (e.cell().reach() == Reach.VIA_HUB) {
                topics.computeIfAbsent(List.of(e.originator(), e.recipient()), k -> new LinkedHashSet<>())
                        .add(e.topic());
            }
        }
        var out = new ArrayList<HubCarried>();
        topics.forEach((pair, t) -> out.add(new HubCarried(pair.get(0), pair.get(1), List.copyOf(t))));
        return out;
    }
}
