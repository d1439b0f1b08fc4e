package trisec.node.item;

import org.jdbi.v3.core.Handle;
import trisec.node.person.Account;

/**
 * Told of every item created at this node, in the transaction that stores it: what it does then (a release under a
 * standing authority, say) is committed with the item or not at all.
 */
@FunctionalInterface
public interface ItemCreated {
    void created(Handle h, Account by, HeldItem item);

    /**
     * A listener that sends the new item somewhere without a person asking (a standing authority's release): not told
     * of an item its creator keeps home ({@link Holdings#createKeptHome}).
     */
    interface Sending extends ItemCreated {}
}
