package trisec.node.consent;

import java.time.Instant;
import java.util.Optional;
import trisec.item.Consent;
import trisec.node.federation.Messages.ConsentProof;

/**
 * A consent as this node follows it: asked of it as the originator ({@link Direction#IN}) or asked by it as a
 * holder ({@link Direction#OUT}), pending or decided, and once decided, when and by whom (a person here, or the
 * originator's party) with the originator's signed proof.
 */
public record ConsentCase(Consent consent, Direction direction, State state, Instant requestedAt,
                          Optional<Instant> decidedAt, Optional<String> decidedBy, Optional<ConsentProof> proof) {
    /** Who asked whom. */
    public enum Direction {
        /** A holder asked this node, the originator. */
        IN,
        /** This node, a holder, asked the originator. */
        OUT
    }

    public enum State { PENDING, GRANTED, REFUSED }

    public String id() {
        return consent.id();
    }

    public String itemId() {
        return consent.itemId();
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
