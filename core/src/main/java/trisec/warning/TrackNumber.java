package trisec.warning;

import java.util.regex.Pattern;
import trisec.DomainException;

/**
 * The number under which the detecting party tracks a flight, and under which every update and the close of its
 * warning refer to it: letters, digits and {@code -}, up to 32 (a Link 16 track number such as {@code TN-04721}
 * fits, as does a party's own scheme).
 */
public record TrackNumber(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    public TrackNumber {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new DomainException("a track number is 1 to 32 letters, digits or '-', starting with a letter "
                    + "or digit, got '" + value + "'");
        }
    }

    public static TrackNumber of(String value) {
        return new TrackNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
