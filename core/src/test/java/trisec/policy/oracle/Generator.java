package trisec.policy.oracle;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import trisec.policy.oracle.Model.Ask;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.Event;
import trisec.policy.oracle.Model.Kind;
import trisec.policy.oracle.Model.Lvl;
import trisec.policy.oracle.Model.Nation;
import trisec.policy.oracle.Model.Row;
import trisec.policy.oracle.Model.Step;
import trisec.policy.oracle.Model.Tag;
import trisec.policy.oracle.Model.World;

/**
 * Random scenarios and requests on the test model, from one seeded {@link SplittableRandom}. Lifecycles are
 * built step by step as a state machine so that only possible event sequences come out; request instants
 * are biased toward the instants where something changes (events, effective terminations, term ends), ±1 s.
 */
final class Generator {

    /** A small hierarchy with a near miss: "a.bc" is not below "a.b". */
    static final List<String> TOPICS = List.of("a", "a.b", "a.b.c", "a.bc", "a.x", "b", "b.y", "c");
    static final List<String> CODES = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "USA");
    static final Instant BASE = Instant.parse("2000-01-01T00:00:00Z");

    /** Scenario and lifecycle features produced, so the test can show they occur. */
    enum Feature {
        HUB_SHAPED_WORLD, MONTH_END_DATE, NEVER_SIGNED, SIGNED_ONLY, ENTERED_SAME_DAY, NOTICE, NOTICE_EXPLICIT_DATE,
        NOTICE_AT_TERM_BOUNDARY, NOTICE_IN_MONTH_END_GAP, NOTICE_WITHOUT_TERMS, NOTICE_LAPSED, SUSPENDED,
        SUSPENDED_LAST_SECOND, WITHDRAWN, RENEWED_NOTICE, TERMINATED_EVENT, REENTERED, REENTERED_AT_TERMINATION,
        AMENDED, AMENDED_SCOPE, OUTAGE
    }

    /** Where a request instant came from. */
    enum When { EXACT, ONE_SECOND_BEFORE, ONE_SECOND_AFTER, RANDOM }

    record Case(Ask ask, When when) {}

    private final SplittableRandom rnd;
    private final Map<Feature, Integer> life = new EnumMap<>(Feature.class);
    /** An instant where some agreement's status may change, and that agreement's parties. */
    private record Moment(Instant at, List<String> parties) {}

    private final List<Moment> moments = new ArrayList<>();
    private World world;
    private int nextId;

    Generator(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    Map<Feature, Integer> features() {
        return life;
    }

    // ---------------------------------------------------------------- scenario

    World world() {
        int n = 2 + rnd.nextInt(4);
        List<String> codes = new ArrayList<>(CODES);
        shuffle(codes);
        List<Nation> nations = new ArrayList<>();
        for (String code : codes.subList(0, n)) {
            nations.add(nation(code));
        }
        world = new World(nations, List.of());
        // A hub-shaped world, like the USA between Korea and Japan before their GSOMIA: one or two pivots have
        // SIAs with everyone, the others rarely with each other, so routes through a hub are common; with two
        // pivots, the first hub arrangement may lack legs where a later one has them.
        List<String> pivots = new ArrayList<>();
        if (n >= 3 && chance(55)) {
            count(Feature.HUB_SHAPED_WORLD);
            List<String> shuffled = new ArrayList<>(nations.stream().map(Nation::code).toList());
            shuffle(shuffled);
            pivots.addAll(shuffled.subList(0, n >= 4 && chance(40) ? 2 : 1));
        }
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int roll = rnd.nextInt(100);
                int count = roll < 25 ? 0 : roll < 75 ? 1 : 2;
                if (!pivots.isEmpty()) {
                    boolean spoke = pivots.contains(nations.get(i).code()) || pivots.contains(nations.get(j).code());
                    count = spoke ? (roll < 35 ? 1 : roll < 80 ? 2 : 3) : (roll < 70 ? 0 : 1);
                }
                for (int c = 0; c < count; c++) {
                    List<String> pair = new ArrayList<>(List.of(nations.get(i).code(), nations.get(j).code()));
                    shuffle(pair);
                    deals.add(sia(pair, pivots.isEmpty() ? 20 : 50));
                }
            }
        }
        if (n >= 3 && chance(15)) {
            deals.add(sia(someParties(nations, 3), 20));
        }
        if (n >= 3) {
            int roll = rnd.nextInt(100);
            int hubs = roll < 20 ? 0 : roll < 70 ? 1 : 2;
            if (!pivots.isEmpty()) {
                hubs = roll < 45 ? 1 : 2;
            }
            for (int c = 0; c < hubs; c++) {
                deals.add(hub(someParties(nations, chance(10) ? 2 : 3),
                        pivots.isEmpty() ? Optional.empty() : Optional.of(pick(pivots))));
            }
        }
        // Data mechanisms (like the missile-warning link through the USA): a route through their hub that comes
        // before a direct one, and the standing consent of their parties.
        if (n >= 3 && chance(45)) {
            deals.add(mechanism(someParties(nations, n >= 4 && chance(50) ? 4 : 3),
                    pivots.isEmpty() ? Optional.empty() : Optional.of(pick(pivots))));
        }
        int others = rnd.nextInt(3);
        for (int c = 0; c < others; c++) {
            deals.add(other(someParties(nations, 2)));
        }
        shuffle(deals);
        world = new World(List.copyOf(nations), List.copyOf(deals), outages(deals));
        return world;
    }

    /**
     * Sometimes one or two outages of the node of a hub (of a hub arrangement or data mechanism), from an instant
     * where the hub's agreements change or at random, for a second to years; their ends are moments to ask at.
     */
    private List<Model.Down> outages(List<Deal> deals) {
        List<Deal> hubs = deals.stream().filter(d -> d.hub().isPresent()
                && (d.kind() == Kind.HUB_ARRANGEMENT || d.kind() == Kind.DATA_MECHANISM)).toList();
        if (hubs.isEmpty() || !chance(35)) {
            return List.of();
        }
        List<Model.Down> out = new ArrayList<>();
        int count = chance(70) ? 1 : 2;
        for (int i = 0; i < count; i++) {
            Deal x = pick(hubs);
            Instant from = chance(50) && !x.events().isEmpty() ? pick(x.events()).at() : start();
            Instant until = chance(20) ? from.plusSeconds(1) : from.plus(Duration.ofDays(1 + rnd.nextInt(1500)));
            count(Feature.OUTAGE);
            out.add(new Model.Down(x.hub().get(), from, until));
            moments.add(new Moment(from, x.parties()));
            moments.add(new Moment(until, x.parties()));
        }
        return List.copyOf(out);
    }

    /**
     * 1-4 classified levels, sometimes two sharing a rank, then UNCLASSIFIED. At most three distinct classified
     * ranks: a scheme's banner words follow its ranks, and there are only three classified banner words.
     */
    private Nation nation(String code) {
        int k = 1 + rnd.nextInt(4);
        boolean[] withPrevious = new boolean[k];
        int ties = 0;
        for (int i = 1; i < k; i++) {
            withPrevious[i] = chance(20);
            ties += withPrevious[i] ? 1 : 0;
        }
        if (k == 4 && ties == 0) {
            withPrevious[1 + rnd.nextInt(3)] = true;
        }
        int[] rank = new int[k];
        rank[k - 1] = 1;
        for (int i = k - 2; i >= 0; i--) {
            rank[i] = withPrevious[i + 1] ? rank[i + 1] : rank[i + 1] + 1;
        }
        List<Lvl> levels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            levels.add(new Lvl(code + "-" + (char) ('P' + i), rank[i]));
        }
        levels.add(new Lvl("UNCLASSIFIED", 0));
        return new Nation(code, List.copyOf(levels));
    }

    private Deal sia(List<String> parties, int calm) {
        Optional<Period> term;
        Optional<Period> notice;
        int roll = rnd.nextInt(100);
        if (roll < 40) {
            term = Optional.of(Period.ofYears(1));
        } else if (roll < 50) {
            term = Optional.of(Period.ofMonths(6));
        } else if (roll < 55) {
            term = Optional.of(Period.ofYears(2));
        } else if (roll < 59) {
            term = Optional.of(Period.ofDays(100));
        } else if (roll < 62) {
            term = Optional.of(Period.ofMonths(1));
        } else if (roll < 65) {
            term = Optional.of(Period.ofMonths(3));
        } else {
            term = Optional.empty();
        }
        if (term.isPresent()) {
            notice = noticePeriod();
        } else {
            notice = chance(50) ? Optional.of(chance(50) ? Period.ofDays(90) : Period.ofMonths(6)) : Optional.empty();
        }
        // Spokes of a hub-shaped world: fewer scope limits, so hub routes succeed, and more irregular tables, so
        // that the choice among several pairs of SIAs through the hub matters.
        boolean spoke = calm >= 50;
        return new Deal("sia-" + nextId++, Kind.SIA, parties, Optional.empty(), topics(spoke ? 12 : 35),
                highest(parties, spoke ? 10 : 25),
                table(parties, spoke ? 30 : 55), term, notice, lifecycle(parties, term, notice, calm));
    }

    private Optional<Period> noticePeriod() {
        int roll = rnd.nextInt(100);
        if (roll < 60) {
            return Optional.of(Period.ofDays(90)); // the GSOMIAs
        }
        if (roll < 75) {
            return Optional.of(Period.ofMonths(3));
        }
        if (roll < 85) {
            return Optional.of(Period.ofMonths(1));
        }
        return Optional.empty();
    }

    /** A hub arrangement; in a hub-shaped world usually with a pivot as its hub. */
    private Deal hub(List<String> chosen, Optional<String> pivot) {
        List<String> parties = new ArrayList<>(chosen);
        if (pivot.isPresent() && !parties.contains(pivot.get()) && chance(80)) {
            parties.set(rnd.nextInt(parties.size()), pivot.get());
        }
        String hub = pivot.isPresent() && parties.contains(pivot.get()) && chance(80) ? pivot.get()
                : parties.get(rnd.nextInt(parties.size()));
        Optional<Period> term = chance(30) ? Optional.of(Period.ofYears(1)) : Optional.empty();
        Optional<Period> notice = chance(50) ? Optional.of(Period.ofDays(90)) : Optional.empty();
        return new Deal("hub-" + nextId++, Kind.HUB_ARRANGEMENT, List.copyOf(parties), Optional.of(hub), topics(50),
                highest(parties, 40), List.of(), term, notice, lifecycle(parties, term, notice, 60));
    }

    /** A data mechanism; in a hub-shaped world usually with a pivot as its hub, sometimes with no hub at all. */
    private Deal mechanism(List<String> chosen, Optional<String> pivot) {
        Deal asHub = hub(chosen, pivot);
        Optional<String> hub = chance(15) ? Optional.empty() : asHub.hub();
        return new Deal("mechanism-" + nextId++, Kind.DATA_MECHANISM, asHub.parties(), hub, asHub.topics(),
                asHub.highest(), List.of(), asHub.term(), asHub.noticePeriod(), asHub.events());
    }

    /** Treaties, frameworks and the like: rich enough to look usable, but no release may rest on them. */
    private Deal other(List<String> parties) {
        Kind kind = List.of(Kind.TREATY, Kind.FRAMEWORK, Kind.COMMITMENT).get(rnd.nextInt(3));
        Optional<String> hub = chance(40) ? Optional.of(parties.get(rnd.nextInt(parties.size()))) : Optional.empty();
        Optional<Period> notice = Optional.of(Period.ofDays(90));
        return new Deal(kind.name().toLowerCase().replace('_', '-') + "-" + nextId++, kind, parties, hub,
                topics(30), highest(parties, 20), table(parties, 55), Optional.empty(), notice,
                lifecycle(parties, Optional.empty(), notice, 30));
    }

    private Optional<List<String>> topics(int percent) {
        if (!chance(percent)) {
            return Optional.empty();
        }
        List<String> list = new ArrayList<>();
        int count = 1 + rnd.nextInt(2);
        for (int i = 0; i < count; i++) {
            String t = pick(TOPICS);
            if (!list.contains(t)) {
                list.add(t);
            }
        }
        return Optional.of(List.copyOf(list));
    }

    /** Sometimes a highest level per party; a party may be left out, which leaves its levels uncovered. */
    private Map<String, String> highest(List<String> parties, int percent) {
        if (!chance(percent)) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : parties) {
            if (chance(85)) {
                map.put(p, pick(classified(p)).name());
            }
        }
        if (map.isEmpty()) {
            String p = pick(parties);
            map.put(p, pick(classified(p)).name());
        }
        return Map.copyOf(map);
    }

    /**
     * Either an aligned table (i-th level to i-th level, sometimes a level or a party left out, sometimes two
     * levels for a party) or rows of random levels; never UNCLASSIFIED, which every SIA maps implicitly.
     */
    private List<Row> table(List<String> parties, int alignedPercent) {
        List<Row> rows = new ArrayList<>();
        if (chance(alignedPercent)) {
            int depth = parties.stream().mapToInt(p -> classified(p).size()).max().orElse(1);
            for (int i = 0; i < depth; i++) {
                if (chance(12)) {
                    continue; // a level the table lacks, like Korea's Class I under the Korea–Japan GSOMIA
                }
                Map<String, List<String>> row = new HashMap<>();
                for (String p : parties) {
                    List<Lvl> ls = classified(p);
                    if (i >= ls.size() || chance(6)) {
                        continue;
                    }
                    List<String> names = new ArrayList<>(List.of(ls.get(i).name()));
                    if (i + 1 < ls.size() && chance(15)) {
                        names.add(ls.get(i + 1).name());
                    }
                    row.put(p, List.copyOf(names));
                }
                if (!row.isEmpty()) {
                    rows.add(new Row(Map.copyOf(row)));
                }
            }
        } else {
            int count = 1 + rnd.nextInt(4);
            for (int r = 0; r < count; r++) {
                Map<String, List<String>> row = new HashMap<>();
                for (String p : parties) {
                    if (chance(10)) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    names.add(pick(classified(p)).name());
                    if (chance(20)) {
                        String second = pick(classified(p)).name();
                        if (!names.contains(second)) {
                            names.add(second);
                        }
                    }
                    row.put(p, List.copyOf(names));
                }
                if (!row.isEmpty()) {
                    rows.add(new Row(Map.copyOf(row)));
                }
            }
        }
        return List.copyOf(rows);
    }

    private List<Lvl> classified(String party) {
        List<Lvl> all = world.nation(party).levels();
        return all.subList(0, all.size() - 1);
    }

    private List<String> someParties(List<Nation> nations, int atLeast) {
        List<String> codes = new ArrayList<>(nations.stream().map(Nation::code).toList());
        shuffle(codes);
        int size = atLeast + rnd.nextInt(codes.size() - atLeast + 1);
        return List.copyOf(codes.subList(0, size));
    }

    // ---------------------------------------------------------------- lifecycles

    private enum State { SIGNED, IN_FORCE, TERMINATED }

    /**
     * A possible history: SIGNED, IN_FORCE, then notices, suspensions, withdrawals, terminations, re-entries;
     * {@code calm} percent of them stop at IN_FORCE, so that routes needing several agreements still occur.
     */
    private List<Event> lifecycle(List<String> parties, Optional<Period> term, Optional<Period> notice, int calm) {
        List<Event> events = new ArrayList<>();
        int roll = rnd.nextInt(100);
        if (roll < 4) {
            count(Feature.NEVER_SIGNED);
            return List.of();
        }
        Instant last = start();
        add(events, parties, Event.of(Step.SIGNED, last));
        if (roll < 12) {
            count(Feature.SIGNED_ONLY);
            if (chance(30)) {
                last = later(last);
                add(events, parties, Event.of(Step.TERMINATED, last));
                count(Feature.TERMINATED_EVENT);
            }
            return List.copyOf(events);
        }
        Instant entry = chance(40) ? last : later(last);
        if (notice.map(p -> p.getMonths() > 0).orElse(false) && term.isPresent() && chance(50)) {
            entry = monthEnd(entry); // term ends on the 29th-31st, where a notice period in months clamps
        }
        if (entry.equals(last)) {
            count(Feature.ENTERED_SAME_DAY);
        }
        last = entry;
        add(events, parties, Event.of(Step.IN_FORCE, entry));
        markTermEnds(parties, entry, term);
        State state = State.IN_FORCE;
        Instant pending = null;
        boolean suspended = false;
        int steps = chance(calm) ? 0 : rnd.nextInt(7);
        for (int i = 0; i < steps; i++) {
            int c = rnd.nextInt(100);
            if (state == State.IN_FORCE && pending == null) {
                if (c < 55) {
                    Instant at = noticeTime(parties, last, entry, term, notice);
                    Optional<Instant> effective = Optional.empty();
                    if ((term.isEmpty() && notice.isEmpty()) || chance(25)) {
                        effective = Optional.of(chance(2) ? at : at.plusSeconds(1 + rnd.nextLong(500L * 86400)));
                        count(Feature.NOTICE_EXPLICIT_DATE);
                    } else if (term.isEmpty()) {
                        count(Feature.NOTICE_WITHOUT_TERMS);
                    }
                    Event e = new Event(Step.TERMINATION_NOTICE, at, effective);
                    add(events, parties, e);
                    count(suspended ? Feature.RENEWED_NOTICE : Feature.NOTICE);
                    last = at;
                    pending = OracleLifecycle.effectiveOf(term, notice, entry, e);
                    moments.add(new Moment(pending, parties));
                } else if (c < 65 && suspended) {
                    last = later(last);
                    add(events, parties, Event.of(Step.NOTICE_WITHDRAWN, last));
                    count(Feature.WITHDRAWN);
                    suspended = false;
                } else if (c < 75) {
                    last = later(last);
                    add(events, parties, Event.of(Step.TERMINATED, last));
                    count(Feature.TERMINATED_EVENT);
                    state = State.TERMINATED;
                } else if (c < 85) {
                    last = later(last);
                    if (chance(60)) {
                        // An amendment that widens or narrows what the agreement covers from its instant on.
                        add(events, parties, new Event(Step.AMENDED, last, Optional.empty(),
                                Optional.of(new Model.Coverage(topics(50), highest(parties, 30)))));
                        count(Feature.AMENDED_SCOPE);
                    } else {
                        add(events, parties, Event.of(Step.AMENDED, last));
                        count(Feature.AMENDED);
                    }
                } else {
                    break;
                }
            } else if (state == State.IN_FORCE) {
                if (!pending.isAfter(last) || c >= 50) {
                    if (c >= 92) {
                        break; // the notice is still pending at the end of the history
                    }
                    last = pending; // the notice takes effect: terminated from here on
                    count(Feature.NOTICE_LAPSED);
                    state = State.TERMINATED;
                    pending = null;
                    suspended = false;
                } else {
                    Instant at = before(last, pending);
                    if (at.equals(pending.minusSeconds(1))) {
                        count(Feature.SUSPENDED_LAST_SECOND);
                    }
                    last = at;
                    if (c < 30) {
                        add(events, parties, Event.of(Step.NOTICE_SUSPENDED, at));
                        count(Feature.SUSPENDED);
                        suspended = true;
                    } else if (c < 45) {
                        add(events, parties, Event.of(Step.NOTICE_WITHDRAWN, at));
                        count(Feature.WITHDRAWN);
                        suspended = false;
                    } else {
                        add(events, parties, Event.of(Step.TERMINATED, at));
                        count(Feature.TERMINATED_EVENT);
                        state = State.TERMINATED;
                        suspended = false;
                    }
                    pending = null;
                }
            } else if (state == State.TERMINATED) {
                if (c >= 60) {
                    break;
                }
                boolean atOnce = chance(25);
                last = atOnce ? last : later(last);
                count(atOnce ? Feature.REENTERED_AT_TERMINATION : Feature.REENTERED);
                entry = last;
                add(events, parties, Event.of(Step.IN_FORCE, entry));
                markTermEnds(parties, entry, term);
                state = State.IN_FORCE;
                suspended = false; // a new entry into force starts without any notice, suspended or not
            }
        }
        return List.copyOf(events);
    }

    private void add(List<Event> events, List<String> parties, Event e) {
        events.add(e);
        moments.add(new Moment(e.at(), parties));
        e.effective().ifPresent(at -> moments.add(new Moment(at, parties)));
    }

    private void markTermEnds(List<String> parties, Instant entry, Optional<Period> term) {
        term.ifPresent(p -> {
            for (int k = 1; k <= 4; k++) {
                moments.add(new Moment(OracleLifecycle.termEnd(entry, p, k), parties));
            }
        });
    }

    /** Half the time right at the last moment a notice still makes the current (or next) term, ±1 s or ±1 day. */
    private Instant noticeTime(List<String> parties, Instant last, Instant entry, Optional<Period> term, Optional<Period> notice) {
        if (term.isPresent() && chance(60)) {
            int k = 1;
            while (!OracleLifecycle.termEnd(entry, term.get(), k).isAfter(last)) {
                k++;
            }
            Instant end = OracleLifecycle.termEnd(entry, term.get(), k + rnd.nextInt(2));
            Instant target = notice.map(p -> end.atOffset(ZoneOffset.UTC).minus(p).toInstant()).orElse(end);
            // Month arithmetic does not invert: end May 31 minus 3 months is Feb 28, yet Feb 28 23:59:59 plus
            // 3 months is still before May 31. Notices in that gap tell "notice + period <= end" from
            // "notice <= end - period".
            boolean clamped = notice.isPresent() && !OracleLifecycle.plus(target, notice.get(), 1).equals(end);
            long[] deltas = clamped ? new long[] {-1, 0, 1, 3600, 86399, 86400}
                    : new long[] {-86400, -1, 0, 0, 1, 86400};
            Instant at = target.plusSeconds(deltas[rnd.nextInt(deltas.length)]);
            if (!at.isBefore(last) && at.isBefore(end)) {
                count(clamped ? Feature.NOTICE_IN_MONTH_END_GAP : Feature.NOTICE_AT_TERM_BOUNDARY);
                moments.add(new Moment(target, parties));
                return at;
            }
        }
        return later(last);
    }

    private Instant start() {
        Instant day = BASE.plus(Duration.ofDays(rnd.nextInt(4000)));
        if (chance(25)) {
            return monthEnd(day); // where "plus n months" clamps (Aug 31 + 6 months = Feb 28)
        }
        return chance(75) ? day : day.plusSeconds(rnd.nextInt(86400));
    }

    /** The last day of the month at or after {@code t}, same time of day; sometimes a 29 February. */
    private Instant monthEnd(Instant t) {
        count(Feature.MONTH_END_DATE);
        OffsetDateTime d = t.atOffset(ZoneOffset.UTC);
        if (chance(20)) {
            int year = d.getYear() + 1;
            while (!java.time.Year.isLeap(year)) {
                year++;
            }
            return d.withYear(year).withMonth(2).withDayOfMonth(29).toInstant();
        }
        return d.withDayOfMonth(d.toLocalDate().lengthOfMonth()).toInstant();
    }

    /** Some instant at or after {@code last}: the same instant, a second later, or days to years later. */
    private Instant later(Instant last) {
        int roll = rnd.nextInt(100);
        if (roll < 8) {
            return last;
        }
        if (roll < 16) {
            return last.plusSeconds(1);
        }
        if (roll < 22) {
            return monthEnd(last.plus(Duration.ofDays(1 + rnd.nextInt(400))));
        }
        if (roll < 60) {
            return last.plus(Duration.ofDays(1 + rnd.nextInt(400)));
        }
        return last.plus(Duration.ofDays(1 + rnd.nextInt(1500))).plusSeconds(chance(50) ? 0 : rnd.nextInt(86400));
    }

    /** An instant in [from, until), until > from: the first, the last second, or in between. */
    private Instant before(Instant from, Instant until) {
        long span = Duration.between(from, until).getSeconds();
        int roll = rnd.nextInt(100);
        if (roll < 20 || span <= 1) {
            return from;
        }
        if (roll < 45) {
            return until.minusSeconds(1);
        }
        return from.plusSeconds(rnd.nextLong(span));
    }

    // ---------------------------------------------------------------- requests

    /**
     * A request. Most instants are taken at a moment where an agreement's status may change (±1 s), and then
     * usually between that agreement's parties, so that the change matters to the answer.
     */
    Case next() {
        List<Nation> nations = world.nations();
        List<String> codes = nations.stream().map(Nation::code).toList();
        Optional<Moment> moment = chance(75) && !moments.isEmpty() ? Optional.of(pick(moments)) : Optional.empty();
        String holder;
        String recipient;
        String originator;
        if (moment.isPresent() && chance(60)) {
            List<String> involved = new ArrayList<>(moment.get().parties());
            shuffle(involved);
            holder = involved.get(0);
            recipient = involved.get(1);
            originator = chance(60) ? holder : pick(codes);
        } else {
            originator = pick(codes);
            holder = chance(45) ? originator : pick(codes);
            do {
                recipient = pick(codes);
            } while (recipient.equals(holder));
        }
        Tag tag = tag(world.nation(originator), codes);
        When when = When.RANDOM;
        Instant at = BASE.minus(Duration.ofDays(365)).plusSeconds(rnd.nextLong(40L * 365 * 86400));
        if (moment.isPresent()) {
            int r = rnd.nextInt(4);
            when = r == 0 ? When.ONE_SECOND_BEFORE : r == 1 ? When.ONE_SECOND_AFTER : When.EXACT;
            Instant m = moment.get().at();
            at = switch (when) {
                case ONE_SECOND_BEFORE -> m.minusSeconds(1);
                case ONE_SECOND_AFTER -> m.plusSeconds(1);
                default -> m;
            };
        }
        return new Case(new Model.Ask(tag, holder, recipient, at, chance(50)), when);
    }

    /** Random level (sometimes UNCLASSIFIED), caveats, releasability list (never with NOFORN) and topic. */
    private Tag tag(Nation o, List<String> codes) {
        List<Lvl> levels = o.levels();
        String level = chance(15) ? o.unclassified().name() : levels.get(rnd.nextInt(levels.size() - 1)).name();
        int c = rnd.nextInt(100);
        boolean orcon = (c >= 60 && c < 86) || c >= 94;
        boolean noforn = c >= 86;
        List<String> rel = List.of();
        if (!noforn && chance(25)) {
            List<String> shuffled = new ArrayList<>(codes);
            shuffle(shuffled);
            rel = List.copyOf(shuffled.subList(0, 1 + rnd.nextInt(shuffled.size())));
        }
        return new Tag(o.code(), level, rel, noforn, orcon, pick(TOPICS));
    }

    // ---------------------------------------------------------------- helpers

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rnd.nextInt(i + 1));
        }
    }

    private void count(Feature feature) {
        life.merge(feature, 1, Integer::sum);
    }
}
