package trisec.node.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import trisec.item.Consent;
import trisec.node.base.Changes;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.ConsentDecision;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Postbox;
import trisec.node.item.Holdings;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;

/**
 * Consents under the third-party rule: the requests this node's holders sent to originators, and the requests
 * partners sent to this node as originator, which its disclosure officials grant or refuse.
 */
public final class ConsentDesk {
    private final Self self;
    private final Holdings holdings;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    public ConsentDesk(Self self, Holdings holdings, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.holdings = holdings;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    /** The consents about items the person may read: where an item goes says something about it. */
    public List<ConsentCase> consents(Account person) {
        var readable = holdings.readable(person);
        return self.store().read(Consents::all).stream().filter(c -> readable.contains(c.itemId())).toList();
    }

    /** The originator's disclosure official grants or refuses a holder's request; the answer is signed and sent. */
    public ConsentCase decide(Account official, String consentId, boolean grant) {
        ConsentCase asked = self.store().read(h -> Consents.byId(h, consentId))
                .orElseThrow(() -> Refusal.notFound("no consent " + consentId));
        Consent c = asked.consent();
        if (asked.direction() != ConsentCase.Direction.IN) {
            throw Refusal.forbidden("only the originator decides a consent; this one was asked of " + c.originator());
        }
        holdings.read(official, c.itemId());
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            ConsentCase locked = Consents.lock(h, consentId).orElseThrow();
            if (!locked.pending()) {
                throw Refusal.conflict("consent " + consentId + " is already " + locked.state());
            }
            ConsentProof proof = MessageSignatures.signConsent(self.keys(), c.id(), c.itemId(), c.recipient().code(),
                    grant, now.toString());
            Consents.decide(h, c.id(), grant, now, official.id(), Optional.of(proof));
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSENT_DECIDED, now, official.username())
                    .with("consent", c.id()).with("item", c.itemId()).with("holder", c.holder().code())
                    .with("recipient", c.recipient().code()).with("granted", grant));
            postbox.post(h, c.holder(), new ConsentDecision(proof, c.holder().code()), Postbox.UNCLASSIFIED_HEADER,
                    Optional.empty());
        });
        wakeCourier.run();
        self.changes().signal(Changes.CONSENTS);
        return self.store().read(h -> Consents.byId(h, consentId)).orElseThrow();
    }
}
