package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.JPN_ROTATED;
import static trisec.envelope.TestNodes.KOR;
import static trisec.envelope.TestNodes.KOR_ROTATED;
import static trisec.envelope.TestNodes.USA;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of an envelope is protected: changing any header field or flipping any byte is refused, by the
 * signature, and — where the attacker can sign, i.e. is the sender — by the KEM binding and the AEAD.
 */
class TamperingTest {
    private static final Envelope ORIGINAL = Envelopes.seal(KOR, JPN.identity(), "RELEASE", UUID.randomUUID(),
            Instant.parse("2026-03-01T09:30:00Z"), "SECRET//REL TO USA, JPN, KOR", new byte[1024]);

    /** One header field changed, and the node and sender identity that the changed header is addressed to. */
    record HeaderChange(String field, UnaryOperator<Header> change, NodeKeys recipient, NodeKeys sender) {
        @Override
        public String toString() {
            return field;
        }
    }

    /** Each field changed on its own: whatever check catches it, the envelope must not open. */
    static Stream<HeaderChange> singleFieldChanges() {
        return Stream.of(
                change("kind", h -> new Header("RECEIPT", h.messageId(), h.sender(), h.senderKey(), h.recipient(),
                        h.recipientKey(), h.createdAt(), h.label())),
                change("messageId", h -> new Header(h.kind(), UUID.randomUUID(), h.sender(), h.senderKey(),
                        h.recipient(), h.recipientKey(), h.createdAt(), h.label())),
                change("sender", h -> new Header(h.kind(), h.messageId(), USA.party(), h.senderKey(), h.recipient(),
                        h.recipientKey(), h.createdAt(), h.label())),
                change("senderKey", h -> new Header(h.kind(), h.messageId(), h.sender(), KOR_ROTATED.identity().keyId(),
                        h.recipient(), h.recipientKey(), h.createdAt(), h.label())),
                change("recipient", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(), USA.party(),
                        h.recipientKey(), h.createdAt(), h.label())),
                change("recipientKey", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(),
                        h.recipient(), JPN_ROTATED.identity().keyId(), h.createdAt(), h.label())),
                change("createdAt", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(),
                        h.recipient(), h.recipientKey(), h.createdAt().plusNanos(1), h.label())),
                change("label", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(), h.recipient(),
                        h.recipientKey(), h.createdAt(), "UNCLASSIFIED")));
    }

    /**
     * Each field changed so that the header still names an existing recipient and sender key: the addressing checks
     * pass, so only the cryptography can refuse it.
     */
    static Stream<HeaderChange> consistentChanges() {
        return Stream.of(
                singleFieldChanges().filter(c -> c.field.equals("kind")).findFirst().orElseThrow(),
                singleFieldChanges().filter(c -> c.field.equals("messageId")).findFirst().orElseThrow(),
                new HeaderChange("sender", h -> new Header(h.kind(), h.messageId(), USA.party(),
                        USA.identity().keyId(), h.recipient(), h.recipientKey(), h.createdAt(), h.label()), JPN, USA),
                new HeaderChange("senderKey", h -> new Header(h.kind(), h.messageId(), h.sender(),
                        KOR_ROTATED.identity().keyId(), h.recipient(), h.recipientKey(), h.createdAt(), h.label()),
                        JPN, KOR_ROTATED),
                new HeaderChange("recipient", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(),
                        USA.party(), USA.identity().keyId(), h.createdAt(), h.label()), USA, KOR),
                new HeaderChange("recipientKey", h -> new Header(h.kind(), h.messageId(), h.sender(), h.senderKey(),
                        h.recipient(), JPN_ROTATED.identity().keyId(), h.createdAt(), h.label()), JPN_ROTATED, KOR),
                singleFieldChanges().filter(c -> c.field.equals("createdAt")).findFirst().orElseThrow(),
                singleFieldChanges().filter(c -> c.field.equals("label")).findFirst().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldChanges")
    void changingAnyHeaderFieldIsRefused(HeaderChange change) {
        Envelope tampered = withHeader(ORIGINAL, change.change.apply(ORIGINAL.header()));
        assertThat(tampered.header()).isNotEqualTo(ORIGINAL.header());

        assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), tampered))
                .isInstanceOf(EnvelopeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistentChanges")
    void theSignatureCoversEveryHeaderField(HeaderChange change) {
        Envelope tampered = withHeader(ORIGINAL, change.change.apply(ORIGINAL.header()));

        assertThatThrownBy(() -> Envelopes.open(change.recipient, change.sender.identity(), tampered))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("forged or tampered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistentChanges")
    void theEncryptionBindsEveryHeaderFieldEvenAgainstASignerWhoChangesIt(HeaderChange change) {
        Envelope tampered = signedBy(change.sender, withHeader(ORIGINAL, change.change.apply(ORIGINAL.header())));

        assertThatThrownBy(() -> Envelopes.open(change.recipient, change.sender.identity(), tampered))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("tampered");
    }

    enum Field {
        ENCAPSULATION, NONCE, CIPHERTEXT, SIGNATURE;

        byte[] of(Envelope e) {
            return switch (this) {
                case ENCAPSULATION -> e.encapsulation();
                case NONCE -> e.nonce();
                case CIPHERTEXT -> e.ciphertext();
                case SIGNATURE -> e.signature();
            };
        }

        Envelope with(Envelope e, byte[] value) {
            return switch (this) {
                case ENCAPSULATION -> new Envelope(e.version(), e.header(), value, e.nonce(), e.ciphertext(),
                        e.signature());
                case NONCE -> new Envelope(e.version(), e.header(), e.encapsulation(), value, e.ciphertext(),
                        e.signature());
                case CIPHERTEXT -> new Envelope(e.version(), e.header(), e.encapsulation(), e.nonce(), value,
                        e.signature());
                case SIGNATURE -> new Envelope(e.version(), e.header(), e.encapsulation(), e.nonce(),
                        e.ciphertext(), value);
            };
        }

        /** The envelope with one byte at a random position (always including the first and last) changed. */
        Stream<Envelope> singleByteFlips(long seed, int count) {
            Random random = new Random(seed * 31 + ordinal());
            byte[] original = of(ORIGINAL);
            return Stream.iterate(0, i -> i < count, i -> i + 1).map(i -> {
                int position = i == 0 ? 0 : i == 1 ? original.length - 1 : random.nextInt(original.length);
                byte[] flipped = original.clone();
                flipped[position] ^= (byte) (1 + random.nextInt(255));
                return with(ORIGINAL, flipped);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Field.class)
    void flippingAnySingleByteIsRefusedByTheSignature(Field field) {
        field.singleByteFlips(1, 48).forEach(tampered ->
                assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), tampered))
                        .isInstanceOf(EnvelopeException.class)
                        .hasMessageStartingWith("forged or tampered"));
    }

    @ParameterizedTest
    @EnumSource(value = Field.class, names = {"ENCAPSULATION", "NONCE", "CIPHERTEXT"})
    void flippingAnySingleByteIsRefusedByTheEncryptionEvenIfTheSenderReSigns(Field field) {
        field.singleByteFlips(2, 24).forEach(tampered ->
                assertThatThrownBy(() -> Envelopes.open(JPN, KOR.identity(), signedBy(KOR, tampered)))
                        .isInstanceOf(EnvelopeException.class)
                        .hasMessageStartingWith("tampered"));
    }

    private static HeaderChange change(String field, UnaryOperator<Header> change) {
        return new HeaderChange(field, change, JPN, KOR);
    }

    private static Envelope withHeader(Envelope e, Header h) {
        return new Envelope(e.version(), h, e.encapsulation(), e.nonce(), e.ciphertext(), e.signature());
    }

    private static Envelope signedBy(NodeKeys signer, Envelope e) {
        return new Envelope(e.version(), e.header(), e.encapsulation(), e.nonce(), e.ciphertext(),
                Envelopes.signatureOf(signer, e));
    }
}
