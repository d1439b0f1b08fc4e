package trisec.node.person;

import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import trisec.node.base.Refusal;
import trisec.node.person.PersonRow;
import trisec.node.person.Persons;
import trisec.node.store.Store;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.topic.Topic;
import trisec.topic.TopicScope;

/**
 * Sign-in and bearer tokens. Five wrong passwords in a row lock an account for fifteen minutes; an unknown
 * username costs the same time as a wrong password; tokens are random, stored only as their SHA-256, and expire.
 */
public final class Sessions {
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(String token, Instant expiresAt) {}

    private final Store store;
    private final ClassificationScheme scheme;
    private final java.time.InstantSource clock;
    private final Duration tokenLifetime;

    public Sessions(Store store, ClassificationScheme scheme, java.time.InstantSource clock, Duration tokenLifetime) {
        this.store = store;
        this.scheme = scheme;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public Token signIn(String username, String password) {
        Instant now = clock.instant();
        Optional<PersonRow> found = store.read(h -> Persons.byUsername(h, username));
        if (found.isEmpty()) {
            Passwords.verifyDecoy(password.toCharArray());
            // What was typed may be a password in the wrong field: the log keeps only a fingerprint of it.
            audit(AuditEntry.of(AuditEntry.Type.LOGIN_FAILED, now, "?").with("why", "unknown username")
                    .with("typed", sha256("trisec unknown username\n" + username).substring(0, 16)));
            throw Refusal.unauthenticated("wrong username or password");
        }
        PersonRow p = found.get();
        if (p.lockedUntil().isPresent() && p.lockedUntil().get().isAfter(now)) {
            audit(AuditEntry.of(AuditEntry.Type.LOGIN_FAILED, now, p.username()).with("why", "locked"));
            throw Refusal.locked("too many failed sign-ins; the account is locked until "
                    + p.lockedUntil().get());
        }
        boolean rightPassword = Passwords.verify(password.toCharArray(), p.passwordHash());
        // A disabled person is answered as a wrong password is, and counts towards the lock the same: a different
        // answer, or a lock that comes later, would tell whoever is guessing that the password they tried is right
        // (a password a person may use elsewhere too). The log says which it was; the person asks an administrator.
        if (!rightPassword || p.disabledAt().isPresent()) {
            int failures = p.failedLogins() + 1;
            Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            store.useTransaction(h -> {
                Persons.recordFailure(h, p.id(), lockedUntil == null ? failures : 0, lockedUntil);
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.LOGIN_FAILED, now, p.username())
                        .with("why", rightPassword ? "disabled" : "wrong password")
                        .with("lockedUntil", lockedUntil == null ? null : lockedUntil.toString()));
            });
            if (lockedUntil != null) {
                throw Refusal.locked("too many failed sign-ins; the account is locked until " + lockedUntil);
            }
            throw Refusal.unauthenticated("wrong username or password");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = now.plus(tokenLifetime);
        store.useTransaction(h -> {
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.LOGIN, now, p.username()));
            Persons.recordSuccess(h, p.id());
            Persons.deleteExpiredTokens(h, now);
            Persons.insertToken(h, sha256(token), p.id(), expires);
        });
        return new Token(token, expires);
    }

    /** Ends the session a token stands for (signing out); the token is refused from then on. */
    public void revoke(String token) {
        Instant now = clock.instant();
        store.useTransaction(h -> {
            Optional<PersonRow> p = Persons.byToken(h, sha256(token), now);
            if (Persons.deleteToken(h, sha256(token)) > 0 && p.isPresent()) {
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.LOGOUT, now, p.get().username()));
            }
        });
    }

    /** The account a bearer token stands for. */
    public Account authenticate(String token) {
        Optional<PersonRow> p = store.read(h -> Persons.byToken(h, sha256(token), clock.instant()));
        return p.map(this::account).orElseThrow(() -> Refusal.unauthenticated("the token is unknown or expired"));
    }

    public Account account(PersonRow p) {
        var roles = EnumSet.noneOf(Role.class);
        p.roles().forEach(r -> Role.parse(r).ifPresent(roles::add));
        List<Topic> topics = p.needToKnow().stream().map(Topic::of).toList();
        if (roles.contains(Role.PARTICIPANT)) {
            // Whatever the row says (a row written by hand, an older node), a participant reads only the
            // unclassified records of the track 1.5 channel, and acts in no other role.
            return new Account(p.id(), p.username(), Party.of(p.nationality()), scheme.unclassified(),
                    TopicScope.of(topics.stream().filter(Role.TRACK_1_5::covers).toList()), EnumSet.of(Role.PARTICIPANT));
        }
        return new Account(p.id(), p.username(), Party.of(p.nationality()), scheme.level(p.clearance()),
                TopicScope.of(topics), roles);
    }

    /**
     * An administrator disables a person of this node: from this moment they cannot sign in, their sessions are ended
     * and their calendar subscriptions revoked, in one transaction with its audit entry. A person is kept, not deleted,
     * since the log and the items name them. An administrator does not disable themselves.
     */
    public PersonRow disable(Account admin, String personId) {
        Instant now = clock.instant();
        return store.inTransaction(h -> {
            PersonRow p = Persons.byId(h, personId == null ? "" : personId)
                    .orElseThrow(() -> Refusal.notFound("no person " + personId));
            if (p.id().equals(admin.id())) {
                throw Refusal.invalid("an administrator does not disable themselves; another administrator does");
            }
            if (!Persons.disable(h, p.id(), now)) {
                throw Refusal.conflict("ALREADY_DISABLED", p.username() + " is already disabled");
            }
            int revoked = CalendarSubscriptions.revokeAll(h, p.id(), now, admin.username());
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.PERSON_DISABLED, now, admin.username())
                    .with("person", p.username()).with("calendarSubscriptionsRevoked", revoked));
            return Persons.byId(h, p.id()).orElseThrow();
        });
    }

    /** Creates a person; the caller checks who may. */
    public PersonRow create(String username, char[] password, Party nationality, String clearance,
                            List<String> needToKnow, List<Role> roles) {
        return create(username, Passwords.hash(password), nationality, clearance, needToKnow, roles);
    }

    /** Creates a person with an already computed password hash (the demo shares one hash of "demo"). */
    public PersonRow create(String username, String passwordHash, Party nationality, String clearance,
                            List<String> needToKnow, List<Role> roles) {
        if (!username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw Refusal.invalid("a username is 1–64 lower-case letters, digits, '.', '_' or '-'");
        }
        var level = scheme.find(clearance).orElseThrow(() -> Refusal.invalid("'" + clearance
                + "' is not a level of " + scheme.party()));
        for (String t : needToKnow) {
            if (!Topic.isValid(t)) {
                throw Refusal.invalid("'" + t + "' is not a topic");
            }
        }
        if (roles.isEmpty()) {
            throw Refusal.invalid("a person has at least one role");
        }
        if (roles.contains(Role.PARTICIPANT)) {
            needToKnow = participantOnly(level, needToKnow, roles);
        }
        var row = new PersonRow(UUID.randomUUID().toString(), username, nationality.code(), level.name(), needToKnow,
                roles.stream().map(Role::id).distinct().toList(), passwordHash, 0, Optional.empty(), clock.instant(),
                Optional.empty());
        store.useTransaction(h -> {
            if (Persons.byUsername(h, username).isPresent()) {
                throw Refusal.conflict("CONFLICT", "a person named " + username + " exists");
            }
            Persons.insert(h, row);
        });
        return row;
    }

    /**
     * A track 1.5 participant is no member of the staff: no clearance, no other role, and a need-to-know within
     * the track 1.5 channel (that channel's topic when none is named), so that no grant of a topic or level by
     * mistake shows them classified work.
     */
    private static List<String> participantOnly(trisec.party.Level clearance, List<String> needToKnow,
                                                List<Role> roles) {
        if (roles.stream().anyMatch(r -> r != Role.PARTICIPANT)) {
            throw Refusal.invalid("a participant holds no other role: create them with the role participant only");
        }
        if (!clearance.isUnclassified()) {
            throw Refusal.invalid("a participant has no clearance: their clearance is " + clearance.party()
                    + "'s unclassified level, not " + clearance.name());
        }
        for (String t : needToKnow) {
            if (!Role.TRACK_1_5.covers(Topic.of(t))) {
                throw Refusal.invalid("a participant's need-to-know is " + Role.TRACK_1_5 + " or below, not " + t);
            }
        }
        // Named no topic, a participant has the channel's: the one thing they are there for.
        return needToKnow.isEmpty() ? List.of(Role.TRACK_1_5.path()) : needToKnow;
    }

    private void audit(AuditEntry e) {
        store.useTransaction(h -> AuditLog.append(h, e));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A real node's first start: creates {@code admin} with a generated password, which the caller prints once.
     * Empty when the node already has persons.
     */
    public Optional<String> bootstrapAdmin(Party party) {
        if (store.read(Persons::count) > 0) {
            return Optional.empty();
        }
        String password = Passwords.generate();
        create("admin", password.toCharArray(), party, scheme.lowestClassified().name(), List.of(),
                List.of(Role.ADMIN));
        return Optional.of(password);
    }

    /**
     * The demo's persons of this party (officer, disclosure, analyst, the China policy desk, guest, admin,
     * auditor, and a track 1.5 participant), all with the
     * password whose hash is given; nothing when the node already has persons.
     */
    public void seedDemo(Party party, String passwordHash) {
        if (store.read(Persons::count) > 0) {
            return;
        }
        List<trisec.party.Level> levels = scheme.levels();
        String p = party.code().toLowerCase(java.util.Locale.ROOT);
        String top = scheme.highest().name();
        String belowTop = levels.get(Math.min(1, levels.size() - 2)).name();
        String lowest = scheme.lowestClassified().name();
        create(p + ".officer", passwordHash, party, top, List.of("dprk", "consult"), List.of(Role.OFFICER));
        create(p + ".disclosure", passwordHash, party, top, List.of("dprk", "consult"), List.of(Role.DISCLOSURE));
        create(p + ".analyst", passwordHash, party, belowTop, List.of("dprk", "consult"), List.of(Role.READER));
        // The policy desk records and reads the parties' assessments of China (the perspectives register).
        create(p + ".policy", passwordHash, party, top, List.of("china", "consult"), List.of(Role.OFFICER));
        create(p + ".guest", passwordHash, party, lowest, List.of(), List.of(Role.READER));
        create(p + ".admin", passwordHash, party, lowest, List.of(), List.of(Role.ADMIN));
        create(p + ".auditor", passwordHash, party, lowest, List.of(), List.of(Role.AUDITOR));
        create(p + ".participant", passwordHash, party, scheme.unclassified().name(), List.of(Role.TRACK_1_5.path()),
                List.of(Role.PARTICIPANT));
    }
}
