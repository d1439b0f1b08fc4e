package trisec.node.federation;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.federation.Messages.Receipt;

/**
 * What one kind of partner message does here. Each lives with its feature (an item's copy with releases, a
 * consent request with consents, an agreement event note with agreements); {@link Reception} checks the envelope,
 * keeps the message to once, and hands the opened message to the handler of its kind.
 */
public interface MessageHandler {
    /** The envelope kind this handler takes ({@link Messages#ITEM}, …). */
    String kind();

    /**
     * Handles the message inside the reception's transaction and answers with the receipt the sender gets.
     *
     * @throws MessageRefused (or a {@link trisec.DomainException}) to refuse it: what was written is rolled back
     */
    Receipt handle(Handle h, Incoming message);

    /**
     * The item the message is about, when messages about one item must be received one after the other (a copy
     * and a notice that retracts it); empty otherwise, and for a payload too malformed to say.
     */
    default Optional<String> itemOf(String payload) {
        return Optional.empty();
    }

    /** Whether the message records an agreement event: those are received while no other event is recorded. */
    default boolean recordsAgreementEvent() {
        return false;
    }
}
