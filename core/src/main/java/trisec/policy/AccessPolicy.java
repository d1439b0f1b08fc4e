package trisec.policy;

import java.util.ArrayList;
import java.util.List;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.AccessDecision.Check;
import trisec.policy.AccessDecision.Code;

/**
 * Access by a person to an item held at their node (DESIGN §2.9): clearance at or above the node's marking of
 * the item, the topic within their need-to-know, and a nationality the label allows. Rank or clearance alone
 * never suffice (GSOMIA Art. 7), so every check is made and every failing one reported.
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
        List<Check> checks = new ArrayList<>(3);
        Level clearance = person.clearance();
        checks.add(new Check(Code.CLEARANCE, clearance.dominates(heldLevel), List.of(clearance.name(), heldLevel.name())));
        checks.add(new Check(Code.NEED_TO_KNOW, person.needToKnow().covers(label.topic()),
                List.of(person.needToKnow().toString(), label.topic().path())));
        Party nationality = person.nationality();
        if (label.has(Caveat.NOFORN)) {
            checks.add(new Check(Code.NOFORN, nationality.equals(label.originator()),
                    List.of(label.originator().code(), nationality.code())));
        } else {
            checks.add(new Check(Code.RELEASABILITY, label.releasableTo(nationality), List.of(nationality.code(),
                    String.join(", ", label.releasableTo().stream().map(Party::code).toList()))));
        }
        return new AccessDecision(checks.stream().allMatch(Check::passed), checks);
    }
}
