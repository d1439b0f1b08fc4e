package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Korean and Japanese bundles say everything the English one says, with the same keys and placeholders. */
class MessagesTest {
    private static final String DIR = "/trisec/node/web/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    private static String file(String lang) {
        return DIR + (lang.isEmpty() ? "messages.properties" : "messages_" + lang + ".properties");
    }

    private static Properties load(String lang) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(file(lang))) {
            assertThat(in).as(file(lang)).isNotNull();
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
    }

    /** The keys in file order (keys here are plain: no escapes, no continuation lines). */
    private static List<String> keysInOrder(String lang) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(file(lang))) {
            assertThat(in).as(file(lang)).isNotNull();
            List<String> keys = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String s = line.strip();
                    if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
                        continue;
                    }
                    keys.add(s.substring(0, s.indexOf('=')).strip());
                }
            }
            return keys;
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void sameKeysInTheSameOrder(String lang) throws IOException {
        Properties en = load("");
        Properties tr = load(lang);
        assertThat(tr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(keysInOrder(lang)).containsExactlyElementsOf(keysInOrder(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ja"})
    void samePlaceholdersAndEveryPatternFormats(String lang) throws IOException {
        Properties en = load("");
        Properties tr = load(lang);
        for (String key : en.stringPropertyNames()) {
            String value = tr.getProperty(key);
            assertThat(value).as("%s %s", lang, key).isNotNull().isNotBlank();
            Set<Integer> expected = placeholders(en.getProperty(key));
            assertThat(placeholders(value)).as("placeholders of %s %s", lang, key).isEqualTo(expected);

            int n = expected.stream().mapToInt(i -> i + 1).max().orElse(0);
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = "ARG" + i + "X";
            }
            Locale locale = Locale.forLanguageTag(lang);
            assertThatCode(() -> new MessageFormat(value, locale).format(args)).as("%s %s", lang, key)
                    .doesNotThrowAnyException();
            String formatted = new MessageFormat(value, locale).format(args);
            for (int i : expected) {
                // No placeholder is swallowed by a stray apostrophe.
                assertThat(formatted).as("%s %s", lang, key).contains("ARG" + i + "X");
            }
            assertThat(formatted).as("%s %s has no stray braces", lang, key).doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void reallyTranslated() throws IOException {
        Properties en = load("");
        Properties ko = load("ko");
        Properties ja = load("ja");
        Pattern hangul = Pattern.compile("\\p{IsHangul}");
        Pattern kanaOrKanji = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        for (String key : List.of("nav.dashboard", "login.failed", "party.KOR", "reason.consentRequired",
                "agreement.kor-jpn-gsomia-2016")) {
            assertThat(ko.getProperty(key)).as("ko %s", key).isNotEqualTo(en.getProperty(key))
                    .containsPattern(hangul);
            assertThat(ja.getProperty(key)).as("ja %s", key).isNotEqualTo(en.getProperty(key))
                    .containsPattern(kanaOrKanji);
        }
        assertThat(ko.getProperty("agreement.kor-jpn-gsomia-2016")).isEqualTo("한일 군사정보보호협정(GSOMIA)");
        assertThat(ja.getProperty("agreement.kor-jpn-gsomia-2016")).isEqualTo("日韓秘密軍事情報保護協定（GSOMIA）");
        assertThat(ko.getProperty("party.USA")).isEqualTo("미국");
        assertThat(ja.getProperty("party.USA")).isEqualTo("米国");
    }

    @Test
    void bundleNamingResolvesTheLanguages() throws IOException {
        assertThat(ResourceBundle.getBundle("trisec.node.web.messages", Locale.KOREAN).getString("nav.dashboard"))
                .isEqualTo(load("ko").getProperty("nav.dashboard"));
        assertThat(ResourceBundle.getBundle("trisec.node.web.messages", Locale.JAPANESE).getString("login.failed"))
                .isEqualTo(load("ja").getProperty("login.failed"));
        assertThat(ResourceBundle.getBundle("trisec.node.web.messages", Locale.KOREA).getString("party.KOR"))
                .isEqualTo("한국");
    }
}
