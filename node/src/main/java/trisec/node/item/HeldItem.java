package trisec.node.item;

import java.time.Instant;
import java.util.Optional;
import trisec.item.Item;
import trisec.party.Level;
import trisec.party.Party;

/**
 * An item as this node holds it: the originator's item, this node's own marking of it (its level in this party's
 * scheme), where the copy came from and when, whether the originator has retracted it, and who created it when
 * this node is the originator.
 */
public record HeldItem(Item item, Level heldLevel, Optional<Party> receivedFrom, Optional<Instant> receivedAt,
                       boolean retracted, Optional<String> createdBy) {
    public String id() {
        return item.id();
    }

    /** Whether this node's party made the item (a copy from a partner has a sender). */
    public boolean own() {
        return receivedFrom.isEmpty();
    }
}
