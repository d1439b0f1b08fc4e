package trisec.node.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A release of an item from this node. For a release this node makes as a hub on the originator's behalf,
 * {@code originParty} and {@code originRelease} name the originator's release it serves.
 */
public record ReleaseRow(String id, String itemId, String recipient, List<String> route, List<String> basis,
                         Optional<String> recipientLevel, ReleaseStatus status, Optional<String> requestedBy,
                         Optional<String> approvedBy, Instant requestedAt, Instant updatedAt, Optional<String> consentId,
                         Optional<String> originParty, Optional<String> originRelease, Optional<String> receipt,
                         Optional<String> refusal) {
    public ReleaseRow {
        route = List.copyOf(route);
        basis = List.copyOf(basis);
    }

    /** The party the envelope goes to first: the recipient, or the hub on a hub route. */
    public String nextHop() {
        return route.get(1);
    }
}
