package trisec.option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * The reachability matrix of a scenario at an instant: for every ordered pair of distinct parties (originator,
 * recipient), every row of the {@link TopicTree} and every level of the originator's scheme, how an item the
 * originator labelled so, without caveats, can go to the recipient. Every cell is the {@link ReleasePolicy}'s own
 * decision of that release ({@link ReleaseRequest#fromOriginator}); nothing here knows a rule of DESIGN §2.
 */
public final class Reachability {

    /** A cell with what it is about. */
    public record Entry(Party originator, Party recipient, Topic topic, Level level, Cell cell) {}

    private final Instant at;
    private final TopicTree tree;
    private final List<Party> parties;
    private final Map<Party, Integer> index = new HashMap<>();
    private final Map<Topic, Integer> rowIndex = new HashMap<>();
    private final List<Topic> rows;
    private final List<List<Level>> levels;
    /** [originator][recipient][row][level ordinal]; null where originator == recipient. */
    private final Cell[][][][] cells;

    private Reachability(ReleasePolicy policy, Instant at, TopicTree tree) {
        Scenario scenario = policy.scenario();
        this.at = at;
        this.tree = tree;
        this.parties = scenario.parties();
        this.rows = tree.rows();
        this.levels = new ArrayList<>();
        int n = parties.size();
        for (int i = 0; i < n; i++) {
            index.put(parties.get(i), i);
            levels.add(scenario.scheme(parties.get(i)).levels());
        }
        for (int k = 0; k < rows.size(); k++) {
            rowIndex.put(rows.get(k), k);
        }
        this.cells = new Cell[n][n][][];
        for (int o = 0; o < n; o++) {
            List<Level> own = levels.get(o);
            for (int r = 0; r < n; r++) {
                cells[o][r] = o == r ? null : new Cell[rows.size()][own.size()];
            }
            for (int k = 0; k < rows.size(); k++) {
                for (Level level : own) {
                    // One label for every recipient: the request differs only in whom it goes to.
                    ConfidentialityLabel label = ConfidentialityLabel.of(level, rows.get(k));
                    for (int r = 0; r < n; r++) {
                        if (r != o) {
                            cells[o][r][k][level.ordinal()] = Cell.of(policy.decide(
                                    ReleaseRequest.fromOriginator(label, parties.get(r), at)));
                        }
                    }
                }
            }
        }
    }

    /** The matrix of the scenario's own topic tree. */
    public static Reachability of(Scenario scenario, Instant at) {
        return of(ReleasePolicy.of(scenario), at, TopicTree.of(scenario));
    }

    /** The matrix of a compiled policy over a given tree (the same tree for two matrices that are compared). */
    public static Reachability of(ReleasePolicy policy, Instant at, TopicTree tree) {
        return new Reachability(policy, at, tree);
    }

    public Instant at() {
        return at;
    }

    public TopicTree tree() {
        return tree;
    }

    public List<Party> parties() {
        return parties;
    }

    /** The levels of a party's scheme, highest first; empty for a party not in the scenario. */
    public List<Level> levels(Party party) {
        Integer i = index.get(party);
        return i == null ? List.of() : levels.get(i);
    }

    /**
     * How an item of {@code originator} at {@code level} on {@code topic} (any topic: it is answered by its row) can
     * reach {@code recipient}. A party or level not in the scenario reaches nothing ({@link Cell#NONE}).
     *
     * @throws IllegalArgumentException when originator and recipient are the same party
     */
    public Cell cell(Party originator, Party recipient, Topic topic, Level level) {
        if (originator.equals(recipient)) {
            throw new IllegalArgumentException("a release goes to another party; " + originator + " is both");
        }
        Integer o = index.get(originator);
        Integer r = index.get(recipient);
        if (o == null || r == null || !level.party().equals(originator)
                || level.ordinal() >= levels.get(o).size() || !levels.get(o).get(level.ordinal()).equals(level)) {
            return Cell.NONE;
        }
        Integer k = rowIndex.get(topic);
        if (k == null) {
            k = rowIndex.get(tree.rowFor(topic));
        }
        return cells[o][r][k][level.ordinal()];
    }

    /** Every cell, by originator, recipient, row and level, in the scenario's and the schemes' order. */
    public List<Entry> entries() {
        var out = new ArrayList<Entry>();
        for (int o = 0; o < parties.size(); o++) {
            for (int r = 0; r < parties.size(); r++) {
                if (o == r) {
                    continue;
                }
                for (int k = 0; k < rows.size(); k++) {
                    for (Level level : levels.get(o)) {
                        out.add(new Entry(parties.get(o), parties.get(r), rows.get(k), level,
                                cells[o][r][k][level.ordinal()]));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** How many cells reach directly, through a hub, and not at all. */
    public Map<Reach, Integer> counts() {
        var counts = new EnumMap<Reach, Integer>(Reach.class);
        for (Reach reach : Reach.values()) {
            counts.put(reach, 0);
        }
        for (Entry e : entries()) {
            counts.merge(e.cell().reach(), 1, Integer::sum);
        }
        return counts;
    }
}
