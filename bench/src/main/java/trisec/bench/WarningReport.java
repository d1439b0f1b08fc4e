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
 * @param scenarios the unloaded one first
 * @param listCost  the median time of one {@code GET /api/v1/warnings} at Japan, by the number of warnings held
 * @param warmUp    warnings opened before the unloaded scenario
 */
record WarningReport(List<Scenario> scenarios, Map<String, WarningStamps> stamps, PathBaseline baseline,
                     int payloadBytes, Map<Integer, Double> listCost, int warmUp) {
    /** The target: p99 at most 15 ms to every partner's screen. */
    static final double TARGET_MS = 15;
    /**
     * Durable commits that follow one another before each partner's screen is told (WarningLoad's class comment);
     * the floor counts each at one durable commit of the baseline.
     */
    static final Map<String, Integer> COMMITS = Map.of("USA", 2, "JPN", 3);

    /**
     * A scenario's warnings, whether their events are exact (one warning in flight) or lower bounds, and what else
     * it has to say.
     */
    record Scenario(String name, List<Timeline> timelines, boolean exact, List<String> notes) {}

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
        for (Scenario scenario : scenarios) {
            for (String partner : List.of("USA", "JPN")) {
                String route = partner.equals("USA") ? "USA (direct)" : "JPN (with the hub hop)";
                List<Double> event = new ArrayList<>();
                List<Double> listed = new ArrayList<>();
                for (Timeline t : scenario.timelines()) {
                    if (!Double.isNaN(t.event(partner))) {
                        event.add(t.event(partner));
                    }
                    if (!Double.isNaN(t.listed(partner))) {
                        listed.add(t.listed(partner));
                    }
                }
                double floor = crypto.get(partner);
                double withCommits = floor + COMMITS.get(partner) * commit;
                row(scenario.name(), route, scenario.exact() ? "inbox event" : "inbox event (lower bound)",
                        sorted(event), floor, withCommits);
                if (!listed.isEmpty()) {
                    row(scenario.name(), route, "list showing it", sorted(listed), floor, withCommits);
                }
            }
            row(scenario.name(), "KOR (originator)", "its API call returns",
                    sorted(scenario.timelines().stream().map(Timeline::call).toList()), Double.NaN, Double.NaN);
        }
        System.out.println();
        for (Scenario scenario : scenarios) {
            List<String> notes = new ArrayList<>(scenario.notes());
            for (String partner : List.of("USA", "JPN")) {
                long early = scenario.timelines().stream().filter(t -> t.seen().get(partner).eventBeforeListable())
                        .count();
                long listedFirst = scenario.timelines().stream().filter(t -> t.seen().get(partner).event() < 0)
                        .count();
                notes.add(scenario.exact()
                        ? String.format(Locale.ROOT, "%s: %d first events came before the warning could be listed",
                                partner, early)
                        : String.format(Locale.ROOT, "%s: %d listed before an event that can be their own", partner,
                                listedFirst));
            }
            long hubAfter = scenario.timelines().stream().map(t -> stamps.get(t.itemId())).filter(s -> s != null)
                    .filter(s -> s.usaHubDone() > s.usaDirectDone()).count();
            notes.add(String.format(Locale.ROOT, "the USA took Japan's leg after its own copy for %d of %d", hubAfter,
                    scenario.timelines().size()));
            System.out.printf(Locale.ROOT, "%s: %s%n", scenario.name(), String.join("; ", notes));
        }

        System.out.println();
        System.out.println("Where the time goes (the nodes' own stamps on this process's clock), ms, p50 / p99:");
        System.out.println();
        StringBuilder head = new StringBuilder("| stage |");
        StringBuilder rule = new StringBuilder("|---|");
        List<Map<String, List<Double>>> stages = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            head.append(' ').append(scenario.name()).append(" |");
            rule.append("---:|");
            stages.add(WarningStamps.stages(scenario.timelines(), stamps));
        }
        System.out.println(head);
        System.out.println(rule);
        for (String stage : stages.getFirst().keySet()) {
            StringBuilder line = new StringBuilder("| ").append(stage).append(" |");
            for (var st : stages) {
                List<Double> v = st.getOrDefault(stage, List.of());
                line.append(String.format(Locale.ROOT, " %.1f / %.1f |", percentile(v, 50), percentile(v, 99)));
            }
            System.out.println(line);
        }
        System.out.println();
        List<Timeline> unloaded = scenarios.getFirst().timelines();
        List<Double> toStamp = unloaded.stream().filter(t -> stamps.containsKey(t.itemId()))
                .map(t -> ms(stamps.get(t.itemId()).created() - t.start())).toList();
        int k = Math.min(20, toStamp.size());
        if (k > 0) {
            System.out.printf(Locale.ROOT, "call → KOR stamps the item, median: first %d unloaded warnings (%d to %d"
                    + " held) %.1f ms; last %d (%d to %d held) %.1f ms%n", k, warmUp, warmUp + k,
                    percentile(sorted(toStamp.subList(0, k)), 50), k, warmUp + toStamp.size() - k,
                    warmUp + toStamp.size(), percentile(sorted(toStamp.subList(toStamp.size() - k, toStamp.size())),
                            50));
        }
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
