package trisec.node.store;

/**
 * Group commit for a store that writes commits to its file but does not force them to the disk: each caller whose
 * transaction has committed waits until one force that started after its commit has finished. Whoever finds no
 * force running starts one, on behalf of every commit made before it began; the others ride on it or on the next.
 */
final class Durability {
    /** For a store whose commit returns only once the commit is on disk (PostgreSQL with synchronous commit). */
    static final Durability BY_COMMIT = new Durability(null);

    private final Runnable force;
    private final Object counters = new Object();
    private final java.util.concurrent.locks.ReentrantLock forcing = new java.util.concurrent.locks.ReentrantLock();
    private long committed;
    private long forced;

    Durability(Runnable force) {
        this.force = force;
    }

    /** Returns once every commit made before this call is on disk. */
    void await() {
        if (force == null) {
            return;
        }
        long ticket;
        synchronized (counters) {
            ticket = ++committed;
        }
        forcing.lock();
        try {
            long upTo;
            synchronized (counters) {
                if (forced >= ticket) {
                    return;
                }
                upTo = committed;
            }
            force.run();
            synchronized (counters) {
                forced = upTo;
            }
        } finally {
            forcing.unlock();
        }
    }
}
