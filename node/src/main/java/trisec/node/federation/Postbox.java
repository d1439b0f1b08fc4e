package trisec.node.federation;

import trisec.node.base.Peer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.envelope.Envelope;
import trisec.envelope.Envelopes;
import trisec.node.base.Json;
import trisec.node.base.Self;
import trisec.node.base.Refusal;
import trisec.party.Party;

/**
 * Seals a message to a partner and commits it to the outbox in the caller's transaction: the envelope goes out
 * if and only if the action that sends it commits.
 *
 * <p>While the node runs its courier, a copy of an item is sent the moment its transaction commits, without
 * waiting for the courier's next round or taking another write for the claim: it is enqueued already leased to
 * this process, and the courier sends it after the commit (the fast path, docs/WARNINGS.md). Durability is the
 * outbox's as before; if the process dies first, the lease runs out (or the embedded store's restart resumes it)
 * and a round sends it. Other kinds keep the rounds, which keep their order.
 */
public final class Postbox {
    /**
     * The kinds sent at once: each is independent of every other message, so their order does not matter. A
     * consultation's step carries its opening, and a later draft or action state replaces an earlier one whichever
     * arrives first (docs/CONSULTATION.md).
     */
    private static final java.util.Set<String> EXPRESS = java.util.Set.of(Messages.ITEM, Messages.WARNING_ACK,
            Messages.CONSULTATION_OPENED, Messages.CONSULTATION_STEP);

    /** Sends a committed envelope, found by its message id, at once. */
    interface Express {
        void send(String messageId);
    }

    private final Self self;
    private volatile Express express;

    public Postbox(Self self) {
        this.self = self;
    }

    /** From now on, copies of items go out the moment their transaction commits (set by a running courier). */
    void expressVia(Express courier) {
        this.express = courier;
    }

    /** @return the message id */
    public String post(Handle h, Party to, Messages.Message message, String label, Optional<String> releaseId) {
        Peer peer = self.peers().of(to).orElseThrow(() -> Refusal.conflict("NO_PEER",
                "this node has no connection to " + to + "'s node (not in its peers file)"));
        UUID messageId = UUID.randomUUID();
        byte[] bytes = Json.write(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Envelope e = Envelopes.seal(self.keys(), peer.identity(), message.envelopeKind(), messageId, self.clock().instant(), label, bytes);
        Instant now = self.clock().instant();
        Express fast = express;
        if (fast != null && EXPRESS.contains(message.envelopeKind())) {
            Outbox.enqueue(h, messageId.toString(), to.code(), message.envelopeKind(), releaseId, Wire.encode(e), now,
                    now.plus(Courier.LEASE));
            // After the commit only; a row a savepoint rolled back is not found by then, and nothing is sent.
            h.afterCommit(() -> fast.send(messageId.toString()));
        } else {
            Outbox.enqueue(h, messageId.toString(), to.code(), message.envelopeKind(), releaseId, Wire.encode(e), now,
                    now);
        }
        return messageId.toString();
    }

    /**
     * The label as an envelope header carries it, authenticated with the envelope: banner, originator's level and
     * topic. The recipient checks it against the label inside the payload.
     */
    public static String header(trisec.label.ConfidentialityLabel l) {
        return trisec.label.Banner.render(l) + " | " + l.originator() + " " + l.level().name() + " | " + l.topic();
    }

    /** The header label of envelopes that carry no classified content (consent requests, notes). */
    public static final String UNCLASSIFIED_HEADER = "UNCLASSIFIED";

    public boolean reaches(Party party) {
        return self.peers().of(party).isPresent();
    }
}
