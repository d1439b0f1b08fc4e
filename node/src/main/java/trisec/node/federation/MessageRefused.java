package trisec.node.federation;

/**
 * A partner's message whose content this node will not act on: whatever its handler wrote is rolled back, and the
 * sender gets a signed REFUSED receipt that gives this reason.
 */
public final class MessageRefused extends RuntimeException {
    public MessageRefused(String reason) {
        super(reason);
    }
}
