package trisec.node.consult;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.federation.Messages.Receipt;
import trisec.party.Party;

/**
 * A partner's step in a consultation: its acknowledgement, its draft public message, a response action, or the
 * opener's closing. Signed by the node of the party that took it, which sends it itself. It carries the opener's
 * signed opening, so a step that arrives before the opening records the consultation too; a status change carries
 * the action's original, signed by its proposer's node, so a status that arrives before the action records the
 * action as its proposer proposed it, and no node can put an action in another party's name. Its time is no
 * further ahead of this node's clock than a few minutes, and not before the opening.
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
        if (s.opening() == null || s.step() == null || !ConsultationDesk.STEPS.contains(s.step())) {
            throw new MessageRefused("a consultation step carries its opening and is one of "
                    + String.join(", ", ConsultationDesk.STEPS));
        }
        ConsultationOpenedArrival.checked(self, s.opening());
        if (s.by() == null || !Party.isCode(s.by()) || !m.sender().code().equals(s.by())) {
            throw new MessageRefused("a consultation step is sent by the node of the party that took it");
        }
        Party by = Party.of(s.by());
        signed(s, by, "the consultation step");
        ConsultationOpenedArrival.notAhead(self, Incoming.instant(s.at(), "the step's time"), "the step's time");
        var parties = ConsultationDesk.parties(self, s.opening().agreementId());
        if (!parties.contains(by)) {
            throw new MessageRefused(by + " is not a party of " + s.opening().agreementId());
        }
        if (ConsultationDesk.ACK.equals(s.step()) && by.code().equals(s.opening().opener())) {
            throw new MessageRefused("the opener does not acknowledge its own consultation");
        }
        if (ConsultationDesk.CLOSE.equals(s.step()) && !by.code().equals(s.opening().opener())) {
            throw new MessageRefused("a consultation is closed by its opener " + s.opening().opener() + ", not by "
                    + by);
        }
        if (s.origin() != null) {
            origin(s);
        }
        ConsultationOpenedArrival.record(h, self, s.opening(), m.sender());
        var row = Consultations.byId(h, s.opening().consultationId()).orElseThrow();
        boolean fresh = ConsultationDesk.apply(h, row, parties, s, m.sender().code(), self.clock().instant(),
                Optional.empty());
        return m.accepted(null, null, null, fresh ? null : "already on record");
    }

    /**
     * The action's original that a status change carries: an ACTION step of the same action and consultation,
     * signed by the node of the proposer it names, and no further ahead in time than any step. That its fields are
     * the status change's own is checked with the step ({@link ConsultationDesk#apply}).
     */
    private void origin(ConsultationStep s) {
        ConsultationStep o = s.origin();
        if (!ConsultationDesk.ACTION.equals(s.step()) || !ConsultationDesk.ACTION.equals(o.step())
                || o.origin() != null) {
            throw new MessageRefused("only a response action's step carries an original, and that is an action's "
                    + "own step");
        }
        if (o.opening() == null || !s.opening().consultationId().equals(o.opening().consultationId())
                || o.stepId() == null || !o.stepId().equals(s.stepId())) {
            throw new MessageRefused("the original a step carries is of another action or consultation");
        }
        if (o.by() == null || !Party.isCode(o.by()) || !o.by().equals(s.proposer())) {
            throw new MessageRefused("an action's original is its proposer's own step");
        }
        signed(o, Party.of(o.by()), "the action's original step");
        ConsultationOpenedArrival.notAhead(self, Incoming.instant(o.at(), "the original step's time"),
                "the original step's time");
    }

    private void signed(ConsultationStep s, Party by, String what) {
        var identity = self.identityOf(by);
        if (identity.isEmpty() || !ConsultationSignatures.verifyStep(identity.get(), s)) {
            throw new MessageRefused(what + " is not signed by " + by + "'s node");
        }
    }
}
