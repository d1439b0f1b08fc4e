package trisec.node.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import trisec.DomainException;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.SignedNote;

/**
 * The newest checkpoint this node has given out, kept in a file of its own beside the store and forced to disk
 * before anyone may see the checkpoint. It is the node's memory of its word: if the store ever comes back smaller
 * than, or different from, a checkpoint the node signed (a lost write, a restored backup), the node finds out at
 * its next start and refuses to go on rather than sign a second history for the same indices.
 */
final class PublishedCheckpoint {
    private final Path file;

    PublishedCheckpoint(Path file) {
        this.file = file;
    }

    /** The checkpoint recorded last, if any. */
    Optional<Checkpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String note = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(Checkpoint.parse(SignedNote.parse(note).text()));
        } catch (IOException | IllegalArgumentException e) {
            throw new DomainException("cannot read the last checkpoint this node published (" + file + "): "
                    + e.getMessage());
        }
    }

    /**
     * Records a signed checkpoint note: written beside the file (under a name of its own, since instances of a node
     * may share the directory), forced, then moved over it in one step — unless the file already records a larger
     * checkpoint, which stays.
     */
    void record(String note) {
        long size = Checkpoint.parse(SignedNote.parse(note).text()).size();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().threadId() + ".new");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            if (read().map(Checkpoint::size).orElse(-1L) > size) {
                Files.delete(tmp);
                return;
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the checkpoint about to be published: " + e.getMessage(), e);
        }
    }

    /** The rename itself is durable only once the directory is (POSIX); where a directory cannot be opened, skip. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform
        }
    }
}
