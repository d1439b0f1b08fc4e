package trisec.party;

import java.util.Comparator;
import java.util.regex.Pattern;

/** A government, named by its ISO 3166-1 alpha-3 code ({@code KOR}, {@code JPN}, {@code USA}). */
public record Party(String code) implements Comparable<Party> {
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    /**
     * The order of a releasability list in an ISM banner: USA first, then alphabetical
     * ({@code REL TO USA, JPN, KOR}).
     */
    public static final Comparator<Party> BANNER_ORDER =
            Comparator.comparing((Party p) -> !p.code.equals("USA")).thenComparing(Party::code);

    public Party {
        if (code == null || !ALPHA3.matcher(code).matches()) {
            throw new IllegalArgumentException("a party is an ISO 3166 alpha-3 code such as KOR, got '" + code + "'");
        }
    }

    public static Party of(String code) {
        return new Party(code);
    }

    /** Accepts lower case input ({@code kor}) from people; {@link #of} is strict. */
    public static boolean isCode(String text) {
        return text != null && ALPHA3.matcher(text).matches();
    }

    @Override
    public int compareTo(Party other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
