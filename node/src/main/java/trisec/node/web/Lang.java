package trisec.node.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the pages speak: Korean, Japanese, English. */
public enum Lang {
    EN(Locale.ENGLISH), KO(Locale.KOREAN), JA(Locale.JAPANESE);

    public static final String COOKIE = "trisec_lang";

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public static Optional<Lang> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Lang l : values()) {
            if (l.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The chosen language (cookie) if any, else the best match of the browser's Accept-Language, else English. */
    public static Lang choose(String cookie, String acceptLanguage) {
        Optional<Lang> chosen = of(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                Locale best = Locale.lookup(ranges, List.of(Locale.KOREAN, Locale.JAPANESE, Locale.ENGLISH));
                if (best != null) {
                    return of(best.getLanguage()).orElse(EN);
                }
            } catch (IllegalArgumentException e) {
                return EN;
            }
        }
        return EN;
    }
}
