package trisec.consult;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import trisec.DomainException;

/**
 * The track an agenda item belongs to. The trilateral meetings keep security, economic security and history (the
 * Korea–Japan past that shapes what each side can agree) apart, so an agenda says which of them an item is on.
 */
public enum Track {
    SECURITY,
    ECONOMY,
    HISTORY,
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws DomainException naming the tracks there are */
    public static Track parse(String text) {
        for (Track t : values()) {
            if (t.id().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new DomainException("a track is one of " + Arrays.stream(values()).map(Track::id)
                .collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }
}
