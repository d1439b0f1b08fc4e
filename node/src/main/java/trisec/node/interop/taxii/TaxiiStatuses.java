package trisec.node.interop.taxii;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Json;
import trisec.node.store.Store;

/**
 * The {@code taxii_statuses} table: each add-objects request's status resource (TAXII 2.1 §4.3), kept for the person
 * who posted it. A status is written in the import's own transaction, so it exists exactly when the import committed.
 * It is kept {@link #KEPT} and deleted as later ones are written: a client reads its status right after posting (the
 * import is done by then), and the audit log, not this table, is the lasting record of what was imported.
 */
final class TaxiiStatuses {
    /** How long a status resource is kept. */
    static final Duration KEPT = Duration.ofDays(7);

    private TaxiiStatuses() {}

    static void insert(Handle h, String id, String postedBy, Instant at, Map<String, Object> status) {
        h.createUpdate("DELETE FROM taxii_statuses WHERE posted_at < :cut").bind("cut", Store.utc(at.minus(KEPT)))
                .execute();
        h.createUpdate("INSERT INTO taxii_statuses (id, posted_by, posted_at, body) VALUES (:i, :p, :a, :b)")
                .bind("i", id).bind("p", postedBy).bind("a", Store.utc(at)).bind("b", Json.write(status)).execute();
    }

    /** The status resource, only for the person who posted it and while it is kept; empty otherwise. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> find(Handle h, String id, String postedBy, Instant now) {
        return h.createQuery("SELECT body FROM taxii_statuses WHERE id = :i AND posted_by = :p AND posted_at >= :cut")
                .bind("i", id).bind("p", postedBy).bind("cut", Store.utc(now.minus(KEPT))).mapTo(String.class)
                .findOne().map(body -> (Map<String, Object>) Json.read(body, Map.class));
    }
}
