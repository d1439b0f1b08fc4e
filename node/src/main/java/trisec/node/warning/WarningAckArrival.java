package trisec.node.warning;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.WarningAck;
import trisec.node.item.Items;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.warning.TrackNumber;

/** A partner's watch officer acknowledged one of this node's warnings: the originator keeps who, and when. */
final class WarningAckArrival implements MessageHandler<WarningAck> {
    private final Self self;

    WarningAckArrival(Self self) {
        this.self = self;
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
        var item = Items.byId(h, a.itemId())
                .orElseThrow(() -> new MessageRefused("no item " + a.itemId() + " here"));
        if (!item.originator().equals(self.party().code()) || !WarningDesk.TOPIC.covers(
                trisec.topic.Topic.of(item.topic()))) {
            throw new MessageRefused("item " + a.itemId() + " is not one of this node's warnings");
        }
        Instant at = Incoming.instant(a.at(), "the acknowledgement's time");
        boolean fresh = Acknowledgements.insert(h, new Acknowledgements.Ack(a.ackId(), self.party(), a.track(),
                a.itemId(), m.sender(), at));
        if (fresh) {
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.WARNING_ACKNOWLEDGED, self.clock().instant(),
                    m.sender().code()).with("item", a.itemId()).with("track", a.track()).with("by", m.sender().code())
                    .with("at", at.toString()));
        }
        return m.accepted(null, a.itemId(), null, fresh ? null : "already acknowledged");
    }
}
