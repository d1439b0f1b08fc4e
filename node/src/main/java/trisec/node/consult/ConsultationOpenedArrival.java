package trisec.node.consult;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.agreement.Agreement;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.Receipt;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;

/**
 * A partner opened a consultation under the Commitment to Consult: recorded here, for this party's watch to
 * acknowledge. The opening must be signed by the opener's node, come from it, and fall on a day the commitment is
 * in force on this node's own record of it.
 */
final class ConsultationOpenedArrival implements MessageHandler<ConsultationOpened> {
    private final Self self;

    ConsultationOpenedArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<ConsultationOpened> type() {
        return ConsultationOpened.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ConsultationOpened o) {
        checked(self, o);
        if (!m.sender().code().equals(o.opener())) {
            throw new MessageRefused("a consultation is opened by the node of its opener, not by " + m.sender());
        }
        return m.accepted(null, null, null, record(h, self, o, m.sender()) ? null : "already known");
    }

    /** Records an opening, checked already, unless it is known; the audit entry says which node told of it. */
    static boolean record(Handle h, Self self, ConsultationOpened o, Party from) {
        var known = Consultations.byId(h, o.consultationId());
        if (known.isPresent()) {
            var k = known.get();
            if (!k.opener().code().equals(o.opener()) || !k.subjectItem().equals(o.subjectItem())
                    || !k.openedAt().equals(Instant.parse(o.openedAt())) || !k.agreementId().equals(o.agreementId())) {
                throw new MessageRefused("consultation " + o.consultationId() + " is known here with another opening");
            }
            return false;
        }
        Consultations.insert(h, o);
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_OPENED, self.clock().instant(), from.code())
                .with("consultation", o.consultationId()).with("agreement", o.agreementId())
                .with("opener", o.opener()).with("item", o.subjectItem()).with("at", o.openedAt())
                .with("via", from.code().equals(o.opener()) ? null : from.code()));
        return true;
    }

    /**
     * A partner's time no further ahead of this node's clock than {@link ConsultationDesk#MAX_AHEAD}: far-future
     * times would sort after every honest step and overflow the room's arithmetic. (The commitment's entry into
     * force bounds an opening from below, and the opening bounds its steps.)
     */
    static Instant notAhead(Self self, Instant at, String what) {
        Instant now = self.clock().instant();
        if (at.isAfter(now.plus(ConsultationDesk.MAX_AHEAD))) {
            throw new MessageRefused(what + " " + at + " is more than " + ConsultationDesk.MAX_AHEAD.toMinutes()
                    + " minutes ahead of this node's clock (" + now + ")");
        }
        return at;
    }

    /** An opening well formed, signed by its opener's node, under the commitment while it was in force. */
    static void checked(Self self, ConsultationOpened o) {
        if (o == null) {
            throw new MessageRefused("a consultation step carries the consultation's opening");
        }
        if (!Incoming.isUuid(o.consultationId()) || !Incoming.isUuid(o.subjectItem())) {
            throw new MessageRefused("a consultation names itself and its subject item by UUID");
        }
        if (!ConsultationDesk.COMMITMENT.equals(o.agreementId())) {
            throw new MessageRefused("consultations are opened under " + ConsultationDesk.COMMITMENT + ", not "
                    + o.agreementId());
        }
        if (o.opener() == null || !Party.isCode(o.opener())) {
            throw new MessageRefused("a consultation names the party that opened it by its code");
        }
        Instant at = Incoming.instant(o.openedAt(), "the consultation's opening time");
        Party opener = Party.of(o.opener());
        var identity = self.identityOf(opener);
        // This node's own opening comes back inside partners' steps, and is checked like any other.
        if (identity.isEmpty()) {
            throw new MessageRefused(opener + " is not a partner of this node, so its opening cannot be checked");
        }
        if (!ConsultationSignatures.verifyOpened(identity.get(), o)) {
            throw new MessageRefused("the consultation's opening is not signed by " + opener + "'s node");
        }
        Agreement a = self.facts().scenario().agreement(o.agreementId())
                .orElseThrow(() -> new MessageRefused(o.agreementId() + " is not an agreement this node knows"));
        if (!a.parties().contains(opener) || !a.parties().contains(self.party())) {
            throw new MessageRefused(opener + " and " + self.party() + " are not both parties of " + a.id());
        }
        notAhead(self, at, "the consultation's opening time");
        var status = self.facts().scenario().lifecycle(a).statusAt(at);
        if (!status.inForce()) {
            throw new MessageRefused(a.id() + " is " + status.describe() + " on " + o.openedAt().substring(0, 10)
                    + " on this node's record, so no consultation is opened under it then");
        }
    }
}
