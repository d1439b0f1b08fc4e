package trisec.node.item;

import trisec.node.store.Store;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Retractions received for items not (yet) held here, by item id and the party that sent them; only the
 * originator's counts when a copy arrives.
 */
public final class Retractions {
    private Retractions() {}

    public static void record(Handle h, String itemId, String party, Instant at) {
        if (!by(h, itemId, party)) {
            h.createUpdate("INSERT INTO retractions (item_id, originator, retracted_at) VALUES (:i, :o, :at)")
                    .bind("i", itemId).bind("o", party).bind("at", Store.utc(at)).execute();
        }
    }

    /** Whether {@code party} retracted the item before any copy of it came here. */
    public static boolean by(Handle h, String itemId, String party) {
        return h.createQuery("SELECT COUNT(*) FROM retractions WHERE item_id = :i AND originator = :o")
                .bind("i", itemId).bind("o", party).mapTo(Integer.class).one() > 0;
    }
}
