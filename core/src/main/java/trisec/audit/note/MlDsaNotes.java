package trisec.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;

/**
 * The node's own ML-DSA-87 signature line on its notes, so that a checkpoint stays authenticated if Ed25519 falls to a
 * quantum computer: the same text, signed a second time with the node's CNSA 2.0 signing key ({@link NodeKeys}).
 *
 * <p><b>Signature type.</b> c2sp.org/signed-note assigns the type bytes 0x01–0x05 (tlog-cosignature adds 0x06 for its
 * ML-DSA-44 cosignatures) and reserves 0xfa–0xfe; the rest are unassigned but the registry's to hand out, so taking
 * one could collide with a future assignment. The spec reserves {@code 0xff} for exactly this case — "signature types
 * without an identifier byte assigned by this specification" — and recommends following it with a longer identifier
 * unlikely to collide. So the key hash of these lines is
 *
 * <pre>SHA-256(key name ‖ 0x0A ‖ 0xff ‖ "trisec.ml-dsa-87.note/v1" ‖ 0x0A ‖ X.509 ML-DSA-87 public key)[:4]</pre>
 *
 * and what is signed is {@code "trisec.ml-dsa-87.note/v1\n" ‖ note text}, through {@link NodeKeys#sign} (which adds its
 * own "trisec message v1" domain separation). The identifier in the signed bytes means this signature can never be
 * taken for one the node made for another purpose, nor one of those for a note.
 *
 * <p><b>Other verifiers.</b> The line is an ordinary signed-note signature line (about 6.2 kB of base64). Generic
 * verifiers, Go's {@code note.Open} among them, ignore lines whose key name and hash they were not configured with, as
 * the spec requires; so the Ed25519 line keeps the note verifiable everywhere, and partners who know the node's
 * {@link PublicIdentity} check this one too. A verifier with a small size cap might still refuse the note: keep
 * checkpoints to one ML-DSA line.
 */
public final class MlDsaNotes {
    /** signed-note's byte for types without an assigned byte. */
    static final int TYPE = 0xff;

    /** The longer identifier that follows {@link #TYPE}; also the prefix of every signed message. */
    static final String IDENTIFIER = "trisec.ml-dsa-87.note/v1";

    private static final byte[] PREFIX = (IDENTIFIER + "\n").getBytes(StandardCharsets.US_ASCII);

    private MlDsaNotes() {}

    /** A signer of notes as {@code keyName}, with the node's ML-DSA-87 key. */
    public static NoteSigner signer(String keyName, NodeKeys keys) {
        Syntax.requireKeyName(keyName);
        Objects.requireNonNull(keys, "keys");
        byte[] hash = keyHash(keyName, keys.identity());
        return new NoteSigner() {
            @Override
            public String keyName() {
                return keyName;
            }

            @Override
            public byte[] keyHash() {
                return hash.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                return keys.sign(prefixed(message));
            }

            @Override
            public String toString() {
                return "ML-DSA-87 signer " + keyName + "+" + Syntax.hex(hash);
            }
        };
    }

    /** A verifier of {@code keyName}'s ML-DSA-87 lines, with the node's public identity. */
    public static NoteVerifier verifier(String keyName, PublicIdentity identity) {
        Syntax.requireKeyName(keyName);
        Objects.requireNonNull(identity, "identity");
        byte[] hash = keyHash(keyName, identity);
        return NoteVerifier.of("ML-DSA-87", keyName, hash,
                (message, signature) -> identity.verify(prefixed(message), signature));
    }

    static byte[] keyHash(String keyName, PublicIdentity identity) {
        byte[] key = identity.signingKey();
        byte[] typed = new byte[PREFIX.length + key.length];
        System.arraycopy(PREFIX, 0, typed, 0, PREFIX.length);
        System.arraycopy(key, 0, typed, PREFIX.length, key.length);
        return Syntax.keyHash(keyName, TYPE, typed);
    }

    private static byte[] prefixed(byte[] message) {
        byte[] bytes = new byte[PREFIX.length + message.length];
        System.arraycopy(PREFIX, 0, bytes, 0, PREFIX.length);
        System.arraycopy(message, 0, bytes, PREFIX.length, message.length);
        return bytes;
    }
}
