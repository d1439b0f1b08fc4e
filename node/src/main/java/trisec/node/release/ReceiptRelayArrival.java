package trisec.node.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Json;
import trisec.node.base.Peer;
import trisec.node.base.Self;
import trisec.node.federation.Courier;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.ReceiptRelay;
import trisec.party.Party;

/** The hub passes on the final recipient's receipt for a release this node made through it. */
final class ReceiptRelayArrival implements MessageHandler<ReceiptRelay> {
    private final Self self;
    private final List<ReleaseDelivered> onDelivered;

    ReceiptRelayArrival(Self self, List<ReleaseDelivered> onDelivered) {
        this.self = self;
        this.onDelivered = List.copyOf(onDelivered);
    }

    @Override
    public Class<ReceiptRelay> type() {
        return ReceiptRelay.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ReceiptRelay r) {
        Party sender = m.sender();
        if (r.receipt() == null || r.receipt().receipt() == null || r.originRelease() == null) {
            throw new MessageRefused("the relay lacks its receipt");
        }
        TrackedRelease release = Releases.lock(h, self.facts().scenario(), r.originRelease())
                .orElseThrow(() -> new MessageRefused("no release " + r.originRelease() + " here"));
        if (!release.release().hub().equals(Optional.of(sender))) {
            throw new MessageRefused(sender + " is not the hub of release " + release.id());
        }
        Party signer = release.recipient();
        var identity = self.peers().of(signer).map(Peer::identity);
        if (identity.isEmpty() || !MessageSignatures.verifyReceipt(identity.get(), r.receipt())) {
            throw new MessageRefused("the relayed receipt is not " + signer + "'s signature");
        }
        Receipt final_ = r.receipt().receipt();
        // The recipient's answer to the delivery of this very item, for a release not yet settled: any other
        // receipt the recipient signed (for another message, another item) proves nothing about this one.
        if (!Messages.ITEM.equals(final_.kind()) || !release.itemId().equals(final_.itemId())) {
            throw new MessageRefused("the relayed receipt does not answer the delivery of item " + release.itemId());
        }
        if (release.status() == ReleaseStatus.DELIVERED || release.status() == ReleaseStatus.REFUSED) {
            throw new MessageRefused("release " + release.id() + " is already settled");
        }
        if (!Messages.ACCEPTED.equals(final_.outcome()) && !Messages.REFUSED.equals(final_.outcome())) {
            throw new MessageRefused("the relayed receipt is neither an acceptance nor a refusal");
        }
        Instant now = self.clock().instant();
        if (Messages.REFUSED.equals(final_.outcome())) {
            Releases.refused(h, release.id(), signer + ": " + final_.reason(), Json.write(r.receipt()), now);
        } else {
            Releases.delivered(h, release.id(), ReleaseStatus.DELIVERED, Json.write(r.receipt()), now);
            onDelivered.forEach(l -> l.delivered(h, release.itemId(), release.recipient(), now));
        }
        Courier.expectLogged(h, final_, now);
        return m.accepted(release.id(), release.itemId(), null, null);
    }
}
