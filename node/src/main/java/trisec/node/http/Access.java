package trisec.node.http;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import trisec.node.person.Account;
import trisec.node.person.Role;

/**
 * Who may call a route, declared on the route itself ({@code get(path, handler, Access.OFFICER)}) and enforced
 * by one access manager in {@link HttpServer} before any handler runs. A route allows its caller when any of its
 * accesses does. The same accesses decide what a page shows (a dashboard shows releases only to those the outbox
 * route allows), so who may see what is declared once.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not: the sign-in itself, health, public keys, and what authenticates itself. */
    PUBLIC(EnumSet.noneOf(Role.class)),
    /**
     * Any signed-in person of this node's staff (every role but the track 1.5 participant); what they then see is
     * the release and access policy's business.
     */
    SIGNED_IN(EnumSet.complementOf(EnumSet.of(Role.PARTICIPANT))),
    /**
     * A track 1.5 participant, on the few routes that serve them: their profile, the dialogue's health, and the
     * meetings and statements, which show them only the track 1.5 channel's unclassified records. Every other route
     * refuses them before it runs, so no list, count or stream of the node's classified work reaches them.
     */
    PARTICIPANT(EnumSet.of(Role.PARTICIPANT)),
    /** Creates items and requests releases. */
    OFFICER(EnumSet.of(Role.OFFICER)),
    /** Approves releases and decides consents. */
    DISCLOSURE(EnumSet.of(Role.DISCLOSURE)),
    /** Manages persons and records agreement events. */
    ADMIN(EnumSet.of(Role.ADMIN)),
    /**
     * Retracts and reclassifies the party's own items; drafts joint statements; acknowledges a consultation for the
     * party (its watch): those who act for the party, not its readers or auditors.
     */
    ITEM_AUTHORITY(EnumSet.of(Role.OFFICER, Role.DISCLOSURE)),
    /** Sees where items go: the outbox and the consents. */
    RELEASE_DESK(EnumSet.of(Role.OFFICER, Role.DISCLOSURE, Role.ADMIN)),
    /** Reads the audit log, its proofs and its alarms. */
    LOG_READER(EnumSet.of(Role.ADMIN, Role.AUDITOR)),
    /** A partner node, by the signature on its request (never a person). */
    PARTNER(EnumSet.noneOf(Role.class));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    /** Whether this access lets a signed-in person through. */
    public boolean allows(Account a) {
        if (this == SIGNED_IN) {
            return !a.participant();
        }
        return this != PUBLIC && this != PARTNER && roles.stream().anyMatch(a::is);
    }

    /** The roles this access lets through (none for the public and for partner nodes). */
    public Set<Role> roles() {
        return this == PUBLIC || this == PARTNER ? Set.of() : roles;
    }

    /** The roles that would let a person through any of {@code accesses}, for the refusal's message. */
    static String rolesOf(Set<Access> accesses) {
        return accesses.stream().flatMap(x -> x.roles.stream()).distinct().sorted().map(Role::id)
                .collect(Collectors.joining(", "));
    }
}
