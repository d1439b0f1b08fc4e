package trisec.node.warning;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.Postbox;
import trisec.node.item.Holders;

/** What the warnings feature does with partners' messages: a watch officer's acknowledgement. */
public final class WarningMessages {
    private WarningMessages() {}

    public static List<MessageHandler<?>> handlers(Self self, Holders holders, Postbox postbox) {
        return List.of(new WarningAckArrival(self, holders, postbox));
    }
}
