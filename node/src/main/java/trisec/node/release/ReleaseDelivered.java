package trisec.node.release;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.party.Party;

/**
 * Told of each release of this node's (its own, or one it forwarded as the hub) that reaches its recipient, in the
 * transaction that records it delivered: from then on the recipient may pull the item again (docs/INTEROP.md), so
 * what follows from that (the item coming again to those who poll for what is new) commits with it or not at all.
 */
@FunctionalInterface
public interface ReleaseDelivered {
    /** {@code at} is when this node recorded the delivery (its own clock). */
    void delivered(Handle h, String itemId, Party recipient, Instant at);
}
