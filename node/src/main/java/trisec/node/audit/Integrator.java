package trisec.node.audit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves pending entries into the log and signs a checkpoint whenever it grew: every 200 ms at most, so an entry
 * is in a signed checkpoint well within a second of its action committing.
 */
public final class Integrator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Integrator.class);
    static final int BATCH = 10_000;
    static final long PERIOD_MILLIS = 200;

    private final AuditLog auditLog;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public Integrator(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            thread = Thread.ofVirtual().name("integrator").start(this::loop);
        }
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
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!round()) {
                    wake.tryAcquire(PERIOD_MILLIS, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("integration round failed: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
