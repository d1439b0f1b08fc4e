package trisec.envelope;

import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Objects;
import trisec.party.Party;

/**
 * A node's public identity, as a peers file lists it: the party, its key id, and its ML-DSA-87 signing key and
 * ML-KEM-1024 encryption key (X.509 SubjectPublicKeyInfo bytes). A value of this type is always usable: both keys
 * decode as their CNSA 2.0 parameter sets in canonical form, and the key id is the one computed from them, so a
 * peers file cannot pair a key id with someone else's keys.
 */
public record PublicIdentity(Party party, KeyId keyId, byte[] signingKey, byte[] kemKey) {
    /** What {@link NodeKeys#sign} signs: a plain message, never mistaken for an envelope or a statement. */
    static final String MESSAGE = "trisec message v1";

    /** @throws IllegalArgumentException if a key does not decode or the key id is not the keys' id */
    public PublicIdentity {
        if (party == null || keyId == null || signingKey == null || kemKey == null) {
            throw new IllegalArgumentException("a public identity needs a party, a key id and both public keys");
        }
        signingKey = signingKey.clone();
        kemKey = kemKey.clone();
        try {
            Suite.signingPublicKey(signingKey);
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new IllegalArgumentException("the signing key of " + party + " is not an X.509 ML-DSA-87 public key");
        }
        try {
            Suite.kemPublicKey(kemKey);
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new IllegalArgumentException("the KEM key of " + party + " is not an X.509 ML-KEM-1024 public key");
        }
        KeyId computed = KeyId.of(signingKey, kemKey);
        if (!computed.equals(keyId)) {
            throw new IllegalArgumentException(
                    "key id " + keyId + " of " + party + " does not match its keys, whose id is " + computed);
        }
    }

    /** The identity with these keys, its key id computed. */
    public static PublicIdentity of(Party party, byte[] signingKey, byte[] kemKey) {
        if (signingKey == null || kemKey == null) {
            throw new IllegalArgumentException("a public identity needs both public keys");
        }
        return new PublicIdentity(party, KeyId.of(signingKey, kemKey), signingKey, kemKey);
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] kemKey() {
        return kemKey.clone();
    }

    /**
     * Whether {@code signature} is this node's {@link NodeKeys#sign signature} of {@code message}. False, never an
     * exception, for a wrong, truncated or garbage signature or a null argument: the input is a partner's and
     * untrusted.
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null) {
            return false;
        }
        return verifySigned(new Canonical().add(MESSAGE).add(message).bytes(), signature);
    }

    /** ML-DSA-87 over bytes that already name their use (their first canonical field). */
    boolean verifySigned(byte[] bytes, byte[] signature) {
        return Suite.verify(signingPublicKey(), bytes, signature);
    }

    PublicKey signingPublicKey() {
        try {
            return Suite.signingPublicKey(signingKey);
        } catch (InvalidKeySpecException e) {
            throw new IllegalStateException("checked when constructed", e);
        }
    }

    PublicKey kemPublicKey() {
        try {
            return Suite.kemPublicKey(kemKey);
        } catch (InvalidKeySpecException e) {
            throw new IllegalStateException("checked when constructed", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicIdentity that
                && party.equals(that.party)
                && keyId.equals(that.keyId)
                && Arrays.equals(signingKey, that.signingKey)
                && Arrays.equals(kemKey, that.kemKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(party, keyId);
    }

    @Override
    public String toString() {
        return "PublicIdentity[party=" + party + ", keyId=" + keyId + "]";
    }
}
