package trisec.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import trisec.node.Node;
import trisec.party.Party;

/**
 * Each node's clock runs from the day it replays on this process's {@link System#nanoTime()} (NodeClock), so the
 * offset of each, read once, maps its stamps onto the load generator's clock to within the read's own duration.
 */
final class NodeClocks {
    private final Map<Party, Long> offsets = new HashMap<>();

    NodeClocks(Map<Party, Node> nodes) {
        nodes.forEach((p, n) -> {
            long before = System.nanoTime();
            Instant t = n.self().clock().instant();
            long after = System.nanoTime();
            offsets.put(p, epochNanos(t) - (before + after) / 2);
        });
    }

    /** A stamp of {@code p}'s node on the load generator's clock. */
    long nanos(Party p, Instant t) {
        return epochNanos(t) - offsets.get(p);
    }

    private static long epochNanos(Instant t) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, t);
    }
}
