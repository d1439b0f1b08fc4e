package trisec.envelope;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sealed, signed envelope, ready for the wire: every field is plain bytes or text, so the node can serialize it
 * however its wire format wants. Constructing one checks nothing but presence — an envelope read off the wire is
 * judged by {@link Envelopes#open}, which refuses a wrong version or malformed field with a reason.
 *
 * @param version       the envelope format; 1 is ML-KEM-1024 → HKDF-SHA384 → AES-256-GCM, signed with ML-DSA-87
 * @param encapsulation the ML-KEM-1024 ciphertext that carries the content key to the recipient (1568 bytes)
 * @param nonce         the AES-GCM nonce (12 bytes)
 * @param ciphertext    the AES-256-GCM ciphertext of the payload, with its 16-byte tag
 * @param signature     the sender's ML-DSA-87 signature over {@link #signedBytes()}
 */
public record Envelope(
        int version, Header header, byte[] encapsulation, byte[] nonce, byte[] ciphertext, byte[] signature) {
    public static final int VERSION = 1;
    static final String SIGNED = "trisec envelope v1";

    public Envelope {
        Objects.requireNonNull(header, "header");
        encapsulation = Objects.requireNonNull(encapsulation, "encapsulation").clone();
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /**
     * What the signature covers: deterministic canonical bytes of the version, the header, the encapsulation, the
     * nonce and the ciphertext — everything but the signature itself.
     */
    public byte[] signedBytes() {
        return signedBytes(version, header, encapsulation, nonce, ciphertext);
    }

    static byte[] signedBytes(int version, Header header, byte[] encapsulation, byte[] nonce, byte[] ciphertext) {
        return new Canonical()
                .add(SIGNED)
                .add(version)
                .add(header.canonicalBytes())
                .add(encapsulation)
                .add(nonce)
                .add(ciphertext)
                .bytes();
    }

    @Override
    public byte[] encapsulation() {
        return encapsulation.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that
                && version == that.version
                && header.equals(that.header)
                && Arrays.equals(encapsulation, that.encapsulation)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, header, Arrays.hashCode(nonce), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Envelope[version=" + version + ", header=" + header + ", encapsulation=" + encapsulation.length
                + " bytes, nonce=" + nonce.length + " bytes, ciphertext=" + ciphertext.length + " bytes, signature="
                + signature.length + " bytes]";
    }
}
