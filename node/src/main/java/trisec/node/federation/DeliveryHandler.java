package trisec.node.federation;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.node.federation.Messages.Message;
import trisec.node.federation.Messages.SignedReceipt;

/**
 * What a feature does when a message of its kind that this node sent is answered, or has to wait: a release moves
 * on when the recipient's receipt comes back. The {@link Courier} delivers every kind alike and hands the answer to
 * the handler of its kind, so the transport knows nothing of what the messages are for.
 */
public interface DeliveryHandler {
    /** The record of the messages this handler follows. */
    Class<? extends Message> type();

    /**
     * The partner's signed receipt came back: settle what the message was for, in the transaction that takes the
     * message off the outbox.
     */
    void answered(Handle h, OutboxRow sent, SignedReceipt receipt, Instant now);

    /** The partner could not be reached, or did not answer with a receipt; the message will be sent again. */
    default void retrying(Handle h, OutboxRow sent, Instant now) {}
}
