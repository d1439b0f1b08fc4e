package trisec.node.option;

import java.time.Instant;
import java.util.List;
import trisec.option.Comparison;
import trisec.option.ReachabilityDiff;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * Two to four saved options side by side on one instant, each against the agreements as this node knows them: core's
 * {@link Comparison} (what each keeps on the same route, reroutes, loses and gains, and what its hubs carry), with
 * the saved options each column applies.
 */
public record OptionComparison(Comparison compared, List<Column> columns) {

    /** An entry to compare: one option, or several applied one after another, and the scenario they make. */
    record Entry(String ref, List<OptionDesk.Seen> parts, Scenario scenario) {}

    /** One option (or combination) compared: the options it applies, and what it does. */
    public record Column(String ref, List<OptionDesk.Seen> parts, Comparison.Column compared) {
        public Column {
            parts = List.copyOf(parts);
        }

        /** The option's name, or the names of those applied one after another. */
        public String name() {
            return String.join(" + ", parts.stream().map(OptionDesk.Seen::name).toList());
        }

        public Scenario scenario() {
            return compared.scenario();
        }

        public ReachabilityDiff diff() {
            return compared.diff();
        }

        public Comparison.Totals totals() {
            return compared.totals();
        }

        public List<Comparison.HubCarried> viaHub() {
            return compared.viaHub();
        }

        public Comparison.Fate fate(Party originator, Party recipient, Topic topic) {
            return compared.fate(originator, recipient, topic);
        }
    }

    public OptionComparison {
        columns = List.copyOf(columns);
    }

    static OptionComparison of(Scenario real, Instant at, List<Entry> entries) {
        Comparison c = Comparison.of(real, at, entries.stream().map(Entry::scenario).toList());
        var columns = new java.util.ArrayList<Column>();
        for (int i = 0; i < entries.size(); i++) {
            columns.add(new Column(entries.get(i).ref(), entries.get(i).parts(), c.columns().get(i)));
        }
        return new OptionComparison(c, columns);
    }

    public Instant at() {
        return compared.at();
    }

    public Scenario real() {
        return compared.real();
    }

    /** The (originator, recipient, topic) rows that some option changes, in the matrices' order. */
    public List<Comparison.Fate> changedRows() {
        return compared.changedRows();
    }
}
