package trisec.node.federation;

import trisec.node.base.Peer;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.node.base.Json;
import trisec.node.base.PeerClient;
import trisec.node.base.Self;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.log.ReceiptChecks;
import trisec.party.Party;

/**
 * The delivery worker: sends what the outbox holds, records each signed receipt in the same transaction that
 * marks the envelope done, and retries failures with exponential back-off. Claims are leased, so a crash mid-send
 * means the envelope is sent again after the lease, and the recipient's inbox turns that into a no-op.
 *
 * <p>Copies of items do not wait for a round: the {@link Postbox} enqueues them leased to this process and hands
 * them here the moment their transaction commits ({@link #express}), so the first attempt takes no write of its
 * own. A failed attempt backs off like any other, and the rounds take over.
 */
public final class Courier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final Self self;
    private final PeerClient client;
    private final Map<String, DeliveryHandler> handlers;
    private final trisec.node.base.Worker worker;
    private final Postbox postbox;
    /** As many as a round sends at once. */
    static final int EXPRESS_PER_PEER = 16;
    private final Map<String, java.util.concurrent.Semaphore> expressGates =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService expressLane =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("express-", 0).factory());

    /** @param handlers what each kind of message is for, told when its answer comes back (by the features) */
    public Courier(Self self, PeerClient client, Postbox postbox, List<DeliveryHandler> handlers) {
        this.self = self;
        this.client = client;
        this.postbox = postbox;
        var byKind = new java.util.HashMap<String, DeliveryHandler>();
        for (DeliveryHandler handler : handlers) {
            if (byKind.put(Messages.kindOf(handler.type()), handler) != null) {
                throw new IllegalArgumentException("two delivery handlers for " + handler.type().getSimpleName());
            }
        }
        this.handlers = Map.copyOf(byKind);
        this.worker = new trisec.node.base.Worker("courier-" + self.party(), Duration.ofMillis(250),
                () -> deliverDue() > 0, log);
    }

    public void start() {
        if (!self.store().isPostgres()) {
            // The embedded store has one process: leases and back-offs on record are a previous life's.
            self.store().useTransaction(h -> Outbox.resumeAll(h, self.clock().instant()));
        }
        worker.start();
        postbox.expressVia(this::express);
    }

    /**
     * Sends one committed envelope now, on its own thread, if it is still waiting for its first attempt (a round
     * that found its lease run out may have sent it meanwhile; the recipient's inbox makes a second send a no-op).
     */
    void express(String messageId) {
        try {
            expressLane.execute(() -> self.store().read(h -> Outbox.byMessage(h, messageId))
                    .filter(r -> r.state().equals(OutboxRow.PENDING) && r.attempts() == 0)
                    .ifPresent(this::expressDeliver));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The node is stopping: the envelope is on record, and a later round (or the next start) sends it.
        }
    }

    /**
     * A peer answers again (its log was just witnessed): what waits for it in a long back-off goes now, rather
     * than minutes after it came back.
     */
    public void peerAnswers(Party peer) {
        Instant now = self.clock().instant();
        if (self.store().read(h -> Outbox.waitingBeyond(h, peer.code(), now.plus(LEASE)))) {
            self.store().useTransaction(h -> Outbox.resumePeer(h, peer.code(), now, LEASE));
            wake();
        }
    }

    /** Asks the worker to look at the outbox now rather than at its next tick. */
    public void wake() {
        worker.wake();
    }

    /** At most {@link #EXPRESS_PER_PEER} fast-path sends to one partner at a time; the others wait their turn. */
    private void expressDeliver(OutboxRow row) {
        var gate = expressGates.computeIfAbsent(row.peer(), p -> new java.util.concurrent.Semaphore(EXPRESS_PER_PEER));
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            // Only while its lease outlasts a whole attempt; later, a round (which leases it anew) sends it.
            if (row.nextAttemptAt().isAfter(self.clock().instant().plus(PeerClient.LONGEST_SEND))) {
                deliver(row);
            }
        } finally {
            gate.release();
        }
    }

    @Override
    public void close() {
        postbox.expressVia(null);
        worker.close();
        expressLane.shutdownNow();
        try {
            if (!expressLane.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("express deliveries still running after 10 s; their envelopes are sent again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round: claims the due envelopes (leasing them), sends each, records the outcomes. */
    public int deliverDue() {
        Instant now = self.clock().instant();
        // Most rounds find nothing due (the fast path sent it); looking costs no turn at the store's one writer.
        if (!self.store().read(h -> Outbox.anyDue(h, now))) {
            return 0;
        }
        List<OutboxRow> due = self.store().inTransaction(h -> {
            List<OutboxRow> rows = Outbox.claimDue(h, now, 16);
            for (OutboxRow r : rows) {
                Outbox.retryLater(h, r.id(), r.attempts(), now.plus(LEASE), r.lastError().orElse("sending"));
            }
            return rows;
        });
        // Item deliveries are independent of one another, so they go out together; everything else (agreement
        // notes, notices, consents) keeps its order, after the items of the same round.
        List<OutboxRow> items = due.stream().filter(r -> r.kind().equals(Messages.ITEM)).toList();
        if (items.size() > 1) {
            try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                items.forEach(r -> parallel.submit(() -> deliver(r)));
            }
        } else {
            items.forEach(this::deliver);
        }
        due.stream().filter(r -> !r.kind().equals(Messages.ITEM)).forEach(this::deliver);
        return due.size();
    }

    private void deliver(OutboxRow row) {
        Party peerParty = Party.of(row.peer());
        Optional<Peer> peer = self.peers().of(peerParty);
        if (peer.isEmpty()) {
            failed(row, "no peer " + row.peer() + " in the peers file");
            return;
        }
        PeerClient.Answer response;
        try {
            response = client.sendEnvelope(peer.get(), row.envelope());
        } catch (IOException e) {
            failed(row, "cannot reach " + row.peer() + ": " + e.getClass().getSimpleName());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Optional<SignedReceipt> receipt = receiptOf(response, row, peer.get());
        if (receipt.isEmpty()) {
            failed(row, row.peer() + " answered " + response.status() + ": " + abbreviate(response.body()));
            return;
        }
        self.store().useTransaction(h -> {
            settle(h, row, receipt.get());
            Outbox.done(h, row.id());
        });
        self.changes().signal(trisec.node.base.Changes.OUTBOX);
    }

    /** A signed receipt for this very message, from the peer it was sent to, or nothing. */
    private Optional<SignedReceipt> receiptOf(PeerClient.Answer response, OutboxRow row, Peer peer) {
        try {
            SignedReceipt receipt;
            if (response.status() == 200) {
                receipt = Json.read(response.body(), SignedReceipt.class);
            } else if (response.status() == 409) {
                receipt = Json.MAPPER.treeToValue(Json.MAPPER.readTree(response.body()).path("receipt"),
                        SignedReceipt.class);
            } else {
                return Optional.empty();
            }
            if (receipt == null || receipt.receipt() == null || !row.messageId().equals(receipt.receipt().messageId())
                    || !MessageSignatures.verifyReceipt(peer.identity(), receipt)) {
                log.warn("{} sent a receipt that does not verify for message {}", row.peer(), row.messageId());
                return Optional.empty();
            }
            return Optional.of(receipt);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Applies a receipt: the release it answers moves on, and a hub relays the final answer to the originator. */
    private void settle(Handle h, OutboxRow row, SignedReceipt signed) {
        Receipt r = signed.receipt();
        Instant now = self.clock().instant();
        boolean refused = Messages.REFUSED.equals(r.outcome());
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.DELIVERY, now, self.party().code())
                .with("kind", row.kind()).with("message", row.messageId()).with("to", row.peer())
                .with("release", row.releaseId()).with("outcome", r.outcome()).with("signer", r.signer())
                .with("recipientLevel", r.recipientLevel()).with("reason", r.reason()));
        expectLogged(h, r, now);
        DeliveryHandler handler = handlers.get(row.kind());
        if (handler != null) {
            handler.answered(h, row, signed, now);
        } else if (refused) {
            log.warn("{} refused {} {}: {}", row.peer(), row.kind(), row.messageId(), r.reason());
        }
    }

    /** A receipt naming the signer's RECEIVED entry is checked against its log once witnessed (Witness). */
    public static void expectLogged(Handle h, Receipt r, Instant now) {
        if (r.logIndex() != null && r.logLeaf() != null) {
            ReceiptChecks.expect(h, r.signer(), r.messageId(), r.logIndex(), r.logLeaf(), now);
        }
    }

    private void failed(OutboxRow row, String error) {
        int attempts = row.attempts() + 1;
        long backoff = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20));
        Instant next = self.clock().instant().plusMillis(backoff);
        self.store().useTransaction(h -> {
            Outbox.retryLater(h, row.id(), attempts, next, error);
            DeliveryHandler handler = handlers.get(row.kind());
            if (handler != null) {
                handler.retrying(h, row, self.clock().instant());
            }
        });
        self.changes().signal(trisec.node.base.Changes.OUTBOX);
        log.info("delivery of {} {} to {} failed (attempt {}), next in {} ms: {}", row.kind(), row.messageId(),
                row.peer(), attempts, backoff, error);
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
