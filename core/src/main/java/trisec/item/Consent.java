package trisec.item;

import java.util.Objects;
import trisec.party.Party;

/**
 * A consent (DESIGN §1) as it is asked: may {@code holder} pass the originator's item on to {@code recipient}?
 * The third-party rule (and a hub's forwarding under the TISA arrangement) needs the originator's signed approval
 * for that onward release. The answer, granted or refused, is signed by the originator's node. That a request
 * makes sense (a recipient other than the holder) is checked where it comes in.
 */
public record Consent(String id, String itemId, Party originator, Party holder, Party recipient) {
    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(recipient, "recipient");
    }
}
