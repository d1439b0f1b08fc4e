package trisec.consult;

import java.util.regex.Pattern;

/**
 * One key judgement of an assessment: the subject it is about ({@code key}, a short id the register's desks agree on,
 * such as {@code gray-zone-coercion}), the party's stance on it, and the party's own words.
 */
public record PerspectiveJudgement(String key, PerspectiveStance stance, String note) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public PerspectiveJudgement {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a judgement's key is 1 to 64 lower-case letters, digits and hyphens"
                    + " such as gray-zone-coercion, got '" + key + "'");
        }
        if (stance == null) {
            throw new IllegalArgumentException("judgement " + key + " has no stance (HIGH, MODERATE or LOW)");
        }
        note = note == null ? "" : note;
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
