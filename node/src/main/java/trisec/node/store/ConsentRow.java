package trisec.node.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A consent to an onward release (third-party rule). {@code IN}: a holder asks this node, the originator;
 * {@code OUT}: this node, a holder, asked the originator. {@code signature} is the originator's, over the
 * decision, once decided.
 */
public record ConsentRow(String id, String itemId, String originator, String holder, String recipient,
                         String direction, String state, Instant requestedAt, Optional<Instant> decidedAt,
                         Optional<String> decidedBy, Optional<String> signature) {
    public static final String IN = "IN";
    public static final String OUT = "OUT";
    public static final String PENDING = "PENDING";
    public static final String GRANTED = "GRANTED";
    public static final String REFUSED = "REFUSED";
}
