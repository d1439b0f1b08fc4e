package trisec.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import trisec.label.ConfidentialityLabel;
import trisec.option.Option;
import trisec.option.Reachability;
import trisec.option.ReachabilityDiff;
import trisec.option.SinglePoints;
import trisec.option.TopicTree;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.ScenarioFiles;
import trisec.topic.Topic;

/**
 * The options analysis of issue 13 on the shipped scenario, on one thread, against the baseline of one release
 * decision measured in the same run (a Korean Class II item to Japan, direct under the 2016 GSOMIA):
 *
 * <ul>
 *   <li>{@code fullMatrix}: the reachability matrix on one date, the policy compiled (130 decisions: 6 ordered pairs,
 *       5 topic rows, every level of the originator's scheme);</li>
 *   <li>{@code fullMatrixFromScenario}: the same with compiling the policy and the topic tree, as a first question on
 *       a scenario just changed costs;</li>
 *   <li>{@code optionDiff}: KOR's notice (the shipped option file, read once) applied to the scenario, both policies
 *       compiled, both matrices drawn and compared;</li>
 *   <li>{@code singlePoints}: every agreement in force and the hub failing in turn, each a changed copy of the
 *       scenario, its policy and its matrix.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Benchmark)
public class OptionsBenchmark {
    private Scenario scenario;
    private ReleasePolicy policy;
    private TopicTree tree;
    private Option notice;
    private ReleaseRequest direct;
    private Instant at;

    @Setup
    public void setUp() {
        scenario = ScenarioFiles.shipped();
        policy = ReleasePolicy.of(scenario);
        tree = TopicTree.of(scenario);
        notice = OptionFiles.shipped("kor-notice-2026.yaml", scenario);
        at = Instant.parse("2026-12-01T00:00:00Z");
        Party kor = Party.of("KOR");
        var label = ConfidentialityLabel.of(scenario.scheme(kor).level("군사Ⅱ급비밀"), Topic.of("dprk.missile"));
        direct = ReleaseRequest.fromOriginator(label, Party.of("JPN"), at);
        if (policy.decide(direct).route().size() != 2) {
            throw new IllegalStateException("the baseline request is no longer a direct release");
        }
        if (Reachability.of(policy, at, tree).entries().size() != 130) {
            throw new IllegalStateException("the shipped scenario's matrix no longer has 130 cells");
        }
        if (ReachabilityDiff.of(scenario, notice.applyTo(scenario), at).isEmpty()) {
            throw new IllegalStateException("KOR's notice no longer changes the matrix on " + at);
        }
    }

    @Benchmark
    public ReleaseDecision baselineDecide() {
        return policy.decide(direct);
    }

    @Benchmark
    public Reachability fullMatrix() {
        return Reachability.of(policy, at, tree);
    }

    @Benchmark
    public Reachability fullMatrixFromScenario() {
        return Reachability.of(scenario, at);
    }

    @Benchmark
    public ReachabilityDiff optionDiff() {
        return ReachabilityDiff.of(scenario, notice.applyTo(scenario), at);
    }

    @Benchmark
    public SinglePoints singlePoints() {
        return SinglePoints.of(scenario, at);
    }
}
