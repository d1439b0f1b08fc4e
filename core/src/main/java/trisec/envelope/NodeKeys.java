package trisec.envelope;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import trisec.party.Party;

/**
 * A node's private keys: the ML-DSA-87 key it signs with and the ML-KEM-1024 key envelopes are encrypted to,
 * together with the public identity they belong to. Generated on first start and kept, as PEM text
 * ({@link #signingKeyPem}, {@link #kemKeyPem}) beside the {@link IdentityText identity text}, in files only the
 * node's owner can read (the node's {@code trisec.node.keys.NodeKeyFiles}; {@link #restore} reads them back); a node
 * never sends or prints them. Decapsulation is package-private: the only way to use the KEM key is
 * {@link Envelopes#open}, which checks the signature first.
 */
public final class NodeKeys {
    private final PrivateKey signingKey;
    private final PrivateKey kemKey;
    private final PublicIdentity identity;

    NodeKeys(PrivateKey signingKey, PrivateKey kemKey, PublicIdentity identity) {
        this.signingKey = Objects.requireNonNull(signingKey);
        this.kemKey = Objects.requireNonNull(kemKey);
        this.identity = Objects.requireNonNull(identity);
    }

    /** Fresh keys for a node of {@code party}. */
    public static NodeKeys generate(Party party) {
        Objects.requireNonNull(party, "party");
        KeyPair signing = Suite.signingKeyPair();
        KeyPair kem = Suite.kemKeyPair();
        PublicIdentity identity =
                PublicIdentity.of(party, signing.getPublic().getEncoded(), kem.getPublic().getEncoded());
        return new NodeKeys(signing.getPrivate(), kem.getPrivate(), identity);
    }

    /**
     * Keys read back from where a node keeps them ({@code where}, in messages): refuses an identity of another party
     * than {@code party}, and private keys that do not belong to the identity (checked by signing and by
     * encapsulating a fresh secret, as FIPS 140 pairwise consistency tests do).
     *
     * @throws EnvelopeException if the keys are another party's or do not belong together
     */
    public static NodeKeys restore(
            String where, PrivateKey signingKey, PrivateKey kemKey, PublicIdentity identity, Party party) {
        Objects.requireNonNull(party, "party");
        if (!identity.party().equals(party)) {
            throw new EnvelopeException("the keys in " + where + " are " + identity.party() + "'s, this node is "
                    + party);
        }
        NodeKeys keys = new NodeKeys(signingKey, kemKey, identity);
        keys.mismatch().ifPresent(why -> {
            throw new EnvelopeException("the keys in " + where + " do not belong together: " + why);
        });
        return keys;
    }

    /**
     * The ML-DSA-87 private key in PEM text (PKCS#8) read from {@code source} (a file's name, in messages).
     *
     * @throws EnvelopeException if the text is not PEM or does not hold an ML-DSA-87 private key
     */
    public static PrivateKey signingKeyFromPem(String source, byte[] pem) {
        return privateKey(source, pem, Suite.SIGNATURE, Suite::signingPrivateKey);
    }

    /**
     * The ML-KEM-1024 private key in PEM text (PKCS#8) read from {@code source} (a file's name, in messages).
     *
     * @throws EnvelopeException if the text is not PEM or does not hold an ML-KEM-1024 private key
     */
    public static PrivateKey kemKeyFromPem(String source, byte[] pem) {
        return privateKey(source, pem, Suite.KEM_KEYS, Suite::kemPrivateKey);
    }

    private interface Pkcs8Decoder {
        PrivateKey decode(byte[] pkcs8) throws InvalidKeySpecException;
    }

    private static PrivateKey privateKey(String source, byte[] pem, String algorithm, Pkcs8Decoder decoder) {
        byte[] pkcs8 = PrivateKeyPem.decode(source, pem, EnvelopeException::new);
        try {
            return decoder.decode(pkcs8);
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new EnvelopeException(source + " does not hold an " + algorithm + " private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The signing key as PEM text (PKCS#8), only to be kept where no one but the node's owner can read it; the
     * caller wipes it once it is written.
     */
    public byte[] signingKeyPem() {
        return PrivateKeyPem.encode(signingKey.getEncoded());
    }

    /**
     * The KEM key as PEM text (PKCS#8), only to be kept where no one but the node's owner can read it; the caller
     * wipes it once it is written.
     */
    public byte[] kemKeyPem() {
        return PrivateKeyPem.encode(kemKey.getEncoded());
    }

    public PublicIdentity identity() {
        return identity;
    }

    public Party party() {
        return identity.party();
    }

    /**
     * An ML-DSA-87 signature of {@code message} that {@link PublicIdentity#verify} accepts. The signed bytes are
     * domain-separated ({@code "trisec message v1"}, then the message) so a plain signature can never be taken for
     * an envelope or a {@link Signatures statement}; prefer {@link Signatures} when the message has a purpose.
     */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        return signCanonical(new Canonical().add(PublicIdentity.MESSAGE).add(message).bytes());
    }

    /** ML-DSA-87 over bytes whose first canonical field names their use. */
    byte[] signCanonical(byte[] bytes) {
        return Suite.sign(signingKey, bytes);
    }

    SecretKey decapsulate(byte[] encapsulation) throws DecapsulateException {
        return Suite.decapsulate(kemKey, encapsulation);
    }

    /**
     * Why the private keys do not belong to {@link #identity()}, if they don't: a signature must verify and a fresh
     * secret must decapsulate to the same value.
     */
    Optional<String> mismatch() {
        byte[] probe = Suite.randomBytes(32);
        if (!identity.verify(probe, sign(probe))) {
            return Optional.of("the signing key does not belong to the identity " + identity.keyId());
        }
        KEM.Encapsulated sent = Suite.encapsulate(identity.kemPublicKey());
        try {
            byte[] expected = sent.key().getEncoded();
            byte[] actual = decapsulate(sent.encapsulation()).getEncoded();
            boolean same = Arrays.equals(expected, actual);
            Arrays.fill(expected, (byte) 0);
            Arrays.fill(actual, (byte) 0);
            return same
                    ? Optional.empty()
                    : Optional.of("the KEM key does not belong to the identity " + identity.keyId());
        } catch (DecapsulateException e) {
            return Optional.of("the KEM key does not belong to the identity " + identity.keyId());
        }
    }

    @Override
    public String toString() {
        return "NodeKeys[" + identity + "]";
    }
}
