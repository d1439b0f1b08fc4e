package trisec.node.item;

import org.jdbi.v3.core.Handle;

/**
 * Told of every item held here that its originator retracts, in the transaction that marks it retracted: by this
 * node as the originator, or on the originator's notice. A retracted item is no longer to be used (GSOMIA Art. 4),
 * so whatever was drawn from it goes with it.
 */
@FunctionalInterface
public interface ItemRetracted {
    void retracted(Handle h, String itemId);
}
