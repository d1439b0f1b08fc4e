package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import trisec.Fixtures;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.agreement.Scope;
import trisec.label.ConfidentialityLabel;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Member;
import trisec.scenario.Outage;
import trisec.scenario.Scenario;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Random options on the shipped facts, and random instants (many of them where an option changes something, ±1 s).
 * Each option is generated twice over from the same draws: as {@link Change}s, which {@link Option#applyTo} makes into
 * a scenario, and as the scenario it must make, which the test builds itself from the records ({@link Hand}). Every
 * cell of the option's matrix must be what a direct {@code decide} on the hand-built scenario says, for the tree's
 * rows and for any other topic; so an option applied wrongly (an event out of place, a scope on the wrong date, an
 * agreement tried in the wrong order, an outage lost) fails here. Before an option's first change
 * ({@link Option#firstChange}) the scenario it makes decides every question as the real one does. And after all the
 * options, the scenario they were applied to still decides as a freshly built one does.
 *
 * <p>{@code -Dtrisec.seed=N} replays a run.
 */
class ReachabilityPropertyTest {
    static final int OPTIONS = 400;
    static final Party AUS = Party.of("AUS");
    /** Topics a scope may name, and deeper or unrelated ones that only a release asks about. */
    static final List<String> SCOPE_TOPICS = List.of("dprk", "dprk.missile", "dprk.nuclear", "dprk.missile.warning",
            "china", "china.maritime", "cyber");
    static final List<String> ASKED_TOPICS = List.of("dprk.missile.icbm", "dprk.missiles", "dprk.nuclear.test",
            "china.maritime.scs", "china.economy", "cyber.apt", "other", "other-2", "russia", "dprk");
    /** The agreements of the shipped facts an event may befall; none of them has an event after this day. */
    static final List<String> EVENTFUL = List.of(Shipped.GSOMIA, "usa-jpn-gsomia-2007", "usa-kor-gsomia-1987",
            Shipped.TISA, "missile-warning-2023");

    enum Kind { EVENT, SCOPE, NEW_AGREEMENT, NEW_PARTY, OUTAGE }

    @Test
    void everyCellIsTheDecisionOfTheHandBuiltScenarioAndTheRealScenarioNeverChanges() {
        long seed = Optional.ofNullable(System.getProperty("trisec.seed")).filter(s -> !s.isBlank())
                .map(s -> Long.parseLong(s.strip())).orElseGet(() -> new SplittableRandom().nextLong());
        System.out.println("reachability seed: " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        Scenario real = Shipped.scenario();
        List<ReleaseRequest> questions = sample(real, rnd);
        List<ReleaseDecision> realAnswers = decideAll(ReleasePolicy.of(real), questions);

        Map<Kind, Integer> applied = new EnumMap<>(Kind.class);
        Map<Reach, Integer> reaches = new EnumMap<>(Reach.class);
        int cells = 0;
        int differing = 0;
        int earlier = 0;
        for (int i = 0; i < OPTIONS; i++) {
            Generated generated = option(real, rnd, i);
            Option option = generated.option();
            String what = "seed " + seed + ", option " + i + " " + describe(option);
            assertThat(option.problems(real)).as(what).isEmpty();
            Scenario changed = option.applyTo(real);
            Scenario expected = generated.hand().build();
            generated.kinds().forEach(k -> applied.merge(k, 1, Integer::sum));
            ReleasePolicy direct = ReleasePolicy.of(expected);
            ReleasePolicy realPolicy = ReleasePolicy.of(real);
            // Before the option's first change, the scenario it makes answers every question as the real one does
            // (a node reads only the releases from then on for the history impact).
            ReleasePolicy optionPolicy = ReleasePolicy.of(changed);
            Optional<Instant> first = option.firstChange();
            for (int k = 0; k < questions.size(); k += 4) {
                ReleaseRequest q = questions.get(k);
                if (first.isEmpty() || q.at().isBefore(first.get())) {
                    ReleaseDecision d = optionPolicy.decide(q);
                    ReleaseDecision r = realAnswers.get(k);
                    assertThat(List.of(d.verdict(), d.route(), d.basis())).as(what + ", before its first change "
                            + first + ": " + q).isEqualTo(List.of(r.verdict(), r.route(), r.basis()));
                    earlier++;
                }
            }
            for (Instant t : instants(generated.instants(), rnd)) {
                Reachability matrix = Reachability.of(changed, t);
                assertThat(disagreements(matrix, expected, direct, t)).as(what + ", at " + t).isEmpty();
                matrix.entries().forEach(e -> reaches.merge(e.cell().reach(), 1, Integer::sum));
                cells += matrix.entries().size();
                // Any topic at all is answered by its row.
                for (int k = 0; k < 12; k++) {
                    Party o = pick(rnd, expected.parties());
                    Party r;
                    do {
                        r = pick(rnd, expected.parties());
                    } while (r.equals(o));
                    Level level = pick(rnd, expected.scheme(o).levels());
                    Topic topic = Topic.of(pick(rnd, rnd.nextBoolean() ? ASKED_TOPICS : SCOPE_TOPICS));
                    ReleaseDecision d = direct.decide(ReleaseRequest.fromOriginator(ConfidentialityLabel.of(level, topic), r, t));
                    assertThat(matrix.cell(o, r, topic, level)).as(what + ", at " + t + ", " + o + " → " + r + " "
                            + topic + " " + level).isEqualTo(expected(d, o, r));
                }
                if (!ReachabilityDiff.between(Reachability.of(realPolicy, t, matrix.tree()), matrix).isEmpty()) {
                    differing++;
                }
            }
        }

        // The scenario every option was applied to still decides as one built afresh from the same facts.
        Scenario fresh = Shipped.scenario();
        assertThat(real).isNotSameAs(fresh);
        List<ReleaseRequest> sample = sample(fresh, rnd);
        assertThat(decideAll(ReleasePolicy.of(real), sample)).as("seed %d", seed)
                .isEqualTo(decideAll(ReleasePolicy.of(fresh), sample));
        for (int k = 0; k < 20; k++) {
            Instant t = date(rnd, 2010, 2032);
            assertThat(Reachability.of(real, t).entries()).as("seed %d, at %s", seed, t)
                    .isEqualTo(Reachability.of(fresh, t).entries());
        }

        System.out.println("reachability seed " + seed + ": " + cells + " cells, " + reaches + ", options by kind "
                + applied + ", " + differing + " matrices differ from the real one");
        for (Kind k : Kind.values()) {
            assertThat(applied.getOrDefault(k, 0)).as("options with a change of kind %s, seed %d", k, seed)
                    .isGreaterThan(OPTIONS / 10);
        }
        for (Reach r : Reach.values()) {
            assertThat(reaches.getOrDefault(r, 0)).as("cells %s, seed %d", r, seed).isGreaterThan(1000);
        }
        assertThat(differing).as("matrices an option changed, seed %d", seed).isGreaterThan(OPTIONS / 4);
        assertThat(earlier).as("questions asked before an option's first change, seed %d", seed).isGreaterThan(OPTIONS);
    }

    /**
     * The comparison above can fail: for each kind of change, the scenario built right agrees with the option's
     * matrix at every instant it names, and one built slightly wrong (what a faulty {@code applyTo} would make)
     * disagrees somewhere.
     */
    @Test
    void aScenarioBuiltWronglyDisagreesWithTheOptionsMatrix() {
        Scenario real = Shipped.scenario();

        // An event: Korea's notice on 2026-03-01, which ends the GSOMIA on 2026-11-23; wrong: the notice a day late
        // for that term, so it ends a year later.
        LifecycleEvent notice = LifecycleEvent.of(EventType.TERMINATION_NOTICE, day("2026-03-01"), Optional.of(KOR),
                "", Optional.empty());
        LifecycleEvent late = LifecycleEvent.of(EventType.TERMINATION_NOTICE, day("2026-08-26"), Optional.of(KOR),
                "", Optional.empty());
        assertBuiltRightAndWrong(real, List.of(new Change.AgreementEvent(Shipped.GSOMIA, notice)),
                new Hand().event(Shipped.GSOMIA, notice), new Hand().event(Shipped.GSOMIA, late),
                day("2026-11-23"), day("2027-06-01"));

        // A scope change: the GSOMIA covers only dprk.missile from 2026-04-01; wrong: from a month later.
        Scope narrow = new Scope(TopicScope.of("dprk.missile"), Map.of());
        assertBuiltRightAndWrong(real, List.of(new Change.ScopeChange(Shipped.GSOMIA, day("2026-04-01"), narrow,
                        Optional.empty(), "")),
                new Hand().event(Shipped.GSOMIA, new LifecycleEvent.Amended(day("2026-04-01"), Optional.empty(), "",
                        Optional.of(narrow))),
                new Hand().event(Shipped.GSOMIA, new LifecycleEvent.Amended(day("2026-05-01"), Optional.empty(), "",
                        Optional.of(narrow))),
                day("2026-04-01"), day("2026-04-15"));

        // A new agreement: a second Korea–Japan SIA, tried after the GSOMIA; wrong: tried before it.
        Agreement second = new Fixtures.AgreementSpec("kor-jpn-sia-2026", AgreementKind.SIA, KOR, JPN)
                .row(Fixtures.kor("군사Ⅰ급비밀"), Fixtures.jpn("機密")).row(Fixtures.kor("군사Ⅱ급비밀"), Fixtures.jpn("極秘"))
                .inForce("2026-01-01").build();
        assertBuiltRightAndWrong(real, List.of(new Change.NewAgreement(second)), new Hand().agreement(second),
                new Hand().agreementFirst(second), day("2026-06-01"));

        // A new party: Australia with its scheme and an SIA with the USA; wrong: a scheme without PROTECTED.
        ClassificationScheme aus = Fixtures.scheme(AUS, "TOP SECRET:TOP_SECRET", "SECRET:SECRET",
                "PROTECTED:CONFIDENTIAL");
        ClassificationScheme ausShort = Fixtures.scheme(AUS, "TOP SECRET:TOP_SECRET", "SECRET:SECRET");
        Agreement sia = australianSia(aus, "2024-01-01");
        assertBuiltRightAndWrong(real, List.of(new Change.NewParty(new Member(AUS, "Australia", aus)),
                        new Change.NewAgreement(sia)),
                new Hand().member(new Member(AUS, "Australia", aus)).agreement(sia),
                new Hand().member(new Member(AUS, "Australia", ausShort)).agreement(australianSia(ausShort,
                        "2024-01-01")),
                day("2025-01-01"));

        // A hub outage in January 2026; wrong: one that ends on the 15th.
        assertBuiltRightAndWrong(real, List.of(new Change.HubOutage(USA, day("2026-01-01"), day("2026-02-01"))),
                new Hand().outage(new Outage(USA, day("2026-01-01"), day("2026-02-01"))),
                new Hand().outage(new Outage(USA, day("2026-01-01"), day("2026-01-15"))),
                day("2026-01-01"), day("2026-01-20"), day("2026-02-01"));
    }

    private static void assertBuiltRightAndWrong(Scenario real, List<Change> changes, Hand right, Hand wrong,
                                                 Instant... at) {
        Scenario changed = new Option("an option", "", changes).applyTo(real);
        Scenario good = right.build();
        Scenario bad = wrong.build();
        var disagreeing = new ArrayList<String>();
        for (Instant t : at) {
            Reachability matrix = Reachability.of(changed, t);
            assertThat(disagreements(matrix, good, ReleasePolicy.of(good), t)).as("%s at %s", changes, t).isEmpty();
            disagreeing.addAll(disagreements(matrix, bad, ReleasePolicy.of(bad), t));
        }
        assertThat(disagreeing).as("the wrong scenario of %s", changes).isNotEmpty();
    }

    /**
     * Where the option's matrix differs from the expected scenario's own decisions: its parties, its topic tree, and
     * each cell the expected scenario has (every ordered pair, row and level of the originator's scheme), decided
     * there directly.
     */
    static List<String> disagreements(Reachability matrix, Scenario expected, ReleasePolicy direct, Instant t) {
        var out = new ArrayList<String>();
        if (!matrix.parties().equals(expected.parties())) {
            out.add("parties " + matrix.parties() + ", expected " + expected.parties());
        }
        TopicTree tree = TopicTree.of(expected);
        if (!matrix.tree().equals(tree)) {
            out.add("topic tree " + matrix.tree() + ", expected " + tree);
        }
        int count = 0;
        for (Party o : expected.parties()) {
            for (Party r : expected.parties()) {
                if (o.equals(r)) {
                    continue;
                }
                for (Topic topic : tree.rows()) {
                    for (Level level : expected.scheme(o).levels()) {
                        count++;
                        ReleaseDecision d = direct.decide(ReleaseRequest.fromOriginator(
                                ConfidentialityLabel.of(level, topic), r, t));
                        Cell want = expected(d, o, r);
                        Cell got = matrix.cell(o, r, topic, level);
                        if (!want.equals(got)) {
                            out.add(o + " → " + r + " " + topic + " " + level.name() + ": " + got + ", expected " + want);
                        }
                    }
                }
            }
        }
        if (matrix.entries().size() != count) {
            out.add(matrix.entries().size() + " cells, expected " + count);
        }
        return out;
    }

    /** The cell a decision must give, spelled out from the decision itself. */
    static Cell expected(ReleaseDecision d, Party o, Party r) {
        if (d.verdict() == Verdict.DENY) {
            return Cell.NONE;
        }
        assertThat(d.route().getFirst()).isEqualTo(o);
        assertThat(d.route().getLast()).isEqualTo(r);
        Reach reach = d.route().size() == 2 ? Reach.DIRECT : Reach.VIA_HUB;
        return new Cell(reach, d.verdict(), d.route(), d.basis());
    }

    /**
     * The scenario an option must make, built by the test from the records: the shipped facts' agreements with the
     * option's events merged in by date (after the scenario's own of the same instant, in the order the option gives
     * them), its new agreements after all the scenario's, its new parties after the scenario's, its outages.
     * Nothing here goes through {@link Option}.
     */
    static final class Hand {
        private final List<Member> members = new ArrayList<>(Fixtures.members());
        private final List<Agreement> agreements = new ArrayList<>(Shipped.scenario().agreements());
        private final Map<String, List<LifecycleEvent>> added = new HashMap<>();
        private final List<Outage> outages = new ArrayList<>();

        Hand event(String agreement, LifecycleEvent event) {
            added.computeIfAbsent(agreement, a -> new ArrayList<>()).add(event);
            return this;
        }

        Hand agreement(Agreement a) {
            agreements.add(a);
            return this;
        }

        /** Wrong on purpose: the option's agreements come after the scenario's. */
        Hand agreementFirst(Agreement a) {
            agreements.addFirst(a);
            return this;
        }

        Hand member(Member m) {
            members.add(m);
            return this;
        }

        Hand outage(Outage o) {
            outages.add(o);
            return this;
        }

        Scenario build() {
            var built = new ArrayList<Agreement>();
            for (Agreement a : agreements) {
                var events = new ArrayList<>(a.events());
                events.addAll(added.getOrDefault(a.id(), List.of()));
                // A stable sort: events of the same instant keep the order they were listed in.
                events.sort(Comparator.comparing(LifecycleEvent::at));
                built.add(new Agreement(a.id(), a.kind(), a.title(), a.parties(), a.hub(), a.scope(), a.equivalence(),
                        a.term(), a.noticePeriod(), a.legallyBinding(), events, a.notes(), a.sources()));
            }
            return new Scenario(members, built, List.of(), List.of(), outages);
        }
    }

    record Generated(Option option, Hand hand, List<Kind> kinds, List<Instant> instants) {}

    /**
     * One to four changes, each one that makes sense by construction (an option refusing one fails the test), drawn
     * once and written both as a {@link Change} and into the {@link Hand}.
     */
    static Generated option(Scenario real, SplittableRandom rnd, int i) {
        List<Change> changes = new ArrayList<>();
        Hand hand = new Hand();
        List<Kind> kinds = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        List<String> withEvents = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int c = 0; c < n; c++) {
            Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
            boolean made = switch (kind) {
                case EVENT -> events(real, rnd, changes, hand, instants, withEvents);
                case SCOPE -> scope(real, rnd, changes, hand, instants);
                case NEW_AGREEMENT -> newAgreement(rnd, changes, hand, instants, c);
                case NEW_PARTY -> australia(rnd, changes, hand, instants);
                case OUTAGE -> {
                    Instant from = date(rnd, 2014, 2031);
                    Instant until = rnd.nextInt(5) == 0 ? from.plusSeconds(1)
                            : from.plus(Duration.ofDays(1 + rnd.nextInt(900)));
                    changes.add(new Change.HubOutage(USA, from, until));
                    hand.outage(new Outage(USA, from, until));
                    instants.add(from);
                    instants.add(until);
                    yield true;
                }
            };
            if (made) {
                kinds.add(kind);
            }
        }
        return new Generated(new Option("random " + i, "", changes), hand, kinds, instants);
    }

    /**
     * A termination notice on one of the agreements (once per option each), after every event it has, sometimes
     * followed before it takes effect by a suspension, a withdrawal or a termination, and a termination sometimes by
     * a re-entry into force.
     */
    static boolean events(Scenario real, SplittableRandom rnd, List<Change> changes, Hand hand,
                          List<Instant> instants, List<String> withEvents) {
        String id = pick(rnd, EVENTFUL);
        if (withEvents.contains(id)) {
            return false;
        }
        withEvents.add(id);
        Instant notice = date(rnd, 2024, 2030);
        // Only the GSOMIA has terms and a notice period to take an effective date from; the others must state one.
        boolean ownDate = !id.equals(Shipped.GSOMIA) || rnd.nextBoolean();
        int effectiveDays = ownDate ? 1 + rnd.nextInt(700) : 90;
        Optional<Instant> effective = ownDate ? Optional.of(notice.plus(Duration.ofDays(effectiveDays)))
                : Optional.empty();
        Optional<Party> by = rnd.nextBoolean() ? Optional.empty()
                : Optional.of(pick(rnd, real.agreement(id).orElseThrow().parties()));
        add(id, LifecycleEvent.of(EventType.TERMINATION_NOTICE, notice, by, "", effective), changes, hand);
        instants.add(notice);
        effective.ifPresent(instants::add);
        if (rnd.nextBoolean()) {
            EventType then = List.of(EventType.NOTICE_SUSPENDED, EventType.NOTICE_WITHDRAWN, EventType.TERMINATED)
                    .get(rnd.nextInt(3));
            // Strictly before the notice takes effect (the GSOMIA's own date is at least 90 days on).
            Instant at = notice.plus(Duration.ofDays(rnd.nextInt(Math.min(effectiveDays, 90))));
            add(id, LifecycleEvent.of(then, at, Optional.empty(), "", Optional.empty()), changes, hand);
            instants.add(at);
            if (then == EventType.TERMINATED && rnd.nextBoolean()) {
                Instant again = at.plus(Duration.ofDays(1 + rnd.nextInt(600)));
                add(id, LifecycleEvent.of(EventType.IN_FORCE, again, Optional.empty(), "", Optional.empty()),
                        changes, hand);
                instants.add(again);
            }
        }
        return true;
    }

    private static void add(String agreement, LifecycleEvent event, List<Change> changes, Hand hand) {
        changes.add(new Change.AgreementEvent(agreement, event));
        hand.event(agreement, event);
    }

    /**
     * Another scope for an agreement from an instant after its signature: sometimes one at which the agreement (or an
     * earlier change of the option) already has an event, to see the amendment placed after it. A few topics or all,
     * at the highest levels the agreement has, at levels drawn for each of its parties, or at every level.
     */
    static boolean scope(Scenario real, SplittableRandom rnd, List<Change> changes, Hand hand,
                         List<Instant> instants) {
        Agreement a = pick(rnd, real.agreements());
        Instant signed = a.events().getFirst().at();
        Instant from;
        if (rnd.nextInt(4) == 0) {
            var taken = new ArrayList<Instant>();
            a.events().forEach(e -> taken.add(e.at()));
            hand.added.getOrDefault(a.id(), List.of()).forEach(e -> taken.add(e.at()));
            from = pick(rnd, taken);
        } else {
            from = date(rnd, 2014, 2031);
            if (from.isBefore(signed)) {
                from = signed.plus(Duration.ofDays(rnd.nextInt(2000)));
            }
        }
        TopicScope topics = TopicScope.everything();
        if (rnd.nextInt(4) != 0) {
            var list = new ArrayList<Topic>();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                list.add(Topic.of(pick(rnd, SCOPE_TOPICS)));
            }
            topics = TopicScope.of(list);
        }
        Map<Party, Level> highest = switch (rnd.nextInt(3)) {
            case 0 -> a.scope().highest();
            case 1 -> Map.of();
            default -> {
                var drawn = new LinkedHashMap<Party, Level>();
                a.parties().forEach(p -> drawn.put(p, pick(rnd, real.scheme(p).levels())));
                yield drawn;
            }
        };
        Scope scope = new Scope(topics, highest);
        Optional<Party> by = rnd.nextBoolean() ? Optional.empty() : Optional.of(pick(rnd, a.parties()));
        changes.add(new Change.ScopeChange(a.id(), from, scope, by, "widened"));
        hand.event(a.id(), new LifecycleEvent.Amended(from, by, "widened", Optional.of(scope)));
        instants.add(from);
        return true;
    }

    /**
     * An agreement among the three the scenario does not have: a second Korea–Japan SIA (with a Class I row the
     * GSOMIA lacks), a hub arrangement or a data mechanism through the USA, on a few topics, in force from a date.
     */
    static boolean newAgreement(SplittableRandom rnd, List<Change> changes, Hand hand, List<Instant> instants, int c) {
        String from = (2015 + rnd.nextInt(15)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10);
        String topic = pick(rnd, SCOPE_TOPICS);
        Fixtures.AgreementSpec spec = switch (rnd.nextInt(3)) {
            case 0 -> new Fixtures.AgreementSpec("kor-jpn-sia-" + c, AgreementKind.SIA, KOR, JPN)
                    .row(Fixtures.kor("군사Ⅰ급비밀"), Fixtures.jpn("機密"))
                    .row(Fixtures.kor("군사Ⅱ급비밀"), Fixtures.jpn("極秘"));
            case 1 -> new Fixtures.AgreementSpec("hub-" + c, AgreementKind.HUB_ARRANGEMENT, USA, KOR, JPN).hub(USA);
            default -> new Fixtures.AgreementSpec("data-" + c, AgreementKind.DATA_MECHANISM, USA, KOR, JPN).hub(USA);
        };
        if (rnd.nextInt(3) != 0) {
            spec.topics(topic);
        }
        Agreement a = spec.inForce(from).build();
        changes.add(new Change.NewAgreement(a));
        hand.agreement(a);
        instants.add(day(from));
        return true;
    }

    /**
     * Australia joins with its scheme and an SIA with the USA (which sometimes ends, an event on an agreement the
     * option adds), and sometimes a hub arrangement with Japan; once per option.
     */
    static boolean australia(SplittableRandom rnd, List<Change> changes, Hand hand, List<Instant> instants) {
        if (changes.stream().anyMatch(c -> c instanceof Change.NewParty)) {
            return false;
        }
        ClassificationScheme scheme = Fixtures.scheme(AUS, "TOP SECRET:TOP_SECRET", "SECRET:SECRET",
                "PROTECTED:CONFIDENTIAL");
        Member australia = new Member(AUS, "Australia", scheme);
        changes.add(new Change.NewParty(australia));
        hand.member(australia);
        String from = (2020 + rnd.nextInt(10)) + "-0" + (1 + rnd.nextInt(9)) + "-01";
        Agreement sia = australianSia(scheme, from);
        changes.add(new Change.NewAgreement(sia));
        hand.agreement(sia);
        instants.add(day(from));
        if (rnd.nextInt(3) == 0) {
            Instant end = day(from).plus(Duration.ofDays(1 + rnd.nextInt(1500)));
            add(sia.id(), LifecycleEvent.of(EventType.TERMINATED, end, Optional.of(AUS), "", Optional.empty()),
                    changes, hand);
            instants.add(end);
        }
        if (rnd.nextBoolean()) {
            Agreement hub = new Fixtures.AgreementSpec("aus-jpn-hub", AgreementKind.HUB_ARRANGEMENT, USA, AUS, JPN)
                    .hub(USA).topics(pick(rnd, SCOPE_TOPICS)).inForce(from).build();
            changes.add(new Change.NewAgreement(hub));
            hand.agreement(hub);
        }
        return true;
    }

    static Agreement australianSia(ClassificationScheme scheme, String from) {
        var spec = new Fixtures.AgreementSpec("usa-aus-sia", AgreementKind.SIA, USA, AUS)
                .row(Fixtures.usa("TOP SECRET"), scheme.level("TOP SECRET"))
                .row(Fixtures.usa("SECRET"), scheme.level("SECRET"));
        if (scheme.levels().stream().anyMatch(l -> l.name().equals("PROTECTED"))) {
            spec.row(Fixtures.usa("CONFIDENTIAL"), scheme.level("PROTECTED"));
        }
        return spec.inForce(from).build();
    }

    /** A few instants at random, and each instant an option names, with the seconds either side. */
    static List<Instant> instants(List<Instant> named, SplittableRandom rnd) {
        var out = new ArrayList<Instant>();
        out.add(date(rnd, 2014, 2032));
        out.add(date(rnd, 2014, 2032));
        for (Instant t : named) {
            if (rnd.nextInt(3) != 0) {
                out.add(t);
                out.add(t.minusSeconds(1));
                out.add(t.plusSeconds(1));
            }
        }
        return out;
    }

    static List<ReleaseRequest> sample(Scenario s, SplittableRandom rnd) {
        var out = new ArrayList<ReleaseRequest>();
        for (int i = 0; i < 2000; i++) {
            Party o = pick(rnd, s.parties());
            Party h = rnd.nextBoolean() ? o : pick(rnd, s.parties());
            Party r;
            do {
                r = pick(rnd, s.parties());
            } while (r.equals(h));
            var label = ConfidentialityLabel.of(pick(rnd, s.scheme(o).levels()), Topic.of(pick(rnd, ASKED_TOPICS)));
            out.add(new ReleaseRequest(label, h, r, date(rnd, 2010, 2032), rnd.nextBoolean()));
        }
        return out;
    }

    static List<ReleaseDecision> decideAll(ReleasePolicy policy, List<ReleaseRequest> requests) {
        return requests.stream().map(policy::decide).toList();
    }

    static Instant date(SplittableRandom rnd, int fromYear, int untilYear) {
        long from = day(fromYear + "-01-01").getEpochSecond();
        long until = day(untilYear + "-01-01").getEpochSecond();
        long s = from + rnd.nextLong(until - from);
        return Instant.ofEpochSecond(rnd.nextBoolean() ? s - s % 86400 : s);
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static String describe(Option o) {
        return o.changes().stream().map(Change::describe).toList().toString();
    }
}
