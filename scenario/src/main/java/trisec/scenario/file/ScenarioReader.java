package trisec.scenario.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import trisec.consult.Cadence;
import trisec.consult.Channel;
import trisec.consult.Meeting;
import trisec.party.Classification;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Member;
import trisec.scenario.Scenario;
import trisec.scenario.Site;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlNode.Scalar;
import trisec.scenario.file.yaml.YamlNode.Sequence;
import trisec.scenario.file.yaml.YamlTree;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Reads and validates a scenario file. Validation is separate from deciding: this class finds every problem
 * it can, each with its line, and builds a {@link Scenario} only when there is none. The format is described
 * in {@code docs/SCENARIO.md}.
 */
final class ScenarioReader {
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Party, ClassificationScheme> schemes = new LinkedHashMap<>();
    private final Map<Party, String> names = new LinkedHashMap<>();
    private final Map<String, Agreement> agreements = new LinkedHashMap<>();

    List<Problem> problems() {
        return problems;
    }

    /** The scenario, or empty with {@link #problems()} saying why. */
    Optional<Scenario> read(String text) {
        YamlNode root = YamlTree.parse(text, problems);
        if (root == null) {
            return Optional.empty();
        }
        Mapping top = mapping(root, "a scenario");
        if (top == null) {
            return Optional.empty();
        }
        keys(top, "a scenario", Set.of("parties", "agreements", "channels", "sites"), Set.of("parties"));
        each(top.get("parties"), "parties", this::party);
        List<Channel> channels = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        each(top.get("agreements"), "agreements", this::agreement);
        each(top.get("channels"), "channels", n -> channel(n).ifPresent(channels::add));
        each(top.get("sites"), "sites", n -> site(n).ifPresent(sites::add));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        var members = new ArrayList<Member>();
        schemes.forEach((party, scheme) -> members.add(new Member(party, names.get(party), scheme)));
        try {
            return Optional.of(new Scenario(members, List.copyOf(agreements.values()), channels, sites));
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; say so rather than fail without a line.
            problems.add(new Problem(1, e.getMessage()));
            return Optional.empty();
        }
    }

    // ---- parties and schemes -------------------------------------------------------------------------

    private void party(YamlNode node) {
        Mapping m = mapping(node, "a party");
        if (m == null) {
            return;
        }
        keys(m, "a party", Set.of("code", "name", "levels"), Set.of("code", "levels"));
        YamlNode codeNode = m.get("code");
        String code = codeNode == null ? null : text(codeNode, "code");
        if (code == null) {
            return;
        }
        if (!Party.isCode(code)) {
            problem(codeNode, "'" + code + "' is not an ISO 3166 alpha-3 party code such as KOR");
            return;
        }
        Party party = Party.of(code);
        if (schemes.containsKey(party)) {
            problem(codeNode, "party " + code + " is declared twice");
            return;
        }
        String name = optionalText(m, "name").orElse(code);
        List<ClassificationScheme.Entry> entries = new ArrayList<>();
        YamlNode levelsNode = m.get("levels");
        List<YamlNode> levels = levelsNode == null ? List.of() : list(levelsNode, "levels");
        if (levels == null) {
            return;
        }
        int before = problems.size();
        for (YamlNode ln : levels) {
            Mapping lm = mapping(ln, "a level");
            if (lm == null) {
                continue;
            }
            keys(lm, "a level", Set.of("name", "banner", "aliases", "rankedWith"), Set.of("name", "banner"));
            String levelName = lm.get("name") == null ? null : text(lm.get("name"), "name");
            Classification banner = null;
            if (lm.get("banner") != null) {
                String word = text(lm.get("banner"), "banner");
                if (word != null) {
                    banner = Classification.fromBanner(word).orElse(null);
                    if (banner == null) {
                        problem(lm.get("banner"), "'" + word + "' is not a banner classification "
                                + "(TOP SECRET, SECRET, CONFIDENTIAL or UNCLASSIFIED)");
                    }
                }
            }
            List<String> aliases = lm.get("aliases") == null ? List.of() : texts(lm.get("aliases"), "aliases");
            boolean rankedWith = false;
            if (lm.get("rankedWith") != null) {
                String with = text(lm.get("rankedWith"), "rankedWith");
                String previous = entries.isEmpty() ? null : entries.getLast().name();
                if (with != null && !with.equals(previous)) {
                    problem(lm.get("rankedWith"), "rankedWith names the level just above ("
                            + (previous == null ? "there is none" : previous) + "), not '" + with + "'");
                }
                rankedWith = true;
            }
            if (levelName != null && banner != null) {
                entries.add(new ClassificationScheme.Entry(levelName, banner, aliases, rankedWith));
            }
        }
        if (problems.size() == before) {
            for (String p : ClassificationScheme.problems(entries)) {
                problem(levelsNode, "levels of " + code + ": " + p);
            }
        }
        if (problems.size() == before) {
            schemes.put(party, ClassificationScheme.of(party, entries));
            names.put(party, name);
        } else {
            // Keep the party known so that later references to it do not report it as unknown.
            names.put(party, name);
            schemes.putIfAbsent(party, null);
        }
    }

