package trisec.node.consult;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;

/** What the joint statements feature does with partners' messages: their drafts and their signatures. */
public final class StatementMessages {
    private StatementMessages() {}

    public static List<MessageHandler<?>> handlers(Self self) {
        return List.of(new StatementDraftArrival(self), new StatementSignedArrival(self));
    }
}
