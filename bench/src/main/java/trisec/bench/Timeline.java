package trisec.bench;

import java.util.Map;

/**
 * One warning on the load generator's clock ({@link System#nanoTime()}): its item at the originator, its key in the
 * lists ({@code KOR/track}), the start and the return of the originator's API call, and what each partner's screen
 * saw of it.
 */
record Timeline(String itemId, String key, long start, long returned, Map<String, Seen> seen) {
    /**
     * At one partner: when its screen's {@code inbox} event for the warning came (-1 when a list showed the warning
     * before any event that can be its own), when the first list showing it came back (-1 when lists were not
     * timed), and whether an inbox event came before the warning could be listed.
     */
    record Seen(long event, long listed, boolean eventBeforeListable) {}

    /** The latency to the partner's inbox event in ms, or NaN if there is none to count. */
    double event(String partner) {
        long e = seen.get(partner).event();
        return e < 0 ? Double.NaN : Latencies.ms(e - start);
    }

    /** The latency to the first list showing the warning in ms, or NaN if lists were not timed. */
    double listed(String partner) {
        long l = seen.get(partner).listed();
        return l < 0 ? Double.NaN : Latencies.ms(l - start);
    }

    double call() {
        return Latencies.ms(returned - start);
    }
}
