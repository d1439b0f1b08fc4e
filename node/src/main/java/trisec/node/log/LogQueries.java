package trisec.node.log;

import java.util.List;
import java.util.Map;
import trisec.node.store.Store;

/**
 * What the pages ask of the log besides its entries and proofs: an item's history, and how far the partners'
 * witnesses have cosigned.
 */
public final class LogQueries {
    private final Store store;

    public LogQueries(Store store) {
        this.store = store;
    }

    /**
     * The integrated entries that name {@code id} (an item's UUID, as a quoted JSON value), oldest first, by index.
     * The log holds ids, never content, so this is an item's history.
     */
    public List<Map.Entry<Long, String>> entriesNaming(String id) {
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return List.of(); // only ids are looked for: anything else could match other items' entries
        }
        // Entries are stored as UTF-8 bytes; each database decodes them under its own name.
        String text = store.isPostgres() ? "convert_from(entry, 'UTF8')" : "CAST(entry AS TEXT)";
        return store.read(h -> h.createQuery("SELECT idx, entry FROM audit_entries WHERE " + text
                        + " LIKE :p ORDER BY idx")
                .bind("p", "%\"" + id + "\"%")
                .map((rs, c) -> Map.entry(rs.getLong("idx"), AuditLog.text(rs.getBytes("entry"))))
                .list());
    }

    /** The newest checkpoint partners have cosigned, and which of their witnesses did. */
    public record Cosigned(long size, List<String> witnesses) {}

    public Cosigned cosigned() {
        // The node signs a new checkpoint every round; the witnesses catch up.
        long size = store.read(h -> h.createQuery("SELECT COALESCE(MAX(size), 0) FROM audit_cosignatures")
                .mapTo(Long.class).one());
        List<String> witnesses = size == 0 ? List.of() : store.read(h -> h.createQuery(
                "SELECT witness FROM audit_cosignatures WHERE size = :s ORDER BY witness").bind("s", size)
                .mapTo(String.class).list());
        return new Cosigned(size, witnesses);
    }
}
