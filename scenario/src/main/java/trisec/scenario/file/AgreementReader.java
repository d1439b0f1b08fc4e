package trisec.scenario.file;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.EquivalenceTable;
import trisec.agreement.Lifecycle;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlNode.Sequence;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Reads the agreements of a scenario file: their parties and hub, scope, equivalence table and lifecycle events,
 * with the rules that tie these to the agreement's kind. Needs the parties read first, since an agreement names
 * them and their levels.
 */
final class AgreementReader {
    private static final Set<String> AGREEMENT_KEYS = Set.of("id", "kind", "title", "parties", "hub",
            "legallyBinding", "term", "noticePeriod", "scope", "equivalence", "events", "notes", "sources");

    private final ValueReader values;
    private final PartyReader parties;
    private final Map<String, Agreement> agreements = new LinkedHashMap<>();

    AgreementReader(ValueReader values, PartyReader parties) {
        this.values = values;
        this.parties = parties;
    }

    /** The agreements read without a problem, in file order. */
    List<Agreement> all() {
        return List.copyOf(agreements.values());
    }

    /** The agreement with this id, when it was read without a problem. */
    Optional<Agreement> get(String id) {
        return Optional.ofNullable(agreements.get(id));
    }

    /** Whether an agreement with this id was read without a problem. */
    boolean isDeclared(String id) {
        return agreements.containsKey(id);
    }

