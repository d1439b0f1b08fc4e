package trisec.option;

import java.util.List;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.Verdict;

/**
 * One cell of a {@link Reachability} matrix: the reach, and the verdict, route and basis of the decision it comes
 * from. Two cells are equal when they say the same; the reasons are left out, since they name the agreements'
 * whole records and would differ between two scenarios that decide alike.
 */
public record Cell(Reach reach, Verdict verdict, List<Party> route, List<String> basis) {
    /** A party that is not in the scenario reaches nothing and is reached by nothing. */
    public static final Cell NONE = new Cell(Reach.NONE, Verdict.DENY, List.of(), List.of());

    public Cell {
        route = List.copyOf(route);
        basis = List.copyOf(basis);
    }

    /** The cell a decision gives: a deny reaches nothing; otherwise a route of two parties is direct. */
    public static Cell of(ReleaseDecision d) {
        if (d.verdict() == Verdict.DENY) {
            return NONE;
        }
        return new Cell(d.route().size() == 2 ? Reach.DIRECT : Reach.VIA_HUB, d.verdict(), d.route(), d.basis());
    }

    public boolean reaches() {
        return reach != Reach.NONE;
    }
}