    // ---- agreements ----------------------------------------------------------------------------------

    private static final Set<String> AGREEMENT_KEYS = Set.of("id", "kind", "title", "parties", "hub",
            "legallyBinding", "term", "noticePeriod", "scope", "equivalence", "events", "notes", "sources");

    private void agreement(YamlNode node) {
        Mapping m = mapping(node, "an agreement");
        if (m == null) {
            return;
        }
        keys(m, "an agreement", AGREEMENT_KEYS, Set.of("id", "kind", "parties"));
        int before = problems.size();
        String id = m.get("id") == null ? null : text(m.get("id"), "id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problem(m.get("id"), "an agreement id is lower-case words joined by '-', such as kor-jpn-gsomia-2016");
        } else if (id != null && agreements.containsKey(id)) {
            problem(m.get("id"), "agreement " + id + " is declared twice");
        }
        AgreementKind kind = m.get("kind") == null ? null
                : enumValue(m.get("kind"), "kind", AgreementKind.class);
        List<Party> parties = new ArrayList<>();
        if (m.get("parties") != null) {
            List<YamlNode> ps = list(m.get("parties"), "parties");
            if (ps != null) {
                for (YamlNode pn : ps) {
                    Party p = partyRef(pn);
                    if (p != null && parties.contains(p)) {
                        problem(pn, "party " + p + " is listed twice");
                    } else if (p != null) {
                        parties.add(p);
                    }
                }
                if (ps.size() < 2) {
                    problem(m.get("parties"), "an agreement has at least two parties");
                }
            }
        }
        Optional<Party> hub = Optional.empty();
        if (m.get("hub") != null) {
            Party h = partyRef(m.get("hub"));
            if (h != null && !parties.contains(h)) {
                problem(m.get("hub"), "hub " + h + " is not among the parties " + parties);
            }
            if (kind != null && kind != AgreementKind.HUB_ARRANGEMENT && kind != AgreementKind.DATA_MECHANISM) {
                problem(m.get("hub"), "only a hub arrangement or a data mechanism has a hub");
            }
            hub = Optional.ofNullable(h);
        } else if (kind == AgreementKind.HUB_ARRANGEMENT) {
            problem(m.lineOf("kind"), "a hub arrangement names its hub");
        }
        boolean binding = m.get("legallyBinding") == null || bool(m.get("legallyBinding"), "legallyBinding");
        Optional<Period> term = m.get("term") == null ? Optional.empty() : period(m.get("term"), "term");
        Optional<Period> notice = m.get("noticePeriod") == null ? Optional.empty()
                : period(m.get("noticePeriod"), "noticePeriod");
        Scope scope = m.get("scope") == null ? Scope.everything() : scope(m.get("scope"), parties);
        EquivalenceTable table = EquivalenceTable.empty();
        if (m.get("equivalence") != null) {
            if (kind != null && kind != AgreementKind.SIA) {
                problem(m.lineOf("equivalence"), "only an SIA has an equivalence table");
            }
            table = equivalence(m.get("equivalence"), parties);
        } else if (kind == AgreementKind.SIA) {
            problem(m.lineOf("kind"), "an SIA needs an equivalence table (GSOMIA Art. 4)");
        }
        List<LifecycleEvent> events = new ArrayList<>();
        List<YamlNode> eventNodes = new ArrayList<>();
        if (m.get("events") != null) {
            List<YamlNode> es = list(m.get("events"), "events");
            for (YamlNode en : es == null ? List.<YamlNode>of() : es) {
                LifecycleEvent e = event(en, parties);
                if (e != null) {
                    if (!events.isEmpty() && e.at().isBefore(events.getLast().at())) {
                        problem(en, "events are listed in the order they happened; this one is dated before "
                                + "the one above");
                        continue;
                    }
                    events.add(e);
                    eventNodes.add(en);
                }
            }
        }
        if (problems.size() == before) {
            for (Lifecycle.EventProblem p : Lifecycle.problems(term, notice, events)) {
                YamlNode at = eventNodes.get(p.index());
                problem(at, events.get(p.index()).type() + ": " + p.message());
            }
        }
        String title = optionalText(m, "title").orElse(id == null ? "" : id);
        String notes = optionalText(m, "notes").orElse("");
        List<String> sources = m.get("sources") == null ? List.of() : texts(m.get("sources"), "sources");
        if (problems.size() == before) {
            try {
                agreements.put(id, new Agreement(id, kind, title, parties, hub, scope, table, term, notice, binding,
                        events, notes, sources));
            } catch (IllegalArgumentException e) {
                problem(node, e.getMessage());
            }
        }
    }

