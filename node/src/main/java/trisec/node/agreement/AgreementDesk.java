package trisec.node.agreement;

import trisec.node.base.Self;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.agreement.LifecycleEvent;
import trisec.node.base.Refusal;
import trisec.node.person.Account;
import trisec.node.federation.Messages.EventNote;
import trisec.node.federation.Postbox;
import trisec.party.Party;

/**
 * Agreement events recorded after the scenario was written: a notice, a suspension, a withdrawal. The node's
 * admin records one for an agreement its party is party to; it goes as a signed note to the other parties'
 * nodes, which check it and record it too, so that every node decides on the same facts.
 */
public final class AgreementDesk {
    public record NewEvent(String type, String date, String by, String effective, String note) {}

    private final Self self;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    public AgreementDesk(Self self, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    public RecordedEvents.Row record(Account admin, String agreementId, NewEvent in) {
        Agreement agreement = self.facts().scenario().agreement(agreementId)
                .orElseThrow(() -> Refusal.notFound("no agreement " + agreementId));
        if (!agreement.parties().contains(self.party())) {
            throw Refusal.forbidden(self.party() + " is not a party to " + agreementId);
        }
        LifecycleEvent event;
        try {
            if (in.type() == null || in.date() == null) {
                throw Refusal.invalid("type and date are required");
            }
            LifecycleEvent.EventType type;
            try {
                type = LifecycleEvent.EventType.valueOf(in.type().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("'" + in.type() + "' is not an event type (SIGNED, IN_FORCE, "
                        + "TERMINATION_NOTICE, NOTICE_SUSPENDED, NOTICE_WITHDRAWN, TERMINATED, AMENDED)");
            }
            Optional<Party> by = Optional.ofNullable(in.by()).map(b -> self.facts().scenario().party(b));
            if (by.isPresent() && !agreement.parties().contains(by.get())) {
                throw Refusal.invalid(by.get() + " is not a party to " + agreementId);
            }
            Optional<Instant> effective = Optional.ofNullable(in.effective()).map(DateOrInstant::parse);
            event = LifecycleEvent.of(type, DateOrInstant.parse(in.date()), by, in.note() == null ? "" : in.note(),
                    effective);
        } catch (DomainException | IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        if (event.note().length() > 1000) {
            throw Refusal.invalid("note is at most 1,000 characters");
        }
        return self.facts().serially(() -> {
            try {
                self.facts().check(agreementId, event);
            } catch (DomainException e) {
                throw Refusal.unacceptable("INVALID_EVENT", e.getMessage());
            }
            var row = new RecordedEvents.Row(UUID.randomUUID().toString(), agreementId, event.type().name(), event.at(),
                    event.by().map(Party::code),
                    event instanceof LifecycleEvent.TerminationNotice n ? n.effective() : Optional.empty(), event.note(),
                    self.party().code(), self.clock().instant(), admin.username());
            self.store().useTransaction(h -> {
                RecordedEvents.insert(h, row);
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AGREEMENT_EVENT, row.recordedAt(), admin.username())
                        .with("agreement", agreementId).with("event", row.type()).with("date", row.at().toString())
                        .with("by", row.by()).with("effective", row.effective().map(Instant::toString)));
                for (Party p : agreement.parties()) {
                    if (!p.equals(self.party()) && postbox.reaches(p)) {
                        postbox.post(h, p,
                                new EventNote(row.id(), agreementId, row.type(), row.at().toString(),
                                        row.by().orElse(null), row.effective().map(Instant::toString).orElse(null),
                                        row.note()), Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                    }
                }
            });
            self.facts().record(agreementId, event);
            wakeCourier.run();
            return row;
        });
    }
}
