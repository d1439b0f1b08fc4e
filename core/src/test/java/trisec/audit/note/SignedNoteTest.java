package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The signed-note text format: what is written is read back, and what is not a note is refused with a reason. */
class SignedNoteTest {
    private static final String TEXT = "trisec.KOR/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final SignedNote.Signature SIG =
            new SignedNote.Signature("trisec.KOR/log", new byte[] {1, 2, 3, 4}, new byte[] {9, 8, 7, 6, 5});
    private static final String SIG_LINE = "— trisec.KOR/log AQIDBAkIBwYF";

    @Test
    void formatIsTextBlankLineAndOneEmDashLinePerSignature() {
        SignedNote note = new SignedNote(TEXT, List.of(SIG));

        assertThat(note.format()).isEqualTo(TEXT + "\n" + SIG_LINE + "\n");
        assertThat(note.format()).contains("\u2014 ");
        assertThat(SignedNote.parse(note.format())).isEqualTo(note);
        assertThat(SignedNote.parse(note.format().getBytes(StandardCharsets.UTF_8))).isEqualTo(note);
    }

    @Test
    void theTextIsSeparatedByTheLastBlankLineSoItMayHoldBlankLinesAndDashLines() {
        String text = "first\n\n— not a signature, part of the text\n\n\nlast\n";
        SignedNote note = new SignedNote(text, List.of(SIG, SIG));

        SignedNote read = SignedNote.parse(note.format());

        assertThat(read.text()).isEqualTo(text);
        assertThat(read.signatures()).containsExactly(SIG, SIG);
    }

    @Test
    void aTextThatEndsInBlankLinesKeepsThem() {
        String text = "a\n\n";
        assertThat(SignedNote.parse(new SignedNote(text, List.of(SIG)).format()).text()).isEqualTo(text);
    }

    @Test
    void nonAsciiTextAndNamesRoundTrip() {
        String text = "군사Ⅱ급비밀 → 極秘 🇰🇷\n";
        var signature = new SignedNote.Signature("국방부.kr/로그", new byte[4], new byte[] {1});

        SignedNote note = new SignedNote(text, List.of(signature));

        assertThat(SignedNote.parse(note.format().getBytes(StandardCharsets.UTF_8))).isEqualTo(note);
    }

