package trisec.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The lexical rules that c2sp.org/signed-note sets for every part of a note, in one place: key names, note text,
 * base64, key hashes, and the limits this implementation applies.
 */
final class Syntax {
    /**
     * At most this many signature lines. The spec requires accepting at least 16; golang.org/x/mod/sumdb/note
     * refuses more than 100, and so do we, so that a note we sign is a note Go's {@code note.Open} accepts.
     */
    static final int MAX_SIGNATURES = 100;

    /**
     * At most this many bytes (UTF-8) in a whole note. An ML-DSA-87 line is about 6.2 kB, so a hundred of them fit;
     * the cap bounds the work a hostile note can cause before any signature is checked.
     */
    static final int MAX_NOTE_BYTES = 1 << 20;

    static final char EM_DASH = '\u2014';
    static final String SIGNATURE_PREFIX = EM_DASH + " ";

    private Syntax() {}

    /**
     * A key name per signed-note: non-empty, no Unicode space, no plus. "Unicode space" is Go's
     * {@code unicode.IsSpace} (the White_Space property), which the reference implementation uses: the Z categories
     * plus TAB, LF, VT, FF, CR and NEL. Control characters and lone surrogates are refused too, since a note may not
     * contain them anywhere.
     */
    static boolean isKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+' || isUnicodeSpace(cp) || cp < 0x20 || Character.isSurrogate((char) cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static void requireKeyName(String name) {
        if (!isKeyName(name)) {
            throw NoteException.malformed("'" + printable(name)
                    + "' is not a key name: it must be non-empty, without spaces or '+'");
        }
    }

    private static boolean isUnicodeSpace(int cp) {
        return Character.isSpaceChar(cp) || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85;
    }

    /**
     * Note text: ends in a newline, and, like the whole note, is valid Unicode (no lone surrogate, the UTF-16 form of
     * invalid UTF-8) with no ASCII control character other than newline.
     */
    static void requireNoteText(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw NoteException.malformed("note text must end with a newline");
        }
        requireNoteCharacters(text, "note text");
    }

    static void requireNoteCharacters(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw NoteException.malformed(what + " contains the control character U+"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + " at " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw NoteException.malformed(what + " is not valid Unicode (a lone surrogate at " + i + ")");
            }
        }
    }

    /**
     * Standard base64 (RFC 4648 §4) in its canonical form only: padded, no line breaks, zero trailing bits. Java's
     * decoder would also take unpadded input and non-zero trailing bits; refusing them means one signature has one
     * spelling, so a note cannot be re-encoded into different bytes that still verify.
     */
    static byte[] base64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw NoteException.malformed(what + " is not base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw NoteException.malformed(what + " is not canonical padded base64");
        }
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The signed-note key hash ("key ID"): the first four bytes of SHA-256(key name ‖ 0x0A ‖ signature type ‖
     * public key).
     */
    static byte[] keyHash(String keyName, int type, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update((byte) type);
            sha256.update(publicKey);
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    static String hex(byte[] keyHash) {
        return HexFormat.of().formatHex(keyHash);
    }

    /** A name for messages, with control characters escaped and long input cut. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
