package trisec.node.release;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import trisec.node.consent.Consents;
import trisec.node.item.ConfirmedCopies;
import trisec.node.item.Holders;
import trisec.party.Party;

/**
 * Who holds an item this node released: the parties its releases reached, those whose imported copies it confirmed
 * as the originator (held as if released directly), and those its consents allowed.
 */
public final class Recipients implements Holders {
    /** Releases whose recipients hold the item or may hold it by the time a notice reaches them. */
    private static final EnumSet<ReleaseStatus> IN_FLIGHT_OR_HELD = EnumSet.of(ReleaseStatus.QUEUED,
            ReleaseStatus.RETRYING, ReleaseStatus.FORWARDING, ReleaseStatus.DELIVERED);

    @Override
    public Stream<List<Party>> routes(Handle h, String itemId) {
        return Stream.concat(Releases.routes(h, itemId, IN_FLIGHT_OR_HELD).stream(),
                ConfirmedCopies.routes(h, itemId));
    }

    @Override
    public Stream<Party> allowedOnward(Handle h, String itemId) {
        return Consents.grantedOnward(h, itemId);
    }
}
