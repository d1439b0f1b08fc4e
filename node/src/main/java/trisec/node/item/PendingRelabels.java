package trisec.node.item;

import trisec.node.store.Store;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reclassifications received for items not (yet) held here: the newest per item and sending party, applied to the
 * copy when it arrives if the sender is the item's originator and its signature over the new label verifies then.
 */
final class PendingRelabels {
    private PendingRelabels() {}

    public record Row(String itemId, String originator, String level, String originKey, String originSignature,
                      String headerLabel, Instant labelledAt) {}

    /** Keeps {@code row} unless a reclassification the same party made later is already waiting. */
    public static void record(Handle h, Row row) {
        Optional<Row> waiting = find(h, row.itemId(), row.originator());
        if (waiting.isPresent() && waiting.get().labelledAt().isAfter(row.labelledAt())) {
            return;
        }
        h.createUpdate("DELETE FROM pending_relabels WHERE item_id = :i AND originator = :o")
                .bind("i", row.itemId()).bind("o", row.originator()).execute();
        h.createUpdate("""
                INSERT INTO pending_relabels (item_id, originator, level, origin_key, origin_signature, header_label,
                                              labelled_at)
                VALUES (:i, :o, :l, :k, :s, :hl, :at)""")
                .bind("i", row.itemId()).bind("o", row.originator()).bind("l", row.level()).bind("k", row.originKey())
                .bind("s", row.originSignature()).bind("hl", row.headerLabel()).bind("at", Store.utc(row.labelledAt()))
                .execute();
    }

    public static Optional<Row> find(Handle h, String itemId, String originator) {
        return h.createQuery("SELECT * FROM pending_relabels WHERE item_id = :i AND originator = :o")
                .bind("i", itemId).bind("o", originator)
                .map((rs, ctx) -> new Row(rs.getString("item_id"), rs.getString("originator"), rs.getString("level"),
                        rs.getString("origin_key"), rs.getString("origin_signature"), rs.getString("header_label"),
                        Store.instant(rs, "labelled_at")))
                .findOne();
    }

    /** The originator's waiting reclassification of the item; every party's waiting notice for it is removed. */
    public static Optional<Row> take(Handle h, String itemId, String originator) {
        Optional<Row> row = find(h, itemId, originator);
        h.createUpdate("DELETE FROM pending_relabels WHERE item_id = :i").bind("i", itemId).execute();
        return row;
    }
}
