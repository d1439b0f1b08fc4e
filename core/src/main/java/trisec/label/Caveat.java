package trisec.label;

import java.util.Locale;
import java.util.Optional;

/** Restrictive dissemination controls, in the order an ISM banner lists them. */
public enum Caveat {
    /** Originator controlled: every onward release needs the originator's consent. */
    ORCON,
    /** Not releasable to foreign nationals: only the originator's own party may receive it. */
    NOFORN;

    public static Optional<Caveat> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
