package trisec.node.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Retractions received for items not (yet) held here, by item id, with the party that retracted. */
public final class Retractions {
    private Retractions() {}

    public static void record(Handle h, String itemId, String originator, Instant at) {
        if (find(h, itemId).isEmpty()) {
            h.createUpdate("INSERT INTO retractions (item_id, originator, retracted_at) VALUES (:i, :o, :at)")
                    .bind("i", itemId).bind("o", originator).bind("at", Store.utc(at)).execute();
        }
    }

    /** The party that retracted the item, if a retraction came before any copy. */
    public static Optional<String> find(Handle h, String itemId) {
        return h.createQuery("SELECT originator FROM retractions WHERE item_id = :i").bind("i", itemId)
                .mapTo(String.class).findOne();
    }
}