    @Test
    void aSignatureLineIsReadAloneWithOrWithoutItsNewline() {
        assertThat(SignedNote.Signature.parseLine(SIG_LINE)).isEqualTo(SIG);
        assertThat(SignedNote.Signature.parseLine(SIG_LINE + "\n")).isEqualTo(SIG);
        assertThat(SIG.line()).isEqualTo(SIG_LINE);
        assertThat(SIG.keyId()).isEqualTo("01020304");
        assertThatThrownBy(() -> SignedNote.Signature.parseLine(SIG_LINE + "\n" + SIG_LINE))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void withSignatureReplacesTheSameKeysSignatureAndAppendsOthers() {
        var newer = new SignedNote.Signature("trisec.KOR/log", new byte[] {1, 2, 3, 4}, new byte[] {42});
        var other = new SignedNote.Signature("trisec.JPN/witness", new byte[] {1, 2, 3, 4}, new byte[] {43});
        SignedNote note = new SignedNote(TEXT, List.of(SIG));

        assertThat(note.withSignature(newer).signatures()).containsExactly(newer);
        assertThat(note.withSignature(other).signatures()).containsExactly(SIG, other);
    }

    @Test
    void aSignaturesBytesCannotBeChangedThroughItsAccessors() {
        byte[] hash = {1, 2, 3, 4};
        var signature = new SignedNote.Signature("k", hash, new byte[] {5});
        hash[0] = 99;
        signature.keyHash()[1] = 99;
        signature.signature()[0] = 99;

        assertThat(signature.keyHash()).containsExactly(1, 2, 3, 4);
        assertThat(signature.signature()).containsExactly(5);
    }

    static Stream<Arguments> malformedNotes() {
        String good = TEXT + "\n" + SIG_LINE + "\n";
        return Stream.of(
                Arguments.of("no final newline", good.substring(0, good.length() - 1)),
                Arguments.of("no blank line", TEXT + SIG_LINE + "\n"),
                Arguments.of("no signature lines", TEXT + "\n"),
                Arguments.of("a text without its newline", "text\n" + SIG_LINE + "\n"),
                Arguments.of("a hyphen for the em dash", TEXT + "\n- trisec.KOR/log AQIDBAkIBwYF\n"),
                Arguments.of("an en dash for the em dash", TEXT + "\n\u2013 trisec.KOR/log AQIDBAkIBwYF\n"),
                Arguments.of("no space after the dash", TEXT + "\n—trisec.KOR/log AQIDBAkIBwYF\n"),
                Arguments.of("no signature after the name", TEXT + "\n— trisec.KOR/log\n"),
                Arguments.of("a space in the name", TEXT + "\n— trisec KOR AQIDBAkIBwYF\n"),
                Arguments.of("a no-break space in the name", TEXT + "\n— trisec\u00a0KOR AQIDBAkIBwYF\n"),
                Arguments.of("an ideographic space in the name", TEXT + "\n— trisec\u3000KOR AQIDBAkIBwYF\n"),
                Arguments.of("a plus in the name", TEXT + "\n— trisec+KOR AQIDBAkIBwYF\n"),
                Arguments.of("two spaces before the signature", TEXT + "\n— trisec.KOR/log  AQIDBAkIBwYF\n"),
                Arguments.of("truncated base64", TEXT + "\n— trisec.KOR/log AQIDBAkIBwY\n"),
                Arguments.of("unpadded base64", TEXT + "\n— trisec.KOR/log AQIDBAkIBw\n"),
                Arguments.of("non-canonical base64 (trailing bits)", TEXT + "\n— trisec.KOR/log AQIDBAkIBwZ=\n"),
                Arguments.of("URL-safe base64", TEXT + "\n— trisec.KOR/log " + urlSafe() + "\n"),
                Arguments.of("a key hash and no signature", TEXT + "\n— trisec.KOR/log AQIDBA==\n"),
                Arguments.of("a line after the signatures", TEXT + "\n" + SIG_LINE + "\nmore\n"),
                Arguments.of("a carriage return", TEXT.replace("\n", "\r\n") + "\n" + SIG_LINE + "\n"),
                Arguments.of("a tab in the text", "a\tb\n\n" + SIG_LINE + "\n"),
                Arguments.of("a NUL in a signature line", TEXT + "\n" + SIG_LINE + "\u0000\n"),
                Arguments.of("a lone surrogate", "a\ud800b\n\n" + SIG_LINE + "\n"));
    }

    private static String urlSafe() {
        byte[] blob = {1, 2, 3, 4, (byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        return Base64.getUrlEncoder().encodeToString(blob);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNotes")
    void aMalformedNoteIsRefusedWithAReason(String why, String note) {
        assertThatThrownBy(() -> SignedNote.parse(note))
                .isInstanceOfSatisfying(NoteException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void moreThanAHundredSignaturesAreRefusedWhenReadAndWhenMade() {
        List<SignedNote.Signature> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(SIG);
        }
        String note = TEXT + "\n" + (SIG_LINE + "\n").repeat(101);

        assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(NoteException.class)
                .hasMessageContaining("100");
        assertThatThrownBy(() -> new SignedNote(TEXT, many)).isInstanceOf(NoteException.class);
        assertThat(new SignedNote(TEXT, many.subList(0, 100)).signatures()).hasSize(100);
    }

    @Test
    void aNoteOverOneMebibyteIsRefusedBeforeAnythingElse() {
        String text = "x".repeat(1 << 20) + "\n";

        assertThatThrownBy(() -> SignedNote.parse(text + "\n" + SIG_LINE + "\n")).isInstanceOf(NoteException.class)
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> SignedNote.parse((text + "\n" + SIG_LINE + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new SignedNote(text, List.of(SIG))).isInstanceOf(NoteException.class);
    }

    @Test
    void theSizeLimitCountsUtf8BytesNotCharacters() {
        // 350,000 three-byte characters: 1.05 MB of UTF-8 in 350,001 chars.
        String text = "가".repeat(350_000) + "\n";

        assertThatThrownBy(() -> new SignedNote(text, List.of(SIG))).isInstanceOf(NoteException.class);
        assertThat(new SignedNote("가".repeat(340_000) + "\n", List.of(SIG)).signatures()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no newline", "tab\there\n", "cr\r\n"})
    void aNoteIsNotMadeFromTextThatIsNotNoteText(String text) {
        assertThatThrownBy(() -> new SignedNote(text, List.of(SIG))).isInstanceOf(NoteException.class);
    }

    @Test
    void aNoteHasAtLeastOneSignature() {
        assertThatThrownBy(() -> new SignedNote(TEXT, List.of())).isInstanceOf(NoteException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void aSignatureHasAFourByteKeyHashAValidNameAndSomeBytes() {
        assertThatThrownBy(() -> new SignedNote.Signature("k", new byte[3], new byte[1]))
                .isInstanceOf(NoteException.class).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> new SignedNote.Signature("k", new byte[4], new byte[0]))
                .isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new SignedNote.Signature("", new byte[4], new byte[1]))
                .isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new SignedNote.Signature("a\nb", new byte[4], new byte[1]))
                .isInstanceOf(NoteException.class);
    }
}
