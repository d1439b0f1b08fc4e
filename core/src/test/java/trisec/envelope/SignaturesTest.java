package trisec.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.KOR;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Detached statements verify only for their signer, their message and their purpose. */
class SignaturesTest {
    private static final byte[] ITEM = "item 7f3a: consent to release to USA".getBytes(UTF_8);

    @Test
    void aStatementVerifiesForItsSignerMessageAndPurpose() {
        byte[] signature = Signatures.sign(KOR, "consent", ITEM);

        assertThat(Signatures.verify(KOR.identity(), "consent", ITEM, signature)).isTrue();
    }

    @Test
    void aConsentIsNotAReceipt() {
        byte[] consent = Signatures.sign(KOR, "consent", ITEM);

        assertThat(Signatures.verify(KOR.identity(), "receipt", ITEM, consent)).isFalse();
        assertThat(Signatures.verify(KOR.identity(), "consent ", ITEM, consent)).isFalse();
    }

    @Test
    void aStatementDoesNotVerifyForAnotherMessageOrSigner() {
        byte[] signature = Signatures.sign(KOR, "consent", ITEM);
        byte[] other = ITEM.clone();
        other[0] ^= 1;

        assertThat(Signatures.verify(KOR.identity(), "consent", other, signature)).isFalse();
        assertThat(Signatures.verify(JPN.identity(), "consent", ITEM, signature)).isFalse();
    }

    @Test
    void purposeAndMessageCannotTradeBytes() {
        byte[] signature = Signatures.sign(KOR, "consent", "x".getBytes(UTF_8));

        assertThat(Signatures.verify(KOR.identity(), "consentx", new byte[0], signature)).isFalse();
        assertThat(Signatures.verify(KOR.identity(), "consen", "tx".getBytes(UTF_8), signature)).isFalse();
    }

    @Test
    void statementsPlainSignaturesAndEnvelopeSignaturesAreNeverInterchangeable() {
        byte[] statement = Signatures.sign(KOR, "consent", ITEM);
        byte[] plain = KOR.sign(ITEM);
        Envelope envelope = Envelopes.seal(KOR, JPN.identity(), "RELEASE", UUID.randomUUID(), Instant.EPOCH, "",
                ITEM);

        assertThat(KOR.identity().verify(ITEM, plain)).isTrue();
        assertThat(KOR.identity().verify(ITEM, statement)).isFalse();
        assertThat(Signatures.verify(KOR.identity(), "consent", ITEM, plain)).isFalse();
        assertThat(KOR.identity().verify(envelope.signedBytes(), envelope.signature())).isFalse();
        assertThat(Signatures.verify(KOR.identity(), "envelope", envelope.signedBytes(), envelope.signature()))
                .isFalse();
    }

    @Test
    void garbageSignaturesAreFalseNotErrors() {
        byte[] random = new byte[4627];
        new Random(7).nextBytes(random);
        for (byte[] garbage : new byte[][] {null, new byte[0], new byte[4626], random, new byte[100_000]}) {
            assertThat(Signatures.verify(KOR.identity(), "consent", ITEM, garbage)).isFalse();
            assertThat(KOR.identity().verify(ITEM, garbage)).isFalse();
        }
        assertThat(Signatures.verify(KOR.identity(), null, ITEM, KOR.sign(ITEM))).isFalse();
        assertThat(Signatures.verify(KOR.identity(), "consent", null, KOR.sign(ITEM))).isFalse();
        assertThat(KOR.identity().verify(null, KOR.sign(ITEM))).isFalse();
    }

    @Test
    void aStatementNeedsAPurpose() {
        assertThatThrownBy(() -> Signatures.sign(KOR, " ", ITEM)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Signatures.verify(KOR.identity(), "", ITEM, KOR.sign(ITEM))).isFalse();
    }
}
