package trisec.node.release;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import java.util.Optional;
import trisec.node.base.Json;
import trisec.node.base.Self;
import trisec.node.federation.DeliveryHandler;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.consent.Consents;
import trisec.node.federation.OutboxRow;

/**
 * The originator's node refused even to take a request for consent (it does not hold the item, say): the consent
 * is refused and the release that waited for it ends there, with the originator's reason.
 */
final class ConsentRequestDelivered implements DeliveryHandler {
    private final Self self;

    ConsentRequestDelivered(Self self) {
        this.self = self;
    }

    @Override
    public Class<ConsentRequest> type() {
        return ConsentRequest.class;
    }

    @Override
    public void answered(Handle h, OutboxRow sent, SignedReceipt signed, Instant now) {
        var r = signed.receipt();
        if (!Messages.REFUSED.equals(r.outcome())) {
            return; // taken: the originator's decision comes later, in a message of its own
        }
        sent.releaseId().flatMap(id -> Releases.byId(h, self.facts().scenario(), id)).ifPresent(rel -> {
            rel.consentId().ifPresent(c -> Consents.decide(h, c, false, now, sent.peer(), Optional.empty()));
            Releases.refused(h, rel.id(), sent.peer() + ": " + r.reason(), Json.write(signed), now);
        });
    }
}
