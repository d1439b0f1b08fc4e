package trisec.node.federation;

import java.time.Instant;
import java.util.Optional;

/** A sealed envelope waiting for delivery to a partner node (transactional outbox). */
public record OutboxRow(long id, String messageId, String peer, String kind, Optional<String> releaseId,
                        String envelope, String state, int attempts, Instant nextAttemptAt, Optional<String> lastError,
                        Instant createdAt) {
    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
}
