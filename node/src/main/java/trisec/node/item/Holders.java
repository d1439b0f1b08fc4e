package trisec.node.item;

import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import trisec.party.Party;

/**
 * Who holds an item this node released, as the features that sent it know: the originator's retraction or new
 * marking must reach every copy. The release feature provides it, so that items need not know releases.
 */
public interface Holders {
    /**
     * The routes of the releases by which the item was delivered, or is on its way (a copy may already be there
     * while its receipt is not yet back), and of the imported copies this node confirmed as the originator (a
     * direct route): this node first, then the hub if any, then the recipient.
     */
    Stream<List<Party>> routes(Handle h, String itemId);

    /**
     * The parties a holder was allowed to pass the item on to (this node's granted consents as originator): those
     * copies came from the holder, not from here, but the originator's notices bind them too.
     */
    Stream<Party> allowedOnward(Handle h, String itemId);
}
