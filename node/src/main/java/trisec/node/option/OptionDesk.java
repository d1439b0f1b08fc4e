package trisec.node.option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DateBounds;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.option.Change;
import trisec.option.Option;
import trisec.scenario.Scenario;
import trisec.scenario.file.InvalidScenarioException;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.Problem;

/**
 * Options on the node (docs/OPTIONS.md, "On the node"). An option is an item of this node: its body the option file's
 * YAML text, its title the option's name, its label the one the officer gives it, so that it is labelled, audited
 * and read through the access policy like any item, and a person who may not read its label finds no trace of it.
 * The options table says which items are options. Every picture is drawn on a copy of the agreements as this node
 * knows them (the scenario with its recorded events) and answered by the same release policy: nothing here changes
 * the agreements, a release, or any decision on record.
 */
public final class OptionDesk {
    /** The shipped examples (issue 13), by the names the pages and the API use. */
    public static final List<String> EXAMPLES = List.of("kor-notice-2026", "tisa-widened");
    /** An option file is an item's body: at most 1 MiB of UTF-8. */
    static final int MAX_BYTES = Holdings.MAX_BODY_BYTES;
    /** A stretch of time is drawn over at most a century. */
    static final long MAX_STRETCH_DAYS = 36_525;
    /** The instants a picture may be asked for: the days trisec reckons with, and the instant after them. */
    static final Instant EARLIEST = DateBounds.FIRST_INSTANT;
    static final Instant LATEST = DateBounds.END;
    /** Options compared side by side, and options applied one after another in one of them. */
    public static final int MAX_COMPARED = 4;

    private final Self self;
    private final Holdings holdings;

    public OptionDesk(Self self, Holdings holdings) {
        this.self = self;
        this.holdings = holdings;
    }

    /** A new option: its file's text, and the label of the item that keeps it. */
    public record NewOption(String yaml, String level, String topic, List<String> relTo, List<String> caveats) {}

    /**
     * An option as a person sees it: the item that keeps it, and the option read against the agreements as they
     * stand now; {@code problems} says why not when it no longer fits them (an event recorded since it was saved).
     */
    public record Seen(Holdings.View item, Optional<Option> option, List<Problem> problems) {
        public Seen {
            problems = List.copyOf(problems);
        }

        public String id() {
            return item.item().id();
        }

        public String yaml() {
            return item.item().body();
        }

        /** Its name: the option's, which is also the item's title. */
        public String name() {
            return option.map(Option::name).orElse(item.item().title());
        }

        /** Whether this person saved it, and may retract it here. */
        public boolean savedBy(Account person) {
            return item.held().createdBy().equals(Optional.of(person.id()));
        }
    }

    /**
     * Saves an option. The file is read against the agreements as they stand; a file with problems is refused with
     * every one, each on its line, and nothing is stored; so is a bad label. The item and its row in the options
     * table are written in one transaction.
     */
    public Seen save(Account officer, NewOption in) {
        if (in == null) {
            throw Refusal.invalid("an option is required: its YAML text and the label of the item that keeps it");
        }
        Option option = read(in.yaml(), self.facts().scenario());
        Holdings.View v = holdings.createKeptHome(officer, new Holdings.NewItem(option.name(), in.yaml(), in.level(),
                in.topic(), in.relTo(), in.caveats()), (h, by, held) -> Options.insert(h, held.id(),
                held.item().createdAt()));
        return new Seen(v, Optional.of(option), List.of());
    }

    /** Whether the item is an option saved here (its kind, for interchange); says nothing of who may read it. */
    public boolean isOption(String itemId) {
        return self.store().read(h -> Options.has(h, itemId));
    }

    /** The ids of the options saved here, read at once (for many items' kinds); says nothing of who may read them. */
    public static java.util.Set<String> ids(org.jdbi.v3.core.Handle h) {
        return java.util.Set.copyOf(Options.all(h));
    }

    /** The options the person may read, newest first; of the others nothing, not even how many there are. */
    public List<Seen> list(Account person) {
        List<String> ids = self.store().read(Options::all);
        Scenario real = self.facts().scenario();
        return holdings.among(person, ids).stream().map(v -> seen(v, real)).toList();
    }

    /**
     * One option, when the person may read it. The access is on record either way (as for every item); an option
     * the person may not read, or an item that is not an option, is no such option.
     */
    public Seen get(Account person, String id) {
        return get(person, id, self.facts().scenario());
    }

    /** One option read against the one snapshot of the agreements a picture is then drawn on. */
    private Seen get(Account person, String id, Scenario real) {
        if (id == null || id.isBlank() || id.length() > 100 || !self.store().read(h -> Options.has(h, id))) {
            throw Refusal.notFound("no option " + shorten(id == null ? "" : id));
        }
        Holdings.View v;
        try {
            v = holdings.inspect(person, id);
        } catch (Refusal.Retracted gone) {
            throw Refusal.notFound("no option " + id);
        }
        if (!v.access().granted()) {
            throw Refusal.notFound("no option " + id);
        }
        return seen(v, real);
    }

