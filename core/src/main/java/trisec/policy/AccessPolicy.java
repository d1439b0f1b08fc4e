package trisec.policy;

import java.util.ArrayList;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;

/**
 * Access by a person to an item held at their node (DESIGN §2.9): clearance at or above the node's marking of
 * the item, the topic within their need-to-know, and a nationality the label allows. Rank or clearance alone
 * never suffice (GSOMIA Art. 7), so every failing check is reported.
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    /**
     * @param heldLevel the node's own marking of the item (the originator's level at the originator's node,
     *                  the recipient level elsewhere), in the same scheme as the person's clearance
     */
    public static AccessDecision decide(Person person, ConfidentialityLabel label, Level heldLevel) {
        if (!heldLevel.party().equals(person.clearance().party())) {
            throw new DomainException("the item is marked in " + heldLevel.party() + "'s scheme but "
                    + person.name() + " is cleared in " + person.clearance().party() + "'s");
        }
        var failed = new ArrayList<String>();
        var passed = new ArrayList<String>();
        Level clearance = person.clearance();
        if (clearance.dominates(heldLevel)) {
            passed.add("clearance " + clearance.name() + " is at or above " + heldLevel.name());
        } else {
            failed.add("clearance " + clearance.name() + " is below " + heldLevel.name());
        }
        if (person.needToKnow().covers(label.topic())) {
            passed.add("need-to-know covers " + label.topic());
        } else {
            failed.add("need-to-know (" + person.needToKnow() + ") does not cover " + label.topic());
        }
        Party nationality = person.nationality();
        if (label.has(Caveat.NOFORN) && !nationality.equals(label.originator())) {
            failed.add("NOFORN: only " + label.originator() + " nationals may see it, not " + nationality);
        } else if (!label.releasableTo(nationality)) {
            failed.add("nationality " + nationality + " is not in REL TO "
                    + String.join(", ", label.releasableTo().stream().map(Party::code).toList()));
        } else {
            passed.add("nationality " + nationality + " is allowed by the label");
        }
        return failed.isEmpty() ? new AccessDecision(true, passed) : new AccessDecision(false, failed);
    }
}
