package trisec.node.release;

/** Where a release stands, as the outbox shows it. */
public enum ReleaseStatus {
    /** Permitted; waits for a disclosure official other than the requester (two-person rule). */
    AWAITING_APPROVAL,
    /** Waits for the originator's consent (third-party rule); the request went to the originator's node. */
    CONSENT_PENDING,
    /** The originator refused its consent. */
    CONSENT_REFUSED,
    /** Approved and committed to the outbox; the delivery worker will send it. */
    QUEUED,
    /** A delivery attempt failed; the worker tries again with back-off. */
    RETRYING,
    /** Accepted by the hub, which forwards it; the final receipt comes back through the hub. */
    FORWARDING,
    /** Delivered, with the recipient's signed receipt. */
    DELIVERED,
    /** The recipient (or the hub) re-decided with its own agreements and refused, with a reason. */
    REFUSED,
    /** No longer permitted when a disclosure official came to approve it. */
    WITHDRAWN
}
