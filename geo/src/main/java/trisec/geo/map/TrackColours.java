package trisec.geo.map;

import java.util.Map;
import java.util.Optional;
import trisec.party.Party;

/**
 * The colour of each party on a warnings map: its tracks (the detecting party decides the colour of a warning, so
 * that the Korean and the Japanese warning of one launch are told apart) and, lighter, its land. The three
 * partners' colours are from Okabe and Ito's palette ("Color Universal Design", 2002), which stays distinguishable
 * to viewers with the common colour-vision deficiencies: blue for Korea, vermillion for Japan, bluish green for the
 * United States. Any other party's tracks are reddish purple, its land neutral.
 */
public final class TrackColours {
    private record Colours(String track, String land, String label) {}

    private static final Map<String, Colours> PARTNERS = Map.of(
            "KOR", new Colours("#0072B2", "#D3E5F2", "#005585"),
            "JPN", new Colours("#D55E00", "#F7DCCA", "#A34700"),
            "USA", new Colours("#009E73", "#CCEBE1", "#00775A"));

    /** The track colour of a party without one of its own. */
    public static final String OTHER_TRACK = "#CC79A7";

    /** The land of every party that is not a partner. */
    static final String NEUTRAL_LAND = "#ECE9E2";

    static final String NEUTRAL_LABEL = "#77736B";

    private TrackColours() {}

    /** The colour, {@code #RRGGBB}, of the tracks of warnings this party detected. */
    public static String of(Party detectingParty) {
        Colours c = PARTNERS.get(detectingParty.code());
        return c == null ? OTHER_TRACK : c.track();
    }

    /** The fill of this party's land. */
    static String land(Party party) {
        Colours c = PARTNERS.get(party.code());
        return c == null ? NEUTRAL_LAND : c.land();
    }

    /** The colour of this party's name on its land, if it is a partner. */
    static Optional<String> label(Party party) {
        return Optional.ofNullable(PARTNERS.get(party.code())).map(Colours::label);
    }
}
