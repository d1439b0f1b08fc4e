package trisec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
import trisec.scenario.Scenario;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Random options on the shipped facts, and random instants (many of them where an option changes something, ±1 s):
 * every cell of the matrix is what a direct {@code decide} on the option's scenario says, for the tree's rows and for
 * any other topic; applying options never changes a decision on the scenario they are applied to; and before an
 * option's first change ({@link Option#firstChange}) its scenario decides every question as the real one does.
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

    enum Kind { EVENT, SCOPE, OUTAGE, PARTY_AND_AGREEMENTS }

    @Test
    void everyCellIsTheDecisionOfTheOptionsScenarioAndTheRealScenarioNeverChanges() {
        long seed = Optional.ofNullable(System.getProperty("trisec.seed")).filter(s -> !s.isBlank())
                .map(s -> Long.parseLong(s.strip())).orElseGet(() -> new SplittableRandom().nextLong());
        System.out.println("reachability seed: " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        Scenario real = Shipped.scenario();
        List<Agreement> realAgreements = real.agreements();
        List<ReleaseRequest> sample = sample(real, rnd);
        List<ReleaseDecision> before = decideAll(ReleasePolicy.of(real), sample);

        Map<Kind, Integer> applied = new EnumMap<>(Kind.class);
        Map<Reach, Integer> reaches = new EnumMap<>(Reach.class);
        int cells = 0;
        int differing = 0;
        int earlier = 0;
        for (int i = 0; i < OPTIONS; i++) {
            var generated = option(real, rnd, i);
            Option option = generated.option();
            Scenario changed = option.applyTo(real);
            generated.kinds().forEach(k -> applied.merge(k, 1, Integer::sum));
            ReleasePolicy direct = ReleasePolicy.of(changed);
            // Before the option's first change, the scenario it makes answers every question as the real one does
            // (a node reads only the releases from then on for the history impact).
            Optional<Instant> first = option.firstChange();
            for (int k = 0; k < sample.size(); k += 4) {
                ReleaseRequest q = sample.get(k);
                if (first.isEmpty() || q.at().isBefore(first.get())) {
                    ReleaseDecision d = direct.decide(q);
                    ReleaseDecision r = before.get(k);
                    assertThat(List.of(d.verdict(), d.route(), d.basis())).as("seed " + seed + ", option " + i + " "
                            + describe(option) + ", before its first change " + first + ": " + q)
                            .isEqualTo(List.of(r.verdict(), r.route(), r.basis()));
                    earlier++;
                }
            }
            for (Instant t : instants(generated.instants(), rnd)) {
                Reachability matrix = Reachability.of(changed, t);
                String where = "seed " + seed + ", option " + i + " " + describe(option) + ", at " + t;
                for (Reachability.Entry e : matrix.entries()) {
                    ReleaseDecision d = direct.decide(ReleaseRequest.fromOriginator(
                            ConfidentialityLabel.of(e.level(), e.topic()), e.recipient(), t));
                    assertThat(e.cell()).as(where + ", " + e).isEqualTo(expected(d, e.originator(), e.recipient()));
                    reaches.merge(e.cell().reach(), 1, Integer::sum);
                    cells++;
                }
                // Any topic at all is answered by its row.
                for (int k = 0; k < 12; k++) {
                    Party o = pick(rnd, changed.parties());
                    Party r;
                    do {
                        r = pick(rnd, changed.parties());
                    } while (r.equals(o));
                    Level level = pick(rnd, changed.scheme(o).levels());
                    Topic topic = Topic.of(pick(rnd, rnd.nextBoolean() ? ASKED_TOPICS : SCOPE_TOPICS));
                    ReleaseDecision d = direct.decide(ReleaseRequest.fromOriginator(ConfidentialityLabel.of(level, topic), r, t));
                    assertThat(matrix.cell(o, r, topic, level)).as(where + ", " + o + " → " + r + " " + topic + " " + level)
                            .isEqualTo(expected(d, o, r));
                }
                if (!ReachabilityDiff.between(Reachability.of(ReleasePolicy.of(real), t, matrix.tree()), matrix).isEmpty()) {
                    differing++;
                }
            }
        }
        assertThat(real.agreements()).isEqualTo(realAgreements);
        assertThat(real.outages()).isEmpty();
        assertThat(real.parties()).containsExactly(USA, KOR, JPN);
        assertThat(decideAll(ReleasePolicy.of(real), sample)).isEqualTo(before);

        System.out.println("reachability seed " + seed + ": " + cells + " cells, " + reaches + ", options by kind "
                + applied + ", " + differing + " matrices differ from the real one");
        for (Kind k : Kind.values()) {
            assertThat(applied.getOrDefault(k, 0)).as("options with a change of kind %s, seed %d", k, seed)
                    .isGreaterThan(OPTIONS / 20);
        }
        for (Reach r : Reach.values()) {
            assertThat(reaches.getOrDefault(r, 0)).as("cells %s, seed %d", r, seed).isGreaterThan(1000);
        }
        assertThat(differing).as("matrices an option changed, seed %d", seed).isGreaterThan(OPTIONS / 4);
        assertThat(earlier).as("questions asked before an option's first change, seed %d", seed).isGreaterThan(OPTIONS);
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

    record Generated(Option option, List<Kind> kinds, List<Instant> instants) {}

    /** One to four changes; those the option refuses are dropped, so what is left applies. */
    static Generated option(Scenario real, SplittableRandom rnd, int i) {
        List<Change> changes = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int c = 0; c < n; c++) {
            Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
            switch (kind) {
                case EVENT -> events(rnd, changes, instants);
                case SCOPE -> {
                    Agreement a = pick(rnd, real.agreements());
                    Instant from = date(rnd, 2015, 2031);
                    changes.add(new Change.ScopeChange(a.id(), from, scope(rnd, a), Optional.empty(), ""));
                    instants.add(from);
                }
                case OUTAGE -> {
                    Instant from = date(rnd, 2014, 2031);
                    Instant until = rnd.nextInt(5) == 0 ? from.plusSeconds(1) : from.plus(Duration.ofDays(1 + rnd.nextInt(900)));
                    changes.add(new Change.HubOutage(USA, from, until));
                    instants.add(from);
                    instants.add(until);
                }
                case PARTY_AND_AGREEMENTS -> australia(rnd, changes, instants);
            }
            kinds.add(kind);
        }
        Option option = new Option("random " + i, "", changes);
        List<Option.Problem> problems = option.problems(real);
        if (!problems.isEmpty()) {
            var kept = new ArrayList<Change>();
            for (int k = 0; k < changes.size(); k++) {
                int index = k;
                if (problems.stream().noneMatch(p -> p.index() == index)) {
                    kept.add(changes.get(k));
                }
            }
            option = new Option("random " + i, "", kept);
            kinds.clear(); // counted only for options whose changes all applied
        }
        return new Generated(option, kinds, instants);
    }

    /** A notice on the Korea–Japan GSOMIA, sometimes followed by a suspension, withdrawal or termination. */
    static void events(SplittableRandom rnd, List<Change> changes, List<Instant> instants) {
        String id = rnd.nextInt(4) == 0 ? "usa-jpn-gsomia-2007" : Shipped.GSOMIA;
        Instant notice = date(rnd, 2023, 2030);
        Optional<Instant> effective = id.equals(Shipped.GSOMIA) && rnd.nextBoolean() ? Optional.empty()
                : Optional.of(notice.plus(Duration.ofDays(1 + rnd.nextInt(700))));
        changes.add(new Change.AgreementEvent(id, LifecycleEvent.of(EventType.TERMINATION_NOTICE, notice,
                Optional.empty(), "", effective)));
        instants.add(notice);
        effective.ifPresent(instants::add);
        if (rnd.nextBoolean()) {
            EventType then = List.of(EventType.NOTICE_SUSPENDED, EventType.NOTICE_WITHDRAWN, EventType.TERMINATED)
                    .get(rnd.nextInt(3));
            Instant at = notice.plus(Duration.ofDays(rnd.nextInt(400)));
            changes.add(new Change.AgreementEvent(id, LifecycleEvent.of(then, at, Optional.empty(), "", Optional.empty())));
            instants.add(at);
        }
    }

    /** What an agreement might cover instead: a few topics or all, at the highest levels it has or at every level. */
    static Scope scope(SplittableRandom rnd, Agreement a) {
        TopicScope topics = TopicScope.everything();
        if (rnd.nextInt(4) != 0) {
            var list = new ArrayList<Topic>();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                list.add(Topic.of(pick(rnd, SCOPE_TOPICS)));
            }
            topics = TopicScope.of(list);
        }
        return new Scope(topics, rnd.nextBoolean() ? a.scope().highest() : Map.of());
    }

    /** Australia joins with its scheme and an SIA with the USA, and sometimes a hub arrangement with Japan. */
    static void australia(SplittableRandom rnd, List<Change> changes, List<Instant> instants) {
        if (changes.stream().anyMatch(c -> c instanceof Change.NewParty)) {
            return;
        }
        ClassificationScheme scheme = Fixtures.scheme(AUS, "TOP SECRET:TOP_SECRET", "SECRET:SECRET",
                "PROTECTED:CONFIDENTIAL");
        changes.add(new Change.NewParty(new Member(AUS, "Australia", scheme)));
        String from = (2020 + rnd.nextInt(10)) + "-0" + (1 + rnd.nextInt(9)) + "-01";
        changes.add(new Change.NewAgreement(new Fixtures.AgreementSpec("usa-aus-sia", AgreementKind.SIA, USA, AUS)
                .row(Fixtures.usa("TOP SECRET"), scheme.level("TOP SECRET"))
                .row(Fixtures.usa("SECRET"), scheme.level("SECRET"))
                .row(Fixtures.usa("CONFIDENTIAL"), scheme.level("PROTECTED")).inForce(from).build()));
        instants.add(day(from));
        if (rnd.nextBoolean()) {
            changes.add(new Change.NewAgreement(new Fixtures.AgreementSpec("aus-jpn-hub", AgreementKind.HUB_ARRANGEMENT,
                    USA, AUS, JPN).hub(USA).topics(pick(rnd, SCOPE_TOPICS)).inForce(from).build()));
        }
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