    private Scope scope(YamlNode node, List<Party> parties) {
        Mapping m = mapping(node, "a scope");
        if (m == null) {
            return Scope.everything();
        }
        keys(m, "a scope", Set.of("topics", "highest"), Set.of());
        TopicScope topics = TopicScope.everything();
        if (m.get("topics") != null) {
            List<Topic> list = new ArrayList<>();
            List<YamlNode> tn = list(m.get("topics"), "topics");
            for (YamlNode t : tn == null ? List.<YamlNode>of() : tn) {
                topic(t).ifPresent(list::add);
            }
            if (tn != null && tn.isEmpty()) {
                problem(m.get("topics"), "an empty topic list would cover no topic; leave 'topics' out to cover all");
            }
            topics = TopicScope.of(list);
        }
        Map<Party, Level> highest = new HashMap<>();
        if (m.get("highest") != null) {
            Mapping hm = mapping(m.get("highest"), "highest");
            if (hm != null) {
                hm.entries().forEach((code, value) -> {
                    Party p = partyOfAgreement(code, hm.lineOf(code), parties);
                    Level l = p == null ? null : levelRef(p, value);
                    if (l != null) {
                        highest.put(p, l);
                    }
                });
                for (Party p : parties) {
                    if (!highest.isEmpty() && !hm.entries().containsKey(p.code())) {
                        problem(hm, "highest names a level for every party or for none; " + p + " is missing");
                    }
                }
            }
        }
        return new Scope(topics, highest);
    }

