package trisec.node.consult;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;

/** What the consultation feature does with partners' messages: an opening, and each party's steps. */
public final class ConsultationMessages {
    private ConsultationMessages() {}

    public static List<MessageHandler<?>> handlers(Self self) {
        return List.of(new ConsultationOpenedArrival(self), new ConsultationStepArrival(self));
    }
}
