package trisec.node.web;

/**
 * What every page's layout needs: the viewer's language, the page's marking (top and bottom), whose node it is,
 * who is signed in ("" on the sign-in page), the form token, which part of the navigation is current, and the
 * page's own address (the language switch comes back to it).
 */
public record Page(Texts t, Marking marking, String party, String partyName, String user, String csrf, String nav,
                   boolean admin, String title, String here) {

    Page withMarking(Marking m) {
        return new Page(t, m, party, partyName, user, csrf, nav, admin, title, here);
    }

    public Lang[] languages() {
        return Lang.values();
    }

    public boolean signedIn() {
        return !user.isEmpty();
    }
}
