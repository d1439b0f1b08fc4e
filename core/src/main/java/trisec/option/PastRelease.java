package trisec.option;

import java.util.List;
import trisec.party.Party;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;

/**
 * A release decision a node took and recorded: what was asked (the label with its originator, level, topic,
 * releasability and caveats; holder, recipient, instant, whether consent was on record) and what was decided.
 *
 * @param id the node's own name for it (a release id), to find it again
 */
public record PastRelease(String id, ReleaseRequest request, Verdict verdict, List<Party> route, List<String> basis) {
    public PastRelease {
        route = List.copyOf(route);
        basis = List.copyOf(basis);
    }
}
