package trisec.item;

import java.time.Instant;
import java.util.Objects;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;

/**
 * An item (DESIGN §1): a labelled piece of information as its originator made it, with the originator's seal over
 * the content and the label together (the STANAG 4778 idea), so that a copy's label cannot be changed without
 * the originator. Copies keep the originator's label; how a holder marks its copy is the holder's business.
 *
 * @param id    a UUID, the same at every node that holds the item
 * @param label the originator's label, with the instant the item was created
 */
public record Item(String id, ConfidentialityLabel label, String title, String body, Seal seal) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(seal, "seal");
        if (label.created().isEmpty()) {
            throw new IllegalArgumentException("an item's label says when the item was created");
        }
    }

    public Party originator() {
        return label.originator();
    }

    public Instant createdAt() {
        return label.created().orElseThrow();
    }

    /** The same item re-marked by its originator at another of its levels, under the originator's new seal. */
    public Item reclassified(Level level, Seal newSeal) {
        return new Item(id, new ConfidentialityLabel(label.originator(), level, label.releasableTo(), label.caveats(),
                label.topic(), label.created()), title, body, newSeal);
    }
}
