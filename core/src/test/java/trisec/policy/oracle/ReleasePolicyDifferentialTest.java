package trisec.policy.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.oracle.Generator.Case;
import trisec.policy.oracle.Generator.Feature;
import trisec.policy.oracle.Generator.When;
import trisec.policy.oracle.Model.Answer;
import trisec.policy.oracle.Model.Ask;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.World;
import trisec.policy.oracle.Oracle.Bucket;
import trisec.policy.oracle.Oracle.Flag;
import trisec.scenario.Scenario;

/**
 * Differential test of {@link ReleasePolicy}: random scenarios and requests, decided by the engine and by the
 * independent {@link Oracle}; verdict, route, basis and recipient level must agree, and every engine decision
 * must give a reason.
 *
 * <p>{@code -Dtrisec.seed=N} replays a run, {@code -Dtrisec.cases=N} sets its size (default 1,000,000) and
 * {@code -Dtrisec.scenario=I} replays only scenario I of the seed.
 */
class ReleasePolicyDifferentialTest {

    /** Each scenario is reused for many requests: building a policy costs far more than deciding. */
    static final int REQUESTS_PER_SCENARIO = 400;
    /**
     * Below this many cases the coverage counters are printed but not required (quick local replays): the
     * rarest of them (several pairs of SIAs through a hub where their order matters) needs a large sample.
     */
    static final long COVERAGE_MINIMUM_CASES = 500_000;
    /** How many fresh attempts a scenario gets when core rejects a generated one. */
    static final int ATTEMPTS = 20;

    @Test
    void engineAndOracleAgreeOnEveryRandomRelease() {
        long seed = property("trisec.seed").orElseGet(() -> new SplittableRandom().nextLong());
        System.out.println("differential seed: " + seed);
        long cases = property("trisec.cases").orElse(1_000_000L);
        Integer only = property("trisec.scenario").map(Long::intValue).orElse(null);
        int scenarios = (int) ((cases + REQUESTS_PER_SCENARIO - 1) / REQUESTS_PER_SCENARIO);
        long started = System.nanoTime();
        IntStream indexes = only != null ? IntStream.of(only) : IntStream.range(0, scenarios).parallel();
        Tally total = indexes
                .mapToObj(i -> runScenario(seed, i, only != null ? REQUESTS_PER_SCENARIO
                        : (int) Math.min(REQUESTS_PER_SCENARIO, cases - (long) i * REQUESTS_PER_SCENARIO)))
                .reduce(new Tally(), Tally::merge);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println(total.report(seed, millis));
        if (total.firstMismatch != null) {
            fail(total.firstMismatch.describe(seed, total.mismatches));
        }
        assertThat(total.cases).as("cases run, seed %d", seed).isEqualTo(only != null ? REQUESTS_PER_SCENARIO : cases);
        // Core rejecting a generated scenario is a generator bug; a rare retry is tolerated, a habit is not.
        assertThat(total.rejected)
                .as("scenarios core rejected (seed %d); first: %s", seed, total.firstRejection)
                .isLessThanOrEqualTo(Math.max(2, total.scenarios / 100));
        if (total.cases >= COVERAGE_MINIMUM_CASES) {
            assertCoverage(total, seed);
        }
    }

    /** The test must not pass by generating only trivial cases: every rule and edge must have been hit. */
    private static void assertCoverage(Tally t, long seed) {
        for (Bucket b : Bucket.values()) {
            assertThat(t.buckets.getOrDefault(b, 0L)).as("coverage of %s, seed %d", b, seed).isPositive();
        }
        for (Flag f : Flag.values()) {
            assertThat(t.flags.getOrDefault(f, 0L)).as("coverage of %s, seed %d", f, seed).isPositive();
        }
        for (Feature l : Feature.values()) {
            assertThat(t.life.getOrDefault(l, 0L)).as("lifecycles with %s, seed %d", l, seed).isPositive();
        }
        for (When w : When.values()) {
            assertThat(t.when.getOrDefault(w, 0L)).as("instants %s, seed %d", w, seed).isPositive();
        }
        // About 1% of the cases ask exactly at the instant a verdict changes; far fewer means the instants drifted.
        assertThat(t.flipsAtInstant).as("verdicts that change exactly at the instant asked, seed %d", seed)
                .isGreaterThan(t.cases / 1000);
    }

