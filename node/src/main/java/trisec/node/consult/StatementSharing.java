package trisec.node.consult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import trisec.consult.RevisionId;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.federation.Messages;
import trisec.node.federation.Postbox;
import trisec.node.release.Decisions;
import trisec.party.Party;

/**
 * How this node's revisions and signatures of a joint statement reach the other parties: through the release policy
 * (DESIGN §5.4, consultation records are shared through §2). A statement is an unclassified record of its channel,
 * so before each message goes to a party the policy decides whether a record labelled {@code UNCLASSIFIED}, topic
 * {@code consult.<channel>}, with this party as its originator, may go to that party at that instant. The decision is
 * on record as a DECISION entry (purpose {@code statement}) naming the statement. Only a {@code PERMIT} goes; a
 * refusal sends nothing to that party and is kept with the policy's reasons, so that the statement's page says why.
 *
 * <p>There is no approval per message: the revision is the officer's act and the signature the disclosure
 * official's, each taken knowing it goes to the channel's parties. The policy is asked all the same, as a standing
 * authority's releases are, so that a statement never goes where an unclassified record of its channel could not.
 */
final class StatementSharing {
    private final Self self;
    private final Decisions decisions;
    private final Postbox postbox;

    StatementSharing(Self self, Decisions decisions, Postbox postbox) {
        this.self = self;
        this.decisions = decisions;
        this.postbox = postbox;
    }

    /** The label every statement's messages are decided under. */
    ConfidentialityLabel label(String channel, Instant at) {
        return ConfidentialityLabel.of(self.scheme().unclassified(), MeetingDesk.topic(channel)).withCreated(at);
    }

    /**
     * Decides, records and posts one message about a statement to each of {@code to}, in the caller's transaction.
     *
     * @return the parties it did not go to
     */
    List<Party> send(Handle h, String actor, String statementId, String channel, RevisionId revision,
                     Statements.What what, Messages.Message message, List<Party> to, Instant now) {
        var withheld = new ArrayList<Party>();
        RecordSharing.send(h, self, postbox, to, label(channel, now), now,
                q -> decisions.decide(h, actor, Decisions.Purpose.STATEMENT, q, "statement", statementId), message,
                (p, reasons) -> {
                    withheld.add(p);
                    Statements.insertWithheld(h, new Statements.Withheld(statementId, revision, p, what, reasons, now));
                });
        return withheld;
    }
}
