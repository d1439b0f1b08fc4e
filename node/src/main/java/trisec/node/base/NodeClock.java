package trisec.node.base;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The node's sense of now. In normal running it is the system clock; with {@code --as-of} it starts at the
 * given instant and advances in real time, so that an exercise or a replay of history (TISA in 2015, the 2019
 * notice) runs on the agreements as they stood then.
 */
public final class NodeClock implements InstantSource {
    private final Instant start;
    private final long startNanos;

    private NodeClock(Instant start) {
        this.start = start;
        this.startNanos = System.nanoTime();
    }

    public static NodeClock system() {
        return new NodeClock(null);
    }

    public static NodeClock asOf(Instant start) {
        return new NodeClock(start);
    }

    boolean isReplay() {
        return start != null;
    }

    @Override
    public Instant instant() {
        return start == null ? Instant.now() : start.plusNanos(System.nanoTime() - startNanos);
    }
}
