package trisec.audit.note;

/**
 * Checks one trusted key's signatures on notes: the key's name and key hash pick out its signature lines, and
 * {@link #verify} checks them. {@link Notes#verify} ignores lines of keys it has no verifier for.
 */
public interface NoteVerifier {
    String keyName();

    /** The 4-byte key hash this key's signature lines carry. */
    byte[] keyHash();

    /**
     * Whether {@code signature} (the line's bytes after the key hash) is this key's signature of {@code message},
     * the UTF-8 bytes of the note text. False, never an exception, for a wrong or malformed signature.
     */
    boolean verify(byte[] message, byte[] signature);

    /** The check a verifier makes: {@code message} is never null when it is called. */
    @FunctionalInterface
    interface Check {
        boolean verifies(byte[] message, byte[] signature);
    }

    /**
     * A verifier of {@code keyName}'s lines carrying {@code keyHash}, checked by {@code check}; {@code kind}
     * names the signature scheme in its description.
     */
    static NoteVerifier of(String kind, String keyName, byte[] keyHash, Check check) {
        byte[] hash = keyHash.clone();
        return new NoteVerifier() {
            @Override
            public String keyName() {
                return keyName;
            }

            @Override
            public byte[] keyHash() {
                return hash.clone();
            }

            @Override
            public boolean verify(byte[] message, byte[] signature) {
                return message != null && check.verifies(message, signature);
            }

            @Override
            public String toString() {
                return kind + " verifier " + keyName + "+" + Syntax.hex(hash);
            }
        };
    }
}
