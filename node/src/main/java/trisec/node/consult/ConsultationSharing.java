package trisec.node.consult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.federation.Messages;
import trisec.node.federation.Postbox;
import trisec.node.release.Decisions;
import trisec.party.Party;
import trisec.topic.Topic;

/**
 * A consultation's opening and steps are consultation records (DESIGN §5.4): shared with the consultation's parties
 * through §2. Before this party's opening or step goes to a party, the release policy decides, at that instant, on
 * an unclassified record of the consultation's topic released to the consultation's parties; the decision is on
 * record in the audit log as every decision is (purpose {@code consultation}). Where it permits, the message goes
 * to the outbox in the caller's transaction; where it does not, nothing goes to that party and the refusal is kept
 * for the room to say why.
 *
 * <p>Under DESIGN §2.3 an unclassified record without caveats goes wherever its releasability list allows, on any
 * date and whatever the agreements: this label lists exactly the consultation's parties, so the policy permits every
 * party of the consultation and refuses any other (docs/CONSULTATION.md, "Shared through the release policy").
 */
final class ConsultationSharing {
    /** The topic of every consultation's record: the Commitment to Consult is no channel of the scenario. */
    static final Topic TOPIC = Topic.of("consult.commitment");

    /** Who was sent the message and who was not. */
    record Shared(List<Party> to, List<Party> withheld) {
        Shared {
            to = List.copyOf(to);
            withheld = List.copyOf(withheld);
        }
    }

    private final Self self;
    private final Decisions decisions;
    private final Postbox postbox;

    ConsultationSharing(Self self, Decisions decisions, Postbox postbox) {
        this.self = self;
        this.decisions = decisions;
        this.postbox = postbox;
    }

    /** This party's unclassified record of a consultation among {@code parties}. */
    ConfidentialityLabel label(List<Party> parties) {
        return ConfidentialityLabel.of(self.scheme().unclassified(), TOPIC).withReleasableTo(parties);
    }

    /**
     * Sends {@code message} (the opening, or a step with id {@code stepId}) to each of {@code recipients} the
     * policy lets this party's record of the consultation go to now, in the caller's transaction; a party this node
     * has no connection to is skipped, as before. {@code actor} is the person on whose behalf the decision is taken.
     */
    Shared send(Handle h, String actor, String consultationId, List<Party> parties, String step, String stepId,
                Messages.Message message, List<Party> recipients) {
        Instant now = self.clock().instant();
        var reached = recipients.stream().filter(p -> !p.equals(self.party()) && postbox.reaches(p)).toList();
        var withheld = new ArrayList<Party>();
        var to = RecordSharing.send(h, self, postbox, reached, label(parties), now,
                q -> decisions.decide(h, actor, Decisions.Purpose.CONSULTATION, q), message, (p, reasons) -> {
                    Consultations.withhold(h, consultationId,
                            new Consultations.Withheld(p, step, stepId, now, reasons));
                    withheld.add(p);
                });
        return new Shared(to, withheld);
    }
}
