package trisec.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more signature
 * lines {@code — <key name> <base64(4-byte key hash ‖ signature)>}. A value of this type is always well-formed and
 * within this package's limits, so {@link #format()} always yields a note that {@link #parse(String)} (and Go's
 * {@code note.Open}) reads back identically. Whether its signatures are genuine is {@link Notes#verify}'s question:
 * the text of an unverified note means nothing.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /**
     * One signature line: the key's name, its 4-byte key hash (the spec's "key ID"), and the signature bytes, whose
     * meaning depends on the key's signature type. The name and hash together say which key signed; neither alone
     * does.
     */
    public record Signature(String keyName, byte[] keyHash, byte[] signature) {
        /** @throws NoteException if the name is not a key name, the hash is not 4 bytes, or the signature is empty */
        public Signature {
            Syntax.requireKeyName(keyName);
            Objects.requireNonNull(keyHash, "keyHash");
            Objects.requireNonNull(signature, "signature");
            if (keyHash.length != 4) {
                throw NoteException.malformed("a key hash is 4 bytes, not " + keyHash.length);
            }
            if (signature.length == 0) {
                throw NoteException.malformed("an empty signature from " + keyName);
            }
            keyHash = keyHash.clone();
            signature = signature.clone();
        }

        /**
         * Reads one signature line, with or without its final newline, as a witness returns it (c2sp.org/tlog-witness,
         * add-checkpoint).
         *
         * @throws NoteException if it is not a signature line
         */
        public static Signature parseLine(String line) {
            Objects.requireNonNull(line, "line");
            String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (l.length() > Syntax.MAX_NOTE_BYTES) {
                throw NoteException.malformed("a signature line longer than a note may be");
            }
            Syntax.requireNoteCharacters(l, "a signature line");
            if (l.indexOf('\n') >= 0) {
                throw NoteException.malformed("more than one line where one signature line was expected");
            }
            return parsed(l);
        }

        /** The line as it appears in a note: {@code — <key name> <base64>}, without the final newline. */
        public String line() {
            byte[] blob = new byte[4 + signature.length];
            System.arraycopy(keyHash, 0, blob, 0, 4);
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return Syntax.SIGNATURE_PREFIX + keyName + " " + Syntax.base64(blob);
        }

        /** The key hash as the 8 lower-case hex digits a vkey shows. */
        public String keyId() {
            return Syntax.hex(keyHash);
        }

        @Override
        public byte[] keyHash() {
            return keyHash.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        boolean isFrom(String name, byte[] hash) {
            return keyName.equals(name) && Arrays.equals(keyHash, hash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Signature that
                    && keyName.equals(that.keyName)
                    && Arrays.equals(keyHash, that.keyHash)
                    && Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyName, Arrays.hashCode(keyHash), Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "Signature[" + keyName + "+" + keyId() + ", " + signature.length + " bytes]";
        }

        /** A line already known to be free of control characters and newlines. */
        private static Signature parsed(String line) {
            if (!line.startsWith(Syntax.SIGNATURE_PREFIX)) {
                throw NoteException.malformed("a signature line starts with an em dash (U+2014) and a space, not '"
                        + Syntax.printable(line.substring(0, Math.min(line.length(), 12))) + "'");
            }
            String rest = line.substring(Syntax.SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw NoteException.malformed("a signature line is '— <key name> <base64>', got '"
                        + Syntax.printable(line) + "'");
            }
            String name = rest.substring(0, space);
            Syntax.requireKeyName(name);
            byte[] blob = Syntax.base64(rest.substring(space + 1), "the signature of " + name);
            // Four bytes of key hash and at least one of signature, as golang.org/x/mod/sumdb/note requires.
            if (blob.length < 5) {
                throw NoteException.malformed("the signature of " + name + " is too short (" + blob.length
                        + " bytes with the key hash)");
            }
            return new Signature(name, Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
        }
    }

    /**
     * @throws NoteException if the text does not end with a newline or contains a control character or invalid
     *     Unicode, if there is no signature or more than {@value Syntax#MAX_SIGNATURES}, or if the note would be larger
     *     than 1 MiB
     */
    public SignedNote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signatures, "signatures");
        Syntax.requireNoteText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw NoteException.malformed("a signed note has at least one signature line");
        }
        if (signatures.size() > Syntax.MAX_SIGNATURES) {
            throw NoteException.malformed("a note with " + signatures.size() + " signatures; at most "
                    + Syntax.MAX_SIGNATURES + " are accepted");
        }
        long size = Syntax.utf8Length(text) + 1L;
        for (Signature s : signatures) {
            // "— " (4 bytes), the name, a space, the base64 of hash and signature, a newline.
            size += 4 + Syntax.utf8Length(s.keyName()) + 1 + ((4L + s.signature.length + 2) / 3) * 4 + 1;
        }
        if (size > Syntax.MAX_NOTE_BYTES) {
            throw NoteException.malformed("a note of " + size + " bytes; at most " + Syntax.MAX_NOTE_BYTES
                    + " are accepted");
        }
    }

    /**
     * Reads a note strictly (c2sp.org/signed-note, Format): valid Unicode, no control characters but newline, the
     * text separated from the signatures by the last blank line, every line after it a well-formed signature line in
     * canonical base64, at most {@value Syntax#MAX_SIGNATURES} signatures and 1 MiB. Signatures are not checked here.
     *
     * @throws NoteException with the reason, if the note is malformed
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > Syntax.MAX_NOTE_BYTES || Syntax.utf8Length(note) > Syntax.MAX_NOTE_BYTES) {
            throw NoteException.malformed("a note larger than " + Syntax.MAX_NOTE_BYTES + " bytes");
        }
        Syntax.requireNoteCharacters(note, "the note");
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw NoteException.malformed("no blank line before the signature lines");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw NoteException.malformed("no signature lines after the blank line");
        }
        if (!block.endsWith("\n")) {
            throw NoteException.malformed("the last signature line does not end with a newline");
        }
        List<Signature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            if (signatures.size() == Syntax.MAX_SIGNATURES) {
                throw NoteException.malformed("more than " + Syntax.MAX_SIGNATURES + " signature lines");
            }
            int end = block.indexOf('\n', start);
            signatures.add(Signature.parsed(block.substring(start, end)));
            start = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Reads a note from its bytes, refusing invalid UTF-8 (which decoding with replacement would silently change,
     * and with it the signed text).
     *
     * @throws NoteException if the bytes are not UTF-8 or the note is malformed
     */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        if (note.length > Syntax.MAX_NOTE_BYTES) {
            throw NoteException.malformed("a note larger than " + Syntax.MAX_NOTE_BYTES + " bytes");
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString());
        } catch (CharacterCodingException e) {
            throw NoteException.malformed("the note is not valid UTF-8");
        }
    }

    /** The note as text: the text, a blank line, and one line per signature. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (Signature s : signatures) {
            sb.append(s.line()).append('\n');
        }
        return sb.toString();
    }

    /**
     * This note with {@code signature} added, in place of any signature by the same key (name and key hash), as Go's
     * {@code note.Sign} does: how a log gathers its witnesses' cosignatures.
     */
    public SignedNote withSignature(Signature signature) {
        Objects.requireNonNull(signature, "signature");
        List<Signature> all = new ArrayList<>(signatures.size() + 1);
        for (Signature s : signatures) {
            if (!s.isFrom(signature.keyName, signature.keyHash)) {
                all.add(s);
            }
        }
        all.add(signature);
        return new SignedNote(text, all);
    }

    @Override
    public String toString() {
        return "SignedNote[" + Syntax.printable(text) + ", " + signatures + "]";
    }
}
