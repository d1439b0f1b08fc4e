package trisec.node.agreement;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.agreement.LifecycleEvent;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.EventNote;
import trisec.node.federation.Messages.Receipt;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;

/**
 * A partner's note of an agreement event it recorded: checked against the facts as this node knows them and
 * recorded too, so that every node decides on the same facts.
 */
final class EventNoteArrival implements MessageHandler<EventNote> {
    private final Self self;

    EventNoteArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<EventNote> type() {
        return EventNote.class;
    }

    @Override
    public boolean recordsAgreementEvent() {
        return true;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, EventNote n) {
        Party sender = m.sender();
        var agreement = self.facts().scenario().agreement(n.agreementId())
                .orElseThrow(() -> new MessageRefused("unknown agreement '" + n.agreementId() + "'"));
        if (!agreement.parties().contains(sender)) {
            throw new MessageRefused(sender + " is not a party to " + n.agreementId() + " and cannot record its events");
        }
        if (RecordedEvents.exists(h, n.eventId())) {
            return m.accepted(null, null, null, "already recorded");
        }
        LifecycleEvent event;
        try {
            event = LifecycleEvent.of(LifecycleEvent.EventType.valueOf(n.type()), Instant.parse(n.at()),
                    Optional.ofNullable(n.by()).map(Party::of), n.note() == null ? "" : n.note(),
                    Optional.ofNullable(n.effective()).map(Instant::parse));
        } catch (RuntimeException e) {
            throw new MessageRefused("malformed event: " + e.getMessage());
        }
        self.facts().check(n.agreementId(), event);
        RecordedEvents.insert(h, new RecordedEvents.Row(n.eventId(), n.agreementId(), n.type(), event.at(),
                event.by().map(Party::code), Optional.ofNullable(n.effective()).map(Instant::parse), event.note(),
                sender.code(), self.clock().instant(), sender.code()));
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AGREEMENT_EVENT, self.clock().instant(), sender.code())
                .with("agreement", n.agreementId()).with("event", n.type()).with("date", event.at().toString())
                .with("by", n.by()).with("effective", n.effective()));
        m.afterCommit(() -> self.facts().record(n.agreementId(), event));
        return m.accepted(null, null, null, null);
    }
}
