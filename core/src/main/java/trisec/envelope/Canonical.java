package trisec.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The byte encoding of everything that is signed or bound into a key: a sequence of fields, each a 4-byte big-endian
 * length followed by that many bytes. Length prefixes make the encoding injective for a fixed sequence of fields —
 * {@code ("ab","c")} and {@code ("a","bc")} differ — which plain concatenation is not, and a signature over an
 * ambiguous encoding can be replayed as a signature over a different statement.
 *
 * <p>Field encodings: a string is its UTF-8 bytes (text that is not well-formed UTF-16, i.e. holds an unpaired
 * surrogate, is refused: a lenient encoder would map different strings to the same bytes); a {@code long} is 8
 * bytes big-endian; an {@link Instant} is its epoch second (8 bytes) then its nanosecond (4 bytes); a {@link UUID}
 * is its 16 bytes, most significant first. Types are not tagged: each use fixes its sequence of fields and starts it
 * with a string naming the use.
 *
 * <pre>{@code byte[] signed = new Canonical().add("trisec statement v1").add(purpose).add(message).bytes();}</pre>
 */
public final class Canonical {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** No fields yet. */
    public Canonical() {}

    public Canonical add(byte[] field) {
        Objects.requireNonNull(field, "field");
        out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        out.writeBytes(field);
        return this;
    }

    public Canonical add(String field) {
        return add(utf8(field));
    }

    public Canonical add(long field) {
        return add(ByteBuffer.allocate(8).putLong(field).array());
    }

    public Canonical add(Instant field) {
        Objects.requireNonNull(field, "field");
        return add(ByteBuffer.allocate(12).putLong(field.getEpochSecond()).putInt(field.getNano()).array());
    }

    public Canonical add(UUID field) {
        Objects.requireNonNull(field, "field");
        return add(ByteBuffer.allocate(16)
                .putLong(field.getMostSignificantBits())
                .putLong(field.getLeastSignificantBits())
                .array());
    }

    /** The fields added so far; the builder may be extended further. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /** Strict UTF-8: refuses unpaired surrogates instead of replacing them with {@code ?}. */
    static byte[] utf8(String text) {
        Objects.requireNonNull(text, "text");
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not well-formed Unicode (it holds an unpaired surrogate)");
        }
    }

    static boolean isWellFormed(String text) {
        try {
            utf8(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
