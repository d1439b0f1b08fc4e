package trisec.node.federation;

import trisec.node.base.Peer;
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
 */
public final class Postbox {
    private final Self self;

    public Postbox(Self self) {
        this.self = self;
    }

    /** @return the message id */
    public String post(Handle h, Party to, Messages.Message message, String label, Optional<String> releaseId) {
        Peer peer = self.peers().of(to).orElseThrow(() -> Refusal.conflict("NO_PEER",
                "this node has no connection to " + to + "'s node (not in its peers file)"));
        UUID messageId = UUID.randomUUID();
        byte[] bytes = Json.write(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Envelope e = Envelopes.seal(self.keys(), peer.identity(), message.envelopeKind(), messageId, self.clock().instant(), label, bytes);
        Outbox.enqueue(h, messageId.toString(), to.code(), message.envelopeKind(), releaseId, Wire.encode(e), self.clock().instant());
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
