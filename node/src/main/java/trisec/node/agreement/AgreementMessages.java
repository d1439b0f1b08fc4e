package trisec.node.agreement;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;

/** What the agreement feature does with partners' messages: a signed note of an agreement event. */
public final class AgreementMessages {
    private AgreementMessages() {}

    public static List<MessageHandler<?>> handlers(Self self) {
        return List.of(new EventNoteArrival(self));
    }
}
