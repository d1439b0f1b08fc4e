package trisec.envelope;

import trisec.DomainException;

/**
 * An envelope, signature or key file that must be refused. The message says why (misaddressed, forged or tampered,
 * unknown key, malformed, unsupported version, unsafe key file), so an operator can tell an attack from a
 * misconfiguration; the edges turn it into an HTTP status or an exit code.
 */
public final class EnvelopeException extends DomainException {
    public EnvelopeException(String message) {
        super(message);
    }
}