    private EquivalenceTable equivalence(YamlNode node, List<Party> parties) {
        List<YamlNode> rows = list(node, "equivalence");
        if (rows == null) {
            return EquivalenceTable.empty();
        }
        List<EquivalenceTable.Row> out = new ArrayList<>();
        Map<Level, Integer> seen = new HashMap<>();
        for (YamlNode rn : rows) {
            Mapping rm = mapping(rn, "an equivalence row");
            if (rm == null) {
                continue;
            }
            Map<Party, List<Level>> row = new LinkedHashMap<>();
            rm.entries().forEach((code, value) -> {
                Party p = partyOfAgreement(code, rm.lineOf(code), parties);
                if (p == null) {
                    return;
                }
                List<YamlNode> values = value instanceof Sequence s ? s.items() : List.of(value);
                List<Level> levels = new ArrayList<>();
                for (YamlNode v : values) {
                    Level l = levelRef(p, v);
                    if (l == null) {
                        continue;
                    }
                    if (l.isUnclassified()) {
                        problem(v, "UNCLASSIFIED corresponds to UNCLASSIFIED in every SIA; leave it out of the table");
                        continue;
                    }
                    Integer other = seen.putIfAbsent(l, v.line());
                    if (other != null) {
                        problem(v, l.name() + " already appears in a row on line " + other);
                        continue;
                    }
                    levels.add(l);
                }
                if (levels.isEmpty() && values.isEmpty()) {
                    problem(value, "a row names at least one level for " + p);
                }
                if (!levels.isEmpty()) {
                    row.put(p, levels);
                }
            });
            if (rm.entries().size() < 2) {
                problem(rm, "an equivalence row names levels of at least two parties");
            }
            if (!row.isEmpty()) {
                out.add(new EquivalenceTable.Row(row));
            }
        }
        return new EquivalenceTable(out);
    }

    private LifecycleEvent event(YamlNode node, List<Party> parties) {
        Mapping m = mapping(node, "an event");
        if (m == null) {
            return null;
        }
        keys(m, "an event", Set.of("type", "date", "by", "effective", "note"), Set.of("type", "date"));
        int before = problems.size();
        EventType type = m.get("type") == null ? null : enumValue(m.get("type"), "type", EventType.class);
        Instant at = m.get("date") == null ? null : instant(m.get("date"), "date");
        Optional<Party> by = Optional.empty();
        if (m.get("by") != null) {
            Party p = partyRef(m.get("by"));
            if (p != null && !parties.contains(p)) {
                problem(m.get("by"), p + " is not a party to this agreement");
            }
            by = Optional.ofNullable(p);
        }
        Optional<Instant> effective = Optional.empty();
        if (m.get("effective") != null) {
            if (type != null && type != EventType.TERMINATION_NOTICE) {
                problem(m.get("effective"), "only a termination notice states an effective date");
            }
            effective = Optional.ofNullable(instant(m.get("effective"), "effective"));
        }
        String note = optionalText(m, "note").orElse("");
        if (problems.size() != before || type == null || at == null) {
            return null;
        }
        return LifecycleEvent.of(type, at, by, note, effective);
    }

    // ---- channels and sites --------------------------------------------------------------------------

