package trisec.node.consent;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Messages.Receipt;
import trisec.item.Consent;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.party.Party;

/** A holder asks this node, the originator, for consent to pass an item on (the third-party rule). */
final class ConsentRequestArrival implements MessageHandler<ConsentRequest> {
    private final Self self;

    ConsentRequestArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<ConsentRequest> type() {
        return ConsentRequest.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ConsentRequest c) {
        Party sender = m.sender();
        if (!Incoming.isUuid(c.consentId())) {
            throw new MessageRefused("a consent id is a UUID");
        }
        ItemRow item = Items.byId(h, c.itemId())
                .orElseThrow(() -> new MessageRefused("no item " + c.itemId() + " here"));
        if (!item.originator().equals(self.party().code())) {
            throw new MessageRefused("this node is not the originator of item " + c.itemId());
        }
        if (!sender.code().equals(c.holder())) {
            throw new MessageRefused("a consent request comes from the holder itself");
        }
        Party recipient = self.facts().scenario().party(c.recipient());
        if (recipient.equals(sender)) {
            throw new MessageRefused("a consent is asked for a release to another party than the holder");
        }
        if (Consents.byId(h, c.consentId()).isEmpty()) {
            var consent = new Consent(c.consentId(), c.itemId(), self.party(), sender, recipient);
            Consents.insert(h, new ConsentCase(consent, ConsentCase.Direction.IN, ConsentCase.State.PENDING,
                    self.clock().instant(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return m.accepted(null, c.itemId(), null, null);
    }
}
