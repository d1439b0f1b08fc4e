package trisec.node.base;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A signal, after a commit, that something people watch has changed (an item received, a release moved on, a
 * consent asked or answered), for the web pages' live updates. Carries only a topic, never content.
 *
 * <p>The services that signal (the courier, the reception of partner messages) must never wait on a browser:
 * each listener is called on its own virtual thread, and while it is busy its pending topics are merged, so a
 * stalled connection holds up nothing but itself and queues at most one signal per topic.
 */
public final class Changes {
    public static final String INBOX = "inbox";
    public static final String OUTBOX = "outbox";
    public static final String CONSENTS = "consents";
    /** The node's own items (created, retracted, reclassified). */
    public static final String ITEMS = "items";

    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

    public AutoCloseable subscribe(Consumer<String> listener) {
        Listener l = new Listener(listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Tells every listener, without waiting for any of them. */
    public void signal(String topic) {
        for (Listener l : listeners) {
            l.offer(topic);
        }
    }

    int listeners() {
        return listeners.size();
    }

    private final class Listener {
        private final Consumer<String> consumer;
        private final Set<String> pending = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean();

        Listener(Consumer<String> consumer) {
            this.consumer = consumer;
        }

        void offer(String topic) {
            pending.add(topic);
            if (running.compareAndSet(false, true)) {
                Thread.ofVirtual().name("changes").start(this::drain);
            }
        }

        private void drain() {
            while (true) {
                for (String topic : pending) {
                    pending.remove(topic);
                    try {
                        consumer.accept(topic);
                    } catch (RuntimeException e) {
                        listeners.remove(this); // a listener that fails (a closed connection) is dropped
                        running.set(false);
                        return;
                    }
                }
                running.set(false);
                // A topic offered after the loop but before running was cleared would wait for the next signal.
                if (pending.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }
}
