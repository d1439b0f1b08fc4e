package trisec.node.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.option.Option;
import trisec.option.TopicTree;
import trisec.party.Classification;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Member;
import trisec.scenario.Scenario;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.OptionWriter;
import trisec.scenario.file.OptionWriter.Entry;
import trisec.scenario.file.Problem;
import trisec.topic.Topic;

/**
 * The change builder of the options page (docs/UI.md, "Options"): a person who does not know the option file's YAML
 * picks a kind of change and fills in its fields; the builder checks them in the viewer's language and has
 * {@link OptionWriter} add the change to the text of the form, which stays the one thing that is saved or drawn. The
 * option file reader then reads the new text as it reads any: a problem on the new change's lines refuses the change,
 * and the text stays as it was.
 */
final class OptionBuilder {
    /** The kinds of change, as the option file names them; each has a fieldset and an "Add" button. */
    static final List<String> KINDS = List.of("event", "scope", "agreement", "party", "outage");
    /** The events an option adds to an agreement's life after its signature (docs/OPTIONS.md). */
    static final List<String> EVENT_TYPES = List.of("TERMINATION_NOTICE", "NOTICE_SUSPENDED", "NOTICE_WITHDRAWN",
            "TERMINATED", "IN_FORCE");
    /** The classified levels of a new party, one per banner word, highest first; UNCLASSIFIED comes last. */
    static final List<Classification> CLASSIFIED = List.of(Classification.TOP_SECRET, Classification.SECRET,
            Classification.CONFIDENTIAL);
    private static final Pattern AGREEMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final int MAX_FIELD = 1000;
    private static final int MAX_DESCRIPTION = 4000;

    private OptionBuilder() {}

