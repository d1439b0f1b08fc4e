package trisec.bench;

import static trisec.bench.Latencies.max;
import static trisec.bench.Latencies.ms;
import static trisec.bench.Latencies.percentile;
import static trisec.bench.Latencies.sorted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warning benchmark's tables, in Markdown as docs/BENCHMARKS.md has them: latency per scenario and partner
 * against the target and the path's floor, where the time goes, and the floor itself.
 *
 * @param listCost  the median time of one {@code GET /api/v1/warnings} at Japan, by the number of warnings held
 * @param warmUp    warnings opened before the unloaded scenario
 */
record WarningReport(List<Timeline> unloaded, List<Timeline> burst, Map<String, WarningStamps> stamps,
                     PathBaseline baseline, int payloadBytes, Map<Integer, Double> listCost, int warmUp,
                     double burstSeconds) {
    /** The target: p99 at most 15 ms to every partner's screen. */
    static final double TARGET_MS = 15;
    /**
     * Durable commits that follow one another before each partner's screen is told (WarningLoad's class comment);
     * the baseline's floor counts them at one durable commit each.
     */
    static final Map<String, Integer> COMMITS = Map.of("USA", 3, "JPN", 5);

    void print() {
        double commit = baseline.micros(PathBaseline.COMMIT) / 1e3;
        Map<String, Double> crypto = Map.of("USA", baseline.micros(PathBaseline.DIRECT) / 1e3,
                "JPN", baseline.micros(PathBaseline.HUB) / 1e3);
        System.out.println();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), cpu(), Runtime.version(), loadAverage());
        System.out.println();
        System.out.println("| scenario | partner (route) | told by | p50 | p95 | p99 | max | p99 ≤ 15 ms | p50 ÷ crypto"
                + " | p50 ÷ (crypto + commits) |");
        System.out.println("|---|---|---|---:|---:|---:|---:|:---:|---:|---:|");
        var scenarios = List.of(Map.entry("unloaded, " + unloaded.size() + " one at a time", unloaded),
                Map.entry("burst, " + burst.size() + " in " + trim(burstSeconds) + " s", burst));
        for (var scenario : scenarios) {
            for (String partner : List.of("USA", "JPN")) {
                String route = partner.equals("USA") ? "USA (direct)" : "JPN (with the hub hop)";
                List<Double> event = new ArrayList<>();
                List<Double> listed = new ArrayList<>();
                for (Timeline t : scenario.getValue()) {
                    if (!Double.isNaN(t.event(partner))) {
                        event.add(t.event(partner));
                    }
                    listed.add(t.listed(partner));
                }
                double floor = crypto.get(partner);
                double withCommits = floor + COMMITS.get(partner) * commit;
                String how = scenario.getValue() == burst ? "inbox event (lower bound)" : "inbox event";
                row(scenario.getKey(), route, how, sorted(event), floor, withCommits);
                row(scenario.getKey(), route, "list showing it", sorted(listed), floor, withCommits);
            }
            row(scenario.getKey(), "KOR (originator)", "its API call returns",
                    sorted(scenario.getValue().stream().map(Timeline::call).toList()), Double.NaN, Double.NaN);
        }
        System.out.println();
        for (String partner : List.of("USA", "JPN")) {
            System.out.printf(Locale.ROOT, "%s: unloaded, %d of %d first inbox events came before the warning could"
                    + " be listed; burst, %d of %d warnings were listed before an event that can be their own%n",
                    partner, unloaded.stream().filter(t -> t.seen().get(partner).eventBeforeListable()).count(),
                    unloaded.size(), burst.stream().filter(t -> t.seen().get(partner).event() < 0).count(),
                    burst.size());
        }
        for (var scenario : scenarios) {
            long after = scenario.getValue().stream().map(t -> stamps.get(t.itemId())).filter(s -> s != null)
                    .filter(s -> s.usaHubDone() > s.usaDirectDone()).count();
            System.out.printf(Locale.ROOT, "%s: the USA took Japan's leg after its own copy for %d of %d warnings%n",
                    scenario.getKey(), after, scenario.getValue().size());
        }

        System.out.println();
        System.out.println("Where the time goes (the nodes' own stamps on this process's clock), ms:");
        System.out.println();
        System.out.println("| stage | unloaded p50 | p99 | burst p50 | p99 |");
        System.out.println("|---|---:|---:|---:|---:|");
        Map<String, List<Double>> u = WarningStamps.stages(unloaded, stamps);
        Map<String, List<Double>> b = WarningStamps.stages(burst, stamps);
        for (String stage : u.keySet()) {
            List<Double> bs = b.getOrDefault(stage, List.of());
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", stage, percentile(u.get(stage), 50),
                    percentile(u.get(stage), 99), percentile(bs, 50), percentile(bs, 99));
        }
        System.out.println();
        List<Double> toStamp = unloaded.stream().filter(t -> stamps.containsKey(t.itemId()))
                .map(t -> ms(stamps.get(t.itemId()).created() - t.start())).toList();
        int k = Math.min(20, toStamp.size());
        System.out.printf(Locale.ROOT, "call → KOR stamps the item, median: first %d unloaded warnings (%d to %d held)"
                + " %.1f ms; last %d (%d to %d held) %.1f ms%n", k, warmUp, warmUp + k,
                percentile(sorted(toStamp.subList(0, k)), 50), k, warmUp + toStamp.size() - k,
                warmUp + toStamp.size(), percentile(sorted(toStamp.subList(toStamp.size() - k, toStamp.size())), 50));
        listCost.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(Locale.ROOT,
                "GET /api/v1/warnings at JPN with %d warnings held, median: %.1f ms%n", e.getKey(), e.getValue()));

        System.out.println();
        System.out.printf(Locale.ROOT, "What the path cannot avoid, in the same run (medians of 300, before and after"
                + " the scenarios, averaged; payload: a real warning's delivery, %d B):%n", payloadBytes);
        System.out.println();
        System.out.println("| operation | median |");
        System.out.println("|---|---:|");
        baseline.micros().forEach((op, v) -> System.out.printf(Locale.ROOT, "| %s | %,.0f µs |%n", op, v));
        for (String partner : List.of("USA", "JPN")) {
            System.out.printf(Locale.ROOT, "| floor to %s's screen: its path's crypto + %d durable commits | %,.0f µs |%n",
                    partner, COMMITS.get(partner), (crypto.get(partner) + COMMITS.get(partner) * commit) * 1e3);
        }
    }

    private static void row(String scenario, String route, String how, List<Double> v, double crypto,
                            double withCommits) {
        double p99 = percentile(v, 99);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %s | %s |%n",
                scenario, route, how, percentile(v, 50), percentile(v, 95), p99, max(v),
                Double.isNaN(crypto) ? "" : p99 <= TARGET_MS ? "yes" : "no",
                Double.isNaN(crypto) ? "" : String.format(Locale.ROOT, "%.1f", percentile(v, 50) / crypto),
                Double.isNaN(withCommits) ? "" : String.format(Locale.ROOT, "%.1f", percentile(v, 50) / withCommits));
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.replaceFirst("^model name\\s*:\\s*", "")).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
