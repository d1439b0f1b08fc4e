package trisec.node.item;

import trisec.node.store.Store;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reports of loss or compromise of an item (GSOMIA Art. 17). */
public final class Reports {
    private Reports() {}

    public record Row(String id, String itemId, String reporter, String detail, Instant reportedAt) {}

    public static void insert(Handle h, Row r) {
        h.createUpdate("INSERT INTO reports (id, item_id, reporter, detail, reported_at) VALUES (:id, :i, :r, :d, :at)")
                .bind("id", r.id()).bind("i", r.itemId()).bind("r", r.reporter()).bind("d", r.detail())
                .bind("at", Store.utc(r.reportedAt())).execute();
    }

    public static List<Row> ofItem(Handle h, String itemId) {
        return h.createQuery("SELECT * FROM reports WHERE item_id = :i ORDER BY reported_at, id").bind("i", itemId)
                .map((rs, c) -> new Row(rs.getString("id"), rs.getString("item_id"), rs.getString("reporter"),
                        rs.getString("detail"), Store.instant(rs, "reported_at"))).list();
    }
}
