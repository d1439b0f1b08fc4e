package trisec.node.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person of this node as stored. Clearance is a level name of the node's scheme. A person an administrator
 * disabled ({@code disabledAt}) signs in no more, and none of their credentials works.
 */
public record PersonRow(String id, String username, String nationality, String clearance, List<String> needToKnow,
                        List<String> roles, String passwordHash, int failedLogins, Optional<Instant> lockedUntil,
                        Instant createdAt, Optional<Instant> disabledAt) {
    public PersonRow {
        needToKnow = List.copyOf(needToKnow);
        roles = List.copyOf(roles);
    }
}
