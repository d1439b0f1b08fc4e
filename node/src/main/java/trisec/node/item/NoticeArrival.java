package trisec.node.item;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Postbox;
import trisec.node.federation.Messages;
import trisec.node.federation.Messages.ItemNotice;
import trisec.node.federation.Messages.Receipt;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.item.PendingRelabels;
import trisec.node.item.Retractions;
import trisec.party.Party;

/**
 * The originator retracts or reclassifies an item this node holds, and this node follows (GSOMIA Art. 4, 16),
 * also when the notice overtakes the copy it is about.
 */
final class NoticeArrival implements MessageHandler<ItemNotice> {
    private final Self self;
    private final Relabels relabels;
    private final Holders holders;
    private final Postbox postbox;
    private final Runnable wakeCourier;
    private final List<ItemRetracted> onRetracted;

    NoticeArrival(Self self, Relabels relabels, Holders holders, Postbox postbox, Runnable wakeCourier,
                  List<ItemRetracted> onRetracted) {
        this.self = self;
        this.onRetracted = List.copyOf(onRetracted);
        this.relabels = relabels;
        this.holders = holders;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    @Override
    public Class<ItemNotice> type() {
        return ItemNotice.class;
    }

    @Override
    public Optional<String> itemOf(ItemNotice message) {
        return Optional.of(message).map(ItemNotice::itemId);
    }

    @Override
    public Receipt handle(Handle h, Incoming m, ItemNotice n) {
        Party sender = m.sender();
        if (n.itemId() == null || !Incoming.isUuid(n.itemId())) {
            throw new MessageRefused("item ids are UUIDs");
        }
        // The originator signed the notice; whoever brings it (the originator, or the hub that passed the item on)
        // only carries it.
        if (n.originator() == null || !Party.isCode(n.originator())) {
            throw new MessageRefused("the notice does not name its originator");
        }
        Party originator = Party.of(n.originator());
        var identity = self.identityOf(originator);
        if (identity.isEmpty() || !MessageSignatures.verifyNotice(identity.get(), n)) {
            throw new MessageRefused("the notice is not signed by its originator " + originator);
        }
        Optional<ItemRow> copy = Items.lock(h, n.itemId());
        if (copy.isEmpty() && Messages.RETRACT.equals(n.action())) {
            // The retraction overtook a copy still on its way here: refuse the copy on arrival.
            Retractions.record(h, n.itemId(), originator.code(), self.clock().instant());
            return m.accepted(null, n.itemId(), null, "not held here; a copy arriving later will be refused");
        }
        if (copy.isEmpty() && Messages.RECLASSIFY.equals(n.action())) {
            // The new label overtook the copy (through the hub, or while its delivery is retried): the copy is
            // re-marked when it arrives, once the originator's signature over it can be checked.
            if (n.level() == null || n.originKey() == null || n.originSignature() == null) {
                throw new MessageRefused("the reclassification lacks its level or the originator's signature");
            }
            PendingRelabels.record(h, new PendingRelabels.Row(n.itemId(), originator.code(), n.level(),
                    n.originKey(), n.originSignature(), m.label(),
                    Incoming.instant(n.at(), "the reclassification's time")));
            return m.accepted(null, n.itemId(), null, "not held here; a copy arriving later will be re-marked");
        }
        ItemRow item = copy.orElseThrow(() -> new MessageRefused("no item " + n.itemId() + " here"));
        if (!item.originator().equals(originator.code())) {
            throw new MessageRefused("only the originator " + item.originator() + " may retract or reclassify item "
                    + n.itemId());
        }
        switch (n.action()) {
            case Messages.RETRACT -> {
                if (item.retracted()) {
                    // Already followed, and passed on then: a repeated notice changes nothing and goes no further.
                    return m.accepted(null, item.id(), null, "already retracted");
                }
                Items.retract(h, item.id());
                for (ItemRetracted listener : onRetracted) {
                    listener.retracted(h, item.id());
                }
            }
            case Messages.RECLASSIFY -> {
                if (!relabels.relabel(h, item, originator, n.level(), n.originKey(), n.originSignature(), m.label(),
                        Incoming.instant(n.at(), "the reclassification's time"))) {
                    return m.accepted(null, item.id(), null,
                            "a later reclassification by the originator is already applied");
                }
            }
            default -> throw new MessageRefused("unknown action '" + n.action() + "'");
        }
        relay(h, m, n, originator, sender);
        return m.accepted(null, item.id(), null, null);
    }

    /**
     * Passes the originator's signed notice on, unchanged, to every party this node passed the item to (as the
     * hub, or with the originator's consent): the originator may not reach them itself.
     */
    private void relay(Handle h, Incoming m, ItemNotice n, Party originator, Party sender) {
        var onward = new java.util.LinkedHashSet<Party>();
        holders.routes(h, n.itemId()).forEach(route -> onward.addAll(route.subList(1, route.size())));
        holders.allowedOnward(h, n.itemId()).forEach(onward::add);
        onward.removeIf(p -> p.equals(sender) || p.equals(originator) || p.equals(self.party())
                || !postbox.reaches(p));
        for (Party p : onward) {
            postbox.post(h, p, n, m.label(), Optional.empty());
        }
        if (!onward.isEmpty()) {
            m.afterCommit(wakeCourier);
        }
    }
}
