package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.KOR;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Headers and envelopes are values: validated, immutable, compared by content. */
class HeaderAndEnvelopeTest {
    private static final UUID ID = UUID.fromString("6f1c1a52-52a4-4c3e-9b0a-1b2c3d4e5f60");
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    private static Header header(String kind, String label) {
        return new Header(kind, ID, KOR.party(), KOR.identity().keyId(), JPN.party(), JPN.identity().keyId(), AT,
                label);
    }

    @Test
    void aKindIsUpToFortyCapitalLettersAndUnderscores() {
        assertThat(header("RELEASE_NOTICE", "").kind()).isEqualTo("RELEASE_NOTICE");
        assertThat(header("A".repeat(40), "").kind()).hasSize(40);
        for (String bad : new String[] {"", "release", "RELEASE-1", "RELEASE 1", "A".repeat(41), "ÄRGER"}) {
            assertThatThrownBy(() -> header(bad, "")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aLabelIsAtMost4096CharactersOfWellFormedText() {
        assertThat(header("RELEASE", "極".repeat(4096)).label()).hasSize(4096);
        assertThatThrownBy(() -> header("RELEASE", "x".repeat(4097))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> header("RELEASE", "SECRET\uDFFF")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderHasNoMissingFields() {
        var k = KOR.identity().keyId();
        assertThatThrownBy(() -> new Header(null, ID, KOR.party(), k, JPN.party(), k, AT, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("RELEASE", ID, KOR.party(), k, JPN.party(), k, null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("RELEASE", ID, KOR.party(), k, JPN.party(), k, AT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnvelopeIsComparedByContentAndCannotBeChangedThroughItsArrays() {
        Envelope sealed = Envelopes.seal(KOR, JPN.identity(), "RELEASE", ID, AT, "", new byte[] {1, 2, 3});
        byte[] ciphertext = sealed.ciphertext();
        Envelope copy = new Envelope(sealed.version(), sealed.header(), sealed.encapsulation(), sealed.nonce(),
                ciphertext, sealed.signature());
        ciphertext[0] ^= 1;
        sealed.signature()[0] ^= 1;

        assertThat(copy).isEqualTo(sealed).hasSameHashCodeAs(sealed);
        assertThat(Envelopes.open(JPN, KOR.identity(), copy).payload()).containsExactly(1, 2, 3);
    }

    @Test
    void theSignedBytesAreDeterministicAndLeaveOutTheSignature() {
        Envelope sealed = Envelopes.seal(KOR, JPN.identity(), "RELEASE", ID, AT, "", new byte[] {1});
        Envelope otherSignature = new Envelope(sealed.version(), sealed.header(), sealed.encapsulation(),
                sealed.nonce(), sealed.ciphertext(), new byte[4627]);

        assertThat(sealed.signedBytes()).isEqualTo(sealed.signedBytes()).isEqualTo(otherSignature.signedBytes());
        assertThat(otherSignature).isNotEqualTo(sealed);
    }

    @Test
    void printingAnEnvelopeShowsSizesNotBytes() {
        Envelope sealed = Envelopes.seal(KOR, JPN.identity(), "RELEASE", ID, AT, "", new byte[10_000]);

        assertThat(sealed.toString()).contains("RELEASE", "1568 bytes", "10016 bytes").hasSizeLessThan(600);
    }
}
