package trisec.node.log;

import trisec.node.store.Store;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Receipts to check against the signer's audit log: each names the index and leaf hash of the signer's RECEIVED
 * entry for a message. PENDING until this node has witnessed a checkpoint of the signer's log that covers the
 * index, then VERIFIED (the inclusion proof holds) or MISSING (it does not).
 */
public final class ReceiptChecks {
    public static final String PENDING = "PENDING";
    public static final String VERIFIED = "VERIFIED";
    public static final String MISSING = "MISSING";

    public record Row(String signer, String messageId, long logIndex, String logLeaf, String state, int alarms) {}

    private ReceiptChecks() {}

    /**
     * Records a receipt to check. A new receipt for the same message (the message was sent again and accepted
     * anew) names another entry, and is checked afresh.
     */
    public static void expect(Handle h, String signer, String messageId, long logIndex, String logLeaf, Instant now) {
        h.createUpdate("""
                INSERT INTO receipt_checks (signer, message_id, log_index, log_leaf, state, recorded_at)
                VALUES (:s, :m, :i, :l, 'PENDING', :at)
                ON CONFLICT (signer, message_id) DO UPDATE SET log_index = excluded.log_index,
                    log_leaf = excluded.log_leaf, state = 'PENDING', recorded_at = excluded.recorded_at,
                    checked_at = NULL, detail = NULL
                WHERE receipt_checks.log_index <> excluded.log_index OR receipt_checks.log_leaf <> excluded.log_leaf""")
                .bind("s", signer).bind("m", messageId).bind("i", logIndex).bind("l", logLeaf)
                .bind("at", Store.utc(now)).execute();
    }

    /**
     * Pending checks of the signer's entries that a checkpoint of {@code size} entries should cover: those below it,
     * and those recorded before {@code overdueBefore} (the checkpoint was signed well after the receipt, so an
     * index beyond it is not the signer's log growing but an entry that is not there). Oldest entry first.
     */
    public static List<Row> due(Handle h, String signer, long size, Instant overdueBefore, int limit) {
        return h.createQuery("""
                SELECT * FROM receipt_checks WHERE signer = :s AND state = 'PENDING'
                  AND (log_index < :n OR recorded_at < :overdue)
                ORDER BY log_index LIMIT :limit""")
                .bind("s", signer).bind("n", size).bind("overdue", Store.utc(overdueBefore)).bind("limit", limit)
                .map((rs, c) -> new Row(rs.getString("signer"), rs.getString("message_id"), rs.getLong("log_index"),
                        rs.getString("log_leaf"), rs.getString("state"), rs.getInt("alarms"))).list();
    }

    /** Settles a pending check; returns whether it was still pending with that entry. */
    public static boolean settle(Handle h, Row row, String state, String detail, Instant now) {
        return h.createUpdate("""
                UPDATE receipt_checks SET state = :st, detail = :d, checked_at = :at,
                    alarms = alarms + :inc
                WHERE signer = :s AND message_id = :m AND log_index = :i AND state = 'PENDING'""")
                .bind("st", state).bind("inc", MISSING.equals(state) ? 1 : 0).bind("d", detail).bind("at", Store.utc(now)).bind("s", row.signer())
                .bind("m", row.messageId()).bind("i", row.logIndex()).execute() == 1;
    }

    public static java.util.Optional<Row> of(Handle h, String signer, String messageId) {
        return h.createQuery("SELECT * FROM receipt_checks WHERE signer = :s AND message_id = :m")
                .bind("s", signer).bind("m", messageId)
                .map((rs, c) -> new Row(rs.getString("signer"), rs.getString("message_id"), rs.getLong("log_index"),
                        rs.getString("log_leaf"), rs.getString("state"), rs.getInt("alarms"))).findOne();
    }
}
