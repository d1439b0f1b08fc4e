package trisec.node.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Json;
import trisec.node.base.Self;
import trisec.node.federation.DeliveryHandler;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.ItemDelivery;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.ReceiptRelay;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.federation.Postbox;
import trisec.node.federation.OutboxRow;

/**
 * A release's delivery answered: delivered, forwarding through the hub, or refused by the recipient with its
 * reason. As the hub, this node relays the final recipient's answer to the originator's node.
 */
final class ItemDelivered implements DeliveryHandler {
    private final Self self;
    private final Postbox postbox;
    private final List<ReleaseDelivered> onDelivered;

    ItemDelivered(Self self, Postbox postbox, List<ReleaseDelivered> onDelivered) {
        this.self = self;
        this.postbox = postbox;
        this.onDelivered = List.copyOf(onDelivered);
    }

    @Override
    public Class<ItemDelivery> type() {
        return ItemDelivery.class;
    }

    @Override
    public void answered(Handle h, OutboxRow sent, SignedReceipt signed, Instant now) {
        Receipt r = signed.receipt();
        TrackedRelease release = Releases.lock(h, self.facts().scenario(), sent.releaseId().orElseThrow())
                .orElseThrow();
        boolean settled = release.status() == ReleaseStatus.DELIVERED || release.status() == ReleaseStatus.REFUSED;
        if (Messages.REFUSED.equals(r.outcome())) {
            Releases.refused(h, release.id(), sent.peer() + ": " + r.reason(), Json.write(signed), now);
        } else if (Messages.FORWARDING.equals(r.outcome())) {
            // The hub's receipt can be recorded after the final one it relayed (a late or repeated send): it must
            // not undo the final answer.
            if (!settled) {
                Releases.delivered(h, release.id(), ReleaseStatus.FORWARDING, Json.write(signed), now);
            }
        } else {
            Releases.delivered(h, release.id(), ReleaseStatus.DELIVERED, Json.write(signed), now);
            if (release.status() != ReleaseStatus.DELIVERED) {
                onDelivered.forEach(l -> l.delivered(h, release.itemId(), release.recipient(), now));
            }
        }
        if (release.origin().isPresent() && !Messages.FORWARDING.equals(r.outcome())) {
            TrackedRelease.Origin origin = release.origin().get();
            postbox.post(h, origin.party(), new ReceiptRelay(origin.releaseId(), signed), Postbox.UNCLASSIFIED_HEADER,
                    Optional.empty());
        }
    }

    @Override
    public void retrying(Handle h, OutboxRow sent, Instant now) {
        sent.releaseId().flatMap(id -> Releases.byId(h, self.facts().scenario(), id)).ifPresent(rel -> {
            if (rel.status() == ReleaseStatus.QUEUED) {
                Releases.update(h, rel.id(), ReleaseStatus.RETRYING, now);
            }
        });
    }
}
