package trisec.node.item;

import trisec.node.federation.Postbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.ItemData;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.item.PendingRelabels;
import trisec.party.Level;
import trisec.party.Party;

/**
 * A held copy re-marked with its originator's new level (GSOMIA Art. 4): when the notice arrives, or when a copy
 * arrives after the notice that re-marks it.
 */
public final class Relabels {
    private final Self self;
    private final List<ItemRelabelled> onRelabelled;

    /** @param onRelabelled told of each copy re-marked here, in the transaction that re-marks it */
    public Relabels(Self self, List<ItemRelabelled> onRelabelled) {
        this.self = self;
        this.onRelabelled = List.copyOf(onRelabelled);
    }

    /**
     * Re-marks a held copy with the originator's new level, if its signature over the new label verifies; returns
     * false, changing nothing, when a reclassification the originator made later is already applied.
     */
    boolean relabel(Handle h, ItemRow item, Party originator, String level, String originKey, String signature,
                    String headerLabel, Instant labelledAt) {
        var relabelled = new ItemData(item.id(), item.originator(), level, item.relTo(), item.caveats(), item.topic(),
                item.createdAt().toString(), item.title(), item.body(), originKey, signature);
        ConfidentialityLabel label;
        try {
            label = Labels.of(relabelled, self.facts().scenario());
        } catch (DomainException e) {
            throw new MessageRefused("the new label is not valid: " + e.getMessage());
        }
        var originatorIdentity = self.identityOf(originator);
        if (!Postbox.header(label).equals(headerLabel) || originatorIdentity.isEmpty()
                || !MessageSignatures.verifyItem(originatorIdentity.get(), relabelled)) {
            throw new MessageRefused("the new label is not signed by the originator");
        }
        Level held = self.facts().policy().holderLevel(label, self.party())
                .orElseThrow(() -> new MessageRefused(self.party() + " has no level for " + level));
        if (Items.labelledAt(h, item.id()).filter(current -> !labelledAt.isAfter(current)).isPresent()) {
            return false;
        }
        Items.relabel(h, item.id(), label.level().name(), held.name(), originKey, signature, labelledAt);
        Instant now = self.clock().instant();
        for (ItemRelabelled listener : onRelabelled) {
            listener.relabelled(h, item.id(), now);
        }
        return true;
    }

    /**
     * A copy just stored here takes the originator's reclassification that arrived before it; when that cannot
     * be (its signature does not verify, or this party has no level for the new one) the copy is refused rather
     * than kept under a marking the originator has replaced.
     */
    public void applyWaiting(Handle h, String itemId, Party originator) {
        Optional<PendingRelabels.Row> waiting = PendingRelabels.take(h, itemId, originator.code());
        if (waiting.isEmpty()) {
            return;
        }
        var w = waiting.get();
        relabel(h, Items.byId(h, itemId).orElseThrow(), originator, w.level(), w.originKey(), w.originSignature(),
                w.headerLabel(), w.labelledAt());
    }
}
