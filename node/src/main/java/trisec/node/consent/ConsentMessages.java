package trisec.node.consent;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;

/** What the consent feature does with partners' messages: a holder's request for this originator's consent. */
public final class ConsentMessages {
    private ConsentMessages() {}

    public static List<MessageHandler<?>> handlers(Self self) {
        return List.of(new ConsentRequestArrival(self));
    }
}