    /** Reads one item of {@code agreements}. */
    void read(YamlNode node) {
        Mapping m = values.mapping(node, "an agreement");
        if (m == null) {
            return;
        }
        values.keys(m, "an agreement", AGREEMENT_KEYS, Set.of("id", "kind", "parties"));
        int before = values.problemCount();
        String id = m.get("id") == null ? null : values.text(m.get("id"), "id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            values.problem(m.get("id"),
                    "an agreement id is lower-case words joined by '-', such as kor-jpn-gsomia-2016");
        } else if (id != null && agreements.containsKey(id)) {
            values.problem(m.get("id"), "agreement " + id + " is declared twice");
        }
        AgreementKind kind = m.get("kind") == null ? null
                : values.enumValue(m.get("kind"), "kind", AgreementKind.class);
        List<Party> agreementParties = new ArrayList<>();
        if (m.get("parties") != null) {
            List<YamlNode> ps = values.list(m.get("parties"), "parties");
            if (ps != null) {
                for (YamlNode pn : ps) {
                    Party p = parties.reference(pn);
                    if (p != null && agreementParties.contains(p)) {
                        values.problem(pn, "party " + p + " is listed twice");
                    } else if (p != null) {
                        agreementParties.add(p);
                    }
                }
                if (ps.size() < 2) {
                    values.problem(m.get("parties"), "an agreement has at least two parties");
                }
            }
        }
        Optional<Party> hub = Optional.empty();
        if (m.get("hub") != null) {
            Party h = parties.reference(m.get("hub"));
            if (h != null && !agreementParties.contains(h)) {
                values.problem(m.get("hub"), "hub " + h + " is not among the parties " + agreementParties);
            }
            if (kind != null && kind != AgreementKind.HUB_ARRANGEMENT && kind != AgreementKind.DATA_MECHANISM) {
                values.problem(m.get("hub"), "only a hub arrangement or a data mechanism has a hub");
            }
            hub = Optional.ofNullable(h);
        } else if (kind == AgreementKind.HUB_ARRANGEMENT) {
            values.problem(m.lineOf("kind"), "a hub arrangement names its hub");
        }
        boolean binding = m.get("legallyBinding") == null || values.bool(m.get("legallyBinding"), "legallyBinding");
        Optional<Period> term = m.get("term") == null ? Optional.empty() : values.period(m.get("term"), "term");
        Optional<Period> notice = m.get("noticePeriod") == null ? Optional.empty()
                : values.period(m.get("noticePeriod"), "noticePeriod");
        Scope scope = m.get("scope") == null ? Scope.everything() : scope(m.get("scope"), agreementParties);
        EquivalenceTable table = EquivalenceTable.empty();
        if (m.get("equivalence") != null) {
            if (kind != null && kind != AgreementKind.SIA) {
                values.problem(m.lineOf("equivalence"), "only an SIA has an equivalence table");
            }
            table = equivalence(m.get("equivalence"), agreementParties);
        } else if (kind == AgreementKind.SIA) {
            values.problem(m.lineOf("kind"), "an SIA needs an equivalence table (GSOMIA Art. 4)");
        }
        List<LifecycleEvent> events = new ArrayList<>();
        List<YamlNode> eventNodes = new ArrayList<>();
        if (m.get("events") != null) {
            List<YamlNode> es = values.list(m.get("events"), "events");
            for (YamlNode en : es == null ? List.<YamlNode>of() : es) {
                LifecycleEvent e = event(en, agreementParties);
                if (e != null) {
                    if (!events.isEmpty() && e.at().isBefore(events.getLast().at())) {
                        values.problem(en, "events are listed in the order they happened; this one is dated before "
                                + "the one above");
                        continue;
                    }
                    events.add(e);
                    eventNodes.add(en);
                }
            }
        }
        if (values.problemCount() == before) {
            for (Lifecycle.EventProblem p : Lifecycle.problems(term, notice, events)) {
                YamlNode at = eventNodes.get(p.index());
                values.problem(at, events.get(p.index()).type() + ": " + p.message());
            }
        }
        String title = values.optionalText(m, "title").orElse(id == null ? "" : id);
        String notes = values.optionalText(m, "notes").orElse("");
        List<String> sources = m.get("sources") == null ? List.of() : values.texts(m.get("sources"), "sources");
        if (values.problemCount() == before) {
            try {
                agreements.put(id, new Agreement(id, kind, title, agreementParties, hub, scope, table, term, notice,
                        binding, events, notes, sources));
            } catch (IllegalArgumentException e) {
                values.problem(node, e.getMessage());
            }
        }
    }

    Scope scope(YamlNode node, List<Party> agreementParties) {
        Mapping m = values.mapping(node, "a scope");
        if (m == null) {
            return Scope.everything();
        }
        values.keys(m, "a scope", Set.of("topics", "highest"), Set.of());
        TopicScope topics = TopicScope.everything();
        if (m.get("topics") != null) {
            List<Topic> list = new ArrayList<>();
            List<YamlNode> tn = values.list(m.get("topics"), "topics");
            for (YamlNode t : tn == null ? List.<YamlNode>of() : tn) {
                values.topic(t).ifPresent(list::add);
            }
            if (tn != null && tn.isEmpty()) {
                values.problem(m.get("topics"),
                        "an empty topic list would cover no topic; leave 'topics' out to cover all");
            }
            if (tn != null && tn.size() > OptionReader.MAX_TOPICS) {
                values.problem(m.get("topics"), "a scope names at most " + OptionReader.MAX_TOPICS + " topics, not "
                        + tn.size());
            }
            topics = TopicScope.of(list);
        }
        Map<Party, Level> highest = new HashMap<>();
        if (m.get("highest") != null) {
            Mapping hm = values.mapping(m.get("highest"), "highest");
            if (hm != null) {
                hm.entries().forEach((code, value) -> {
                    Party p = parties.ofAgreement(code, hm.lineOf(code), agreementParties);
                    Level l = p == null ? null : parties.level(p, value);
                    if (l != null) {
                        highest.put(p, l);
                    }
                });
                for (Party p : agreementParties) {
                    if (!highest.isEmpty() && !hm.entries().containsKey(p.code())) {
                        values.problem(hm, "highest names a level for every party or for none; " + p + " is missing");
                    }
                }
            }
        }
        return new Scope(topics, highest);
    }

    private EquivalenceTable equivalence(YamlNode node, List<Party> agreementParties) {
        List<YamlNode> rows = values.list(node, "equivalence");
        if (rows == null) {
            return EquivalenceTable.empty();
        }
        List<EquivalenceTable.Row> out = new ArrayList<>();
        Map<Level, Integer> seen = new HashMap<>();
        for (YamlNode rn : rows) {
            Mapping rm = values.mapping(rn, "an equivalence row");
            if (rm == null) {
                continue;
            }
            Map<Party, List<Level>> row = new LinkedHashMap<>();
            rm.entries().forEach((code, value) -> {
                Party p = parties.ofAgreement(code, rm.lineOf(code), agreementParties);
                if (p == null) {
                    return;
                }
                List<YamlNode> cells = value instanceof Sequence s ? s.items() : List.of(value);
                List<Level> levels = new ArrayList<>();
                for (YamlNode v : cells) {
                    Level l = parties.level(p, v);
                    if (l == null) {
                        continue;
                    }
                    if (l.isUnclassified()) {
                        values.problem(v,
                                "UNCLASSIFIED corresponds to UNCLASSIFIED in every SIA; leave it out of the table");
                        continue;
                    }
                    Integer other = seen.putIfAbsent(l, v.line());
                    if (other != null) {
                        values.problem(v, l.name() + " already appears in a row on line " + other);
                        continue;
                    }
                    levels.add(l);
                }
                if (levels.isEmpty() && cells.isEmpty()) {
                    values.problem(value, "a row names at least one level for " + p);
                }
                if (!levels.isEmpty()) {
                    row.put(p, levels);
                }
            });
            if (rm.entries().size() < 2) {
                values.problem(rm, "an equivalence row names levels of at least two parties");
            }
            if (!row.isEmpty()) {
                out.add(new EquivalenceTable.Row(row));
            }
        }
        return new EquivalenceTable(out);
    }

    /** One lifecycle event, or null when it has a problem or lacks its type or date. */
    private LifecycleEvent event(YamlNode node, List<Party> agreementParties) {
        Mapping m = values.mapping(node, "an event");
        if (m == null) {
            return null;
        }
        values.keys(m, "an event", Set.of("type", "date", "by", "effective", "note"), Set.of("type", "date"));
        return event(m, agreementParties);
    }

    /** The event a mapping states, its keys already checked; null when it has a problem or lacks its type or date. */
    LifecycleEvent event(Mapping m, List<Party> agreementParties) {
        int before = values.problemCount();
        EventType type = m.get("type") == null ? null : values.enumValue(m.get("type"), "type", EventType.class);
        Instant at = m.get("date") == null ? null : values.instant(m.get("date"), "date");
        Optional<Party> by = Optional.empty();
        if (m.get("by") != null) {
            Party p = parties.reference(m.get("by"));
            if (p != null && !agreementParties.contains(p)) {
                values.problem(m.get("by"), p + " is not a party to this agreement");
            }
            by = Optional.ofNullable(p);
        }
        Optional<Instant> effective = Optional.empty();
        if (m.get("effective") != null) {
            if (type != null && type != EventType.TERMINATION_NOTICE) {
                values.problem(m.get("effective"), "only a termination notice states an effective date");
            }
            effective = Optional.ofNullable(values.instant(m.get("effective"), "effective"));
        }
        String note = values.optionalText(m, "note").orElse("");
        if (values.problemCount() != before || type == null || at == null) {
            return null;
        }
        return LifecycleEvent.of(type, at, by, note, effective);
    }
}
