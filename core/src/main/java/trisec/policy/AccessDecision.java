package trisec.policy;

import java.util.List;

/**
 * Whether a person may see an item, with every check: granted when all passed; otherwise the failing checks are
 * the reasons. Checks carry a code and their values, so that each edge can say them in its user's language.
 */
public record AccessDecision(boolean granted, List<Check> checks) {

    /** One check of DESIGN §2.9 and its outcome. */
    public record Check(Code code, boolean passed, List<String> values) {
        public Check {
            values = List.copyOf(values);
        }

        public String message() {
            return switch (code) {
                case CLEARANCE -> passed ? "clearance " + values.get(0) + " is at or above " + values.get(1)
                        : "clearance " + values.get(0) + " is below " + values.get(1);
                case NEED_TO_KNOW -> passed ? "need-to-know covers " + values.get(1)
                        : "need-to-know (" + values.get(0) + ") does not cover " + values.get(1);
                case NOFORN -> passed ? "nationality " + values.get(1) + " is allowed by the label (NOFORN)"
                        : "NOFORN: only " + values.get(0) + " nationals may see it, not " + values.get(1);
                case RELEASABILITY -> passed ? "nationality " + values.get(0) + " is allowed by the label"
                        : "nationality " + values.get(0) + " is not in REL TO " + values.get(1);
            };
        }
    }

    /** The checks, with their values in this order: clearance (clearance, marking); need-to-know (scope, topic);
     *  NOFORN (originator, nationality); releasability (nationality, releasable-to list). */
    public enum Code { CLEARANCE, NEED_TO_KNOW, NOFORN, RELEASABILITY }

    public AccessDecision {
        checks = List.copyOf(checks);
    }

    /** Why: the failing checks when refused, every check when granted, in words. */
    public List<String> reasons() {
        return checks.stream().filter(c -> c.passed() == granted).map(Check::message).toList();
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
