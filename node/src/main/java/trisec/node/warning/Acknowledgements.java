package trisec.node.warning;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import trisec.node.store.Store;
import trisec.party.Party;

/** The warning_acks table: who acknowledged which warning, when; at the acknowledging node and the originator. */
final class Acknowledgements {
    private Acknowledgements() {}

    /** One acknowledgement: {@code party}'s warning {@code track}, acknowledged by {@code by} at {@code at}. */
    record Ack(String id, Party party, String track, String itemId, Party by, Instant at) {}

    /** @return whether it was new (one per warning and acknowledging party) */
    static boolean insert(Handle h, Ack a) {
        boolean known = h.createQuery("""
                SELECT COUNT(*) FROM warning_acks WHERE id = :id OR (party = :p AND track = :t AND by_party = :b)""")
                .bind("id", a.id()).bind("p", a.party().code()).bind("t", a.track()).bind("b", a.by().code())
                .mapTo(Long.class).one() > 0;
        if (known) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO warning_acks (id, party, track, item_id, by_party, acknowledged_at)
                VALUES (:id, :p, :t, :i, :b, :at)""")
                .bind("id", a.id()).bind("p", a.party().code()).bind("t", a.track()).bind("i", a.itemId())
                .bind("b", a.by().code()).bind("at", Store.utc(a.at())).execute();
        return true;
    }

    static List<Ack> of(Handle h, Party party, String track) {
        return h.createQuery("SELECT * FROM warning_acks WHERE party = :p AND track = :t ORDER BY acknowledged_at, id")
                .bind("p", party.code()).bind("t", track).map((rs, c) -> ack(rs)).list();
    }

    /** Every acknowledgement this node keeps, in the order they were made: one query for a whole page. */
    static List<Ack> all(Handle h) {
        return h.createQuery("SELECT * FROM warning_acks ORDER BY acknowledged_at, id").map((rs, c) -> ack(rs)).list();
    }

    private static Ack ack(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Ack(rs.getString("id"), Party.of(rs.getString("party")), rs.getString("track"),
                rs.getString("item_id"), Party.of(rs.getString("by_party")), Store.instant(rs, "acknowledged_at"));
    }
}
