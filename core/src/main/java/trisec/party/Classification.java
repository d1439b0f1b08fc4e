package trisec.party;

import java.util.Optional;

/**
 * The classification words of an ISM/CAPCO banner. Every national level names the one its banner uses
 * ({@code 군사Ⅱ급비밀} and {@code 極秘} are banner {@code SECRET}); the national scheme stays the authority.
 */
public enum Classification {
    UNCLASSIFIED("UNCLASSIFIED"),
    CONFIDENTIAL("CONFIDENTIAL"),
    SECRET("SECRET"),
    TOP_SECRET("TOP SECRET");

    private final String banner;

    Classification(String banner) {
        this.banner = banner;
    }

    public String banner() {
        return banner;
    }

    /** Reads a banner word ({@code TOP SECRET}); blanks are collapsed and case is ignored. */
    public static Optional<Classification> fromBanner(String word) {
        String normal = word.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        for (Classification c : values()) {
            if (c.banner.equals(normal)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
