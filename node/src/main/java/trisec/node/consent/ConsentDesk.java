package trisec.node.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import trisec.node.base.Changes;
import trisec.node.base.Json;
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
import trisec.node.store.ConsentRow;
import trisec.node.store.Consents;
import trisec.party.Party;

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
    public List<ConsentRow> consents(Account person) {
        var readable = holdings.readable(person);
        return self.store().read(Consents::all).stream().filter(c -> readable.contains(c.itemId())).toList();
    }

    /** The originator's disclosure official grants or refuses a holder's request; the answer is signed and sent. */
    public ConsentRow decide(Account official, String consentId, boolean grant) {
        ConsentRow c = self.store().read(h -> Consents.byId(h, consentId))
                .orElseThrow(() -> Refusal.notFound("no consent " + consentId));
        if (!ConsentRow.IN.equals(c.direction())) {
            throw Refusal.forbidden("only the originator decides a consent; this one was asked of " + c.originator());
        }
        holdings.read(official, c.itemId());
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            ConsentRow locked = Consents.lock(h, consentId).orElseThrow();
            if (!ConsentRow.PENDING.equals(locked.state())) {
                throw Refusal.conflict("consent " + consentId + " is already " + locked.state());
            }
            ConsentProof proof = MessageSignatures.signConsent(self.keys(), c.id(), c.itemId(), c.recipient(), grant,
                    now.toString());
            Consents.decide(h, c.id(), grant ? ConsentRow.GRANTED : ConsentRow.REFUSED, now, official.id(),
                    Json.write(proof));
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSENT_DECIDED, now, official.username())
                    .with("consent", c.id()).with("item", c.itemId()).with("holder", c.holder())
                    .with("recipient", c.recipient()).with("granted", grant));
            postbox.post(h, Party.of(c.holder()),
                    new ConsentDecision(proof, c.holder()), Postbox.UNCLASSIFIED_HEADER, Optional.empty());
        });
        wakeCourier.run();
        self.changes().signal(Changes.CONSENTS);
        return self.store().read(h -> Consents.byId(h, consentId)).orElseThrow();
    }
}
