package trisec.policy;

/** The answer to a release question. */
public enum Verdict {
    PERMIT, DENY, CONSENT_REQUIRED
}
