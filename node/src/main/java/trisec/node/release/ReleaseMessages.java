package trisec.node.release;

import java.util.List;
import trisec.node.base.Self;
import trisec.node.federation.DeliveryHandler;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.Postbox;
import trisec.node.item.ItemReceived;
import trisec.node.item.Relabels;

/** What the release feature does with partners' messages, and with their receipts for its own. */
public final class ReleaseMessages {
    private ReleaseMessages() {}

    /**
     * An item arriving (or to forward, as the hub), a relayed final receipt, the originator's consent decision.
     *
     * @param onReceived  told of each partner's copy stored here, in the transaction that stores it
     * @param onDelivered told of each release of this node's that reaches its recipient, in that transaction
     */
    public static List<MessageHandler<?>> handlers(Self self, Postbox postbox, Runnable wakeCourier,
                                                   Relabels relabels, Decisions decisions,
                                                   List<ItemReceived> onReceived, List<ReleaseDelivered> onDelivered) {
        return List.of(new ItemArrival(self, postbox, wakeCourier, relabels, decisions, onReceived),
                new ReceiptRelayArrival(self, onDelivered),
                new ConsentDecisionArrival(self, decisions));
    }

    /**
     * A release's delivery answered; a request for consent the originator would not take.
     *
     * @param onDelivered told of each release of this node's that reaches its recipient, in that transaction
     */
    public static List<DeliveryHandler> deliveries(Self self, Postbox postbox, List<ReleaseDelivered> onDelivered) {
        return List.of(new ItemDelivered(self, postbox, onDelivered), new ConsentRequestDelivered(self));
    }
}
