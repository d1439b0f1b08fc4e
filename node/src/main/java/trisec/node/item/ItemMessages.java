package trisec.node.item;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.Postbox;

/** What the item feature does with partners' messages: the originator's notices and holders' reports. */
public final class ItemMessages {
    private ItemMessages() {}

    /** @param onRetracted told of each item retracted on its originator's notice, in the transaction that does */
    public static List<MessageHandler<?>> handlers(Self self, Relabels relabels, Holders holders, Postbox postbox,
                                                   Runnable wakeCourier, List<ItemRetracted> onRetracted) {
        return List.of(new NoticeArrival(self, relabels, holders, postbox, wakeCourier, onRetracted),
                new ReportArrival(self));
    }
}