    /** A typo in -Dtrisec.seed must not silently become a fresh random seed. */
    private static Optional<Long> property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
    }

    /** One scenario and its requests; deterministic in (seed, index), whatever thread runs it. */
    static Tally runScenario(long seed, int index, int requests) {
        try {
            return generateAndRun(seed, index, requests);
        } catch (RuntimeException e) {
            // A crash in the generator, the converter or the oracle must still say how to replay it.
            throw new AssertionError("seed " + seed + ", scenario " + index + " (replay with -Dtrisec.seed=" + seed
                    + " -Dtrisec.scenario=" + index + "): " + e, e);
        }
    }

    private static Tally generateAndRun(long seed, int index, int requests) {
        Tally tally = new Tally();
        tally.scenarios = 1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Generator gen = new Generator(new SplittableRandom(mix(seed, index, attempt)));
            World world = gen.world();
            Scenario scenario;
            try {
                scenario = ToCore.scenario(world);
            } catch (IllegalArgumentException e) {
                tally.rejected++;
                if (tally.firstRejection == null) {
                    tally.firstRejection = "scenario " + index + " attempt " + attempt + ": " + e.getMessage() + "\n"
                            + world.describe();
                }
                continue;
            }
            gen.features().forEach((k, v) -> tally.life.merge(k, (long) v, Long::sum));
            runRequests(index, gen, world, scenario, requests, tally);
            return tally;
        }
        throw new AssertionError("seed " + seed + ": core rejected " + ATTEMPTS + " scenarios in a row at index "
                + index + "; first: " + tally.firstRejection);
    }

    private static void runRequests(int index, Generator gen, World world, Scenario scenario, int requests,
                                    Tally tally) {
        ReleasePolicy policy = ReleasePolicy.of(scenario);
        Oracle oracle = new Oracle(world);
        for (int i = 0; i < requests; i++) {
            Case c = gen.next();
            Oracle.Result expected = oracle.decide(c.ask());
            tally.count(expected, c.when());
            if (c.when() == When.EXACT) {
                Ask before = new Ask(c.ask().label(), c.ask().holder(), c.ask().recipient(),
                        c.ask().at().minusSeconds(1), c.ask().consent());
                if (oracle.decide(before).answer().verdict() != expected.answer().verdict()) {
                    tally.flipsAtInstant++;
                }
            }
            Optional<String> problem = compare(policy, scenario, c.ask(), expected.answer());
            if (problem.isPresent()) {
                tally.mismatches++;
                if (tally.firstMismatch == null) {
                    tally.firstMismatch = new Mismatch(index, i, world, c.ask(), expected, problem.get());
                }
            }
        }
    }

    /** Empty when the engine agrees with the oracle and gives a reason; else what is wrong, for people. */
    static Optional<String> compare(ReleasePolicy policy, Scenario scenario, Ask ask, Answer expected) {
        ReleaseDecision decision;
        try {
            decision = policy.decide(ToCore.request(scenario, ask));
        } catch (RuntimeException e) {
            return Optional.of("engine threw " + e);
        }
        Answer actual = ToCore.answer(decision);
        if (!actual.equals(expected)) {
            return Optional.of("engine:  " + actual + "\n  engine reasons: " + decision.reasonTexts());
        }
        if (decision.reasons().isEmpty()) {
            return Optional.of("engine gave no reason for " + actual);
        }
        return Optional.empty();
    }

    /** Stafford's mix13: independent generator seeds for neighbouring (seed, index, attempt). */
    static long mix(long seed, int index, int attempt) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1) + 0xC2B2AE3D27D4EB4FL * attempt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    record Mismatch(int scenario, int caseIndex, World world, Ask ask, Oracle.Result expected, String problem) {
        String describe(long seed, long count) {
            World small = Shrinker.shrink(world, ask);
            return "engine and oracle disagree on " + count + " case(s); first: seed " + seed + ", scenario "
                    + scenario + ", case " + caseIndex + "\n"
                    + "  replay: mvn -B -q -pl core test -Dtest=ReleasePolicyDifferentialTest -Dtrisec.seed=" + seed
                    + " -Dtrisec.scenario=" + scenario + "\n"
                    + "  request: " + ask + "\n"
                    + "  oracle:  " + expected.answer() + " (" + expected.bucket() + ")\n"
                    + "  " + problem + "\n"
                    + "the same disagreement on a shrunk scenario (" + world.deals().size() + " -> "
                    + small.deals().size() + " agreements):\n" + small.describe();
        }
    }

    /**
     * Removes agreements, events, rows and scopes while the very same disagreement persists (same oracle answer,
     * same engine answer): a readable failure.
     */
    static final class Shrinker {
        static World shrink(World world, Ask ask) {
            Optional<String> original = problem(world, ask);
            World current = world;
            boolean progress = original.isPresent();
            while (progress) {
                progress = false;
                for (World candidate : candidates(current)) {
                    if (problem(candidate, ask).equals(original)
                            && new Oracle(candidate).decide(ask).answer().equals(new Oracle(world).decide(ask).answer())) {
                        current = candidate;
                        progress = true;
                        break;
                    }
                }
            }
            return current;
        }

        /** What is wrong with the engine's decision on this scenario, or empty when core rejects the scenario. */
        static Optional<String> problem(World world, Ask ask) {
            Scenario scenario;
            try {
                scenario = ToCore.scenario(world);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return compare(ReleasePolicy.of(scenario), scenario, ask, new Oracle(world).decide(ask).answer());
        }

        private static List<World> candidates(World w) {
            List<World> out = new ArrayList<>();
            List<Deal> deals = w.deals();
            for (int i = 0; i < deals.size(); i++) {
                List<Deal> fewer = new ArrayList<>(deals);
                fewer.remove(i);
                out.add(new World(w.nations(), fewer, w.outages()));
            }
            for (int i = 0; i < w.outages().size(); i++) {
                List<Model.Down> fewer = new ArrayList<>(w.outages());
                fewer.remove(i);
                out.add(new World(w.nations(), deals, fewer));
            }
            for (int i = 0; i < deals.size(); i++) {
                Deal d = deals.get(i);
                if (!d.events().isEmpty()) {
                    out.add(replace(w, i, d.withEvents(d.events().subList(0, d.events().size() - 1))));
                }
                for (int r = 0; r < d.rows().size(); r++) {
                    var rows = new ArrayList<>(d.rows());
                    rows.remove(r);
                    out.add(replace(w, i, new Deal(d.id(), d.kind(), d.parties(), d.hub(), d.topics(), d.highest(),
                            rows, d.term(), d.noticePeriod(), d.events())));
                }
                if (d.topics().isPresent()) {
                    out.add(replace(w, i, new Deal(d.id(), d.kind(), d.parties(), d.hub(), Optional.empty(),
                            d.highest(), d.rows(), d.term(), d.noticePeriod(), d.events())));
                }
                if (!d.highest().isEmpty()) {
                    out.add(replace(w, i, new Deal(d.id(), d.kind(), d.parties(), d.hub(), d.topics(), Map.of(),
                            d.rows(), d.term(), d.noticePeriod(), d.events())));
                }
            }
            return out;
        }

        private static World replace(World w, int i, Deal d) {
            List<Deal> deals = new ArrayList<>(w.deals());
            deals.set(i, d);
            return new World(w.nations(), deals, w.outages());
        }
    }

    /** Counters of one or more scenarios; merged after the parallel run. */
    static final class Tally {
        long cases;
        long scenarios;
        long rejected;
        String firstRejection;
        long mismatches;
        Mismatch firstMismatch;
        long flipsAtInstant;
        final Map<Bucket, Long> buckets = new EnumMap<>(Bucket.class);
        final Map<Flag, Long> flags = new EnumMap<>(Flag.class);
        final Map<Feature, Long> life = new EnumMap<>(Feature.class);
        final Map<When, Long> when = new EnumMap<>(When.class);

        void count(Oracle.Result r, When w) {
            cases++;
            buckets.merge(r.bucket(), 1L, Long::sum);
            r.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
            when.merge(w, 1L, Long::sum);
        }

        /** Keeps the first mismatch in (scenario, case) order, so a parallel run reports deterministically. */
        Tally merge(Tally o) {
            Tally t = new Tally();
            t.cases = cases + o.cases;
            t.scenarios = scenarios + o.scenarios;
            t.rejected = rejected + o.rejected;
            t.firstRejection = firstRejection != null ? firstRejection : o.firstRejection;
            t.mismatches = mismatches + o.mismatches;
            t.firstMismatch = earlier(firstMismatch, o.firstMismatch);
            t.flipsAtInstant = flipsAtInstant + o.flipsAtInstant;
            for (Tally x : List.of(this, o)) {
                x.buckets.forEach((k, v) -> t.buckets.merge(k, v, Long::sum));
                x.flags.forEach((k, v) -> t.flags.merge(k, v, Long::sum));
                x.life.forEach((k, v) -> t.life.merge(k, v, Long::sum));
                x.when.forEach((k, v) -> t.when.merge(k, v, Long::sum));
            }
            return t;
        }

        private static Mismatch earlier(Mismatch a, Mismatch b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            if (a.scenario() != b.scenario()) {
                return a.scenario() < b.scenario() ? a : b;
            }
            return a.caseIndex() <= b.caseIndex() ? a : b;
        }

        String report(long seed, long millis) {
            StringBuilder b = new StringBuilder();
            b.append("differential seed ").append(seed).append(": ").append(cases).append(" cases on ")
                    .append(scenarios).append(" scenarios in ").append(millis).append(" ms, ")
                    .append(mismatches).append(" disagreement(s), ").append(rejected)
                    .append(" generated scenario(s) rejected by core")
                    .append(firstRejection == null ? "" : " (first: " + firstRejection + ")").append('\n');
            b.append("  outcomes (oracle):   ").append(buckets).append('\n');
            b.append("  paths (oracle):      ").append(flags).append('\n');
            b.append("  generator features:  ").append(life).append('\n');
            b.append("  request instants:    ").append(when).append(", verdict changes exactly at t: ")
                    .append(flipsAtInstant);
            return b.toString();
        }
    }
}
