package trisec.node.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.DomainException;
import trisec.node.store.Lists;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.policy.StandingAuthority;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** The standing authorities table; the highest level is stored by name, in this node's own scheme. */
final class Authorities {
    private static final Logger LOG = LoggerFactory.getLogger(Authorities.class);

    private Authorities() {}

    static void insert(Handle h, AuthorityRecord r) {
        StandingAuthority a = r.authority();
        h.createUpdate("""
                INSERT INTO authorities (id, topic, highest, recipients, valid_from, valid_until, under, proposed_by,
                                         proposed_at)
                VALUES (:id, :topic, :highest, :recipients, :from, :until, :under, :by, :at)""")
                .bind("id", a.id()).bind("topic", a.topic().path()).bind("highest", a.highest().name())
                .bind("recipients", Lists.join(a.recipients().stream().map(Party::code).toList()))
                .bind("from", Store.utc(a.validFrom())).bind("until", Store.utc(a.validUntil().orElse(null)))
                .bind("under", a.under().orElse(null)).bind("by", r.proposedBy()).bind("at", Store.utc(r.proposedAt()))
                .execute();
    }

    static Optional<AuthorityRecord> lock(Handle h, Scenario s, Party own, String id) {
        return h.createQuery("SELECT * FROM authorities WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, c) -> read(rs, s, own)).findOne();
    }

    static Optional<AuthorityRecord> byId(Handle h, Scenario s, Party own, String id) {
        return h.createQuery("SELECT * FROM authorities WHERE id = :id").bind("id", id)
                .map((rs, c) -> read(rs, s, own)).findOne();
    }

    /** Every authority, newest proposal first; one the scenario can no longer read is left out (and logged). */
    static List<AuthorityRecord> all(Handle h, Scenario s, Party own) {
        return h.createQuery("SELECT * FROM authorities ORDER BY proposed_at DESC, id")
                .map((rs, c) -> readable(rs, s, own)).stream().flatMap(Optional::stream).toList();
    }

    /**
     * The approved authorities not revoked, in the order they were proposed. One whose level the scenario no
     * longer knows releases nothing, and does not stop items from being created.
     *
     * <p>On PostgreSQL the rows stay share-locked until the caller's transaction ends, so a revocation waits for
     * the releases made under the authority, and a transaction that reads after a revocation began waits for it
     * and leaves the authority out: once a revocation has committed, nothing more is released under it. On
     * SQLite the one writer keeps them apart anyway.
     */
    static List<AuthorityRecord> active(Handle h, Scenario s, Party own) {
        return h.createQuery("""
                SELECT * FROM authorities WHERE approved_at IS NOT NULL AND revoked_at IS NULL
                ORDER BY proposed_at, id <forShare>""").map((rs, c) -> readable(rs, s, own)).stream()
                .flatMap(Optional::stream).toList();
    }

    private static Optional<AuthorityRecord> readable(ResultSet rs, Scenario s, Party own) throws SQLException {
        try {
            return Optional.of(read(rs, s, own));
        } catch (DomainException | IllegalArgumentException e) {
            LOG.warn("standing authority {} cannot be read on this scenario and is left out: {}",
                    rs.getString("id"), e.getMessage());
            return Optional.empty();
        }
    }

    static void approve(Handle h, String id, String by, Instant at) {
        h.createUpdate("UPDATE authorities SET approved_by = :by, approved_at = :at WHERE id = :id")
                .bind("by", by).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    static void revoke(Handle h, String id, String by, Instant at) {
        h.createUpdate("UPDATE authorities SET revoked_by = :by, revoked_at = :at WHERE id = :id")
                .bind("by", by).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    private static AuthorityRecord read(ResultSet rs, Scenario s, Party own) throws SQLException {
        var authority = new StandingAuthority(rs.getString("id"), Topic.of(rs.getString("topic")),
                s.scheme(own).level(rs.getString("highest")),
                Lists.split(rs.getString("recipients")).stream().map(Party::of).toList(),
                Store.instant(rs, "valid_from"), Optional.ofNullable(Store.instant(rs, "valid_until")),
                Optional.ofNullable(rs.getString("under")));
        return new AuthorityRecord(authority, rs.getString("proposed_by"), Store.instant(rs, "proposed_at"),
                Optional.ofNullable(rs.getString("approved_by")), Optional.ofNullable(Store.instant(rs, "approved_at")),
                Optional.ofNullable(rs.getString("revoked_by")), Optional.ofNullable(Store.instant(rs, "revoked_at")));
    }
}
