package trisec.node.warning;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.item.Item;
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

    /** A version opened, updated or closed here (or any item created here that carries a warning). */
    public ItemCreated onCreated() {
        return (h, by, held) -> index(h, held.item());
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
     * A store that held warnings before the index existed (or whose index is empty) is indexed from its items:
     * once, at start-up, before anything is served. With no version indexed it reads the items on the topic.
     */
    public void catchUp() {
        self.store().useTransaction(h -> {
            if (Warnings.anyVersion(h)) {
                return;
            }
            for (ItemRow row : Items.onTopic(h, WarningDesk.TOPIC)) {
                if (!row.retracted() && Party.isCode(row.originator())) {
                    WarningDocument.carried(Party.of(row.originator()), row.body(), self.facts().scenario())
                            .ifPresent(w -> Warnings.add(h, version(row.id(), w, row.createdAt())));
                }
            }
        });
    }

    private void index(Handle h, Item item) {
        if (!WarningDesk.TOPIC.covers(item.label().topic())) {
            return;
        }
        Optional<MissileWarning> w = WarningDocument.carried(item.originator(), item.body(), self.facts().scenario());
        w.ifPresent(warning -> Warnings.add(h, version(item.id(), warning, item.createdAt())));
    }

    private static Warnings.Version version(String itemId, MissileWarning w, java.time.Instant createdAt) {
        return new Warnings.Version(itemId, w.detectingParty(), w.track().value(),
                w.states().size() + (w.isOpen() ? 0 : 1), createdAt, w.detection().at(),
                w.closure().map(c -> c.at()));
    }
}