    /**
     * Retracts an option: only the officer who saved it, and only here (its item's retraction, which tells every
     * holder of a copy). The item's own retraction remains open to the party's officers and disclosure officials.
     */
    public Holdings.Told retract(Account person, String id) {
        Seen s = get(person, id);
        if (!s.savedBy(person)) {
            throw Refusal.forbidden("only the person who saved an option may retract it here");
        }
        return holdings.retract(person, id);
    }

    /** A saved option and the agreements it is applied to, as they stand and as it makes them: one snapshot. */
    public record Applied(Seen option, Scenario real, Scenario changed) {}

    /**
     * A saved option applied to the agreements as this node knows them (for the UN Command–Rear under it). No such
     * option, and one the person may not read, are both {@code NOT_FOUND}; one that no longer fits is a conflict.
     */
    public Applied under(Account person, String id) {
        Scenario real = self.facts().scenario();
        Seen s = get(person, id, real);
        return new Applied(s, real, applied(s, real));
    }

    /**
     * An option drawn: the saved option (empty for a file that is not saved), the option as read against the
     * agreements the picture is drawn on, and its picture.
     */
    public record Drawn<T>(Optional<Seen> saved, Option option, T picture) {}

    /** The picture of a saved option on one instant. */
    public Drawn<OptionPicture> picture(Account person, String id, Instant at) {
        Scenario real = self.facts().scenario();
        Seen s = get(person, id, real);
        Scenario changed = applied(s, real);
        Option option = s.option().orElseThrow();
        return new Drawn<>(Optional.of(s), option, OptionPicture.of(real, changed, at, earliest(option, at),
                history(person, option)));
    }

    /** The picture of a saved option over a stretch of time. */
    public Drawn<OptionStretch> stretch(Account person, String id, Stretch when) {
        Scenario real = self.facts().scenario();
        Seen s = get(person, id, real);
        Scenario changed = applied(s, real);
        Option option = s.option().orElseThrow();
        return new Drawn<>(Optional.of(s), option, OptionStretch.of(real, changed, when.from(), when.until(),
                history(person, option)));
    }

    /** The picture of an option file that is not saved: read, drawn and forgotten; nothing is stored. */
    public Drawn<OptionPicture> adHoc(Account person, String yaml, Instant at) {
        Scenario real = self.facts().scenario();
        Option option = read(yaml, real);
        return new Drawn<>(Optional.empty(), option, OptionPicture.of(real, apply(option, real), at,
                earliest(option, at), history(person, option)));
    }

    /** The same, over a stretch of time. */
    public Drawn<OptionStretch> adHoc(Account person, String yaml, Stretch when) {
        Scenario real = self.facts().scenario();
        Option option = read(yaml, real);
        return new Drawn<>(Optional.empty(), option, OptionStretch.of(real, apply(option, real), when.from(),
                when.until(), history(person, option)));
    }

    /**
     * Two to four options side by side on one instant, each against the agreements as they stand. An entry may be
     * several options applied one after another ({@code a+b}: b applied to the scenario a makes), each read against
     * the scenario the ones before it made.
     */
    public OptionComparison compare(Account person, List<String> refs, Instant at) {
        if (refs.size() < 2 || refs.size() > MAX_COMPARED) {
            throw Refusal.invalid("ids names two to four options to compare, separated by commas (an entry may be"
                    + " options applied one after another, joined by '+'), got " + refs.size());
        }
        if (new HashSet<>(refs).size() != refs.size()) {
            throw Refusal.invalid("ids names each option (or combination) once");
        }
        Scenario real = self.facts().scenario();
        var entries = new ArrayList<OptionComparison.Entry>();
        for (String ref : refs) {
            // '+' joins them; in a query string a '+' not written as %2B arrives as a space, which joins them too.
            List<String> ids = List.of(ref.strip().split("[+ ]", -1));
            if (ids.size() > MAX_COMPARED || ids.stream().anyMatch(String::isBlank)) {
                throw Refusal.invalid("'" + shorten(ref) + "' is one to four option ids joined by '+'");
            }
            var parts = new ArrayList<Seen>();
            Scenario scenario = real;
            for (String id : ids) {
                Seen s = get(person, id.strip(), real);
                Option option;
                try {
                    option = parts.isEmpty() ? s.option().orElseThrow(() -> noLongerFits(s))
                            : OptionFiles.read(s.id(), s.yaml(), scenario);
                } catch (InvalidScenarioException e) {
                    throw Refusal.conflict("OPTION_DOES_NOT_FIT", "option " + s.id() + " ('" + s.name()
                            + "') cannot follow " + String.join(" + ", parts.stream().map(Seen::name).toList()),
                            lines(e.problems()));
                }
                parts.add(new Seen(s.item(), Optional.of(option), List.of()));
                scenario = apply(option, scenario);
            }
            entries.add(new OptionComparison.Entry(ref, parts, scenario));
        }
        return OptionComparison.of(real, at, entries);
    }

