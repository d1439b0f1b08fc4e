package trisec.node.release;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.item.Item;
import trisec.node.base.Self;
import trisec.node.consent.ConsentCase;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Messages.ItemDelivery;
import trisec.node.federation.Postbox;
import trisec.node.item.Labels;
import trisec.policy.ReleaseDecision;

/** A permitted release committed to the outbox, in the caller's transaction: an approval's or an authority's. */
final class Dispatch {
    private Dispatch() {}

    /**
     * Seals the item for the route's next party: with the originator's consent on record, or, when this node is
     * the originator sending through a hub, its own consent for the hub to forward.
     */
    static void post(Self self, Postbox postbox, Handle h, Item item, TrackedRelease r, ReleaseDecision d,
                     Optional<ConsentCase> consent, Instant now) {
        ConsentProof proof = consent.flatMap(ConsentCase::proof)
                .orElseGet(() -> d.route().size() == 3 && item.originator().equals(self.party())
                        ? MessageSignatures.signConsent(self.keys(), UUID.randomUUID().toString(), item.id(),
                                r.recipient().code(), true, now.toString())
                        : null);
        var delivery = new ItemDelivery(Labels.data(item), r.id(), Labels.codes(d.route()), proof,
                self.party().code(), r.id());
        postbox.post(h, d.route().get(1), delivery, Postbox.header(item.label()), Optional.of(r.id()));
    }
}
