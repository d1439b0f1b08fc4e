package trisec.policy;

import java.util.List;

/** Whether a person may see an item, with every check that passed or failed. */
public record AccessDecision(boolean granted, List<String> reasons) {
    public AccessDecision {
        reasons = List.copyOf(reasons);
    }
}
