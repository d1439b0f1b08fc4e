package trisec.node.item;

import org.jdbi.v3.core.Handle;

/**
 * Told of every partner's copy that comes to be held here, in the transaction that stores it, as {@link ItemCreated}
 * is of the items created here: what follows from holding it (a warning's index, say) commits with the copy or not
 * at all.
 */
@FunctionalInterface
public interface ItemReceived {
    void received(Handle h, HeldItem copy);
}
