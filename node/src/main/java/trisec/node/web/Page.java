package trisec.node.web;

import java.util.ArrayList;
import java.util.List;
import trisec.party.ClassificationScheme;

/**
 * What every page's layout needs: the viewer's language, the page's marking (top and bottom), whose node it is,
 * who is signed in ("" on the sign-in page), the form token, which part of the navigation is current, and the
 * page's own address (the language switch comes back to it). A track 1.5 participant's navigation names only the
 * pages they may open. {@code awaiting}: the consultations waiting for this party's acknowledgement, which every
 * staff page points to.
 */
public record Page(Texts t, Marking marking, String party, String partyName, String user, String csrf, String nav,
                   boolean admin, boolean participant, String title, String here, List<String> alerts, List<Marking.Shown> alertShown,
                   ClassificationScheme scheme, List<Notice> awaiting) {

    /** A line of a notice strip: where it leads, and what it says in the viewer's language. */
    public record Notice(String href, String text) {}

    public Page {
        awaiting = List.copyOf(awaiting);
    }

    /** A page that points to no consultation (the sign-in page). */
    public Page(Texts t, Marking marking, String party, String partyName, String user, String csrf, String nav,
                boolean admin, boolean participant, String title, String here, List<String> alerts,
                List<Marking.Shown> alertShown, ClassificationScheme scheme) {
        this(t, marking, party, partyName, user, csrf, nav, admin, participant, title, here, alerts, alertShown, scheme,
                List.of());
    }

    /**
     * The page marked as what it shows: these items, and the open warnings its alert names (the alert is itself
     * drawn from them, so the page is marked at least as they are).
     */
    Page showing(List<Marking.Shown> shown) {
        var all = new ArrayList<Marking.Shown>(alertShown);
        all.addAll(shown);
        return new Page(t, Marking.of(all, scheme), party, partyName, user, csrf, nav, admin, participant, title, here, alerts,
                alertShown, scheme, awaiting);
    }

    public Lang[] languages() {
        return Lang.values();
    }

    public boolean signedIn() {
        return !user.isEmpty();
    }
}
