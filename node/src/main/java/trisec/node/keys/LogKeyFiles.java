package trisec.node.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import trisec.DomainException;
import trisec.audit.note.LogKeys;

/**
 * Where a node keeps its Ed25519 log key ({@link LogKeys}), like its other keys ({@link NodeKeyFiles}): one PEM
 * {@code PRIVATE KEY} file (PKCS#8, RFC 8410; {@code openssl pkey} reads it), created on first use with permissions
 * {@code rw-------} in the same call that creates it, and refused afterwards if group or others may access it. The
 * public key is derived from the file, so there is no second file to fall out of step with it.
 */
public final class LogKeyFiles {

    private LogKeyFiles() {}

    /**
     * The key pair in {@code dir/fileName}, generating and writing it (and {@code dir}, owner-only) if there is no such
     * file. An existing file is never replaced: a log that changed its key would have to be re-trusted by every
     * partner.
     *
     * @throws DomainException if the file is accessible by group or others (on POSIX file systems), is not a PEM
     *     Ed25519 private key, or the file name is not a plain file name
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public static KeyPair loadOrCreate(Path dir, String fileName) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(fileName, "fileName");
        if (!isPlainFileName(fileName)) {
            throw new DomainException("'" + fileName + "' is not a plain file name for a log key");
        }
        Path file = dir.resolve(fileName);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return load(file);
        }
        KeyPair pair = LogKeys.generate();
        List<Path> created = new ArrayList<>();
        try {
            PrivateKeyFiles.createDirectories(dir);
            PrivateKeyFiles.writeNew(file, LogKeys.pem(pair), PrivateKeyFiles.isPosix(dir), created);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: theirs is the key.
            return load(file);
        } catch (IOException e) {
            // A failed write removes the file rather than leave a truncated key behind.
            PrivateKeyFiles.undo(created);
            throw new UncheckedIOException("cannot write the log key " + file, e);
        }
        return pair;
    }

    private static boolean isPlainFileName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            return false;
        }
        try {
            Path path = Path.of(name);
            return path.getNameCount() == 1 && path.getFileName().toString().equals(name);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static KeyPair load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("the log key " + file + " is not a regular file");
        }
        PrivateKeyFiles.requireOwnerOnly(file, "the log key", DomainException::new);
        return LogKeys.fromPem(file.toString(), read(file));
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > 16 * 1024) {
                throw new DomainException(file + " is too large to be a PEM Ed25519 private key");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log key " + file, e);
        }
    }
}
