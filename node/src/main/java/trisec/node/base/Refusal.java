package trisec.node.base;

import java.util.List;

/**
 * Why the node will not do what was asked: the one error its services throw. Thrown before anything is written,
 * or inside the transaction that it rolls back, so a refused request changes nothing but the audit log: a refusal
 * by the access or release policy is itself on record (ITEM_DENIED, a DECISION entry), committed before it is
 * thrown. Each kind carries a code (what the API answers with, {@code NO_PEER}, {@code RELEASE_DENIED}, …), a
 * message the person can act on, and the policy's reasons where there are any. Only the edges choose what a
 * refusal looks like: an HTTP status and JSON for the API, a page in the viewer's language for the pages
 * ({@code trisec.node.http.Statuses}).
 */
public abstract sealed class Refusal extends RuntimeException {
    private final String code;
    private final List<String> reasons;

    private Refusal(String code, String message, List<String> reasons) {
        super(message);
        this.code = code;
        this.reasons = List.copyOf(reasons);
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }

    /** Malformed or missing input: a field of the wrong form, an unknown party or level. */
    public static final class Invalid extends Refusal {
        Invalid(String message, List<String> reasons) {
            super("BAD_REQUEST", message, reasons);
        }
    }

    /** Input over its size limit (an item body over 1 MiB). */
    public static final class TooLarge extends Refusal {
        TooLarge(String message) {
            super("PAYLOAD_TOO_LARGE", message, List.of());
        }
    }

    /** Well-formed input that breaks a rule of the domain: an agreement event out of order, a wrong cosignature. */
    public static final class Unacceptable extends Refusal {
        Unacceptable(String code, String message) {
            super(code, message, List.of());
        }
    }

    /** No one, or no one the node knows, is signed in. */
    public static final class Unauthenticated extends Refusal {
        Unauthenticated(String message) {
            super("UNAUTHENTICATED", message, List.of());
        }
    }

    /** The account is locked after too many failed sign-ins. */
    public static final class Locked extends Refusal {
        Locked(String message) {
            super("LOCKED", message, List.of());
        }
    }

    /** The person, or the release policy, does not allow it; the reasons say why. */
    public static final class Forbidden extends Refusal {
        Forbidden(String code, String message, List<String> reasons) {
            super(code, message, reasons);
        }
    }

    /** No such thing here (or none the person may know of). */
    public static final class NotFound extends Refusal {
        NotFound(String message) {
            super("NOT_FOUND", message, List.of());
        }
    }

    /** The item was retracted by its originator. */
    public static final class Retracted extends Refusal {
        Retracted(String message) {
            super("RETRACTED", message, List.of());
        }
    }

    /** The state has moved on: already decided, already exists, no route to that partner, denied now. */
    public static final class Conflict extends Refusal {
        Conflict(String code, String message, List<String> reasons) {
            super(code, message, reasons);
        }
    }

    public static Invalid invalid(String message) {
        return new Invalid(message, List.of());
    }

    /** Input with several problems, each one of the reasons (an option file's, each on its line). */
    public static Invalid invalid(String message, List<String> problems) {
        return new Invalid(message, problems);
    }

    public static TooLarge tooLarge(String message) {
        return new TooLarge(message);
    }

    public static Unacceptable unacceptable(String code, String message) {
        return new Unacceptable(code, message);
    }

    public static Unauthenticated unauthenticated(String message) {
        return new Unauthenticated(message);
    }

    public static Locked locked(String message) {
        return new Locked(message);
    }

    public static Forbidden forbidden(String message) {
        return new Forbidden("FORBIDDEN", message, List.of());
    }

    public static Forbidden forbidden(String code, String message, List<String> reasons) {
        return new Forbidden(code, message, reasons);
    }

    public static Forbidden forbidden(String code, String message) {
        return new Forbidden(code, message, List.of());
    }

    public static NotFound notFound(String message) {
        return new NotFound(message);
    }

    public static Retracted retracted(String message) {
        return new Retracted(message);
    }

    public static Conflict conflict(String message) {
        return new Conflict("CONFLICT", message, List.of());
    }

    public static Conflict conflict(String code, String message) {
        return new Conflict(code, message, List.of());
    }

    public static Conflict conflict(String code, String message, List<String> reasons) {
        return new Conflict(code, message, reasons);
    }
}
