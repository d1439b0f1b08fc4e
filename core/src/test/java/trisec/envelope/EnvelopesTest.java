package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.JPN_ROTATED;
import static trisec.envelope.TestNodes.KOR;
import static trisec.envelope.TestNodes.USA;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sealing to a partner and opening what a partner sealed: who may open, and who may have sealed. */
class EnvelopesTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00.123456789Z");
    private static final String LABEL = "SECRET//REL TO USA, JPN, KOR";

    private static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Envelope korToJpn(byte[] payload) {
        return Envelopes.seal(KOR, JPN.identity(), "RELEASE", UUID.randomUUID(), CREATED, LABEL, payload);
    }

    private static Envelope withHeader(Envelope e, Header h) {
        return new Envelope(e.version(), h, e.encapsulation(), e.nonce(), e.ciphertext(), e.signature());
    }

    private static Envelope signedBy(NodeKeys signer, Envelope e) {
        return new Envelope(e.version(), e.header(), e.encapsulation(), e.nonce(), e.ciphertext(),
                Envelopes.signatureOf(signer, e));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1024, 1 << 20})
    void theRecipientOpensWhatTheSenderSealed(int size) {
        byte[] payload = payload(size);
        Envelope envelope = korToJpn(payload);

        Envelopes.Opened opened = Envelopes.open(JPN, KOR.identity(), envelope);

        assertThat(opened.payload()).isEqualTo(payload);
        assertThat(opened.header()).isEqualTo(envelope.header());
        assertThat(envelope.ciphertext()).hasSize(size + 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECRET//REL TO USA, JPN, KOR", "極秘", "2급 비밀//한미일 공개", "", "TOP SECRET//NOFORN\n\t🔒"})
    void labelsInAnyScriptSurviveTheRoundTrip(String label) {
        Envelope envelope = Envelopes.seal(KOR, JPN.identity(), "RELEASE", UUID.randomUUID(), CREATED, label,
                new byte[] {1, 2, 3});

        assertThat(Envelopes.open(JPN, KOR.identity(), envelope).header().label()).isEqualTo(label);
    }

    @Test
    void theHeaderNamesBothPartiesAndTheirKeys() {
        UUID id = UUID.randomUUID();
        Envelope envelope = Envelopes.seal(KOR, JPN.identity(), "RECEIPT", id, CREATED, LABEL, new byte[0]);

        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.header()).isEqualTo(new Header("RECEIPT", id, KOR.party(), KOR.identity().keyId(),
                JPN.party(), JPN.identity().keyId(), CREATED, LABEL));
        assertThat(envelope.encapsulation()).hasSize(1568);
        assertThat(envelope.nonce()).hasSize(12);
        assertThat(envelope.signature()).hasSize(4627);
    }

    @Test
    void sealingTheSamePayloadTwiceSharesNoKeyMaterial() {
        byte[] payload = payload(64);
        Envelope first = korToJpn(payload);
        Envelope second = korToJpn(payload);

        assertThat(first.encapsulation()).isNotEqualTo(second.encapsulation());
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void anEnvelopeSealedToJapanIsMisaddressedAtTheUnitedStates() {
        Envelope envelope = korToJpn(payload(10));

        assertThatThrownBy(() -> Envelopes.open(USA, KOR.identity(), envelope))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("misaddressed")
                .hasMessageContaining("JPN");
    }

    @Test
    void anEnvelopeSealedToAnOldKeyIsMisaddressedAtTheNewKey() {
        Envelope envelope = korToJpn(payload(10));

        assertThatThrownBy(() -> Envelopes.open(JPN_ROTATED, KOR.identity(), envelope))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("misaddressed");
    }

    @Test
    void anEnvelopeFromKoreaIsRefusedWhenCheckedAgainstJapansIdentity() {
        Envelope envelope = Envelopes.seal(KOR, USA.identity(), "RELEASE", UUID.randomUUID(), CREATED, LABEL,
                payload(10));

        assertThatThrownBy(() -> Envelopes.open(USA, JPN.identity(), envelope))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("sender mismatch");
    }

    @Test
    void anEnvelopeReSignedByAThirdPartyIsForged() {
        Envelope forged = signedBy(USA, korToJpn(payload(10)));

        assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), forged))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("forged or tampered");
    }

    @Test
    void japanCannotSealAnEnvelopeThatClaimsToComeFromKorea() {
        Envelope honest = Envelopes.seal(JPN, USA.identity(), "RELEASE", UUID.randomUUID(), CREATED, LABEL,
                payload(10));
        Header h = honest.header();
        Envelope claimsKorea = signedBy(JPN, withHeader(honest, new Header(h.kind(), h.messageId(), KOR.party(),
                KOR.identity().keyId(), h.recipient(), h.recipientKey(), h.createdAt(), h.label())));

        assertThatThrownBy(() -> Envelopes.open(USA, KOR.identity(), claimsKorea))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("forged or tampered");
        assertThatThrownBy(() -> Envelopes.open(USA, JPN.identity(), claimsKorea))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("sender mismatch");
    }

    @Test
    void evenTheSenderCannotReAddressASealedEnvelope() {
        Envelope toJapan = korToJpn(payload(100));
        Header h = toJapan.header();
        Envelope readdressed = signedBy(KOR, withHeader(toJapan, new Header(h.kind(), h.messageId(), h.sender(),
                h.senderKey(), USA.party(), USA.identity().keyId(), h.createdAt(), h.label())));

        assertThatThrownBy(() -> Envelopes.open(USA, KOR.identity(), readdressed))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("tampered");
        assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), readdressed))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("misaddressed");
    }

    @Test
    void anUnknownVersionIsRefusedBeforeAnythingElse() {
        Envelope v1 = korToJpn(payload(10));
        Envelope v2 = signedBy(KOR, new Envelope(2, v1.header(), v1.encapsulation(), v1.nonce(), v1.ciphertext(),
                v1.signature()));

        assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), v2))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("unsupported version");
    }

    @Test
    void fieldsOfTheWrongLengthAreMalformed() {
        Envelope e = korToJpn(payload(10));
        Envelope[] malformed = {
            new Envelope(1, e.header(), new byte[1567], e.nonce(), e.ciphertext(), e.signature()),
            new Envelope(1, e.header(), e.encapsulation(), new byte[11], e.ciphertext(), e.signature()),
            new Envelope(1, e.header(), e.encapsulation(), new byte[16], e.ciphertext(), e.signature()),
            new Envelope(1, e.header(), e.encapsulation(), e.nonce(), new byte[15], e.signature()),
            new Envelope(1, e.header(), e.encapsulation(), e.nonce(), e.ciphertext(), new byte[0]),
            new Envelope(1, e.header(), e.encapsulation(), e.nonce(), e.ciphertext(), new byte[4628]),
        };
        for (Envelope bad : malformed) {
            assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), bad))
                    .isInstanceOf(EnvelopeException.class)
                    .hasMessageStartingWith("malformed");
        }
    }

    @Test
    void sealingRefusesAHeaderItCouldNotSign() {
        UUID id = UUID.randomUUID();
        byte[] none = new byte[0];
        assertThatThrownBy(() -> Envelopes.seal(KOR, JPN.identity(), "release", id, CREATED, LABEL, none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelopes.seal(KOR, JPN.identity(), "RELEASE", id, CREATED, "x".repeat(4097), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelopes.seal(KOR, JPN.identity(), "RELEASE", id, CREATED, "\uD800", none))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
