package trisec.node.release;

import java.time.Instant;
import java.util.Optional;
import trisec.policy.StandingAuthority;

/**
 * A standing authority as this node keeps it: who proposed it, who approved it (another disclosure official),
 * and who revoked it. Only an approved authority that is not revoked releases anything.
 */
public record AuthorityRecord(StandingAuthority authority, String proposedBy, Instant proposedAt,
                              Optional<String> approvedBy, Optional<Instant> approvedAt, Optional<String> revokedBy,
                              Optional<Instant> revokedAt) {
    /** Where an authority stands. */
    public enum State { PROPOSED, ACTIVE, REVOKED }

    public String id() {
        return authority.id();
    }

    public State state() {
        return revokedAt.isPresent() ? State.REVOKED : approvedAt.isPresent() ? State.ACTIVE : State.PROPOSED;
    }
}
