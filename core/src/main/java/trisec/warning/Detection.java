package trisec.warning;

import java.time.Instant;
import trisec.party.Party;

/**
 * Who first saw a launch, with what, and when.
 *
 * @param at     the instant of detection
 * @param party  the detecting party
 * @param sensor the detecting sensor as its party names it ({@code AN/TPY-2 Kyogamisaki}, {@code Green Pine})
 */
public record Detection(Instant at, Party party, String sensor) {
    public Detection {
        Require.present("a detection's time", at);
        Require.present("a detection's party", party);
        sensor = Require.text("a detection's sensor", sensor);
    }
}
