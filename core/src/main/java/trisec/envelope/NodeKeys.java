package trisec.envelope;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import trisec.party.Party;

/**
 * A node's private keys: the ML-DSA-87 key it signs with and the ML-KEM-1024 key envelopes are encrypted to,
 * together with the public identity they belong to. Generated on first start and kept in files only the node's
 * owner can read ({@link #save}); a node never sends or prints them. Decapsulation is package-private: the only way
 * to use the KEM key is {@link Envelopes#open}, which checks the signature first.
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
     * Writes {@code signing.key} and {@code kem.key} (PKCS#8, PEM) and {@code identity}
     * (the public identity) into {@code dir}, creating it. On POSIX file systems the private files are created with
     * permissions {@code rw-------} in the same call that creates them, so they are never readable by others, not
     * even for an instant. Refuses to overwrite any existing key file: losing a node's keys strands every envelope
     * in flight to it, and partners would have to re-trust the node.
     *
     * @throws EnvelopeException         if a key file already exists
     * @throws java.io.UncheckedIOException if the files cannot be written
     */
    public void save(Path dir) {
        KeyFiles.save(this, dir);
    }

    /**
     * Loads keys written by {@link #save}. Refuses private key files that group or others may access (on POSIX file
     * systems), keys that are not ML-DSA-87 / ML-KEM-1024, an identity of another party, and private keys that do not
     * belong to the identity (checked by signing and by encapsulating a fresh secret, as FIPS 140 pairwise
     * consistency tests do).
     *
     * @throws EnvelopeException         if the keys are unsafe, incomplete, malformed or do not match
     * @throws java.io.UncheckedIOException if the files cannot be read
     */
    public static NodeKeys load(Path dir, Party party) {
        return KeyFiles.load(dir, party);
    }

    /**
     * {@link #load} when {@code dir} holds any key file, else {@link #generate} and {@link #save}. A partial key set
     * is loaded (and so refused with a reason), never silently replaced.
     */
    public static NodeKeys loadOrCreate(Path dir, Party party) {
        if (KeyFiles.anyExists(dir)) {
            return load(dir, party);
        }
        NodeKeys keys = generate(party);
        keys.save(dir);
        return keys;
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

    byte[] signingKeyPkcs8() {
        return signingKey.getEncoded();
    }

    byte[] kemKeyPkcs8() {
        return kemKey.getEncoded();
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
