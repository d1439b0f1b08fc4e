package trisec.node.person;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Refusal;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.store.Store;

/**
 * Calendar subscriptions (docs/CONSULTATION.md, "Calendars"): a person's read-only credential for the channels'
 * calendars, which a calendar client holds in the address it fetches, since it sends no bearer token. The secret is
 * 256 random bits, shown once when the subscription is made and stored only as its SHA-256 under a purpose of its
 * own (a bearer token's hash is over the token alone, so no hash here can ever stand for a session). It serves the
 * calendars only, as its person would see them; it stops at once when its person or an administrator revokes it,
 * or the person is disabled. Making, revoking and each use are on record, without the secret.
 */
public final class CalendarSubscriptions {
    /** A person's live subscriptions are few: one per calendar client. */
    static final int MAX_PER_PERSON = 10;
    private static final String PURPOSE = "trisec calendar subscription v1\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live subscription, as its person and the administrators see it: never its secret. */
    public record Subscription(String id, String username, String label, Instant createdAt,
                               Optional<Instant> lastFetchedAt) {}

    /** A subscription just made, with its secret: the only time the secret is seen. */
    public record Created(Subscription subscription, String secret) {}

    /** Whom a live secret stands for: the subscription and its person's account, as a sign-in would make it. */
    public record Subscriber(Subscription subscription, Account account) {}

    private final Store store;
    private final Sessions sessions;
    private final InstantSource clock;
    private final boolean behindTls;

    /**
     * @param behindTls the node is reached through a proxy that terminates TLS ({@code --secure-cookies}): the
     *                  addresses it gives out are {@code https} whatever scheme the proxy speaks to it
     */
    public CalendarSubscriptions(Store store, Sessions sessions, InstantSource clock, boolean behindTls) {
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
        this.behindTls = behindTls;
    }

    /**
     * The address a person copies into their calendar client: the host they reached the node at, over https when the
     * node is behind a TLS proxy, so that the secret in it is never sent in the clear by a client told {@code http}.
     */
    public String address(String scheme, String host, String secret) {
        return (behindTls ? "https" : scheme) + "://" + host + trisec.node.http.Requests.CALENDAR_SUBSCRIPTIONS + secret
                + "/channels/calendar.ics";
    }

