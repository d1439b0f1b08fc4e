package trisec.agreement;

import java.time.Instant;
import java.util.Optional;
import trisec.party.Party;

/**
 * A dated step in an agreement's life. A date without a time is 00:00 UTC of that day (DESIGN §2.6).
 * {@code by} is the party that acted, where one did; {@code note} is free text (place, conditions).
 */
public sealed interface LifecycleEvent {

    Instant at();

    Optional<Party> by();

    String note();

    EventType type();

    /** The kinds of event, as scenario files spell them. */
    enum EventType {
        SIGNED, IN_FORCE, TERMINATION_NOTICE, NOTICE_SUSPENDED, NOTICE_WITHDRAWN, TERMINATED, AMENDED
    }

    record Signed(Instant at, Optional<Party> by, String note) implements LifecycleEvent {
        public EventType type() {
            return EventType.SIGNED;
        }
    }

    record EnteredIntoForce(Instant at, Optional<Party> by, String note) implements LifecycleEvent {
        public EventType type() {
            return EventType.IN_FORCE;
        }
    }

    /**
     * Written notice of termination. Without {@code effective} it takes effect at the end of the current term
     * when given at least the notice period before it, else at the end of the next term (GSOMIA Art. 21).
     */
    record TerminationNotice(Instant at, Optional<Party> by, String note, Optional<Instant> effective)
            implements LifecycleEvent {
        public EventType type() {
            return EventType.TERMINATION_NOTICE;
        }
    }

    /** Suspends a pending notice; the agreement stays in force until a new notice (2019-11-22). */
    record NoticeSuspended(Instant at, Optional<Party> by, String note) implements LifecycleEvent {
        public EventType type() {
            return EventType.NOTICE_SUSPENDED;
        }
    }

    /** Withdraws a pending or suspended notice for good (2023-03-21). */
    record NoticeWithdrawn(Instant at, Optional<Party> by, String note) implements LifecycleEvent {
        public EventType type() {
            return EventType.NOTICE_WITHDRAWN;
        }
    }

    record Terminated(Instant at, Optional<Party> by, String note) implements LifecycleEvent {
        public EventType type() {
            return EventType.TERMINATED;
        }
    }

    /**
     * An amendment. When it states a {@code scope}, the agreement covers that scope from this instant on, until a
     * later amendment states another (an option widening or narrowing an agreement; {@link Agreement#scopeAt}).
     */
    record Amended(Instant at, Optional<Party> by, String note, Optional<Scope> scope) implements LifecycleEvent {
        public Amended(Instant at, Optional<Party> by, String note) {
            this(at, by, note, Optional.empty());
        }

        public EventType type() {
            return EventType.AMENDED;
        }
    }

    /** Builds an event of the given type; {@code effective} is only meaningful for a termination notice. */
    static LifecycleEvent of(EventType type, Instant at, Optional<Party> by, String note, Optional<Instant> effective) {
        if (effective.isPresent() && type != EventType.TERMINATION_NOTICE) {
            throw new IllegalArgumentException("only a termination notice states an effective date");
        }
        return switch (type) {
            case SIGNED -> new Signed(at, by, note);
            case IN_FORCE -> new EnteredIntoForce(at, by, note);
            case TERMINATION_NOTICE -> new TerminationNotice(at, by, note, effective);
            case NOTICE_SUSPENDED -> new NoticeSuspended(at, by, note);
            case NOTICE_WITHDRAWN -> new NoticeWithdrawn(at, by, note);
            case TERMINATED -> new Terminated(at, by, note);
            case AMENDED -> new Amended(at, by, note);
        };
    }
}
