package trisec.audit.note;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import trisec.DomainException;
import trisec.envelope.PrivateKeyPem;

/**
 * A node's Ed25519 log key (for its checkpoints' signed-note line, and for cosigning its partners' checkpoints), kept
 * like the node's other keys ({@code trisec.envelope.NodeKeys}) as PEM {@code PRIVATE KEY} text (PKCS#8, RFC 8410;
 * {@code openssl pkey} reads it). The public key is derived from the private key, so there is nothing second to fall
 * out of step with it. The node keeps the text in an owner-only file ({@code trisec.node.keys.LogKeyFiles}).
 */
public final class LogKeys {

    private LogKeys() {}

    /** A fresh log key pair. */
    public static KeyPair generate() {
        return Ed25519.generate();
    }

    /**
     * The private key of {@code pair} as PEM text (PKCS#8), only to be kept where no one but the node's owner can read
     * it; the caller wipes it once it is written.
     */
    public static byte[] pem(KeyPair pair) {
        Objects.requireNonNull(pair, "pair");
        return PrivateKeyPem.encode(pair.getPrivate().getEncoded());
    }

    /**
     * The key pair whose private key is the PEM text read from {@code source} (a file's name, in messages).
     *
     * @throws DomainException if the text is not a PEM Ed25519 private key
     */
    public static KeyPair fromPem(String source, byte[] pem) {
        byte[] pkcs8 = PrivateKeyPem.decode(source, pem, DomainException::new);
        PrivateKey key;
        try {
            key = Ed25519.factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new DomainException(source + " does not hold an Ed25519 private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        byte[] seed;
        try {
            seed = Ed25519.seed(key);
        } catch (IllegalArgumentException e) {
            throw new DomainException(source + " does not hold an Ed25519 private key: " + e.getMessage());
        }
        try {
            return Ed25519.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
