package trisec.node.person;

import trisec.node.store.Lists;
import trisec.node.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The persons table and the bearer tokens issued to them. */
public final class Persons {
    private Persons() {}

    public static void insert(Handle h, PersonRow p) {
        h.createUpdate("""
                INSERT INTO persons (id, username, nationality, clearance, need_to_know, roles, password_hash,
                                     failed_logins, locked_until, created_at)
                VALUES (:id, :username, :nationality, :clearance, :ntk, :roles, :hash, :failed, :locked, :created)""")
                .bind("id", p.id()).bind("username", p.username()).bind("nationality", p.nationality())
                .bind("clearance", p.clearance()).bind("ntk", Lists.join(p.needToKnow()))
                .bind("roles", Lists.join(p.roles())).bind("hash", p.passwordHash()).bind("failed", p.failedLogins())
                .bind("locked", Store.utc(p.lockedUntil().orElse(null))).bind("created", Store.utc(p.createdAt()))
                .execute();
    }

    static Optional<PersonRow> byUsername(Handle h, String username) {
        return h.createQuery("SELECT * FROM persons WHERE username = :u").bind("u", username)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static Optional<PersonRow> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM persons WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<PersonRow> all(Handle h) {
        return h.createQuery("SELECT * FROM persons ORDER BY username").map((rs, ctx) -> row(rs)).list();
    }

    public static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM persons").mapTo(Long.class).one();
    }

    static void recordFailure(Handle h, String id, int failures, Instant lockedUntil) {
        h.createUpdate("UPDATE persons SET failed_logins = :f, locked_until = :l WHERE id = :id")
                .bind("f", failures).bind("l", Store.utc(lockedUntil)).bind("id", id).execute();
    }

    static void recordSuccess(Handle h, String id) {
        h.createUpdate("UPDATE persons SET failed_logins = 0, locked_until = NULL WHERE id = :id").bind("id", id).execute();
    }

    static void insertToken(Handle h, String tokenHash, String personId, Instant expiresAt) {
        h.createUpdate("INSERT INTO tokens (token_hash, person_id, expires_at) VALUES (:t, :p, :e)")
                .bind("t", tokenHash).bind("p", personId).bind("e", Store.utc(expiresAt)).execute();
    }

    /** The person a live token belongs to, unless disabled. */
    static Optional<PersonRow> byToken(Handle h, String tokenHash, Instant now) {
        return h.createQuery("""
                SELECT p.* FROM tokens t JOIN persons p ON p.id = t.person_id
                WHERE t.token_hash = :t AND t.expires_at > :now AND p.disabled_at IS NULL""")
                .bind("t", tokenHash).bind("now", Store.utc(now)).map((rs, ctx) -> row(rs)).findOne();
    }

    static int deleteToken(Handle h, String tokenHash) {
        return h.createUpdate("DELETE FROM tokens WHERE token_hash = :t").bind("t", tokenHash).execute();
    }

    /** Marks the person disabled and ends every session of theirs; false when already disabled. */
    static boolean disable(Handle h, String id, Instant at) {
        int changed = h.createUpdate("UPDATE persons SET disabled_at = :at WHERE id = :id AND disabled_at IS NULL")
                .bind("at", Store.utc(at)).bind("id", id).execute();
        h.createUpdate("DELETE FROM tokens WHERE person_id = :id").bind("id", id).execute();
        return changed > 0;
    }

    static void deleteExpiredTokens(Handle h, Instant now) {
        h.createUpdate("DELETE FROM tokens WHERE expires_at <= :now").bind("now", Store.utc(now)).execute();
    }

    private static PersonRow row(ResultSet rs) throws SQLException {
        return new PersonRow(rs.getString("id"), rs.getString("username"), rs.getString("nationality"),
                rs.getString("clearance"), Lists.split(rs.getString("need_to_know")), Lists.split(rs.getString("roles")),
                rs.getString("password_hash"), rs.getInt("failed_logins"),
                Optional.ofNullable(Store.instant(rs, "locked_until")), Store.instant(rs, "created_at"),
                Optional.ofNullable(Store.instant(rs, "disabled_at")));
    }

    /** Person ids to usernames, for what names who requested or decided it; an unknown id stays as it is. */
    public static java.util.function.Function<String, String> usernames(Handle h) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all(h).forEach(x -> names.put(x.id(), x.username()));
        return id -> names.getOrDefault(id, id);
    }
}
