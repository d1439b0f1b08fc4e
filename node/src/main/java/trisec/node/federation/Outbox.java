package trisec.node.federation;

import trisec.node.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The transactional outbox: an envelope is committed here in the same transaction as the action that sends it,
 * and the delivery worker sends it afterwards, however often it takes, so no action is lost to a crash and no
 * envelope goes out for an action that was rolled back.
 */
public final class Outbox {
    private Outbox() {}

    /** @param firstAttempt when a round may first send it: now, or later when it is leased to a sender already */
    public static void enqueue(Handle h, String messageId, String peer, String kind, Optional<String> releaseId,
                               String envelope, Instant now, Instant firstAttempt) {
        h.createUpdate("""
                INSERT INTO outbox (message_id, peer, kind, release_id, envelope, state, attempts, next_attempt_at,
                                    created_at)
                VALUES (:m, :peer, :kind, :release, :envelope, 'PENDING', 0, :first, :now)""")
                .bind("m", messageId).bind("peer", peer).bind("kind", kind).bind("release", releaseId.orElse(null))
                .bind("envelope", envelope).bind("first", Store.utc(firstAttempt)).bind("now", Store.utc(now))
                .execute();
    }

    /** The envelope with this message id, if it was committed. */
    static Optional<OutboxRow> byMessage(Handle h, String messageId) {
        return h.createQuery("SELECT * FROM outbox WHERE message_id = :m").bind("m", messageId)
                .map((rs, c) -> row(rs)).findOne();
    }

    /**
     * Claims due envelopes. Agreement notes go to each peer in the order they were written, each only once the
     * ones before it are done, since an event may only make sense after the one before (a suspension after its
     * notice); everything else in any order (reclassifications carry their own time, and a message that can never
     * be delivered holds up only its own kind). On PostgreSQL, {@code SKIP LOCKED} lets several stateless
     * instances of a node share one PostgreSQL without sending an envelope twice at once; the lock lasts for the
     * claiming transaction.
     */
    public static List<OutboxRow> claimDue(Handle h, Instant now, int limit) {
        return h.createQuery("""
                SELECT * FROM outbox o WHERE o.state = 'PENDING' AND o.next_attempt_at <= :now
                  AND (o.kind <> 'EVENT_NOTE' OR NOT EXISTS (
                      SELECT 1 FROM outbox e WHERE e.state = 'PENDING' AND e.peer = o.peer
                                               AND e.kind = 'EVENT_NOTE' AND e.id < o.id))
                ORDER BY o.id LIMIT :limit <forUpdate> <skipLocked>""")
                .bind("now", Store.utc(now)).bind("limit", limit).map((rs, c) -> row(rs)).list();
    }

    /** Whether a round would find anything to send (without the order of agreement notes, which only holds back). */
    static boolean anyDue(Handle h, Instant now) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= :now)")
                .bind("now", Store.utc(now)).mapTo(Boolean.class).one();
    }

    public static void done(Handle h, long id) {
        h.createUpdate("UPDATE outbox SET state = 'DONE', last_error = NULL WHERE id = :id").bind("id", id).execute();
    }

    static void retryLater(Handle h, long id, int attempts, Instant next, String error) {
        h.createUpdate("UPDATE outbox SET attempts = :a, next_attempt_at = :n, last_error = :e WHERE id = :id")
                .bind("a", attempts).bind("n", Store.utc(next))
                .bind("e", error.length() > 500 ? error.substring(0, 500) : error).bind("id", id).execute();
    }

    /**
     * Makes every waiting envelope due now: for a node that has just started on a store no other instance uses,
     * where any lease is a dead process's and any back-off was waiting on a world that may have changed.
     */
    static int resumeAll(Handle h, Instant now) {
        return h.createUpdate("UPDATE outbox SET next_attempt_at = :now WHERE state = 'PENDING' AND next_attempt_at > :now")
                .bind("now", Store.utc(now)).execute();
    }

    /**
     * Makes the envelopes for a peer that is answering again due now, when their back-off would have them wait
     * longer than {@code lease}: a wait that short may be another instance's lease on the envelope, and is left.
     */
    static int resumePeer(Handle h, String peer, Instant now, java.time.Duration lease) {
        return h.createUpdate("""
                UPDATE outbox SET next_attempt_at = :now
                WHERE state = 'PENDING' AND peer = :p AND next_attempt_at > :beyond""")
                .bind("now", Store.utc(now)).bind("p", peer).bind("beyond", Store.utc(now.plus(lease))).execute();
    }

    static boolean waitingBeyond(Handle h, String peer, Instant t) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND peer = :p AND next_attempt_at > :t")
                .bind("p", peer).bind("t", Store.utc(t)).mapTo(Long.class).one() > 0;
    }

    /**
     * Sends a delivered message again, now (its receipt named an entry the recipient's log does not hold). Returns
     * whether this node had sent it.
     */
    public static boolean resend(Handle h, String messageId, Instant now) {
        return h.createUpdate("""
                UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = :e
                WHERE message_id = :m AND state = 'DONE'""").bind("now", Store.utc(now)).bind("m", messageId)
                .bind("e", "sent again: the receipt's log entry was not in the recipient's log").execute() == 1;
    }

    public static List<OutboxRow> all(Handle h) {
        return h.createQuery("SELECT * FROM outbox ORDER BY id").map((rs, c) -> row(rs)).list();
    }

    public static long pending(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'").mapTo(Long.class).one();
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("message_id"), rs.getString("peer"), rs.getString("kind"),
                Optional.ofNullable(rs.getString("release_id")), rs.getString("envelope"), rs.getString("state"),
                rs.getInt("attempts"), Store.instant(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("last_error")), Store.instant(rs, "created_at"));
    }
}