    /** A new subscription for the person, named by them ({@code label}: which client holds it). */
    public Created create(Account person, String label) {
        String name = label == null || label.isBlank() ? "calendar" : label.strip();
        if (name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("label is 1 to 100 characters without control characters");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        var s = new Subscription(UUID.randomUUID().toString(), person.username(), name, now, Optional.empty());
        store.useTransaction(h -> {
            long live = h.createQuery("""
                    SELECT COUNT(*) FROM calendar_subscriptions WHERE person_id = :p AND revoked_at IS NULL""")
                    .bind("p", person.id()).mapTo(Long.class).one();
            if (live >= MAX_PER_PERSON) {
                throw Refusal.conflict("TOO_MANY_SUBSCRIPTIONS", "a person holds at most " + MAX_PER_PERSON
                        + " calendar subscriptions; revoke one first");
            }
            h.createUpdate("""
                    INSERT INTO calendar_subscriptions (id, person_id, secret_hash, label, created_at)
                    VALUES (:id, :p, :hash, :label, :at)""")
                    .bind("id", s.id()).bind("p", person.id()).bind("hash", hash(secret)).bind("label", name)
                    .bind("at", Store.utc(now)).execute();
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CALENDAR_SUBSCRIBED, now, person.username())
                    .with("subscription", s.id()));
        });
        return new Created(s, secret);
    }

    /** The person's live subscriptions, oldest first. */
    public List<Subscription> of(Account person) {
        return store.read(h -> live(h, "AND s.person_id = :p", person.id()));
    }

    /** Every live subscription of the node, for its administrators. */
    public List<Subscription> all() {
        return store.read(h -> live(h, "", null));
    }

    /** The person revokes one of theirs; another's, or one already revoked, is not there for them. */
    public void revokeOwn(Account person, String id) {
        revoke(person, id, true);
    }

    /** An administrator revokes anyone's. */
    public void revokeAny(Account admin, String id) {
        revoke(admin, id, false);
    }

    private void revoke(Account actor, String id, boolean ownOnly) {
        Instant now = clock.instant();
        store.useTransaction(h -> {
            Optional<String[]> row = h.createQuery("""
                    SELECT s.person_id, p.username FROM calendar_subscriptions s JOIN persons p ON p.id = s.person_id
                    WHERE s.id = :id AND s.revoked_at IS NULL""").bind("id", id == null ? "" : id)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
            if (row.isEmpty() || ownOnly && !row.get()[0].equals(actor.id())) {
                throw Refusal.notFound("no calendar subscription " + id);
            }
            h.createUpdate("UPDATE calendar_subscriptions SET revoked_at = :at, revoked_by = :by WHERE id = :id")
                    .bind("at", Store.utc(now)).bind("by", actor.username()).bind("id", id).execute();
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CALENDAR_REVOKED, now, actor.username())
                    .with("subscription", id).with("owner", row.get()[1]));
        });
    }

    /** Revokes every live subscription of a person (they are being disabled); how many. */
    static int revokeAll(Handle h, String personId, Instant at, String by) {
        return h.createUpdate("""
                UPDATE calendar_subscriptions SET revoked_at = :at, revoked_by = :by
                WHERE person_id = :p AND revoked_at IS NULL""")
                .bind("at", Store.utc(at)).bind("by", by).bind("p", personId).execute();
    }

    /**
     * Whom a secret stands for: a live subscription of a person not disabled, or nothing, whichever way it fails
     * (unknown, revoked, disabled), so that the answer says nothing of which.
     */
    public Optional<Subscriber> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        return store.read(h -> h.createQuery("""
                SELECT s.id, s.person_id FROM calendar_subscriptions s JOIN persons p ON p.id = s.person_id
                WHERE s.secret_hash = :hash AND s.revoked_at IS NULL AND p.disabled_at IS NULL""")
                .bind("hash", hash(secret)).map((rs, ctx) -> new String[] {rs.getString("id"),
                        rs.getString("person_id")}).findOne()
                .flatMap(row -> {
                    var sub = one(h, row[0]);
                    return Persons.byId(h, row[1]).map(p -> new Subscriber(sub, sessions.account(p)));
                }));
    }

    /** A fetch served, on record with what it served (never the secret), and when the subscription was last used. */
    public void fetched(Subscriber s, Optional<String> channel, int events) {
        Instant now = clock.instant();
        store.useTransaction(h -> {
            h.createUpdate("UPDATE calendar_subscriptions SET last_fetched_at = :at WHERE id = :id")
                    .bind("at", Store.utc(now)).bind("id", s.subscription().id()).execute();
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CALENDAR_FETCHED, now, s.account().username())
                    .with("subscription", s.subscription().id()).with("channel", channel.orElse("*"))
                    .with("events", events));
        });
    }

    private static Subscription one(Handle h, String id) {
        return h.createQuery("""
                SELECT s.*, p.username FROM calendar_subscriptions s JOIN persons p ON p.id = s.person_id
                WHERE s.id = :id""").bind("id", id).map((rs, ctx) -> subscription(rs)).one();
    }

    private static List<Subscription> live(Handle h, String and, String personId) {
        var q = h.createQuery("""
                SELECT s.*, p.username FROM calendar_subscriptions s JOIN persons p ON p.id = s.person_id
                WHERE s.revoked_at IS NULL AND p.disabled_at IS NULL\s""" + and + " ORDER BY s.created_at, s.id");
        if (personId != null) {
            q.bind("p", personId);
        }
        return q.map((rs, ctx) -> subscription(rs)).list();
    }

    private static Subscription subscription(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Subscription(rs.getString("id"), rs.getString("username"), rs.getString("label"),
                Store.instant(rs, "created_at"), Optional.ofNullable(Store.instant(rs, "last_fetched_at")));
    }

    /** The stored form of a secret: SHA-256 under this purpose, so it is no bearer token's hash. */
    static String hash(String secret) {
        return Sessions.sha256(PURPOSE + secret);
    }
}
