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
        double baseline = Double.NaN;
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().contains("baseline")) {
                baseline = median(r);
            }
        }
        System.out.println("| benchmark | median ops/s | ns/op | × baseline time | B/op |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.') + 1);
            double ops = median(r);
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %s |%n", name, ops, 1e9 / ops,
                    Double.isNaN(baseline) ? Double.NaN : baseline / ops,
                    alloc.isMissingNode() ? "–" : String.format(Locale.ROOT, "%.0f", alloc.path("score").asDouble()));
        }
    }

    private static double median(JsonNode result) {
        return result.path("primaryMetric").path("scorePercentiles").path("50.0").asDouble();
    }
}
