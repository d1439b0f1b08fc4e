package trisec.scenario.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.agreement.Agreement;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.Scope;
import trisec.option.Change;
import trisec.option.Option;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlNode.Scalar;
import trisec.scenario.file.yaml.YamlTree;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Reads an option file against the scenario it changes ({@code docs/OPTIONS.md}): every problem with its line, the
 * file's own (a key, a date, a party or level the scenario does not have) and then, when there are none, those
 * {@link Option#problems} finds in applying it, each on the line of its change.
 */
final class OptionReader {
    private static final Set<String> EVENT_KEYS = Set.of("change", "agreement", "type", "date", "by", "effective", "note");
    private static final Set<String> SCOPE_KEYS = Set.of("change", "agreement", "from", "topics", "highest", "by", "note");
    private static final Set<String> OUTAGE_KEYS = Set.of("change", "hub", "from", "until");

    /** The kinds of change, as option files spell them. */
    enum Kind { EVENT, SCOPE, AGREEMENT, PARTY, OUTAGE }

    private final Scenario scenario;
    private final ValueReader values = new ValueReader();
    private final PartyReader parties = new PartyReader(values);
    private final AgreementReader agreements = new AgreementReader(values, parties);
    /** Bounds on what one option may ask of the node ({@code docs/OPTIONS.md}, "An option file"). */
    static final int MAX_CHANGES = 50;
    static final int MAX_NEW_PARTIES = 3;
    static final int MAX_TOPICS = 200;
    static final int MAX_ROWS = 300;

    private final List<Change> changes = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    OptionReader(Scenario scenario) {
        this.scenario = scenario;
        scenario.members().forEach(parties::declare);
    }

    List<Problem> problems() {
        return values.problems();
    }

    /** The option, or empty with {@link #problems()} saying why. */
    Optional<Option> read(String text) {
        YamlNode root = YamlTree.parse(text, values.problems());
        if (root == null) {
            return Optional.empty();
        }
        Mapping top = values.mapping(root, "an option");
        if (top == null) {
            return Optional.empty();
        }
        values.keys(top, "an option", Set.of("name", "description", "changes"), Set.of("name", "changes"));
        String name = top.get("name") == null ? null : values.text(top.get("name"), "name");
        String description = values.optionalText(top, "description").orElse("");
        if (top.get("changes") != null) {
            List<YamlNode> items = values.list(top.get("changes"), "changes");
            if (items != null && items.isEmpty()) {
                values.problem(top.get("changes"), "an option makes at least one change");
            } else if (items != null && items.size() > MAX_CHANGES) {
                // Every change is another matrix to draw and another lifecycle to check: a bound keeps a picture
                // interactive and keeps one file from tying up the node.
                values.problem(top.get("changes"), "an option makes at most " + MAX_CHANGES + " changes, not "
                        + items.size());
            } else {
                values.each(top.get("changes"), "changes", this::change);
                long newParties = changes.stream().filter(c -> c instanceof Change.NewParty).count();
                if (newParties > MAX_NEW_PARTIES) {
                    values.problem(top.get("changes"), "an option adds at most " + MAX_NEW_PARTIES
                            + " parties, not " + newParties);
                }
            }
        }
        if (!values.problems().isEmpty() || name == null) {
            return Optional.empty();
        }
        Option option = new Option(name, description, changes);
        for (Option.Problem p : option.problems(scenario)) {
            values.problem(lines.get(p.index()), p.message());
        }
        if (values.problems().isEmpty()) {
            // The matrix has a row per topic the agreements name: a bound on them all, not only per scope.
            int rows = trisec.option.TopicTree.of(scenario, option.applyTo(scenario)).rows().size();
            if (rows > MAX_ROWS) {
                values.problem(top.get("changes"), "the agreements would name " + rows + " topics in all; an option "
                        + "may bring them to at most " + MAX_ROWS);
            }
        }
        return values.problems().isEmpty() ? Optional.of(option) : Optional.empty();
    }

    private void change(YamlNode node) {
        Mapping m = values.mapping(node, "a change");
        if (m == null) {
            return;
        }
        if (m.get("change") == null) {
            values.problem(m, "a change says what it is: change: event, scope, agreement, party or outage");
            return;
        }
        Kind kind = values.enumValue(m.get("change"), "change", Kind.class);
        if (kind == null) {
            return;
        }
        int before = values.problemCount();
        Change change = switch (kind) {
            case EVENT -> event(m);
            case SCOPE -> scope(m);
            case AGREEMENT -> agreement(m);
            case PARTY -> party(m);
            case OUTAGE -> outage(m);
        };
        if (change != null && values.problemCount() == before) {
            changes.add(change);
            lines.add(m.line());
        }
    }

    /** The same mapping without the keys that only an option file has, for the scenario's own readers. */
    private static Mapping without(Mapping m, String... keys) {
        var entries = new LinkedHashMap<>(m.entries());
        var keyLines = new LinkedHashMap<>(m.keyLines());
        for (String k : keys) {
            entries.remove(k);
            keyLines.remove(k);
        }
        return new Mapping(m.line(), entries, keyLines, m.lastLine());
    }

    /** The agreement a change names: the scenario's, or one an earlier change of the file adds. */
    private Agreement named(Mapping m) {
        String id = values.text(m.get("agreement"), "agreement");
        if (id == null) {
            return null;
        }
        Optional<Agreement> a = scenario.agreement(id).or(() -> agreements.get(id));
        if (a.isEmpty()) {
            var known = new ArrayList<>(scenario.agreements().stream().map(Agreement::id).toList());
            agreements.all().forEach(x -> known.add(x.id()));
            values.problem(m.get("agreement"), "there is no agreement '" + id + "' in the scenario or added above ("
                    + String.join(", ", known) + ")");
            return null;
        }
        return a.get();
    }

    /**
     * The agreement as the changes above this one leave it: what a scope change leaves out stays as it is on its date
     * after them (a widening of the highest levels, then a change of topics, keeps the widening).
     */
    private Agreement soFar(Agreement a) {
        if (changes.isEmpty()) {
            return a;
        }
        try {
            return new Option("so far", "", changes).applyTo(scenario).agreement(a.id()).orElse(a);
        } catch (RuntimeException notApplicable) {
            return a; // the changes above have their own problems, reported on their lines
        }
    }

    private Change event(Mapping m) {
        values.keys(m, "an event change", EVENT_KEYS, Set.of("agreement", "type", "date"));
        Agreement a = m.get("agreement") == null ? null : named(m);
        if (a == null) {
            return null;
        }
        LifecycleEvent e = agreements.event(without(m, "change", "agreement"), a.parties());
        return e == null ? null : new Change.AgreementEvent(a.id(), e);
    }

    /**
     * A scope change names what changes: {@code topics} (a list, or {@code all}) and {@code highest} (per party, or
     * {@code none}); what it leaves out stays as the agreement has it on that date.
     */
    private Change scope(Mapping m) {
        values.keys(m, "a scope change", SCOPE_KEYS, Set.of("agreement", "from"));
        if (m.get("topics") == null && m.get("highest") == null) {
            values.problem(m, "a scope change names its topics, its highest levels, or both");
        }
        Agreement a = m.get("agreement") == null ? null : named(m);
        Instant from = m.get("from") == null ? null : values.instant(m.get("from"), "from");
        if (a == null || from == null) {
            return null;
        }
        Scope now = soFar(a).scopeAt(from);
        TopicScope topics = m.get("topics") == null ? now.topics() : topics(m.get("topics"));
        Map<Party, Level> highest = m.get("highest") == null ? now.highest() : highest(m.get("highest"), a);
        Optional<Party> by = Optional.empty();
        if (m.get("by") != null) {
            Party p = parties.reference(m.get("by"));
            if (p != null && !a.parties().contains(p)) {
                values.problem(m.get("by"), p + " is not a party to " + a.id());
            }
            by = Optional.ofNullable(p);
        }
        String note = values.optionalText(m, "note").orElse("");
        if (topics == null || highest == null) {
            return null;
        }
        return new Change.ScopeChange(a.id(), from, new Scope(topics, highest), by, note);
    }

    private TopicScope topics(YamlNode node) {
        if (node instanceof Scalar s && "all".equals(s.text().strip())) {
            return TopicScope.everything();
        }
        List<YamlNode> items = values.list(node, "topics (a list, or all)");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            values.problem(node, "an empty topic list would cover no topic; write 'all' to cover every topic");
            return null;
        }
        if (items.size() > MAX_TOPICS) {
            values.problem(node, "a scope names at most " + MAX_TOPICS + " topics, not " + items.size());
            return null;
        }
        var list = new ArrayList<Topic>();
        for (YamlNode t : items) {
            values.topic(t).ifPresent(list::add);
        }
        return list.size() == items.size() ? TopicScope.of(list) : null;
    }

    private Map<Party, Level> highest(YamlNode node, Agreement a) {
        if (node instanceof Scalar s && "none".equals(s.text().strip())) {
            return Map.of();
        }
        Mapping hm = values.mapping(node, "highest (a level per party, or none)");
        if (hm == null) {
            return null;
        }
        int before = values.problemCount();
        var highest = new HashMap<Party, Level>();
        hm.entries().forEach((code, value) -> {
            Party p = parties.ofAgreement(code, hm.lineOf(code), a.parties());
            Level l = p == null ? null : parties.level(p, value);
            if (l != null) {
                highest.put(p, l);
            }
        });
        for (Party p : a.parties()) {
            if (!hm.entries().containsKey(p.code())) {
                values.problem(hm, "highest names a level for every party or for none; " + p + " is missing");
            }
        }
        return values.problemCount() == before ? highest : null;
    }

    /** A new agreement, in the keys of a scenario's agreements ({@code docs/SCENARIO.md}). */
    private Change agreement(Mapping m) {
        YamlNode idNode = m.get("id");
        if (idNode instanceof Scalar s && scenario.agreement(s.text().strip()).isPresent()) {
            values.problem(idNode, "the scenario already has an agreement '" + s.text().strip() + "'");
            return null;
        }
        int before = values.problemCount();
        agreements.read(without(m, "change"));
        if (values.problemCount() != before || !(idNode instanceof Scalar s)) {
            return null;
        }
        return agreements.get(s.text().strip()).<Change>map(Change.NewAgreement::new).orElse(null);
    }

    /** A new party, in the keys of a scenario's parties ({@code docs/SCENARIO.md}). */
    private Change party(Mapping m) {
        YamlNode codeNode = m.get("code");
        if (codeNode instanceof Scalar s && Party.isCode(s.text().strip())
                && scenario.has(Party.of(s.text().strip()))) {
            values.problem(codeNode, s.text().strip() + " is already a party of the scenario");
            return null;
        }
        int before = values.problemCount();
        parties.read(without(m, "change"));
        if (values.problemCount() != before || !(codeNode instanceof Scalar s)) {
            return null;
        }
        return parties.member(Party.of(s.text().strip())).<Change>map(Change.NewParty::new).orElse(null);
    }

    private Change outage(Mapping m) {
        values.keys(m, "an outage", OUTAGE_KEYS, Set.of("hub", "from", "until"));
        Party hub = m.get("hub") == null ? null : parties.reference(m.get("hub"));
        Instant from = m.get("from") == null ? null : values.instant(m.get("from"), "from");
        Instant until = m.get("until") == null ? null : values.instant(m.get("until"), "until");
        if (hub == null || from == null || until == null) {
            return null;
        }
        if (!until.isAfter(from)) {
            values.problem(m.get("until"), "an outage ends after it starts");
            return null;
        }
        return new Change.HubOutage(hub, from, until);
    }
}
