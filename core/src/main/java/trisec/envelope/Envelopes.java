package trisec.envelope;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

/**
 * Seals and opens envelopes between nodes: encrypted to the recipient, signed by the sender, so a relay, a hub or a
 * broken TLS session can neither read nor alter what passes (DESIGN §3). The construction is HPKE-like, built from
 * what the JDK 25 offers, since it has no HPKE with ML-KEM:
 *
 * <ol>
 *   <li>ML-KEM-1024 encapsulation to the recipient's KEM key gives a 32-byte shared secret;</li>
 *   <li>HKDF-SHA384 (salt = SHA-384 of the encapsulation, info = {@code "trisec envelope v1"} ‖ header bytes) turns
 *       it into a one-time AES-256 key, bound to this header;</li>
 *   <li>AES-256-GCM encrypts the payload with a fresh random 96-bit nonce and the header bytes as associated
 *       data;</li>
 *   <li>ML-DSA-87 signs the version, header, encapsulation, nonce and ciphertext.</li>
 * </ol>
 *
 * Signing the ciphertext (encrypt-then-sign) lets a recipient reject a forgery before touching its KEM key, and
 * binding the header into the key and the AEAD means even the sender cannot re-address a sealed envelope to someone
 * else: only the original recipient's key decapsulates it. Replay is the inbox's concern (the message id is its
 * idempotency key), not this class's.
 */
public final class Envelopes {
    private Envelopes() {}

    /** A verified, decrypted envelope. */
    public record Opened(Header header, byte[] payload) {
        public Opened {
            Objects.requireNonNull(header, "header");
            payload = Objects.requireNonNull(payload, "payload").clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Opened that && header.equals(that.header) && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return 31 * header.hashCode() + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Opened[header=" + header + ", payload=" + payload.length + " bytes]";
        }
    }

    /**
     * Encrypts {@code payload} to {@code recipient} and signs the result with {@code sender}'s key. The header's
     * sender and recipient fields are taken from the keys, so they cannot disagree with them.
     *
     * @throws IllegalArgumentException if {@code kind} or {@code label} is not a valid {@link Header} field
     */
    public static Envelope seal(
            NodeKeys sender,
            PublicIdentity recipient,
            String kind,
            UUID messageId,
            Instant createdAt,
            String label,
            byte[] payload) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
        PublicIdentity from = sender.identity();
        Header header = new Header(
                kind, messageId, from.party(), from.keyId(), recipient.party(), recipient.keyId(), createdAt, label);
        byte[] headerBytes = header.canonicalBytes();

        KEM.Encapsulated encapsulated = Suite.encapsulate(recipient.kemPublicKey());
        byte[] encapsulation = encapsulated.encapsulation();
        SecretKey key = Suite.envelopeKey(encapsulated.key(), encapsulation, headerBytes);
        byte[] nonce = Suite.randomBytes(Suite.NONCE_BYTES);
        byte[] ciphertext = Suite.encrypt(key, nonce, headerBytes, payload);

        byte[] signature = sender.signCanonical(
                Envelope.signedBytes(Envelope.VERSION, header, encapsulation, nonce, ciphertext));
        return new Envelope(Envelope.VERSION, header, encapsulation, nonce, ciphertext, signature);
    }

    /**
     * Checks that the envelope is addressed to {@code recipient} and comes from {@code sender}, verifies the
     * signature, and only then decapsulates and decrypts — so a forged envelope never reaches the KEM key.
     *
     * @param sender the identity the recipient's peers file lists for the party and key id the header names
     * @throws EnvelopeException saying why the envelope is refused: unsupported version, misaddressed, sender
     *                           mismatch, malformed, forged or tampered
     */
    public static Opened open(NodeKeys recipient, PublicIdentity sender, Envelope envelope) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(envelope, "envelope");
        Header header = envelope.header();
        String which = "envelope " + header.messageId();
        if (envelope.version() != Envelope.VERSION) {
            throw new EnvelopeException(
                    "unsupported version: " + which + " is version " + envelope.version() + ", this node reads "
                            + Envelope.VERSION);
        }
        PublicIdentity self = recipient.identity();
        if (!header.recipient().equals(self.party()) || !header.recipientKey().equals(self.keyId())) {
            throw new EnvelopeException("misaddressed: " + which + " is for " + header.recipient() + " key "
                    + header.recipientKey() + ", this node is " + self.party() + " key " + self.keyId());
        }
        if (!header.sender().equals(sender.party()) || !header.senderKey().equals(sender.keyId())) {
            throw new EnvelopeException("sender mismatch: " + which + " claims to be from " + header.sender()
                    + " key " + header.senderKey() + ", but was checked against " + sender.party() + " key "
                    + sender.keyId() + " (unknown key?)");
        }
        byte[] encapsulation = envelope.encapsulation();
        byte[] nonce = envelope.nonce();
        byte[] ciphertext = envelope.ciphertext();
        byte[] signature = envelope.signature();
        requireLength(which, "encapsulation", encapsulation, Suite.ENCAPSULATION_BYTES);
        requireLength(which, "nonce", nonce, Suite.NONCE_BYTES);
        requireLength(which, "signature", signature, Suite.SIGNATURE_BYTES);
        if (ciphertext.length < Suite.TAG_BYTES) {
            throw new EnvelopeException("malformed: the ciphertext of " + which + " is shorter than its tag");
        }

        byte[] signed = Envelope.signedBytes(envelope.version(), header, encapsulation, nonce, ciphertext);
        if (!sender.verifySigned(signed, signature)) {
            throw new EnvelopeException("forged or tampered: the signature of " + which + " does not verify under "
                    + sender.party() + " key " + sender.keyId());
        }

        byte[] headerBytes = header.canonicalBytes();
        try {
            SecretKey key = Suite.envelopeKey(recipient.decapsulate(encapsulation), encapsulation, headerBytes);
            return new Opened(header, Suite.decrypt(key, nonce, headerBytes, ciphertext));
        } catch (AEADBadTagException | DecapsulateException e) {
            throw new EnvelopeException("tampered: " + which + " is signed by its sender but does not decrypt for "
                    + self.party() + " key " + self.keyId() + " (altered after encryption, or re-addressed)");
        }
    }

    /** A signature over {@link Envelope#signedBytes()}; lets tests re-sign altered envelopes as an attacker would. */
    static byte[] signatureOf(NodeKeys sender, Envelope envelope) {
        return sender.signCanonical(envelope.signedBytes());
    }

    private static void requireLength(String which, String field, byte[] value, int length) {
        if (value.length != length) {
            throw new EnvelopeException("malformed: the " + field + " of " + which + " is " + value.length
                    + " bytes, not " + length);
        }
    }
}
