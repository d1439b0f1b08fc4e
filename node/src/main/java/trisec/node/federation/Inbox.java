package trisec.node.federation;

import trisec.node.store.Store;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Every envelope this node has answered, by message id: a retried delivery gets the same signed answer again and
 * changes nothing, so each message takes effect exactly once.
 */
public final class Inbox {
    private Inbox() {}

    public record Entry(String messageId, String sender, String kind, String envelopeHash, String response) {}

    public static Optional<Entry> find(Handle h, String messageId) {
        return h.createQuery("SELECT * FROM inbox WHERE message_id = :m").bind("m", messageId)
                .map((rs, c) -> new Entry(rs.getString("message_id"), rs.getString("sender"), rs.getString("kind"),
                        rs.getString("envelope_hash"), rs.getString("response"))).findOne();
    }

    public static void record(Handle h, Entry e, Instant at) {
        h.createUpdate("""
                INSERT INTO inbox (message_id, sender, kind, envelope_hash, received_at, response)
                VALUES (:m, :s, :k, :hash, :at, :r)""")
                .bind("m", e.messageId()).bind("s", e.sender()).bind("k", e.kind()).bind("hash", e.envelopeHash())
                .bind("at", Store.utc(at)).bind("r", e.response()).execute();
    }

    public static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one();
    }
}
