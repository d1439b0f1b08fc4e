package trisec.node.consent;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Json;
import trisec.node.federation.DeliveryHandler;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.store.ConsentRow;
import trisec.node.store.Consents;
import trisec.node.federation.OutboxRow;
import trisec.node.store.Releases;

/**
 * The originator's node refused even to take a request for consent (it does not hold the item, say): the consent
 * is refused and the release that waited for it ends there, with the originator's reason.
 */
public final class ConsentRequestDelivered implements DeliveryHandler {
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
        sent.releaseId().flatMap(id -> Releases.byId(h, id)).ifPresent(rel -> {
            rel.consentId().ifPresent(c -> Consents.decide(h, c, ConsentRow.REFUSED, now, sent.peer(), null));
            Releases.refused(h, rel.id(), sent.peer() + ": " + r.reason(), Json.write(signed), now);
        });
    }
}
