package trisec.node.keys;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How a node keeps private keys on disk, its node keys ({@link NodeKeyFiles}) and its log key ({@link LogKeyFiles})
 * alike: one file each holding the key's PEM text ({@code trisec.envelope.PrivateKeyPem}), created owner-only in the
 * call that creates it, never overwritten, and refused when group or others may access it. Callers name what the
 * file is and which exception to raise.
 */
final class PrivateKeyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateKeyFiles() {}

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and its missing parents, owner-only where the file system has permissions. */
    public static void createDirectories(Path dir) throws IOException {
        if (isPosix(dir)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Refuses {@code file} when group or others may access it: "{@code what} FILE is accessible by group or
     * others (…); it must be rw-------".
     */
    static void requireOwnerOnly(Path file, String what, Function<String, RuntimeException> error) {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw error.apply(what + " " + file + " is accessible by group or others ("
                    + PosixFilePermissions.toString(permissions) + "); it must be rw------- (chmod 600 " + file + ")");
        }
    }

    /**
     * Writes a file that must not exist yet (owner-only if asked), recording it in {@code created} once it exists
     * so that the caller can remove what a failed save left; {@code content} is wiped either way.
     */
    static void writeNew(Path file, byte[] content, boolean ownerOnly, List<Path> created) throws IOException {
        FileAttribute<?>[] attributes = ownerOnly
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), attributes)) {
            created.add(file);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Removes what a failed save created; the save already failed with the cause that matters. */
    public static void undo(List<Path> created) {
        for (Path file : created) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover file is refused when loaded
            }
        }
    }
}
