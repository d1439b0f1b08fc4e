package trisec.node.federation;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.federation.Messages.Message;
import trisec.node.federation.Messages.Receipt;

/**
 * What one kind of partner message does here. Each lives with its feature (an item's copy with releases, a
 * consent request with consents, an agreement event note with agreements); {@link Reception} checks the envelope,
 * keeps the message to once, reads its payload as the handler's {@link #type}, and hands it over.
 *
 * @param <M> the message record this handler takes
 */
public interface MessageHandler<M extends Message> {
    /** The record this handler takes; its envelope kind is the one the handler answers. */
    Class<M> type();

    /**
     * Handles the message inside the reception's transaction and answers with the receipt the sender gets.
     *
     * @throws MessageRefused (or a {@link trisec.DomainException}, or a {@link trisec.node.base.Refusal} from a
     *         service it calls) to refuse it: what was written is rolled back and the sender's receipt says why
     */
    Receipt handle(Handle h, Incoming in, M message);

    /**
     * The item the message is about, when messages about one item must be received one after the other (a copy
     * and a notice that retracts it); empty otherwise.
     */
    default Optional<String> itemOf(M message) {
        return Optional.empty();
    }

    /** Whether the message records an agreement event: those are received while no other event is recorded. */
    default boolean recordsAgreementEvent() {
        return false;
    }
}
