package trisec.node.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import trisec.option.Cell;
import trisec.option.Reach;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.TopicTree;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * Two to four options side by side on one instant, each against the agreements as this node knows them: what each
 * keeps, reroutes, loses and gains, pair by pair and topic by topic, and what its hubs carry. All the matrices are
 * drawn over one topic tree (the topics of every scenario compared), so a row means the same in every column.
 */
public record OptionComparison(Instant at, Scenario real, Reachability realMatrix, List<Column> columns) {

    /** An entry to compare: one option, or several applied one after another, and the scenario they make. */
    record Entry(String ref, List<OptionDesk.Seen> parts, Scenario scenario) {}

    /** One option (or combination) compared: its scenario, its difference from the real one, and its fates. */
    public record Column(String ref, List<OptionDesk.Seen> parts, Scenario scenario, ReachabilityDiff diff,
                         List<Fate> fates, Totals totals, List<HubCarried> viaHub) {
        public Column {
            parts = List.copyOf(parts);
            fates = List.copyOf(fates);
            viaHub = List.copyOf(viaHub);
        }

        /** The option's name, or the names of those applied one after another. */
        public String name() {
            return String.join(" + ", parts.stream().map(OptionDesk.Seen::name).toList());
        }

        /** The fate of a pair's topic under this option (all kept, when nothing of it changes). */
        public Fate fate(Party originator, Party recipient, Topic topic) {
            return fates.stream().filter(f -> f.originator().equals(originator) && f.recipient().equals(recipient)
                    && f.topic().equals(topic)).findFirst().orElse(new Fate(originator, recipient, topic, List.of(),
                    List.of(), List.of(), List.of()));
        }
    }

    /**
     * What becomes of an originator's levels on a topic towards a recipient: kept (reaching on the same route),
     * rerouted (reaching on another), lost (reaching no more) and gained (reaching where they did not).
     */
    public record Fate(Party originator, Party recipient, Topic topic, List<Level> kept, List<Level> rerouted,
                       List<Level> lost, List<Level> gained) {
        public Fate {
            kept = List.copyOf(kept);
            rerouted = List.copyOf(rerouted);
            lost = List.copyOf(lost);
            gained = List.copyOf(gained);
        }

        /** Whether the option changes anything of it. */
        public boolean changed() {
            return !rerouted.isEmpty() || !lost.isEmpty() || !gained.isEmpty();
        }
    }

    /** How many cells an option keeps, reroutes, loses and gains. */
    public record Totals(int kept, int rerouted, int lost, int gained) {}

    /** The topics on which an originator reaches a recipient only through a hub. */
    public record HubCarried(Party originator, Party recipient, List<Topic> topics) {
        public HubCarried {
            topics = List.copyOf(topics);
        }
    }

    public OptionComparison {
        columns = List.copyOf(columns);
    }

    static OptionComparison of(Scenario real, Instant at, List<Entry> entries) {
        var scenarios = new ArrayList<Scenario>();
        scenarios.add(real);
        entries.forEach(e -> scenarios.add(e.scenario()));
        TopicTree tree = TopicTree.of(scenarios.toArray(Scenario[]::new));
        Reachability before = Reachability.of(ReleasePolicy.of(real), at, tree);
        var columns = new ArrayList<Column>();
        for (Entry e : entries) {
            ReachabilityDiff diff = ReachabilityDiff.between(before,
                    Reachability.of(ReleasePolicy.of(e.scenario()), at, tree));
            List<Fate> fates = fates(diff);
            columns.add(new Column(e.ref(), e.parts(), e.scenario(), diff, fates.stream().filter(Fate::changed)
                    .toList(), totals(fates), viaHub(diff.after())));
        }
        return new OptionComparison(at, real, before, columns);
    }

    /** The (originator, recipient, topic) rows that some option changes, in the matrices' order. */
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
        for (Reachability.Entry e : columns.isEmpty() ? realMatrix.entries() : columns.getLast().diff().after()
                .entries()) {
            order.putIfAbsent(List.of(e.originator(), e.recipient(), e.topic()), order.size());
        }
        rows.sort(java.util.Comparator.comparingInt(f -> order.getOrDefault(List.of(f.originator(), f.recipient(),
                f.topic()), Integer.MAX_VALUE)));
        return List.copyOf(rows);
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
