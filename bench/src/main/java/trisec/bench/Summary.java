package trisec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a JMH JSON result file into the Markdown table of docs/BENCHMARKS.md: median throughput, time per
 * operation, ratio to the baseline of the same run, and allocation per operation when the GC profiler ran.
 */
public final class Summary {
    private Summary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Summary RESULTS.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        var baselines = new java.util.HashMap<String, Double>();
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().contains(".baseline")) {
                baselines.put(benchmarkClass(r), nanosPerOp(r));
            }
        }
        System.out.println("| benchmark | median ops/s | ns/op | × baseline time | B/op |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.') + 1);
            double ns = nanosPerOp(r);
            Double baseline = baselines.get(benchmarkClass(r));
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.1f | %.1f | %s |%n", name, 1e9 / ns, ns,
                    baseline == null ? Double.NaN : ns / baseline,
                    alloc.isMissingNode() ? "–" : String.format(Locale.ROOT, "%,.0f", alloc.path("score").asDouble()));
        }
    }

    private static String benchmarkClass(JsonNode r) {
        String b = r.get("benchmark").asText();
        return b.substring(0, b.lastIndexOf('.'));
    }

    /** The median in nanoseconds per operation, whatever mode and unit JMH reported it in. */
    private static double nanosPerOp(JsonNode r) {
        JsonNode metric = r.path("primaryMetric");
        double median = metric.path("scorePercentiles").path("50.0").asDouble();
        String unit = metric.path("scoreUnit").asText();
        String[] parts = unit.split("/");
        boolean throughput = parts[0].equals("ops");
        double seconds = switch (throughput ? parts[1] : parts[0]) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        // ops per time unit, or time units per op
        return throughput ? seconds * 1e9 / median : median * seconds * 1e9;
    }
}
