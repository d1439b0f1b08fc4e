package trisec.node.option;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import trisec.node.store.Store;

/** The options table: which of this node's items are options, newest first. */
final class Options {
    private Options() {}

    static void insert(Handle h, String itemId, Instant at) {
        h.createUpdate("INSERT INTO options (item_id, created_at) VALUES (:id, :at)").bind("id", itemId)
                .bind("at", Store.utc(at)).execute();
    }

    static boolean has(Handle h, String itemId) {
        return h.createQuery("SELECT COUNT(*) FROM options WHERE item_id = :id").bind("id", itemId)
                .mapTo(Integer.class).one() > 0;
    }

    static List<String> all(Handle h) {
        return h.createQuery("SELECT item_id FROM options ORDER BY created_at DESC, item_id").mapTo(String.class)
                .list();
    }
}
