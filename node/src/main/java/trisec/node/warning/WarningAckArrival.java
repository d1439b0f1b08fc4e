package trisec.node.warning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.WarningAck;
import trisec.node.federation.Postbox;
import trisec.node.item.Holders;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;
import trisec.topic.Topic;
import trisec.warning.TrackNumber;

/**
 * A partner's watch officer acknowledged a warning. At the warning's originator: kept, with who and when. At a hub
 * that passed the warning on to the acknowledging party: relayed, unchanged, to the originator. Either way the
 * acknowledgement must be signed by the node of the party it names, and name a party the warning went to.
 */
final class WarningAckArrival implements MessageHandler<WarningAck> {
    private final Self self;
    private final Holders holders;
    private final Postbox postbox;

    WarningAckArrival(Self self, Holders holders, Postbox postbox) {
        this.self = self;
        this.holders = holders;
        this.postbox = postbox;
    }

    @Override
    public Class<WarningAck> type() {
        return WarningAck.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, WarningAck a) {
        if (a.ackId() == null || !Incoming.isUuid(a.ackId()) || a.itemId() == null || !Incoming.isUuid(a.itemId())) {
            throw new MessageRefused("an acknowledgement names itself and the warning's item by UUID");
        }
        try {
            TrackNumber.of(a.track());
        } catch (trisec.DomainException e) {
            throw new MessageRefused(e.getMessage());
        }
        if (a.by() == null || !Party.isCode(a.by())) {
            throw new MessageRefused("an acknowledgement names the party that acknowledged by its code");
        }
        Instant at = Incoming.instant(a.at(), "the acknowledgement's time");
        Party by = Party.of(a.by());
        var identity = self.identityOf(by);
        if (by.equals(self.party()) || identity.isEmpty()) {
            throw new MessageRefused(by + " is not a partner of this node, so its acknowledgement cannot be checked");
        }
        if (!MessageSignatures.verifyAck(identity.get(), a)) {
            throw new MessageRefused("the acknowledgement is not signed by " + by + "'s node");
        }
        // One answer whether this node holds no such warning or never sent it to that party, so that asking tells
        // a partner nothing about what this node holds; and the track must be the warning's own.
        Optional<ItemRow> item = Items.byId(h, a.itemId()).filter(i -> WarningDesk.TOPIC.covers(Topic.of(i.topic())));
        if (item.isEmpty() || !wentTo(h, a.itemId(), by)
                || !Warnings.trackOf(h, a.itemId()).map(a.track()::equals).orElse(false)) {
            throw new MessageRefused("no warning " + a.track() + " (item " + a.itemId() + ") that this node sent to "
                    + by);
        }
        ItemRow warning = item.get();
        if (!warning.originator().equals(self.party().code())) {
            return relay(h, m, a, by, Party.of(warning.originator()));
        }
        boolean fresh = Acknowledgements.insert(h, new Acknowledgements.Ack(a.ackId(), self.party(), a.track(),
                a.itemId(), by, at));
        if (fresh) {
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.WARNING_ACKNOWLEDGED, self.clock().instant(),
                    m.sender().code()).with("item", a.itemId()).with("track", a.track()).with("by", by.code())
                    .with("at", at.toString()).with("via", m.sender().equals(by) ? null : m.sender().code()));
        }
        return m.accepted(null, a.itemId(), null, fresh ? null : "already acknowledged");
    }

    /** As the hub that passed the warning on to {@code by}: the signed acknowledgement goes on to the originator. */
    private Receipt relay(Handle h, Incoming m, WarningAck a, Party by, Party originator) {
        if (!m.sender().equals(by)) {
            throw new MessageRefused("a hub relays an acknowledgement from the party that made it, not from "
                    + m.sender());
        }
        if (!postbox.reaches(originator)) {
            throw new MessageRefused("this node has no connection to " + originator + "'s node either");
        }
        postbox.post(h, originator, a, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.WARNING_ACK_RELAYED, self.clock().instant(),
                m.sender().code()).with("item", a.itemId()).with("track", a.track()).with("by", by.code())
                .with("to", originator.code()));
        return m.accepted(null, a.itemId(), null, "relayed to " + originator);
    }

    /** Whether this node's releases of the item (or the onward releases it allowed) reached {@code party}. */
    private boolean wentTo(Handle h, String itemId, Party party) {
        return holders.routes(h, itemId).map(List::getLast).anyMatch(party::equals)
                || holders.allowedOnward(h, itemId).anyMatch(party::equals);
    }
}
