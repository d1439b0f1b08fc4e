package trisec.node.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person of this node as stored. Clearance is a level name of the node's scheme. */
public record PersonRow(String id, String username, String nationality, String clearance, List<String> needToKnow,
                        List<String> roles, String passwordHash, int failedLogins, Optional<Instant> lockedUntil,
                        Instant createdAt) {
    public PersonRow {
        needToKnow = List.copyOf(needToKnow);
        roles = List.copyOf(roles);
    }
}