    private Optional<Channel> channel(YamlNode node) {
        Mapping m = mapping(node, "a channel");
        if (m == null) {
            return Optional.empty();
        }
        keys(m, "a channel", Set.of("id", "name", "cadence", "modelled", "rotation", "rotationPeriod", "meetings",
                "notes"), Set.of("id", "name", "cadence"));
        int before = problems.size();
        String id = m.get("id") == null ? null : text(m.get("id"), "id");
        String name = m.get("name") == null ? null : text(m.get("name"), "name");
        Cadence cadence = m.get("cadence") == null ? null : enumValue(m.get("cadence"), "cadence", Cadence.class);
        boolean modelled = m.get("modelled") != null && bool(m.get("modelled"), "modelled");
        List<Party> rotation = new ArrayList<>();
        if (m.get("rotation") != null) {
            List<YamlNode> rs = list(m.get("rotation"), "rotation");
            for (YamlNode r : rs == null ? List.<YamlNode>of() : rs) {
                Party p = partyRef(r);
                if (p != null) {
                    rotation.add(p);
                }
            }
        }
        Optional<Period> every = m.get("rotationPeriod") == null ? Optional.empty()
                : period(m.get("rotationPeriod"), "rotationPeriod");
        List<Meeting> meetings = new ArrayList<>();
        if (m.get("meetings") != null) {
            List<YamlNode> ms = list(m.get("meetings"), "meetings");
            for (YamlNode mn : ms == null ? List.<YamlNode>of() : ms) {
                meeting(mn).ifPresent(meetings::add);
            }
        }
        String notes = optionalText(m, "notes").orElse("");
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Channel(id, name, cadence, modelled, rotation, every, meetings, notes));
    }

    private Optional<Meeting> meeting(YamlNode node) {
        Mapping m = mapping(node, "a meeting");
        if (m == null) {
            return Optional.empty();
        }
        keys(m, "a meeting", Set.of("date", "until", "place", "note"), Set.of("date"));
        LocalDate start = m.get("date") == null ? null : date(m.get("date"), "date");
        LocalDate end = m.get("until") == null ? start : date(m.get("until"), "until");
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (end.isBefore(start)) {
            problem(m.get("until"), "a meeting ends on or after the day it starts");
            return Optional.empty();
        }
        return Optional.of(new Meeting(start, end, optionalText(m, "place").orElse(""),
                optionalText(m, "note").orElse("")));
    }

    private Optional<Site> site(YamlNode node) {
        Mapping m = mapping(node, "a site");
        if (m == null) {
            return Optional.empty();
        }
        keys(m, "a site", Set.of("name", "location", "host", "agreement", "role", "since"),
                Set.of("name", "host", "agreement"));
        int before = problems.size();
        String name = m.get("name") == null ? null : text(m.get("name"), "name");
        Party host = m.get("host") == null ? null : partyRef(m.get("host"));
        String agreement = m.get("agreement") == null ? null : text(m.get("agreement"), "agreement");
        if (agreement != null && !agreements.containsKey(agreement)) {
            problem(m.get("agreement"), "unknown agreement '" + agreement + "'");
        }
        Optional<LocalDate> since = m.get("since") == null ? Optional.empty()
                : Optional.ofNullable(date(m.get("since"), "since"));
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Site(name, optionalText(m, "location").orElse(""), host, agreement,
                optionalText(m, "role").orElse(""), since));
    }

    // ---- references --------------------------------------------------------------------------------

    private Party partyRef(YamlNode node) {
        String code = text(node, "a party");
        if (code == null) {
            return null;
        }
        if (!Party.isCode(code)) {
            problem(node, "'" + code + "' is not an ISO 3166 alpha-3 party code such as KOR");
            return null;
        }
        Party p = Party.of(code);
        if (!names.containsKey(p)) {
            problem(node, "unknown party " + code + " (declared: " + String.join(", ",
                    names.keySet().stream().map(Party::code).toList()) + ")");
            return null;
        }
        return p;
    }

    private Party partyOfAgreement(String code, int line, List<Party> parties) {
        if (!Party.isCode(code) || !names.containsKey(Party.of(code))) {
            problems.add(new Problem(line, "unknown party " + code));
            return null;
        }
        Party p = Party.of(code);
        if (!parties.contains(p)) {
            problems.add(new Problem(line, p + " is not a party to this agreement"));
            return null;
        }
        return p;
    }

    private Level levelRef(Party party, YamlNode node) {
        String name = text(node, "a level");
        if (name == null) {
            return null;
        }
        ClassificationScheme scheme = schemes.get(party);
        if (scheme == null) {
            return null; // the party's own declaration already has a problem
        }
        Optional<Level> level = scheme.find(name);
        if (level.isEmpty()) {
            problem(node, "level '" + name + "' is not in the scheme of " + party + " (levels: "
                    + String.join(", ", scheme.levels().stream().map(Level::name).toList()) + ")");
            return null;
        }
        return level.get();
    }

    private Optional<Topic> topic(YamlNode node) {
        String t = text(node, "a topic");
        if (t == null) {
            return Optional.empty();
        }
        if (!Topic.isValid(t)) {
            problem(node, "'" + t + "' is not a topic (dot-separated lower-case words such as dprk.missile)");
            return Optional.empty();
        }
        return Optional.of(Topic.of(t));
    }

    // ---- values ------------------------------------------------------------------------------------

    private void each(YamlNode node, String what, java.util.function.Consumer<YamlNode> reader) {
        if (node == null) {
            return;
        }
        List<YamlNode> items = list(node, what);
        if (items != null) {
            items.forEach(reader);
        }
    }

    private Mapping mapping(YamlNode node, String what) {
        if (node instanceof Mapping m) {
            return m;
        }
        problem(node, what + " must be a mapping (key: value lines), not " + node.kind());
        return null;
    }

    private List<YamlNode> list(YamlNode node, String what) {
        if (node instanceof Sequence s) {
            return s.items();
        }
        problem(node, what + " must be a list, not " + node.kind());
        return null;
    }

    private String text(YamlNode node, String what) {
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        problem(node, what + " must be a non-empty value, not " + node.kind());
        return null;
    }

    private List<String> texts(YamlNode node, String what) {
        List<YamlNode> items = node instanceof Scalar ? List.of(node) : list(node, what);
        List<String> out = new ArrayList<>();
        for (YamlNode n : items == null ? List.<YamlNode>of() : items) {
            String t = text(n, what);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private Optional<String> optionalText(Mapping m, String key) {
        YamlNode n = m.get(key);
        return n == null ? Optional.empty() : Optional.ofNullable(text(n, key));
    }

    private boolean bool(YamlNode node, String what) {
        String t = text(node, what);
        if ("true".equals(t) || "false".equals(t)) {
            return Boolean.parseBoolean(t);
        }
        if (t != null) {
            problem(node, what + " is true or false, not '" + t + "'");
        }
        return false;
    }

    private <E extends Enum<E>> E enumValue(YamlNode node, String what, Class<E> type) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        String constant = t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        problem(node, "'" + t + "' is not a " + what + " (one of: " + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        return null;
    }

    private Optional<Period> period(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return Optional.empty();
        }
        try {
            Period p = Period.parse(t);
            if (p.isNegative() || p.isZero()) {
                problem(node, what + " must be a positive period such as P1Y or P90D");
                return Optional.empty();
            }
            return Optional.of(p);
        } catch (DateTimeParseException e) {
            problem(node, what + " must be an ISO 8601 period such as P1Y or P90D, not '" + t + "'");
            return Optional.empty();
        }
    }

    private LocalDate date(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problem(node, what + " must be a date such as 2016-11-23, not '" + t + "'");
            return null;
        }
    }

    /** A date (00:00 UTC that day, DESIGN §2.6) or an ISO 8601 instant with an offset. */
    private Instant instant(YamlNode node, String what) {
        String t = text(node, what);
        if (t == null) {
            return null;
        }
        try {
            return trisec.DateOrInstant.parse(t);
        } catch (trisec.DomainException e) {
            problem(node, what + " must be a date such as 2016-11-23 or an instant such as 2019-11-22T09:00:00Z, "
                    + "not '" + t + "'");
            return null;
        }
    }

    private void keys(Mapping m, String what, Set<String> allowed, Set<String> required) {
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(new Problem(m.lineOf(key), "unknown key '" + key + "' in " + what + " (expected: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        for (String key : required.stream().sorted().toList()) {
            if (!m.entries().containsKey(key)) {
                problems.add(new Problem(m.line(), what + " needs '" + key + "'"));
            }
        }
    }

    private void problem(YamlNode node, String message) {
        problems.add(new Problem(node.line(), message));
    }

    private void problem(int line, String message) {
        problems.add(new Problem(line, message));
    }
}
