package trisec.node.item;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The copies of this node's items that partners imported and this node confirmed as their originator
 * (docs/INTEROP.md, "STIX import"): each is held as if released directly, from this node to that party.
 */
public final class ConfirmedCopies {
    private ConfirmedCopies() {}

    /** Records that {@code party} holds the item; false, changing nothing, when it was on record already. */
    public static boolean record(Handle h, String itemId, Party party, Instant at) {
        return h.createUpdate("""
                INSERT INTO confirmed_copies (item_id, party, confirmed_at) VALUES (:i, :p, :at)
                ON CONFLICT (item_id, party) DO NOTHING""")
                .bind("i", itemId).bind("p", party.code()).bind("at", Store.utc(at)).execute() == 1;
    }

    /** The routes of the confirmed copies of the item: its originator (this node), then the holder. */
    public static Stream<List<Party>> routes(Handle h, String itemId) {
        return h.createQuery("""
                SELECT i.originator, c.party FROM confirmed_copies c JOIN items i ON i.id = c.item_id
                WHERE c.item_id = :i ORDER BY c.confirmed_at, c.party""")
                .bind("i", itemId).map((rs, ctx) -> List.of(Party.of(rs.getString(1)), Party.of(rs.getString(2))))
                .list().stream();
    }
}
