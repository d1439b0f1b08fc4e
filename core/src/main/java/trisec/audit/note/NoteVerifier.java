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
}
