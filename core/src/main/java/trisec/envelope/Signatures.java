package trisec.envelope;

import java.util.Objects;

/**
 * Detached signed statements — a consent, a receipt, an originator's signature over an item — made with the node's
 * ML-DSA-87 key. Each is domain-separated by its purpose: the signed bytes are {@code "trisec statement v1"}, the
 * purpose and the message as {@link Canonical} fields, so a receipt can never be presented as a consent, and no
 * statement can be taken for an envelope or a plain {@link NodeKeys#sign} signature.
 */
public final class Signatures {
    static final String STATEMENT = "trisec statement v1";

    private Signatures() {}

    /**
     * @param purpose what the statement is for, e.g. {@code "consent"} or {@code "receipt"}; not blank
     */
    public static byte[] sign(NodeKeys keys, String purpose, byte[] message) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(message, "message");
        return keys.signCanonical(statement(purpose, message));
    }

    /** Whether {@code signature} is {@code id}'s statement of {@code message} for {@code purpose}; never throws. */
    public static boolean verify(PublicIdentity id, String purpose, byte[] message, byte[] signature) {
        if (id == null || purpose == null || purpose.isBlank() || message == null || signature == null
                || !Canonical.isWellFormed(purpose)) {
            return false;
        }
        return id.verifySigned(statement(purpose, message), signature);
    }

    private static byte[] statement(String purpose, byte[] message) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a signed statement needs a purpose, such as \"consent\"");
        }
        return new Canonical().add(STATEMENT).add(purpose).add(message).bytes();
    }
}
