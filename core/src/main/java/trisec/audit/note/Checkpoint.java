package trisec.audit.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of a C2SP checkpoint (c2sp.org/tlog-checkpoint): a log's tree head as note text. A value of this type is
 * always a well-formed body, and {@link #parse} reads exactly what {@link #text()} writes.
 *
 * <pre>
 * origin          a unique, non-empty name of the log (SHOULD be a schema-less URL; MAY be anything else)
 * size            the number of leaves, decimal, no leading zeros
 * root hash       base64 of the 32-byte RFC 6962 SHA-256 root at that size
 * [extension]…    optional non-empty opaque lines (NOT RECOMMENDED by the spec: monitors cannot audit them)
 * </pre>
 *
 * The origin is only required to be non-empty: the spec says clients MUST NOT assume it follows the URL
 * recommendation, and the Go checksum database's origin is {@code go.sum database tree}, spaces and all.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
    /** RFC 6962 with SHA-256. */
    static final int ROOT_BYTES = 32;

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** @throws NoteException if a field would not make a well-formed checkpoint body */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(extensions, "extensions");
        requireLine(origin, "the origin");
        if (size < 0) {
            throw NoteException.malformed("a tree size is not negative: " + size);
        }
        if (root.length != ROOT_BYTES) {
            throw NoteException.malformed("a root hash is " + ROOT_BYTES + " bytes (SHA-256), not " + root.length);
        }
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            requireLine(extension, "an extension line");
        }
        root = root.clone();
    }

    /**
     * Reads a checkpoint body strictly: at least three lines, each ending with a newline and none empty; a decimal
     * size without leading zeros that fits in a signed 64-bit integer; a root that is canonical base64 of 32 bytes.
     *
     * @throws NoteException saying what is wrong
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > Syntax.MAX_NOTE_BYTES) {
            throw NoteException.malformed("a checkpoint larger than a note may be");
        }
        Syntax.requireNoteText(text);
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw NoteException.malformed("a checkpoint has an origin, a size and a root hash line; this has "
                    + lines.length + " line" + (lines.length == 1 ? "" : "s"));
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw NoteException.malformed("line " + (i + 1) + " of the checkpoint is empty");
            }
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw NoteException.malformed("'" + Syntax.printable(lines[1])
                    + "' is not a tree size (decimal, without leading zeros)");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw NoteException.malformed("the tree size " + lines[1] + " is too large");
        }
        byte[] root = Syntax.base64(lines[2], "the root hash");
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        return new Checkpoint(lines[0], size, root, extensions);
    }

    /** The body: origin, size and root hash lines, then any extension lines, each ending in a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder(origin).append('\n')
                .append(size).append('\n')
                .append(Syntax.base64(root)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(root, that.root)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + Syntax.base64(root)
                + (extensions.isEmpty() ? "" : ", " + extensions.size() + " extension lines") + "]";
    }

    private static void requireLine(String line, String what) {
        if (line.isEmpty()) {
            throw NoteException.malformed(what + " is empty");
        }
        if (line.indexOf('\n') >= 0) {
            throw NoteException.malformed(what + " is more than one line");
        }
        Syntax.requireNoteCharacters(line, what);
    }
}
