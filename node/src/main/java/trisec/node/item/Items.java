package trisec.node.item;

import trisec.node.store.Lists;
import trisec.node.store.Store;
import java.sql.ResultSet;
import java.time.Instant;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The items table. */
public final class Items {
    private Items() {}

    public static void insert(Handle h, ItemRow i) {
        insert(h, i, "");
    }

    /**
     * Inserts the item unless one of its id is there already (or being stored by a transaction not yet ended, which
     * this one then waits for); whether it did. For a writer that may race another storing the same copy.
     */
    public static boolean insertIfAbsent(Handle h, ItemRow i) {
        return insert(h, i, " ON CONFLICT (id) DO NOTHING") == 1;
    }

    private static int insert(Handle h, ItemRow i, String onConflict) {
        return h.createUpdate("""
                INSERT INTO items (id, originator, level, rel_to, caveats, topic, created_at, title, body, held_level,
                                   origin_key, origin_signature, received_from, received_at, state, created_by)
                VALUES (:id, :originator, :level, :relTo, :caveats, :topic, :createdAt, :title, :body, :heldLevel,
                        :originKey, :originSignature, :receivedFrom, :receivedAt, :state, :createdBy)""" + onConflict)
                .bind("id", i.id()).bind("originator", i.originator()).bind("level", i.level())
                .bind("relTo", Lists.join(i.relTo())).bind("caveats", Lists.join(i.caveats())).bind("topic", i.topic())
                .bind("createdAt", Store.utc(i.createdAt())).bind("title", i.title()).bind("body", i.body())
                .bind("heldLevel", i.heldLevel()).bind("originKey", i.originKey())
                .bind("originSignature", i.originSignature()).bind("receivedFrom", i.receivedFrom().orElse(null))
                .bind("receivedAt", Store.utc(i.receivedAt().orElse(null))).bind("state", i.state())
                .bind("createdBy", i.createdBy().orElse(null)).execute();
    }

    public static Optional<ItemRow> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM items WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * The items of these ids that are held here, in no particular order; asked a thousand at a time, well within
     * either database's limit on bound values.
     */
    public static List<ItemRow> byIds(Handle h, java.util.Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        var rows = new java.util.ArrayList<ItemRow>();
        for (int from = 0; from < all.size(); from += 1000) {
            rows.addAll(h.createQuery("SELECT * FROM items WHERE id IN (<ids>)")
                    .bindList("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .map((rs, ctx) -> row(rs)).list());
        }
        return rows;
    }

    /** Locks the row for the rest of the transaction (approvals and notices must not race). */
    public static Optional<ItemRow> lock(Handle h, String id) {
        return h.createQuery("SELECT * FROM items WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<ItemRow> all(Handle h) {
        return h.createQuery("SELECT * FROM items ORDER BY created_at DESC, id").map((rs, ctx) -> row(rs)).list();
    }

    /** The items on a topic or below it, newest first (a prefix compared as text: no pattern to escape). */
    public static List<ItemRow> onTopic(Handle h, trisec.topic.Topic topic) {
        String below = topic.path() + ".";
        return h.createQuery("""
                SELECT * FROM items WHERE topic = :t OR substr(topic, 1, :n) = :below
                ORDER BY created_at DESC, id""").bind("t", topic.path()).bind("n", below.length())
                .bind("below", below).map((rs, ctx) -> row(rs)).list();
    }

    /** Copies received from partners, newest first. */
    public static List<ItemRow> received(Handle h) {
        return h.createQuery("SELECT * FROM items WHERE received_from IS NOT NULL ORDER BY received_at DESC, id")
                .map((rs, ctx) -> row(rs)).list();
    }

    public static void retract(Handle h, String id) {
        h.createUpdate("UPDATE items SET state = :s WHERE id = :id").bind("s", ItemRow.RETRACTED).bind("id", id).execute();
    }

    /** Re-marks an item with the originator's new label, made at {@code labelledAt}. */
    static void relabel(Handle h, String id, String level, String heldLevel, String originKey, String signature,
                               Instant labelledAt) {
        h.createUpdate("""
                UPDATE items SET level = :level, held_level = :held, origin_key = :key, origin_signature = :sig,
                                 labelled_at = :at
                WHERE id = :id""")
                .bind("level", level).bind("held", heldLevel).bind("key", originKey).bind("sig", signature)
                .bind("at", Store.utc(labelledAt)).bind("id", id).execute();
    }

    /** When the originator made the label each reclassified item carries, read at once for many items. */
    public static Map<String, Instant> labelledAts(Handle h) {
        var out = new java.util.HashMap<String, Instant>();
        h.createQuery("SELECT id, labelled_at FROM items WHERE labelled_at IS NOT NULL")
                .map((rs, c) -> Map.entry(rs.getString("id"), Store.instant(rs, "labelled_at")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** When the originator made the label the item carries, if it was ever reclassified. */
    static Optional<Instant> labelledAt(Handle h, String id) {
        return h.createQuery("SELECT labelled_at FROM items WHERE id = :id").bind("id", id)
                .map((rs, c) -> Optional.ofNullable(Store.instant(rs, "labelled_at")))
                .findOne().flatMap(o -> o);
    }

    private static ItemRow row(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getString("id"), rs.getString("originator"), rs.getString("level"),
                Lists.split(rs.getString("rel_to")), Lists.split(rs.getString("caveats")), rs.getString("topic"),
                Store.instant(rs, "created_at"), rs.getString("title"), rs.getString("body"), rs.getString("held_level"),
                rs.getString("origin_key"), rs.getString("origin_signature"),
                Optional.ofNullable(rs.getString("received_from")), Optional.ofNullable(Store.instant(rs, "received_at")),
                rs.getString("state"), Optional.ofNullable(rs.getString("created_by")));
    }
}
