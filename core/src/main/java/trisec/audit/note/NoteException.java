package trisec.audit.note;

/**
 * A note, checkpoint, signature line or key string that must be refused, and why. It is an
 * {@link IllegalArgumentException} because the input is the caller's (usually a partner's); the {@link #reason()} lets
 * an edge answer as C2SP tlog-witness does: a malformed request is a 400, a note that no trusted key signed a 403, and
 * a forged signature is evidence worth keeping.
 */
public final class NoteException extends IllegalArgumentException {
    /** Why a note was refused. */
    public enum Reason {
        /** Not well-formed: bad syntax, a bad key name, non-canonical base64, too large, a bad checkpoint body. */
        MALFORMED,
        /** A signature line of a known key (name and key hash match) does not verify. */
        FORGED,
        /** Well-formed, but no signature line from a known key verifies. */
        UNVERIFIED
    }

    private final Reason reason;

    NoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static NoteException malformed(String message) {
        return new NoteException(Reason.MALFORMED, message);
    }

    public Reason reason() {
        return reason;
    }
}
