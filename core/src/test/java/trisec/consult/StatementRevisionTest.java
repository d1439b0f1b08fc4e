package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;

class StatementRevisionTest {
    private static final StatementTexts TEXTS = new StatementTexts("한미일 3국은 협력한다.", "日米韓三か国は協力する。",
            "The three countries cooperate.");

    private static StatementRevision revision(String channel, int n, StatementTexts texts) {
        return new StatementRevision("3f1c9a52-1d7e-4a43-9e8b-0c9a1e5b7d21", n, channel, Optional.empty(),
                "Joint statement", texts);
    }

    @Test
    void theSameRevisionHasTheSameHashEverywhere() {
        assertThat(revision("leaders", 1, TEXTS).hash()).isEqualTo(revision("leaders", 1, TEXTS).hash())
                .hasSize(32);
    }

    @Test
    void oneByteChangedAnywhereChangesTheHash() {
        byte[] h = revision("leaders", 1, TEXTS).hash();
        assertThat(revision("leaders", 1, new StatementTexts(TEXTS.ko(), TEXTS.ja(), "The three countries cooperate!"))
                .hash()).isNotEqualTo(h);
        assertThat(revision("leaders", 1, new StatementTexts(TEXTS.ko() + " ", TEXTS.ja(), TEXTS.en())).hash())
                .isNotEqualTo(h);
        assertThat(revision("leaders", 2, TEXTS).hash()).isNotEqualTo(h);
        assertThat(revision("secretariat", 1, TEXTS).hash()).isNotEqualTo(h);
        // Length prefixes: moving a character from one language's text to the next is another statement.
        var a = new StatementTexts("ab", "c", "d");
        var b = new StatementTexts("a", "bc", "d");
        assertThat(revision("leaders", 1, a).hash()).isNotEqualTo(revision("leaders", 1, b).hash());
    }

    @Test
    void aMissingEmptyOrTooLongTextIsRefusedByName() {
        assertThatThrownBy(() -> new StatementTexts("가", null, "a")).isInstanceOf(DomainException.class)
                .hasMessageContaining("texts.ja is missing");
        assertThatThrownBy(() -> new StatementTexts("가", "あ", "  ")).hasMessageContaining("texts.en is missing");
        assertThatThrownBy(() -> new StatementTexts("가".repeat(StatementTexts.MAX_TEXT + 1), "あ", "a"))
                .hasMessageContaining("texts.ko is 20001 characters long");
        assertThatThrownBy(() -> new StatementTexts("가", "あ\u0000", "a")).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> new StatementTexts("가\uD800", "あ", "a")).hasMessageContaining("unpaired surrogate");
        assertThat(new StatementTexts("가\n나", "あ\tい", "a\r\nb").en()).isEqualTo("a\r\nb");
    }

    @Test
    void aRevisionNeedsAChannelATitleAndANumber() {
        assertThatThrownBy(() -> revision("", 1, TEXTS)).hasMessageContaining("channel is missing");
        assertThatThrownBy(() -> revision("leaders", 0, TEXTS)).hasMessageContaining("revision must be 1 or more");
        assertThatThrownBy(() -> new StatementRevision("x", 1, "leaders", Optional.empty(), "t".repeat(201), TEXTS))
                .hasMessageContaining("title is 201 characters long");
    }
}
