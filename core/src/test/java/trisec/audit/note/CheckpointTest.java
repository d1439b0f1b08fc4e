package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.audit.note.NoteFixtures.root;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tlog-checkpoint body: exactly three or more lines, each canonical, read back as written. */
class CheckpointTest {
    private static final String ROOT = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc="; // 32 bytes of 7

    @Test
    void theBodyIsOriginSizeAndBase64RootEachOnItsLine() {
        Checkpoint checkpoint = new Checkpoint("trisec.KOR/log", 1234, root(7), List.of());

        assertThat(checkpoint.text()).isEqualTo("trisec.KOR/log\n1234\n" + ROOT + "\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    }

    @Test
    void extensionLinesFollowTheRootAndRoundTrip() {
        Checkpoint checkpoint = new Checkpoint("trisec.KOR/log", 5, root(7), List.of("ext one", "— two"));

        assertThat(checkpoint.text()).isEqualTo("trisec.KOR/log\n5\n" + ROOT + "\next one\n— two\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.text()).extensions()).containsExactly("ext one", "— two");
    }

    @Test
    void theEmptyTreeHasSizeZeroAndTheLargestSizeIsTheLargestLong() {
        String empty = "log\n0\n" + ROOT + "\n";
        String largest = "log\n9223372036854775807\n" + ROOT + "\n";

        assertThat(Checkpoint.parse(empty).size()).isZero();
        assertThat(Checkpoint.parse(largest).size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anOriginWithSpacesIsAcceptedBecauseTheSpecOnlyRecommendsUrls() {
        // sum.golang.org's origin; c2sp.org/tlog-checkpoint: clients MUST NOT assume the URL format.
        assertThat(Checkpoint.parse("go.sum database tree\n1\n" + ROOT + "\n").origin())
                .isEqualTo("go.sum database tree");
    }

    @Test
    void theRootCannotBeChangedThroughTheRecord() {
        byte[] r = root(7);
        Checkpoint checkpoint = new Checkpoint("log", 1, r, new ArrayList<>(List.of("e")));
        r[0] = 0;
        checkpoint.root()[1] = 0;

        assertThat(checkpoint.root()).isEqualTo(root(7));
        assertThatThrownBy(() -> checkpoint.extensions().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("leading zero", "log\n0123\n" + ROOT + "\n"),
                Arguments.of("two zeros", "log\n00\n" + ROOT + "\n"),
                Arguments.of("negative size", "log\n-1\n" + ROOT + "\n"),
                Arguments.of("plus sign", "log\n+1\n" + ROOT + "\n"),
                Arguments.of("space before size", "log\n 1\n" + ROOT + "\n"),
                Arguments.of("hex size", "log\n0x10\n" + ROOT + "\n"),
                Arguments.of("non-ASCII digits", "log\n١٢\n" + ROOT + "\n"),
                Arguments.of("size beyond 2^63-1", "log\n9223372036854775808\n" + ROOT + "\n"),
                Arguments.of("twenty digits", "log\n18446744073709551615\n" + ROOT + "\n"),
                Arguments.of("root not base64", "log\n1\nnot base64!\n"),
                Arguments.of("root unpadded", "log\n1\n" + ROOT.substring(0, ROOT.length() - 1) + "\n"),
                Arguments.of("root of 31 bytes", "log\n1\n" + base64(31) + "\n"),
                Arguments.of("root of 33 bytes", "log\n1\n" + base64(33) + "\n"),
                Arguments.of("root of 48 bytes (SHA-384)", "log\n1\n" + base64(48) + "\n"),
                Arguments.of("no root line", "log\n1\n"),
                Arguments.of("origin only", "log\n"),
                Arguments.of("empty origin", "\n1\n" + ROOT + "\n"),
                Arguments.of("empty extension line", "log\n1\n" + ROOT + "\n\next\n"),
                Arguments.of("trailing empty line", "log\n1\n" + ROOT + "\n\n"),
                Arguments.of("no final newline", "log\n1\n" + ROOT),
                Arguments.of("carriage returns", "log\r\n1\r\n" + ROOT + "\r\n"),
                Arguments.of("empty", ""));
    }

    private static String base64(int bytes) {
        return java.util.Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aNonCanonicalCheckpointIsRefused(String why, String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED));
    }

    @Test
    void aCheckpointIsNotMadeFromFieldsThatWouldNotReadBack() {
        assertThatThrownBy(() -> new Checkpoint("", 1, root(7), List.of())).isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, root(7), List.of()))
                .isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new Checkpoint("log", -1, root(7), List.of())).isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[31], List.of())).isInstanceOf(NoteException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Checkpoint("log", 1, root(7), List.of(""))).isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, root(7), List.of("a\nb"))).isInstanceOf(NoteException.class);
    }
}
