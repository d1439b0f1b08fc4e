package trisec.policy;

import java.util.List;
import java.util.Optional;
import trisec.party.Level;
import trisec.party.Party;

/**
 * A release decision (DESIGN §2): the verdict, the route the item takes, the agreements it rests on, the
 * level the recipient marks it with, and one reason per rule that fired. A {@code DENY} has no route, no basis
 * and no recipient level.
 */
public record ReleaseDecision(Verdict verdict, List<Party> route, List<String> basis, Optional<Level> recipientLevel,
                              List<Reason> reasons) {

    public ReleaseDecision {
        route = List.copyOf(route);
        basis = List.copyOf(basis);
        reasons = List.copyOf(reasons);
    }

    static ReleaseDecision deny(List<Reason> reasons) {
        return new ReleaseDecision(Verdict.DENY, List.of(), List.of(), Optional.empty(), reasons);
    }

    public boolean permitted() {
        return verdict == Verdict.PERMIT;
    }

    public List<String> reasonTexts() {
        return reasons.stream().map(Reason::message).toList();
    }
}
