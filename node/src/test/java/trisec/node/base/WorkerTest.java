package trisec.node.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A background round that fails goes on: a worker that died would leave a node serving but never delivering. */
class WorkerTest {
    @Test
    void aRoundThatFailsEvenWithAnErrorIsRunAgain() throws Exception {
        var rounds = new AtomicInteger();
        var third = new CountDownLatch(1);
        try (var worker = new Worker("test", Duration.ofMillis(10), () -> {
            int n = rounds.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("first round fails");
            }
            if (n == 2) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            third.countDown();
            return false;
        }, LoggerFactory.getLogger(WorkerTest.class))) {
            worker.start();
            assertThat(third.await(20, TimeUnit.SECONDS)).as("a third round ran").isTrue();
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(3);
    }
}
