package trisec;

/**
 * A request the domain cannot answer because its input is wrong: an unknown party, a level that is not in
 * the originator's scheme, a holder equal to the recipient. The message is meant for the person who typed
 * the input; the edges turn this into an exit code or an HTTP status.
 */
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }
}
