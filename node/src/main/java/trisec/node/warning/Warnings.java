package trisec.node.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The warning_versions and warnings tables: which items held here are standing versions of which warning, and the
 * latest of each. They say nothing about who may read what: that is the item's, read through Holdings.
 */
final class Warnings {
    private Warnings() {}

    /**
     * A standing version: the item, its warning, and what orders it among the others (a higher rank is later; of
     * two of one rank, the one its originator created later).
     */
    record Version(String itemId, Party party, String track, int rank, Instant createdAt, Instant detectedAt,
                   Optional<Instant> closedAt) {}

    /** A warning's latest standing version, as the lists need it. */
    record Latest(Party party, String track, String itemId, Instant detectedAt, Optional<Instant> closedAt) {}

    /** A new standing version; the warning's latest if it is later than the one there (or than none). */
    static void add(Handle h, Version v) {
        bound(h.createUpdate("""
                INSERT INTO warning_versions (item_id, party, track, rank, created_at, detected_at, closed_at)
                VALUES (:item, :party, :track, :rank, :created, :detected, :closed)
                ON CONFLICT (item_id) DO NOTHING"""), v).execute();
        // Conditional, so that two versions stored at once leave the later one, whichever commits last.
        bound(h.createUpdate("""
                INSERT INTO warnings (party, track, item_id, rank, created_at, detected_at, closed_at)
                VALUES (:party, :track, :item, :rank, :created, :detected, :closed)
                ON CONFLICT (party, track) DO UPDATE SET item_id = excluded.item_id, rank = excluded.rank,
                    created_at = excluded.created_at, detected_at = excluded.detected_at,
                    closed_at = excluded.closed_at
                WHERE warnings.rank < excluded.rank
                   OR (warnings.rank = excluded.rank AND warnings.created_at <= excluded.created_at)"""), v)
                .execute();
    }

    /** A version no longer stands (retracted): the warning falls back to its latest other one, or is gone. */
    static void drop(Handle h, String itemId) {
        Optional<Version> gone = h.createQuery("SELECT * FROM warning_versions WHERE item_id = :i").bind("i", itemId)
                .map((rs, c) -> version(rs)).findOne();
        if (gone.isEmpty()) {
            return;
        }
        Party party = gone.get().party();
        String track = gone.get().track();
        Optional<String> latest = h.createQuery("""
                SELECT item_id FROM warnings WHERE party = :p AND track = :t <forUpdate>""")
                .bind("p", party.code()).bind("t", track).mapTo(String.class).findOne();
        h.createUpdate("DELETE FROM warning_versions WHERE item_id = :i").bind("i", itemId).execute();
        if (latest.isPresent() && !latest.get().equals(itemId)) {
            return;
        }
        h.createUpdate("DELETE FROM warnings WHERE party = :p AND track = :t").bind("p", party.code())
                .bind("t", track).execute();
        h.createQuery("""
                SELECT * FROM warning_versions WHERE party = :p AND track = :t
                ORDER BY rank DESC, created_at DESC, item_id DESC LIMIT 1""")
                .bind("p", party.code()).bind("t", track).map((rs, c) -> version(rs)).findOne()
                .ifPresent(v -> add(h, v));
    }

    /** The items of every standing version indexed. */
    static java.util.Set<String> indexedItems(Handle h) {
        return java.util.Set.copyOf(h.createQuery("SELECT item_id FROM warning_versions").mapTo(String.class).list());
    }

    /** Every warning held here, newest detection first. */
    static List<Latest> all(Handle h) {
        return h.createQuery("SELECT * FROM warnings ORDER BY detected_at DESC, party, track")
                .map((rs, c) -> latest(rs)).list();
    }

    /** The warnings held here whose latest version is open, newest detection first. */
    static List<Latest> open(Handle h) {
        return h.createQuery("SELECT * FROM warnings WHERE closed_at IS NULL ORDER BY detected_at DESC, party, track")
                .map((rs, c) -> latest(rs)).list();
    }

    static Optional<Latest> of(Handle h, Party party, String track) {
        return h.createQuery("SELECT * FROM warnings WHERE party = :p AND track = :t")
                .bind("p", party.code()).bind("t", track).map((rs, c) -> latest(rs)).findOne();
    }

    /** The track number of the warning a standing version belongs to. */
    static Optional<String> trackOf(Handle h, String itemId) {
        return h.createQuery("SELECT track FROM warning_versions WHERE item_id = :i").bind("i", itemId)
                .mapTo(String.class).findOne();
    }

    /** The items of a warning's standing versions, earliest first. */
    static List<String> versions(Handle h, Party party, String track) {
        return h.createQuery("""
                SELECT item_id FROM warning_versions WHERE party = :p AND track = :t
                ORDER BY rank, created_at, item_id""").bind("p", party.code()).bind("t", track)
                .mapTo(String.class).list();
    }

    private static Update bound(Update u, Version v) {
        return u.bind("item", v.itemId()).bind("party", v.party().code()).bind("track", v.track())
                .bind("rank", v.rank()).bind("created", Store.utc(v.createdAt()))
                .bind("detected", Store.utc(v.detectedAt())).bind("closed", Store.utc(v.closedAt().orElse(null)));
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getString("item_id"), Party.of(rs.getString("party")), rs.getString("track"),
                rs.getInt("rank"), Store.instant(rs, "created_at"), Store.instant(rs, "detected_at"),
                Optional.ofNullable(Store.instant(rs, "closed_at")));
    }

    private static Latest latest(ResultSet rs) throws SQLException {
        return new Latest(Party.of(rs.getString("party")), rs.getString("track"), rs.getString("item_id"),
                Store.instant(rs, "detected_at"), Optional.ofNullable(Store.instant(rs, "closed_at")));
    }
}
