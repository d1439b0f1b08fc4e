package trisec.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command running until Ctrl-C (or SIGTERM), then closes what it started, cleanly. */
final class UntilInterrupted {
    private UntilInterrupted() {}

    static void run(AutoCloseable running) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("trisec: stopping failed: " + e.getClass().getSimpleName());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
