package trisec.node.federation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.node.base.Worker;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.store.Store;

/**
 * Admission control at the federation endpoint. Anyone who can reach a node can post envelopes to it; those that
 * are refused before they can be opened (malformed, misaddressed, from a party that is not a partner, with a bad
 * signature) are counted per source — the client's address and the sender the envelope claims — and each address
 * may have only so many refused: past its budget it is answered {@code 429} at once, before any cryptography or
 * storage. (The budget is the address's, not the claim's: a claim is the sender's to choose, and a fresh one for
 * every envelope would otherwise be a fresh budget.) An envelope in a partner's name is not throttled but always has its signature checked, so that a forger
 * cannot silence a partner by spending its budget; a forgery costs the node one check and no write. Refusals are
 * not written to the audit log one by one, which would let anyone grow the log without bound: every
 * {@link #INTERVAL} the tally of the interval becomes one entry, with a few message ids per source as evidence.
 */
public final class Admission implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Refusals a source may have at once, and how many more it may have per second after that. */
    static final int BURST = 20;
    static final double PER_SECOND = 2;
    /** Addresses tracked at once; past this the one heard from least recently is forgotten (its budget full again). */
    static final int MAX_ADDRESSES = 10_000;
    /** Sources named one by one in an interval's entry; the rest are summed under "others". */
    static final int NAMED_SOURCES = 50;
    static final int SAMPLES = 3;

    private final Store store;
    private final InstantSource clock;
    /** Budgets by address, least recently used first; bounded, so that many addresses cannot grow it. */
    private final Map<String, Budget> budgets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
    private final Object tallyLock = new Object();
    private Map<String, Tally> tally = new LinkedHashMap<>();
    private Instant since;
    private final Worker worker;

    public Admission(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.since = clock.instant();
        this.worker = new Worker("admission", INTERVAL, () -> {
            flush();
            return false;
        }, log);
    }

    public void start() {
        worker.start();
    }

    /** The source of an envelope: where it came from, and who it says it is from ({@code ?} when unreadable). */
    public static String source(String address, String claimedSender) {
        return address + " as " + claimedSender;
    }

    /** Whether an address still has budget for refusals; one that has none is answered 429 at once. */
    boolean admits(String address) {
        Budget b;
        synchronized (budgets) {
            b = budgets.get(address);
        }
        return b == null || b.available(System.nanoTime()) >= 1;
    }

    /** Counts a refusal of an envelope from the source, and takes it from its address's budget. */
    public void refused(String address, String claimedSender, String reason, String messageId) {
        Budget b;
        synchronized (budgets) {
            b = budgets.computeIfAbsent(address, a -> new Budget());
        }
        b.take(System.nanoTime());
        count(source(address, claimedSender), reason, messageId);
    }

    /** How many addresses have a budget on record. */
    int addresses() {
        synchronized (budgets) {
            return budgets.size();
        }
    }

    /** Counts an envelope that was not even looked at: its source had no budget left. */
    public void throttled(String source) {
        count(source, "throttled", null);
    }

    private void count(String source, String reason, String messageId) {
        synchronized (tallyLock) {
            if (!tally.containsKey(source) && tally.size() >= NAMED_SOURCES) {
                source = "others";
            }
            Tally t = tally.computeIfAbsent(source, s -> new Tally());
            t.reasons.merge(reason, 1L, Long::sum);
            if (messageId != null && t.samples.size() < SAMPLES) {
                t.samples.add(messageId);
            }
        }
    }

    /**
     * Writes the interval's tally as one audit entry, if anything was refused in it (the worker calls this every
     * {@link #INTERVAL}; tests call it by hand). Returns how many envelopes the entry counts.
     */
    public long flush() {
        Map<String, Tally> done;
        Instant from;
        Instant to = clock.instant();
        synchronized (tallyLock) {
            if (tally.isEmpty()) {
                since = to;
                return 0;
            }
            done = tally;
            from = since;
            tally = new LinkedHashMap<>();
            since = to;
        }
        long total = 0;
        var sources = new LinkedHashMap<String, Object>();
        for (var e : done.entrySet()) {
            long n = e.getValue().reasons.values().stream().mapToLong(Long::longValue).sum();
            total += n;
            var m = new LinkedHashMap<String, Object>();
            m.put("count", n);
            m.put("reasons", new TreeMap<>(e.getValue().reasons));
            if (!e.getValue().samples.isEmpty()) {
                m.put("messages", List.copyOf(e.getValue().samples));
            }
            sources.put(e.getKey(), m);
        }
        long count = total;
        try {
            store.useTransaction(h -> AuditLog.append(h, AuditEntry.of(AuditEntry.Type.ENVELOPES_REFUSED, to,
                    "unverified").with("from", from.toString()).with("count", count).with("sources", sources)));
        } catch (RuntimeException e) {
            // Not written: the counts go back into the tally, to be written with the next interval's.
            synchronized (tallyLock) {
                done.forEach((source, t) -> {
                    Tally into = tally.computeIfAbsent(source, k -> new Tally());
                    t.reasons.forEach((reason, n) -> into.reasons.merge(reason, n, Long::sum));
                    t.samples.stream().limit(SAMPLES - into.samples.size()).forEach(into.samples::add);
                });
                since = from;
            }
            throw e;
        }
        log.warn("refused {} envelopes from {} sources since {}", count, sources.size(), from);
        return count;
    }

    @Override
    public void close() {
        worker.close();
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not record the last refusals: {}", e.toString());
        }
    }

    private static final class Tally {
        final Map<String, Long> reasons = new TreeMap<>();
        final List<String> samples = new java.util.ArrayList<>();
    }

    /** A token bucket: {@link #BURST} tokens, refilled at {@link #PER_SECOND}. */
    private static final class Budget {
        private double tokens = BURST;
        private long at = System.nanoTime();

        synchronized double available(long now) {
            refill(now);
            return tokens;
        }

        synchronized void take(long now) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
        }

        private void refill(long now) {
            tokens = Math.min(BURST, tokens + (now - at) / 1e9 * PER_SECOND);
            at = now;
        }
    }
}
