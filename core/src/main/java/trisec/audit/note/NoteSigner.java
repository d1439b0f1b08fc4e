package trisec.audit.note;

/**
 * Signs note texts with one key. {@link Ed25519Notes#signer} and {@link MlDsaNotes#signer} are the implementations;
 * {@link Notes#sign} is how they are used.
 */
public interface NoteSigner {
    /** The key's name, as it appears on the signature line. */
    String keyName();

    /** The key's 4-byte key hash (the signed-note "key ID"), which depends on the key's signature type. */
    byte[] keyHash();

    /** The signature of {@code message}, the UTF-8 bytes of a note text, in this key's signature type. */
    byte[] sign(byte[] message);
}
