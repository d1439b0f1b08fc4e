package trisec.node.item;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;

/** What the item feature does with partners' messages: the originator's notices and holders' reports. */
public final class ItemMessages {
    private ItemMessages() {}

    public static List<MessageHandler<?>> handlers(Self self, Relabels relabels) {
        return List.of(new NoticeArrival(self, relabels), new ReportArrival(self));
    }
}
