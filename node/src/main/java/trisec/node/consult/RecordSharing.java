package trisec.node.consult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.federation.Messages;
import trisec.node.federation.Postbox;
import trisec.node.release.Decisions;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;

/**
 * What statements and consultations share (DESIGN §5.4, consultation records go through §2): one message about this
 * party's record, under its label, to each recipient the release policy lets that record go to now. Each decision is
 * taken and put on record by the caller's {@code decideOnRecord} (its purpose, what it names); a permitted message
 * goes to the outbox, a refused one nowhere, and the refusal is handed to {@code withheld} to keep. All in the
 * caller's transaction.
 */
final class RecordSharing {
    private RecordSharing() {}

    /** Keeps why a party was sent nothing. */
    @FunctionalInterface
    interface Withheld {
        void keep(Party party, List<String> reasons);
    }

    /** @return the recipients the message went to */
    static List<Party> send(Handle h, Self self, Postbox postbox, List<Party> recipients, ConfidentialityLabel label,
                            Instant now, Function<Decisions.Question, ReleaseDecision> decideOnRecord,
                            Messages.Message message, Withheld withheld) {
        var sent = new ArrayList<Party>();
        for (Party p : recipients) {
            ReleaseDecision d = decideOnRecord.apply(new Decisions.Question(label, self.party(), p, now, false,
                    Optional.empty(), Optional.empty()));
            if (d.permitted()) {
                postbox.post(h, p, message, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                sent.add(p);
            } else {
                withheld.keep(p, d.reasonTexts());
            }
        }
        return sent;
    }
}
