package trisec.node.log;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.node.base.Worker;

/**
 * Moves pending entries into the log and signs a checkpoint whenever it grew: every 200 ms at most, so an entry
 * is in a signed checkpoint well within a second of its action committing.
 */
public final class Integrator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Integrator.class);
    static final int BATCH = 10_000;
    static final long PERIOD_MILLIS = 200;

    private final AuditLog auditLog;
    private final Worker worker;

    public Integrator(AuditLog auditLog) {
        this.auditLog = auditLog;
        this.worker = new Worker("integrator", Duration.ofMillis(PERIOD_MILLIS), this::round, log);
    }

    public void start() {
        worker.start();
    }

    /**
     * One round: integrates at most one batch and signs a checkpoint if the log grew, so that checkpoints keep
     * coming while appends outpace integration. Returns whether entries are still pending.
     */
    synchronized boolean round() {
        int integrated = auditLog.integrate(BATCH);
        auditLog.checkpoint();
        return integrated == BATCH;
    }

    /** Integrates everything pending and signs a checkpoint (tests, start-up, shutdown). */
    public synchronized AuditLog.Head integrateNow() {
        while (round()) {
            // until nothing is left
        }
        return auditLog.head();
    }

    public void wake() {
        worker.wake();
    }

    /** Waits for a round in progress, then stops. */
    @Override
    public synchronized void close() {
        worker.close();
    }
}
