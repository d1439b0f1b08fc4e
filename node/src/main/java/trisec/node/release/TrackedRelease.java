package trisec.node.release;

import java.time.Instant;
import java.util.Optional;
import trisec.item.Release;
import trisec.party.Party;

/**
 * A release as this node tracks it from request to receipt: where it stands, who asked and who approved it (by
 * person id), the consent it waited for, and the recipient's signed receipt or refusal once one came back.
 *
 * @param origin  for a release this node makes as a hub, the originator's release it serves
 * @param receipt the signed receipt, as it came back (JSON)
 * @param refusal   the recipient's (or the hub's) reason when it refused
 * @param authority the standing authority it was released under, with no requester or approver
 */
public record TrackedRelease(Release release, ReleaseStatus status, Optional<String> requestedBy,
                             Optional<String> approvedBy, Instant requestedAt, Instant updatedAt,
                             Optional<String> consentId, Optional<Origin> origin, Optional<String> receipt,
                             Optional<String> refusal, Optional<String> authority) {
    /** The originator's release that a hub's release serves: the party that sent it and its id there. */
    public record Origin(Party party, String releaseId) {}

    /** A release just asked for or made: nobody has approved it and nothing came back yet. */
    static TrackedRelease fresh(Release release, ReleaseStatus status, Optional<String> requestedBy, Instant at,
                                Optional<String> consentId, Optional<Origin> origin) {
        return new TrackedRelease(release, status, requestedBy, Optional.empty(), at, at, consentId, origin,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public String id() {
        return release.id();
    }

    public String itemId() {
        return release.itemId();
    }

    public Party recipient() {
        return release.recipient();
    }
}
