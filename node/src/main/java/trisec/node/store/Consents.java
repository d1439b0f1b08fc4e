package trisec.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The consents table. */
public final class Consents {
    private Consents() {}

    public static void insert(Handle h, ConsentRow c) {
        h.createUpdate("""
                INSERT INTO consents (id, item_id, originator, holder, recipient, direction, state, requested_at,
                                      decided_at, decided_by, signature)
                VALUES (:id, :item, :originator, :holder, :recipient, :direction, :state, :requested, :decided,
                        :decidedBy, :signature)""")
                .bind("id", c.id()).bind("item", c.itemId()).bind("originator", c.originator())
                .bind("holder", c.holder()).bind("recipient", c.recipient()).bind("direction", c.direction())
                .bind("state", c.state()).bind("requested", Store.utc(c.requestedAt()))
                .bind("decided", Store.utc(c.decidedAt().orElse(null))).bind("decidedBy", c.decidedBy().orElse(null))
                .bind("signature", c.signature().orElse(null)).execute();
    }

    public static Optional<ConsentRow> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM consents WHERE id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    public static Optional<ConsentRow> lock(Handle h, String id) {
        return h.createQuery("SELECT * FROM consents WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    public static List<ConsentRow> all(Handle h) {
        return h.createQuery("SELECT * FROM consents ORDER BY requested_at DESC, id").map((rs, c) -> row(rs)).list();
    }

    /** A granted consent of the originator for this item to this recipient, if one is on record here. */
    public static Optional<ConsentRow> granted(Handle h, String itemId, String recipient) {
        return h.createQuery("""
                SELECT * FROM consents WHERE item_id = :i AND recipient = :r AND state = 'GRANTED'
                ORDER BY decided_at DESC""").bind("i", itemId).bind("r", recipient).map((rs, c) -> row(rs)).findFirst();
    }

    public static void decide(Handle h, String id, String state, Instant at, String by, String signature) {
        h.createUpdate("""
                UPDATE consents SET state = :s, decided_at = :at, decided_by = :by, signature = :sig WHERE id = :id""")
                .bind("s", state).bind("at", Store.utc(at)).bind("by", by).bind("sig", signature).bind("id", id)
                .execute();
    }

    private static ConsentRow row(ResultSet rs) throws SQLException {
        return new ConsentRow(rs.getString("id"), rs.getString("item_id"), rs.getString("originator"),
                rs.getString("holder"), rs.getString("recipient"), rs.getString("direction"), rs.getString("state"),
                Store.instant(rs, "requested_at"), Optional.ofNullable(Store.instant(rs, "decided_at")),
                Optional.ofNullable(rs.getString("decided_by")), Optional.ofNullable(rs.getString("signature")));
    }
}
