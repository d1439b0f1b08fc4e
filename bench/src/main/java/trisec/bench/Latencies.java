package trisec.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Milliseconds and nearest-rank percentiles, as the load generators report them. */
final class Latencies {
    private Latencies() {}

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static List<Double> sorted(List<Double> v) {
        List<Double> out = new ArrayList<>(v);
        Collections.sort(out);
        return out;
    }

    /** The nearest-rank percentile of a sorted list; NaN for an empty one. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double max(List<Double> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.getLast();
    }
}
