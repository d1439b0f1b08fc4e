package trisec.node.consult;

import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.federation.Messages.Receipt;
import trisec.party.Party;

/**
 * A partner's step in a consultation: its acknowledgement, its draft public message, a response action. Signed by
 * the node of the party that took it, which sends it itself. It carries the opener's signed opening, so a step
 * that arrives before the opening records the consultation too.
 */
final class ConsultationStepArrival implements MessageHandler<ConsultationStep> {
    private final Self self;

    ConsultationStepArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<ConsultationStep> type() {
        return ConsultationStep.class;
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ConsultationStep s) {
        if (s.opening() == null || s.step() == null || !java.util.Set.of(ConsultationDesk.ACK, ConsultationDesk.DRAFT,
                ConsultationDesk.ACTION).contains(s.step())) {
            throw new MessageRefused("a consultation step carries its opening and is one of ACK, DRAFT or ACTION");
        }
        ConsultationOpenedArrival.checked(self, s.opening());
        if (s.by() == null || !Party.isCode(s.by()) || !m.sender().code().equals(s.by())) {
            throw new MessageRefused("a consultation step is sent by the node of the party that took it");
        }
        Party by = Party.of(s.by());
        var identity = self.identityOf(by);
        if (identity.isEmpty() || !ConsultationSignatures.verifyStep(identity.get(), s)) {
            throw new MessageRefused("the consultation step is not signed by " + by + "'s node");
        }
        Incoming.instant(s.at(), "the step's time");
        var parties = ConsultationDesk.parties(self, s.opening().agreementId());
        if (!parties.contains(by)) {
            throw new MessageRefused(by + " is not a party of " + s.opening().agreementId());
        }
        if (ConsultationDesk.ACK.equals(s.step()) && by.code().equals(s.opening().opener())) {
            throw new MessageRefused("the opener does not acknowledge its own consultation");
        }
        ConsultationOpenedArrival.record(h, self, s.opening(), m.sender());
        var row = Consultations.byId(h, s.opening().consultationId()).orElseThrow();
        boolean fresh = ConsultationDesk.apply(h, row, parties, s, m.sender().code(), self.clock().instant());
        return m.accepted(null, null, null, fresh ? null : "already on record");
    }
}
