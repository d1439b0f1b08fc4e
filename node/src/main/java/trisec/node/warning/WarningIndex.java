package trisec.node.warning;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.item.Item;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.ItemCreated;
import trisec.node.item.ItemReceived;
import trisec.node.item.ItemRetracted;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.party.Party;
import trisec.warning.MissileWarning;

/**
 * Keeps the warnings tables as items come and go: a version created here or received from a partner is indexed in
 * the transaction that stores it, a retracted one leaves in the transaction that retracts it, so the index never
 * says more than the items do. Who may read a warning is never its business.
 */
public final class WarningIndex {
    private final Self self;

    public WarningIndex(Self self) {
        this.self = self;
    }

    /**
     * A version opened, updated or closed here (or any item created here that carries a warning). A new warning
     * (its first state) under a track number a standing warning of this party already has is refused, whether or
     * not its author may read that warning, in the transaction that would create it, so two officers opening one
     * track at once cannot both succeed: a track number is one warning's.
     */
    public ItemCreated onCreated() {
        return (h, by, held) -> {
            Item item = held.item();
            carried(item).filter(w -> w.states().size() == 1 && w.isOpen()).ifPresent(w -> {
                if (!Warnings.versions(h, w.detectingParty(), w.track().value()).isEmpty()) {
                    throw Refusal.conflict("warning " + w.track() + " already exists here; a new warning takes a"
                            + " new track number");
                }
            });
            index(h, item);
        };
    }

    /** A partner's version received here, for this node or, as the hub, passed on. */
    public ItemReceived onReceived() {
        return (h, copy) -> index(h, copy.item());
    }

    /** A version retracted by this node or on its originator's notice: its warning falls back to the one before. */
    public ItemRetracted onRetracted() {
        return Warnings::drop;
    }

    /**
     * Versions the index lacks are indexed from the items, at start-up before anything is served: a store that held
     * warnings before the index existed, or one an instance of an earlier version wrote to meanwhile. Only the
     * items on the topic not indexed yet are read as warnings.
     */
    public void catchUp() {
        self.store().useTransaction(h -> {
            java.util.Set<String> indexed = Warnings.indexedItems(h);
            for (ItemRow row : Items.onTopic(h, WarningDesk.TOPIC)) {
                if (!row.retracted() && !indexed.contains(row.id()) && Party.isCode(row.originator())) {
                    WarningDocument.carried(Party.of(row.originator()), row.body(), self.facts().scenario())
                            .ifPresent(w -> Warnings.add(h, version(row.id(), w, row.createdAt())));
                }
            }
        });
    }

    private void index(Handle h, Item item) {
        carried(item).ifPresent(warning -> Warnings.add(h, version(item.id(), warning, item.createdAt())));
    }

    private Optional<MissileWarning> carried(Item item) {
        if (!WarningDesk.TOPIC.covers(item.label().topic())) {
            return Optional.empty();
        }
        return WarningDocument.carried(item.originator(), item.body(), self.facts().scenario());
    }

    private static Warnings.Version version(String itemId, MissileWarning w, java.time.Instant createdAt) {
        return new Warnings.Version(itemId, w.detectingParty(), w.track().value(),
                w.states().size() + (w.isOpen() ? 0 : 1), createdAt, w.detection().at(),
                w.closure().map(c -> c.at()));
    }
}
