package trisec.node.item;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told of every held item whose label changes here, in the transaction that changes it: the originator's
 * reclassification at this node, or a reclassification notice applied to a copy. What follows from the new label
 * (the item coming again to those who poll for what is new) commits with it or not at all.
 */
@FunctionalInterface
public interface ItemRelabelled {
    /** {@code at} is when this node changed the label (its own clock), not when the originator made it. */
    void relabelled(Handle h, String itemId, Instant at);
}
