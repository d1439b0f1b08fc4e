package trisec.node.base;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * A node's background round, on its own virtual thread: the delivery worker, the log's integrator, the witness.
 * A round that says more work is waiting runs again at once; otherwise the next waits for the idle period, or
 * less if {@link #wake} is called. A round that fails is logged and retried a second later.
 */
public final class Worker implements AutoCloseable {
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final String name;
    private final Duration idle;
    private final BooleanSupplier round;
    private final Logger log;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** @param round one round; true when more work is waiting */
    public Worker(String name, Duration idle, BooleanSupplier round, Logger log) {
        this.name = name;
        this.idle = idle;
        this.round = round;
        this.log = log;
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            thread = Thread.ofVirtual().name(name).start(this::loop);
        }
    }

    /** Asks for the next round now rather than after the idle period. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!round.getAsBoolean()) {
                    wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // An Error too (memory run out while a request built a huge answer, say): a worker that died here
                // would leave a node that serves but never delivers, integrates or witnesses again.
                if (!running) {
                    return;
                }
                if (e instanceof Error) {
                    log.error("{} round failed: {}", name, e.toString());
                } else {
                    log.warn("{} round failed: {}", name, e.toString());
                }
                try {
                    Thread.sleep(AFTER_FAILURE);
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
