package trisec.policy;

import java.time.Instant;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;

/**
 * May the item with this label go from {@code holder} to {@code recipient} at {@code at}?
 *
 * @param consentOnRecord the originator's consent to release to {@code recipient} is on record
 */
public record ReleaseRequest(ConfidentialityLabel label, Party holder, Party recipient, Instant at,
                             boolean consentOnRecord) {

    /** The originator releasing its own item. */
    public static ReleaseRequest fromOriginator(ConfidentialityLabel label, Party recipient, Instant at) {
        return new ReleaseRequest(label, label.originator(), recipient, at, false);
    }
}
