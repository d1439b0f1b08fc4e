package trisec.node.log;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Sends a message again, in the transaction given, when a partner's receipt for it proves to name nothing in the
 * partner's log: the transport provides it (its outbox), so the log need not know the transport.
 */
@FunctionalInterface
public interface Resend {
    /** @return whether the message was this node's and is queued again */
    boolean resend(Handle h, String messageId, Instant now);
}
