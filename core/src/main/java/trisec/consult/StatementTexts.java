package trisec.consult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import trisec.DomainException;

/**
 * A joint statement's text in each party's language, side by side: Korean, Japanese and English. Each is signed
 * byte for byte as it stands (UTF-8), so nothing here trims or normalises it: a text the parties want different is
 * a new revision, never a silent repair.
 */
public record StatementTexts(String ko, String ja, String en) {
    /** The longest text in one language, in characters (UTF-16 units): a communiqué, not a treaty. */
    public static final int MAX_TEXT = 20_000;

    public StatementTexts {
        List<String> problems = new ArrayList<>();
        check("ko", ko, problems);
        check("ja", ja, problems);
        check("en", en, problems);
        if (!problems.isEmpty()) {
            throw new DomainException(String.join("; ", problems));
        }
    }

    /** The texts by language code, in the order they are signed and shown. */
    public Map<String, String> byLanguage() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("ko", ko);
        m.put("ja", ja);
        m.put("en", en);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void check(String language, String text, List<String> problems) {
        String field = "texts." + language;
        if (text == null || text.isBlank()) {
            problems.add(field + " is missing: a joint statement has a text in Korean, Japanese and English");
        } else if (text.length() > MAX_TEXT) {
            problems.add(field + " is " + text.length() + " characters long, more than the " + MAX_TEXT
                    + " a statement's text may have");
        } else {
            Text.problem(text).ifPresent(p -> problems.add(field + " " + p));
        }
    }

    /** What a signed text may hold: well-formed Unicode, and no control character but line breaks and tabs. */
    static final class Text {
        private Text() {}

        static java.util.Optional<String> problem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return java.util.Optional.of("holds an unpaired surrogate at character " + i
                            + ", which is not Unicode text");
                } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                            "holds the control character U+%04X at character %d", (int) c, i));
                }
            }
            return java.util.Optional.empty();
        }
    }
}
