package trisec.node.http;

import io.javalin.http.Context;
import java.util.Set;
import trisec.node.base.Refusal;
import trisec.node.person.Account;

/**
 * What the server needs from the web pages: who is signed in by the session cookie, and how a refused page is
 * answered (a page in the viewer's language, or a redirect to the sign-in page). The pages implement it, so the
 * server and the API never depend on the pages.
 */
public interface PageEdge {
    /** Marks the request before any route runs (the node's party on its cookies, secure cookies). */
    void prepare(Context ctx);

    /** The person signed in by the session cookie; answers {@link #signInRequired} when there is none. */
    Account signedIn(Context ctx);

    /** Thrown by {@link #signedIn} when no one is signed in. */
    final class SignInRequired extends RuntimeException {
        public SignInRequired() {
            super("sign in required", null, false, false);
        }
    }

    /** No one is signed in on a page that needs it. */
    void signInRequired(Context ctx);

    /** The signed-in person lacks the role the page needs. */
    void roleRequired(Context ctx, Set<Access> accesses);

    /** A service refused what the page asked. */
    void refused(Context ctx, Refusal refusal);
}