    /** Bad input in the builder's fields: what is wrong, in the viewer's language. Nothing was added. */
    static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(String headline, List<String> problems) {
            super(headline);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** The builder's fields as sent, each named {@code kind.key} (and {@code option.name}, {@code option.description}). */
    record Fields(Map<String, String> values, Map<String, List<String>> chosen) {
        static Fields of(Context ctx) {
            var values = new LinkedHashMap<String, String>();
            var chosen = new LinkedHashMap<String, List<String>>();
            ctx.formParamMap().forEach((key, list) -> {
                int dot = key.indexOf('.');
                String prefix = dot < 0 ? "" : key.substring(0, dot);
                if ((KINDS.contains(prefix) || prefix.equals("option")) && !list.isEmpty()) {
                    values.put(key, list.getFirst());
                    chosen.put(key, List.copyOf(list));
                }
            });
            return new Fields(values, chosen);
        }

        String value(String field) {
            return values.getOrDefault(field, "").strip();
        }

        List<String> all(String field) {
            return chosen.getOrDefault(field, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        /**
         * These fields after a change of this kind was added: its own fields emptied, the option's name and
         * description as the text now gives them, the other kinds' fields as they were sent.
         */
        Fields added(String kind, String name, String description) {
            var values = new LinkedHashMap<String, String>();
            var chosen = new LinkedHashMap<String, List<String>>();
            values().forEach((k, v) -> {
                if (!k.startsWith(kind + ".") && !k.startsWith("option.")) {
                    values.put(k, v);
                    chosen.put(k, chosen().get(k));
                }
            });
            values.put("option.name", name);
            values.put("option.description", description);
            return new Fields(values, chosen);
        }
    }

    /** What adding a change did: the new text, the lines of the change, and the problems the text still has. */
    record Result(String yaml, int firstLine, int lastLine, List<Problem> remaining) {}

    /**
     * The agreements as they would stand with the option the text holds so far (its parties and agreements can be
     * named by the next change), or as they stand when the text is not a valid option yet.
     */
    static Scenario soFar(Scenario real, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return real;
        }
        try {
            Option option = OptionFiles.read("option", yaml, real);
            return option.applyTo(real);
        } catch (RuntimeException notYetAnOption) {
            return real;
        }
    }

    /** The builder as the page shows it: its selects filled from the agreements with what the text adds. */
    static OptionView.Builder view(Texts t, Scenario real, String yaml, Fields f, String open, String added,
                                   List<String> remaining, String error, List<String> problems) {
        Scenario so = soFar(real, yaml);
        var header = OptionWriter.header(yaml);
        String name = f.values().containsKey("option.name") ? f.values().get("option.name") : header.name();
        String description = f.values().containsKey("option.description") ? f.values().get("option.description")
                : header.description();
        var agreements = so.agreements().stream().map(a -> new Models.Option(a.id(), a.id() + " — "
                + t.agreementName(a), false)).toList();
        var types = EVENT_TYPES.stream().map(e -> new Models.Option(e, t.t("event." + e), false)).toList();
        var parties = so.parties().stream().map(p -> new Models.Option(p.code(), t.party(p) + " (" + p.code() + ")",
                false)).toList();
        var kinds = java.util.Arrays.stream(AgreementKind.values())
                .map(k -> new Models.Option(k.name(), t.t("kind." + k.name()), false)).toList();
        var topics = TopicTree.of(so).named().stream().map(Topic::path).toList();
        var highest = so.members().stream().map(m -> new OptionView.PartyLevels(m.party().code(),
                t.party(m.party()) + " (" + m.party().code() + ")", m.scheme().levels().stream().map(Level::name)
                .toList())).toList();
        var banners = CLASSIFIED.stream().map(c -> new Models.Option(c.name(), c.banner(), false)).toList();
        return new OptionView.Builder(name, description, KINDS.contains(open) ? open : "event", added, remaining,
                error, problems, f.values(), f.chosen(), agreements, types, parties, kinds, topics, highest, banners);
    }

    /**
     * Adds a change of this kind, from these fields, to the option file's text.
     *
     * @throws Refused with every problem of the fields, or of the change as the option file reader reads it
     */
    static Result add(Texts t, Scenario real, String yaml, String kind, Fields f) {
        var problems = new ArrayList<String>();
        for (var e : f.values().entrySet()) {
            int max = e.getKey().equals("option.description") ? MAX_DESCRIPTION : MAX_FIELD;
            if (e.getValue().length() > max) {
                problems.add(t.t("options.builder.error.long", label(t, e.getKey()), max));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(t.t("options.builder.error"), problems);
        }
        if (!KINDS.contains(kind)) {
            throw new Refused(t.t("options.builder.error"), List.of(t.t("options.builder.error.kind")));
        }
        String name = f.value("option.name");
        if ((yaml == null || yaml.isBlank()) && name.isEmpty()) {
            problems.add(t.t("options.builder.error.name"));
        }
        Scenario so = soFar(real, yaml);
        var reader = new Reader(t, so, f, problems);
        Entry entry = switch (kind) {
            case "event" -> reader.event();
            case "scope" -> reader.scope();
            case "agreement" -> reader.agreement();
            case "party" -> reader.party();
            default -> reader.outage();
        };
        if (!problems.isEmpty()) {
            throw new Refused(t.t("options.builder.error"), problems);
        }
        OptionWriter.Added added;
        try {
            added = OptionWriter.add(yaml, Optional.of(name).filter(n -> !n.isEmpty()),
                    Optional.of(f.value("option.description")).filter(d -> !d.isEmpty()), entry);
        } catch (InvalidScenarioException e) {
            throw new Refused(t.t("options.builder.error.text"), e.problems().stream().map(Problem::toString)
                    .toList());
        }
        var own = new ArrayList<String>();
        var remaining = new ArrayList<Problem>();
        for (Problem p : OptionFiles.check(added.text(), real)) {
            if (p.line() >= added.firstLine() && p.line() <= added.lastLine()) {
                own.add(p.message());
            } else {
                remaining.add(p);
            }
        }
        if (!own.isEmpty()) {
            throw new Refused(t.t("options.builder.error.refused"), own);
        }
        return new Result(added.text(), added.firstLine(), added.lastLine(), remaining);
    }

    /** A field's label on the page, for a message about it. */
    private static String label(Texts t, String field) {
        String key = "options.builder." + field.replaceAll("\\.(TOP_SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)$", "")
                .replaceAll("^scope\\.highest\\..*", "scope.highest");
        return t.has(key) ? t.t(key) : field;
    }

    /** Reads one kind of change from the fields, adding what is wrong to {@code problems}. */
    private record Reader(Texts t, Scenario so, Fields f, List<String> problems) {
        Entry event() {
            String agreement = agreement("event.agreement").map(Agreement::id).orElse("");
            String type = f.value("event.type");
            if (!EVENT_TYPES.contains(type)) {
                problems.add(t.t("options.builder.error.type"));
            }
            String date = date("event.date", true);
            Optional<String> by = party("event.by");
            Optional<String> effective = Optional.of(date("event.effective", false)).filter(d -> !d.isEmpty());
            if (effective.isPresent() && !type.equals("TERMINATION_NOTICE")) {
                problems.add(t.t("options.builder.error.effective"));
            }
            return Entry.event(agreement, type, date, by, effective, f.value("event.note"));
        }

        Entry scope() {
            Optional<Agreement> agreement = agreement("scope.agreement");
            String from = date("scope.from", true);
            boolean all = !f.all("scope.all").isEmpty();
            List<String> topics = topics("scope");
            if (all && !topics.isEmpty()) {
                problems.add(t.t("options.builder.error.allAndSome"));
            }
            var highest = new LinkedHashMap<String, String>();
            for (Member m : so.members()) {
                String level = f.value("scope.highest." + m.party().code());
                if (level.isEmpty()) {
                    continue;
                }
                if (m.scheme().find(level).isEmpty()) {
                    problems.add(t.t("options.builder.error.level", level, t.party(m.party())));
                } else {
                    highest.put(m.party().code(), level);
                }
            }
            for (String key : f.values().keySet()) {
                if (key.startsWith("scope.highest.") && !f.value(key).isEmpty()
                        && so.members().stream().noneMatch(m -> key.equals("scope.highest." + m.party().code()))) {
                    problems.add(t.t("options.builder.error.party", key.substring("scope.highest.".length())));
                }
            }
            boolean none = !f.all("scope.none").isEmpty();
            if (none && !highest.isEmpty()) {
                problems.add(t.t("options.builder.error.noneAndLevels"));
            }
            if (agreement.isPresent() && !highest.isEmpty()) {
                List<String> codes = agreement.get().parties().stream().map(Party::code).toList();
                if (!new LinkedHashSet<>(codes).equals(new LinkedHashSet<>(highest.keySet()))) {
                    problems.add(t.t("options.builder.error.highestParties", agreement.get().id(),
                            String.join(", ", codes)));
                }
            }
            if (!all && topics.isEmpty() && highest.isEmpty() && !none) {
                problems.add(t.t("options.builder.error.noTopic"));
            }
            Optional<List<String>> topicsWritten = all ? Optional.of(OptionWriter.ALL_TOPICS)
                    : topics.isEmpty() ? Optional.empty() : Optional.of(topics);
            Optional<Map<String, String>> highestWritten = none ? Optional.of(Map.of())
                    : highest.isEmpty() ? Optional.empty() : Optional.of(highest);
            return Entry.scope(agreement.map(Agreement::id).orElse(""), from, topicsWritten, highestWritten,
                    party("scope.by"), f.value("scope.note"));
        }

        Entry agreement() {
            String id = f.value("agreement.id");
            if (!AGREEMENT_ID.matcher(id).matches()) {
                problems.add(t.t("options.builder.error.agreementId"));
            } else if (so.agreement(id).isPresent()) {
                problems.add(t.t("options.builder.error.agreementExists", id));
            }
            AgreementKind kind = null;
            try {
                kind = AgreementKind.valueOf(f.value("agreement.kind"));
            } catch (IllegalArgumentException e) {
                problems.add(t.t("options.builder.error.agreementKind"));
            }
            var parties = new ArrayList<Party>();
            for (String code : f.all("agreement.party")) {
                if (Party.isCode(code) && so.has(Party.of(code))) {
                    parties.add(Party.of(code));
                } else {
                    problems.add(t.t("options.builder.error.party", code));
                }
            }
            if (parties.size() < 2) {
                problems.add(t.t("options.builder.error.agreementParties"));
            }
            Optional<String> hub = party("agreement.hub");
            if (hub.isPresent() && !parties.contains(Party.of(hub.get()))) {
                problems.add(t.t("options.builder.error.hubNotParty", hub.get()));
            }
            if (hub.isEmpty() && kind == AgreementKind.HUB_ARRANGEMENT) {
                problems.add(t.t("options.builder.error.hubNeeded"));
            }
            String term = period("agreement.term");
            String notice = period("agreement.notice");
            String signed = date("agreement.signed", false);
            String inForce = date("agreement.inForce", false);
            List<String> topics = topics("agreement");

            var keys = new LinkedHashMap<String, Object>();
            keys.put("id", id);
            keys.put("kind", kind == null ? "" : kind.name());
            if (!f.value("agreement.title").isEmpty()) {
                keys.put("title", f.value("agreement.title"));
            }
            keys.put("parties", parties.stream().map(Party::code).toList());
            hub.ifPresent(h -> keys.put("hub", h));
            if (!term.isEmpty()) {
                keys.put("term", term);
            }
            if (!notice.isEmpty()) {
                keys.put("noticePeriod", notice);
            }
            if (!topics.isEmpty()) {
                keys.put("scope", Map.of("topics", topics));
            }
            if (kind == AgreementKind.SIA) {
                keys.put("equivalence", byBanner(parties));
            }
            var events = new ArrayList<Map<String, String>>();
            if (!signed.isEmpty()) {
                events.add(event("SIGNED", signed));
            }
            if (!inForce.isEmpty()) {
                events.add(event("IN_FORCE", inForce));
            }
            if (!events.isEmpty()) {
                keys.put("events", events);
            }
            return Entry.agreement(keys);
        }

        private static Map<String, String> event(String type, String date) {
            var e = new LinkedHashMap<String, String>();
            e.put("type", type);
            e.put("date", date);
            return e;
        }

        /**
         * An SIA's equivalence table made from the parties' schemes: a row per banner word, pairing every party's
         * levels of that banner. The table an agreement actually has may differ (the Korea–Japan GSOMIA leaves
         * Class I out); the text shows the rows, to be edited there.
         */
        private List<Map<String, List<String>>> byBanner(List<Party> parties) {
            var rows = new ArrayList<Map<String, List<String>>>();
            for (Classification banner : CLASSIFIED) {
                var row = new LinkedHashMap<String, List<String>>();
                for (Party p : parties) {
                    List<String> levels = so.scheme(p).levels().stream().filter(l -> l.banner() == banner)
                            .map(Level::name).toList();
                    if (!levels.isEmpty()) {
                        row.put(p.code(), levels);
                    }
                }
                if (row.size() >= 2) {
                    rows.add(row);
                }
            }
            if (rows.isEmpty() && parties.size() >= 2) {
                problems.add(t.t("options.builder.error.noEquivalence"));
            }
            return rows;
        }

        Entry party() {
            String code = f.value("party.code");
            if (!Party.isCode(code)) {
                problems.add(t.t("options.builder.error.partyCode"));
            } else if (so.has(Party.of(code))) {
                problems.add(t.t("options.builder.error.partyExists", code));
            }
            var levels = new ArrayList<OptionWriter.Level>();
            for (Classification c : CLASSIFIED) {
                String name = f.value("party.level." + c.name());
                if (!name.isEmpty()) {
                    levels.add(new OptionWriter.Level(name, c.banner()));
                }
            }
            if (levels.isEmpty()) {
                problems.add(t.t("options.builder.error.partyLevels"));
            }
            String unclassified = f.value("party.level.UNCLASSIFIED");
            levels.add(new OptionWriter.Level(unclassified.isEmpty() ? "UNCLASSIFIED" : unclassified,
                    Classification.UNCLASSIFIED.banner()));
            return Entry.party(code, f.value("party.name"), levels);
        }

        Entry outage() {
            Optional<String> hub = party("outage.hub");
            if (hub.isEmpty() && f.value("outage.hub").isEmpty()) {
                problems.add(t.t("options.builder.error.hubNeeded"));
            }
            String from = date("outage.from", true);
            String until = date("outage.until", true);
            if (!from.isEmpty() && !until.isEmpty() && until.compareTo(from) <= 0) {
                problems.add(t.t("options.builder.error.outageOrder"));
            }
            return Entry.outage(hub.orElse(""), from, until);
        }

        /** The agreement a select names: the scenario's, or one the text adds. */
        private Optional<Agreement> agreement(String field) {
            String id = f.value(field);
            Optional<Agreement> a = so.agreement(id);
            if (a.isEmpty()) {
                problems.add(id.isEmpty() ? t.t("options.builder.error.noAgreement")
                        : t.t("options.builder.error.agreement", id));
            }
            return a;
        }

        /** A party a select names, or empty when none is chosen. */
        private Optional<String> party(String field) {
            String code = f.value(field);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            if (!Party.isCode(code) || !so.has(Party.of(code))) {
                problems.add(t.t("options.builder.error.party", code));
                return Optional.empty();
            }
            return Optional.of(code);
        }

        /** A date field as the file writes it ({@code 2026-03-01}); empty when it is optional and not given. */
        private String date(String field, boolean required) {
            String text = f.value(field);
            if (text.isEmpty()) {
                if (required) {
                    problems.add(t.t("options.builder.error.date", label(t, field)));
                }
                return "";
            }
            try {
                LocalDate d = LocalDate.parse(text);
                if (!trisec.DateBounds.contains(d)) {
                    problems.add(t.t("options.builder.error.date", label(t, field)));
                }
                return d.toString();
            } catch (DateTimeParseException e) {
                problems.add(t.t("options.builder.error.date", label(t, field)));
                return "";
            }
        }

        private String period(String field) {
            String text = f.value(field).toUpperCase(java.util.Locale.ROOT);
            if (text.isEmpty()) {
                return "";
            }
            try {
                Period p = Period.parse(text);
                if (p.isNegative() || p.isZero()) {
                    throw new DateTimeParseException("not positive", text, 0);
                }
                return text;
            } catch (DateTimeParseException e) {
                problems.add(t.t("options.builder.error.period", label(t, field)));
                return "";
            }
        }

        /**
         * The topics ticked among the scenario's tree and those written in; a ticked one must be in the tree, a
         * written one a topic (dot-separated lower-case words), as the topic a scope names must be.
         */
        private List<String> topics(String kind) {
            List<String> tree = TopicTree.of(so).named().stream().map(Topic::path).toList();
            var out = new LinkedHashSet<String>();
            for (String topic : f.all(kind + ".topic")) {
                if (tree.contains(topic)) {
                    out.add(topic);
                } else {
                    problems.add(t.t("options.builder.error.notInTree", topic));
                }
            }
            for (String topic : f.value(kind + ".more").split("[,\\s]+")) {
                if (topic.isEmpty()) {
                    continue;
                }
                if (Topic.isValid(topic)) {
                    out.add(topic);
                } else {
                    problems.add(t.t("options.builder.error.topic", topic));
                }
            }
            return List.copyOf(out);
        }
    }
}