    /** The shipped examples' texts, by name ({@link #EXAMPLES}). */
    public Map<String, String> examples() {
        var out = new LinkedHashMap<String, String>();
        for (String name : EXAMPLES) {
            String path = OptionFiles.SHIPPED + name + ".yaml";
            try (InputStream in = OptionFiles.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing from the class path");
                }
                out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    // ---- when --------------------------------------------------------------------------------------------------

    /** From (inclusive) until (exclusive). */
    public record Stretch(Instant from, Instant until) {}

    /** The instant a request names ({@code 2026-12-01} or an instant with an offset), or the node's now. */
    public Instant at(String text) {
        if (text == null || text.isBlank()) {
            return self.clock().instant();
        }
        return instant("at", text);
    }

    /** The stretch a request names in {@code from} and {@code to} (the end, not included). */
    public Stretch stretch(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw Refusal.invalid("a stretch of time names both from and to, such as from=2026-01-01&to=2028-01-01");
        }
        Instant f = instant("from", from);
        Instant u = instant("to", to);
        if (!u.isAfter(f)) {
            throw Refusal.invalid("to (" + shorten(to) + ") comes after from (" + shorten(from) + ")");
        }
        if (ChronoUnit.DAYS.between(f, u) > MAX_STRETCH_DAYS) {
            throw Refusal.invalid("a stretch of time is at most a hundred years");
        }
        return new Stretch(f, u);
    }

    private static Instant instant(String field, String text) {
        try {
            Instant t = DateOrInstant.parse(text);
            // The release policy reckons terms in whole years; far outside the calendar it cannot.
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
                throw Refusal.invalid(field + " is between " + DateBounds.EARLIEST.getYear() + " and "
                        + (DateBounds.LATEST.getYear() + 1) + ", got " + shorten(text));
            }
            return t;
        } catch (DomainException e) {
            throw Refusal.invalid(field + ": " + e.getMessage());
        }
    }

    // ---- reading and applying ----------------------------------------------------------------------------------

    private static Seen seen(Holdings.View v, Scenario real) {
        try {
            return new Seen(v, Optional.of(OptionFiles.read(v.item().id(), v.item().body(), real)), List.of());
        } catch (InvalidScenarioException e) {
            return new Seen(v, Optional.empty(), e.problems());
        }
    }

    /** The option file read against a scenario, or refused with every problem on its line. */
    static Option read(String yaml, Scenario scenario) {
        if (yaml == null || yaml.isBlank()) {
            throw Refusal.invalid("yaml is required: the text of an option file (docs/OPTIONS.md)");
        }
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.tooLarge("an option file is at most 1 MiB");
        }
        Option option;
        try {
            option = OptionFiles.read("option", yaml, scenario);
        } catch (InvalidScenarioException e) {
            List<Problem> problems = e.problems();
            throw Refusal.invalid("the option file has " + (problems.size() == 1 ? "a problem" : problems.size()
                    + " problems") + ": " + problems.getFirst(), lines(problems));
        }
        if (option.name().strip().length() > 500) {
            throw Refusal.invalid("name is at most 500 characters: it is the title of the item that keeps the option");
        }
        return option;
    }

    /** The first date an option names (an event, a scope's start, an outage's), or {@code otherwise}. */
    static Instant earliest(Option option, Instant otherwise) {
        Instant first = option.firstChange().orElse(null);
        // Turns are looked for where the release policy reckons dates (as a request's dates are).
        return first == null || first.isBefore(EARLIEST) || first.isAfter(LATEST) ? otherwise : first;
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    private static Scenario applied(Seen s, Scenario real) {
        return apply(s.option().orElseThrow(() -> noLongerFits(s)), real);
    }

    private static Scenario apply(Option option, Scenario scenario) {
        try {
            return option.applyTo(scenario);
        } catch (DomainException e) {
            throw Refusal.conflict("OPTION_DOES_NOT_FIT", e.getMessage());
        }
    }

    private static Refusal noLongerFits(Seen s) {
        return Refusal.conflict("OPTION_DOES_NOT_FIT", "option " + s.id() + " ('" + s.name() + "') no longer fits"
                + " the agreements as this node knows them (an event was recorded since it was saved)",
                lines(s.problems()));
    }

    /** This node's releases the option can change: those requested since its first change. */
    private OptionHistory history(Account person, Option option) {
        return OptionHistory.of(self, holdings, person, option.firstChange());
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
