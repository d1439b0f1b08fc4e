package trisec.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A witness's cosignature on a checkpoint: the Ed25519 {@code cosignature/v1} type of c2sp.org/tlog-cosignature,
 * signature type {@code 0x04}. It states that, as of its timestamp, this is the largest tree consistent with
 * everything the witness has seen of the log.
 *
 * <pre>
 * key hash  = SHA-256(witness name ‖ 0x0A ‖ 0x04 ‖ 32-byte Ed25519 public key)[:4]
 * message   = "cosignature/v1\n" ‖ "time " ‖ decimal timestamp ‖ "\n" ‖ checkpoint body (extension lines included)
 * signature = 8-byte big-endian timestamp (POSIX seconds, at most 2^63 − 1) ‖ 64-byte Ed25519 signature
 * </pre>
 *
 * The message does not include the witness's name, so one Ed25519 key must serve one witness only (the spec's rule).
 * The ML-DSA-44 cosignature type (0x06) of the same spec is not implemented.
 */
public final class Cosignatures {
    static final int TYPE = 0x04;
    private static final int TIMESTAMP_BYTES = 8;
    private static final int BYTES = TIMESTAMP_BYTES + Ed25519.SIGNATURE_BYTES;

    private Cosignatures() {}

    /**
     * The cosignature of {@code witnessName}, with {@code key}, on {@code checkpoint}, made at {@code unixSeconds}.
     *
     * @throws NoteException if the name is not a key name
     * @throws IllegalArgumentException if the time is negative or the key is not an Ed25519 private key
     */
    public static SignedNote.Signature cosign(String witnessName, PrivateKey key, Checkpoint checkpoint,
                                              long unixSeconds) {
        Syntax.requireKeyName(witnessName);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (unixSeconds < 0) {
            throw new IllegalArgumentException("a cosignature time is not before 1970: " + unixSeconds);
        }
        byte[] hash = keyHash(witnessName, Ed25519.publicKeyOf(key));
        byte[] signature = Ed25519.sign(key, message(unixSeconds, checkpoint.text().getBytes(StandardCharsets.UTF_8)));
        return new SignedNote.Signature(witnessName, hash, ByteBuffer.allocate(BYTES)
                .putLong(unixSeconds).put(signature).array());
    }

    /**
     * Whether {@code cosignature} is {@code witnessName}'s cosignature with {@code key} on exactly {@code checkpoint}:
     * its name and key hash are this witness's, and the Ed25519 signature verifies over the checkpoint and the
     * timestamp it carries. False, never an exception, for any other cosignature, however malformed.
     *
     * @throws IllegalArgumentException if {@code key} is not an Ed25519 public key (a configuration error)
     */
    public static boolean verify(String witnessName, PublicKey key, Checkpoint checkpoint,
                                 SignedNote.Signature cosignature) {
        Objects.requireNonNull(witnessName, "witnessName");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(cosignature, "cosignature");
        if (!Syntax.isKeyName(witnessName) || !cosignature.isFrom(witnessName, keyHash(witnessName, key))) {
            return false;
        }
        return verifies(key, checkpoint.text().getBytes(StandardCharsets.UTF_8), cosignature.signature());
    }

    /**
     * The time a cosignature states, in POSIX seconds. The value is the signer's claim: it is authenticated only
     * once {@link #verify} has succeeded.
     *
     * @throws NoteException if it is not the size of a cosignature/v1 signature or its time exceeds 2^63 − 1
     */
    public static long timestamp(SignedNote.Signature cosignature) {
        byte[] bytes = cosignature.signature();
        if (bytes.length != BYTES) {
            throw NoteException.malformed("a cosignature/v1 signature is " + BYTES + " bytes, not " + bytes.length);
        }
        long time = ByteBuffer.wrap(bytes).getLong();
        if (time < 0) {
            throw NoteException.malformed("a cosignature time exceeds 2^63 - 1");
        }
        return time;
    }

    /** The cosignature/v1 (type 0x04) key hash of {@code witnessName} with {@code key}. */
    public static byte[] keyHash(String witnessName, PublicKey key) {
        Syntax.requireKeyName(witnessName);
        return Syntax.keyHash(witnessName, TYPE, Ed25519.rawPublicKey(key));
    }

    /**
     * A note verifier for {@code witnessName}'s cosignatures, for {@link Notes#verify} on a cosigned checkpoint. It
     * accepts only notes whose text is a checkpoint body.
     */
    public static NoteVerifier verifier(String witnessName, PublicKey key) {
        Syntax.requireKeyName(witnessName);
        PublicKey checked = Ed25519.publicKey(Ed25519.rawPublicKey(key));
        byte[] hash = keyHash(witnessName, checked);
        return NoteVerifier.of("cosignature/v1", witnessName, hash,
                (message, signature) -> isCheckpoint(message) && verifies(checked, message, signature));
    }

    /** The witness's verifier key, of type 0x04 as tlog-cosignature allows. */
    public static String vkey(String witnessName, PublicKey key) {
        Syntax.requireKeyName(witnessName);
        return Vkey.of(witnessName, TYPE, Ed25519.rawPublicKey(key)).text();
    }

    /**
     * A cosignature verifier from a type-0x04 verifier key such as
     * {@code remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2}.
     *
     * @throws NoteException if it is not a vkey, its key hash is wrong, or it is not of type 0x04
     */
    public static NoteVerifier verifierFromVkey(String vkey) {
        Vkey parsed = Vkey.parse(vkey);
        if (parsed.type() != TYPE) {
            throw NoteException.malformed("the verifier key " + parsed.name() + " is of signature type 0x"
                    + String.format("%02x", parsed.type()) + ", not an Ed25519 cosignature (0x04)");
        }
        return verifier(parsed.name(), Ed25519.publicKey(parsed.key()));
    }

    private static boolean verifies(PublicKey key, byte[] body, byte[] signature) {
        if (signature.length != BYTES) {
            return false;
        }
        long time = ByteBuffer.wrap(signature).getLong();
        if (time < 0) {
            return false;
        }
        return Ed25519.verify(key, message(time, body), Arrays.copyOfRange(signature, TIMESTAMP_BYTES, BYTES));
    }

    /** The cosigned message: header line, time line, then the checkpoint body with its final newline. */
    private static byte[] message(long time, byte[] body) {
        byte[] head = ("cosignature/v1\ntime " + time + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }

    private static boolean isCheckpoint(byte[] body) {
        try {
            Checkpoint.parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
            return true;
        } catch (CharacterCodingException | NoteException e) {
            return false;
        }
    }
}
