package trisec.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;
import trisec.topic.Topic;

/**
 * One release decision on the shipped scenario, on one thread: a direct permit (KOR → JPN under the 2016
 * GSOMIA), a hub permit (KOR → USA → JPN under TISA in 2015), a deny that explains every route it tried (Class I
 * to Japan) and a deny by caveat (NOFORN). The baseline is one {@code HashMap.get} of a short string, measured
 * in the same run, so figures from noisy machines compare as ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Benchmark)
public class DecisionBenchmark {
    private ReleasePolicy policy;
    private ReleaseRequest direct;
    private ReleaseRequest hub;
    private ReleaseRequest explainedDeny;
    private ReleaseRequest nofornDeny;
    private final Map<String, Integer> map = new HashMap<>();
    private String key;

    @Setup
    public void setUp() {
        Scenario scenario = ScenarioFiles.shipped();
        policy = ReleasePolicy.of(scenario);
        Party kor = Party.of("KOR");
        Party jpn = Party.of("JPN");
        var classTwo = ConfidentialityLabel.of(scenario.scheme(kor).level("군사Ⅱ급비밀"), Topic.of("dprk.missile.warning"));
        var classOne = ConfidentialityLabel.of(scenario.scheme(kor).level("군사Ⅰ급비밀"), Topic.of("dprk.missile"));
        direct = ReleaseRequest.fromOriginator(classTwo, jpn, Instant.parse("2017-03-01T00:00:00Z"));
        hub = ReleaseRequest.fromOriginator(classTwo, jpn, Instant.parse("2015-06-01T00:00:00Z"));
        explainedDeny = ReleaseRequest.fromOriginator(classOne, jpn, Instant.parse("2017-03-01T00:00:00Z"));
        nofornDeny = ReleaseRequest.fromOriginator(classTwo.withCaveats(Set.of(Caveat.NOFORN)), jpn,
                Instant.parse("2017-03-01T00:00:00Z"));
        check(direct, Verdict.PERMIT, 2);
        check(hub, Verdict.PERMIT, 3);
        check(explainedDeny, Verdict.DENY, 0);
        check(nofornDeny, Verdict.DENY, 0);
        for (String p : new String[] {"USA", "KOR", "JPN", "AUS", "PHL", "GBR", "CAN", "NZL"}) {
            map.put(p, p.hashCode());
        }
        key = new String("JPN".toCharArray()); // not the interned literal, like a parsed request
    }

    private void check(ReleaseRequest request, Verdict verdict, int routeLength) {
        ReleaseDecision d = policy.decide(request);
        if (d.verdict() != verdict || d.route().size() != routeLength) {
            throw new IllegalStateException("benchmark request no longer decides as intended: " + d);
        }
    }

    @Benchmark
    public Integer baselineHashMapGet() {
        return map.get(key);
    }

    @Benchmark
    public ReleaseDecision directPermit() {
        return policy.decide(direct);
    }

    @Benchmark
    public ReleaseDecision hubPermit() {
        return policy.decide(hub);
    }

    @Benchmark
    public ReleaseDecision explainedDeny() {
        return policy.decide(explainedDeny);
    }

    @Benchmark
    public ReleaseDecision nofornDeny() {
        return policy.decide(nofornDeny);
    }
}
