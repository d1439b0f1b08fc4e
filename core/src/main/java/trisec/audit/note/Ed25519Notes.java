package trisec.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 note signatures, signature type {@code 0x01} of c2sp.org/signed-note: RFC 8032 Ed25519 over the note text,
 * key hash = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]. Every signed-note implementation verifies these,
 * so this is the line partners, monitors and off-the-shelf tools (Go's {@code note.Open}) check.
 */
public final class Ed25519Notes {
    static final int TYPE = 0x01;

    /**
     * The first line of a tlog-cosignature signed message. A node may use one Ed25519 key both to sign its own
     * checkpoints (type 0x01, over the note text) and to cosign its partners' (type 0x04, over this line, a time line
     * and the checkpoint). The two are separated only by that message prefix, so a 0x01 signer refuses to sign any
     * text that begins with it: otherwise a note of chosen text would be a cosignature.
     */
    private static final byte[] COSIGNATURE_HEADER = "cosignature/v1\n".getBytes(StandardCharsets.US_ASCII);

    private Ed25519Notes() {}

    /**
     * A signer for {@code keyName} with {@code key}. The key hash needs the public key, which is derived from the
     * private key's seed (a key from {@link LogKeys} or any JDK Ed25519 key reveals it).
     *
     * @throws IllegalArgumentException if the key is not an Ed25519 private key with an accessible seed
     * @throws NoteException if the name is not a key name
     */
    public static NoteSigner signer(String keyName, PrivateKey key) {
        Syntax.requireKeyName(keyName);
        Objects.requireNonNull(key, "key");
        byte[] hash = keyHash(keyName, Ed25519.publicKeyOf(key));
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
                if (message.length >= COSIGNATURE_HEADER.length
                        && Arrays.equals(message, 0, COSIGNATURE_HEADER.length, COSIGNATURE_HEADER, 0,
                                COSIGNATURE_HEADER.length)) {
                    throw NoteException.malformed("refusing to sign a note text that begins 'cosignature/v1': it"
                            + " would read as a witness cosignature");
                }
                return Ed25519.sign(key, message);
            }

            @Override
            public String toString() {
                return "Ed25519 signer " + keyName + "+" + Syntax.hex(hash);
            }
        };
    }

    /**
     * A verifier of {@code keyName}'s Ed25519 signatures.
     *
     * @throws IllegalArgumentException if the key is not an Ed25519 public key or the name not a key name
     */
    public static NoteVerifier verifier(String keyName, PublicKey key) {
        Syntax.requireKeyName(keyName);
        PublicKey checked = Ed25519.publicKey(Ed25519.rawPublicKey(key));
        byte[] hash = keyHash(keyName, checked);
        return NoteVerifier.of("Ed25519", keyName, hash,
                (message, signature) -> Ed25519.verify(checked, message, signature));
    }

    /**
     * A verifier from a verifier key such as {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
     *
     * @throws NoteException if it is not a vkey, its key hash is wrong, or it is not an Ed25519 (type 0x01) key
     */
    public static NoteVerifier verifierFromVkey(String vkey) {
        Vkey parsed = Vkey.parse(vkey);
        if (parsed.type() != TYPE) {
            throw NoteException.malformed("the verifier key " + parsed.name() + " is of signature type 0x"
                    + String.format("%02x", parsed.type()) + ", not Ed25519 (0x01)");
        }
        return verifier(parsed.name(), Ed25519.publicKey(parsed.key()));
    }

    /** The verifier key (vkey) of {@code keyName} with {@code key}: what partners configure to trust this key. */
    public static String vkey(String keyName, PublicKey key) {
        Syntax.requireKeyName(keyName);
        return Vkey.of(keyName, TYPE, Ed25519.rawPublicKey(key)).text();
    }

    /**
     * The Ed25519 public key in a verifier key: type 0x01 (a note signer) or 0x04 (a tlog-cosignature cosigner), both
     * of which carry a 32-byte Ed25519 key.
     *
     * @throws NoteException if it is not a vkey, its key hash is wrong, or it is not of one of those types
     */
    public static PublicKey publicKey(String vkey) {
        Vkey parsed = Vkey.parse(vkey);
        if (parsed.type() != TYPE && parsed.type() != Cosignatures.TYPE) {
            throw NoteException.malformed("the verifier key " + parsed.name() + " is of signature type 0x"
                    + String.format("%02x", parsed.type()) + ", not an Ed25519 type (0x01 or 0x04)");
        }
        return Ed25519.publicKey(parsed.key());
    }

    /** The type-0x01 key hash of {@code keyName} with {@code key}. */
    public static byte[] keyHash(String keyName, PublicKey key) {
        Syntax.requireKeyName(keyName);
        return Syntax.keyHash(keyName, TYPE, Ed25519.rawPublicKey(key));
    }

    /**
     * A signer from a Go signer key, {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ 32-byte seed)>}, checking the
     * hash against the derived public key as Go's {@code NewSigner} does. Package-private: trisec keeps private keys
     * in owner-only files as PEM text ({@link LogKeys}), never in strings; this exists to prove interoperability with
     * Go's published test keys.
     */
    static NoteSigner signerFromSkey(String skey) {
        Objects.requireNonNull(skey, "skey");
        String[] parts = skey.split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw NoteException.malformed("a signer key is PRIVATE+KEY+<name>+<key hash>+<base64 key>");
        }
        String name = parts[2];
        Syntax.requireKeyName(name);
        if (parts[3].length() != 8 || !parts[3].chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0)) {
            throw NoteException.malformed("the key hash of the signer key " + name + " is not 8 hex digits");
        }
        byte[] blob = Syntax.base64(parts[4], "the signer key " + name);
        if (blob.length != 1 + Ed25519.SEED_BYTES || blob[0] != TYPE) {
            Arrays.fill(blob, (byte) 0);
            throw NoteException.malformed("the signer key " + name + " is not an Ed25519 (0x01) seed");
        }
        byte[] seed = Arrays.copyOfRange(blob, 1, blob.length);
        Arrays.fill(blob, (byte) 0);
        PrivateKey key = Ed25519.privateKey(seed);
        Arrays.fill(seed, (byte) 0);
        NoteSigner signer = signer(name, key);
        if (!Syntax.hex(signer.keyHash()).equalsIgnoreCase(parts[3])) {
            throw NoteException.malformed("the signer key " + name + " says its key hash is " + parts[3]
                    + ", but its key hashes to " + Syntax.hex(signer.keyHash()));
        }
        return signer;
    }
}
