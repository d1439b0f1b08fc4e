package trisec.node.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import trisec.DomainException;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.StandingAuthority;
import trisec.topic.Topic;

/**
 * Standing release authorities: a disclosure official proposes one, another approves it (two-person rule), and
 * any disclosure official may revoke it, which stops it at once for every item created after. The releases
 * themselves are {@link AutoRelease}'s.
 */
public final class AuthorityDesk {
    /** An authority as a disclosure official types it; instants as ISO-8601, or a date meaning 00:00 UTC. */
    public record NewAuthority(String topic, String highest, List<String> recipients, String validFrom,
                               String validUntil, String under) {}

    /** Whether an authority covers an item, and if not, why not. */
    public record Coverage(AuthorityRecord authority, Optional<String> whyNot) {}

    private final Self self;
    private final AutoRelease auto;

    public AuthorityDesk(Self self, Decisions decisions, trisec.node.federation.Postbox postbox,
                         Runnable wakeCourier) {
        this.self = self;
        this.auto = new AutoRelease(self, decisions, postbox, wakeCourier);
    }

    /** What releases new items under the authorities: to be told of every item created here. */
    public trisec.node.item.ItemCreated onItemCreated() {
        return auto;
    }

    public List<AuthorityRecord> list() {
        return self.store().read(h -> Authorities.all(h, self.facts().scenario(), self.party()));
    }

    public AuthorityRecord get(String id) {
        return self.store().read(h -> Authorities.byId(h, self.facts().scenario(), self.party(), id))
                .orElseThrow(() -> Refusal.notFound("no standing authority " + id));
    }

    public AuthorityRecord propose(Account official, NewAuthority in) {
        if (in == null) {
            throw Refusal.invalid("an authority is required");
        }
        var scenario = self.facts().scenario();
        if (in.topic() == null || !Topic.isValid(in.topic())) {
            throw Refusal.invalid("topic is a topic such as dprk.missile.warning, got '" + in.topic() + "'");
        }
        Level highest;
        try {
            highest = self.scheme().level(in.highest() == null ? "" : in.highest());
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        if (in.recipients() == null || in.recipients().isEmpty()) {
            throw Refusal.invalid("recipients name at least one party");
        }
        var recipients = new ArrayList<Party>();
        for (String code : in.recipients()) {
            Party p;
            try {
                p = scenario.party(code == null ? "" : code.toUpperCase(java.util.Locale.ROOT));
            } catch (DomainException e) {
                throw Refusal.invalid(e.getMessage());
            }
            if (p.equals(self.party()) || recipients.contains(p)) {
                throw Refusal.invalid("recipients are other parties than " + self.party() + ", each once");
            }
            recipients.add(p);
        }
        Instant now = self.clock().instant();
        Instant from = in.validFrom() == null ? now : instant("validFrom", in.validFrom());
        Optional<Instant> until = Optional.ofNullable(in.validUntil()).map(s -> instant("validUntil", s));
        if (until.isPresent() && !until.get().isAfter(from)) {
            throw Refusal.invalid("validUntil comes after validFrom");
        }
        Optional<String> under = Optional.ofNullable(in.under()).filter(s -> !s.isBlank());
        if (under.isPresent() && scenario.agreement(under.get()).isEmpty()) {
            throw Refusal.invalid("no agreement " + under.get() + " in the scenario");
        }
        var authority = new StandingAuthority(UUID.randomUUID().toString(), Topic.of(in.topic()), highest,
                recipients, from, until, under);
        var record = new AuthorityRecord(authority, official.id(), now, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        self.store().useTransaction(h -> {
            Authorities.insert(h, record);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AUTHORITY_PROPOSED, now, official.username())
                    .with("authority", authority.id()).with("topic", authority.topic().path())
                    .with("highest", highest.name()).with("recipients", in.recipients().stream()
                            .map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList())
                    .with("validFrom", from.toString()).with("validUntil", until.map(Instant::toString))
                    .with("under", under));
        });
        return get(authority.id());
    }

    /** The second disclosure official approves: from now on the authority releases the items it covers. */
    public AuthorityRecord approve(Account official, String id) {
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            AuthorityRecord r = Authorities.lock(h, self.facts().scenario(), self.party(), id)
                    .orElseThrow(() -> Refusal.notFound("no standing authority " + id));
            if (r.state() != AuthorityRecord.State.PROPOSED) {
                throw Refusal.conflict("standing authority " + id + " is " + r.state() + ", not proposed");
            }
            if (r.proposedBy().equals(official.id())) {
                throw Refusal.forbidden("two-person rule: the official who proposed an authority cannot approve it");
            }
            Authorities.approve(h, id, official.id(), now);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AUTHORITY_APPROVED, now, official.username())
                    .with("authority", id));
        });
        return get(id);
    }

    /** Revoked, it releases nothing more, at once; releases it already made go on. */
    public AuthorityRecord revoke(Account official, String id) {
        self.store().useTransaction(h -> {
            AuthorityRecord r = Authorities.lock(h, self.facts().scenario(), self.party(), id)
                    .orElseThrow(() -> Refusal.notFound("no standing authority " + id));
            // Read after the lock, which waits for releases being made under it: the revocation comes after them.
            Instant now = self.clock().instant();
            if (r.state() == AuthorityRecord.State.REVOKED) {
                throw Refusal.conflict("standing authority " + id + " is already revoked");
            }
            Authorities.revoke(h, id, official.id(), now);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AUTHORITY_REVOKED, now, official.username())
                    .with("authority", id));
        });
        return get(id);
    }

    /**
     * Which active authorities would cover this item if it were created now, and why the others would not: what
     * the pages say when a warning goes only through an ordinary release.
     */
    public List<Coverage> coverage(Holdings.View v) {
        var scenario = self.facts().scenario();
        Instant now = self.clock().instant();
        return list().stream().filter(a -> a.state() == AuthorityRecord.State.ACTIVE)
                .map(a -> new Coverage(a, a.authority().whyNot(v.label(), now, scenario))).toList();
    }

    /**
     * The active authority, if any, under which this node would release the item to the recipient at the instant
     * without a second person's approval: its id. Read on the caller's transaction.
     */
    public Optional<String> covering(org.jdbi.v3.core.Handle h, trisec.label.ConfidentialityLabel label,
                                     trisec.party.Party recipient, Instant at) {
        var scenario = self.facts().scenario();
        return Authorities.active(h, scenario, self.party()).stream()
                .filter(a -> a.authority().recipients().contains(recipient)
                        && a.authority().whyNot(label, at, scenario).isEmpty())
                .map(AuthorityRecord::id).findFirst();
    }

    private static Instant instant(String field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field + " is an ISO-8601 instant or a date (YYYY-MM-DD), got '" + text + "'");
        }
    }
}
