package trisec.audit.note;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import trisec.DomainException;

/**
 * A node's Ed25519 log key (for its checkpoints' signed-note line, and for cosigning its partners' checkpoints), kept
 * like the node's other keys ({@code trisec.envelope.NodeKeys}): one PEM {@code PRIVATE KEY} file (PKCS#8, RFC 8410;
 * {@code openssl pkey} reads it), created on first use with permissions {@code rw-------} in the same call that
 * creates it, and refused afterwards if group or others may access it. The public key is derived from the file, so
 * there is no second file to fall out of step with it.
 */
public final class LogKeys {
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private LogKeys() {}

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
        KeyPair pair = Ed25519.generate();
        try {
            if (isPosix(dir)) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                }
            } else {
                Files.createDirectories(dir);
            }
            writeNew(file, pem(pair.getPrivate()), isPosix(dir));
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: theirs is the key.
            return load(file);
        } catch (IOException e) {
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
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static KeyPair load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("the log key " + file + " is not a regular file");
        }
        requireOwnerOnly(file);
        byte[] pkcs8 = unpem(file);
        PrivateKey key;
        try {
            key = Ed25519.factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new DomainException(file + " does not hold an Ed25519 private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        byte[] seed;
        try {
            seed = Ed25519.seed(key);
        } catch (IllegalArgumentException e) {
            throw new DomainException(file + " does not hold an Ed25519 private key: " + e.getMessage());
        }
        try {
            return Ed25519.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Owner-only, because whoever reads the log key can sign checkpoints, and cosign others', as this node. */
    private static void requireOwnerOnly(Path file) {
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
            throw new DomainException("the log key " + file + " is accessible by group or others ("
                    + PosixFilePermissions.toString(permissions) + "); it must be rw------- (chmod 600 " + file + ")");
        }
    }

    private static byte[] pem(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8);
        Arrays.fill(pkcs8, (byte) 0);
        return (PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(Path file) {
        String text;
        try {
            if (Files.size(file) > 16 * 1024) {
                throw new DomainException(file + " is too large to be a PEM Ed25519 private key");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log key " + file, e);
        }
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END) || text.length() < PEM_BEGIN.length() + PEM_END.length()) {
            throw new DomainException(file + " is not a PEM PRIVATE KEY file");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
        } catch (IllegalArgumentException e) {
            throw new DomainException(file + " is not a PEM PRIVATE KEY file: " + e.getMessage());
        }
    }

    private static void writeNew(Path file, byte[] content, boolean ownerOnly) throws IOException {
        FileAttribute<?>[] attributes = ownerOnly
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), attributes);
        } catch (IOException e) {
            Arrays.fill(content, (byte) 0);
            throw e;
        }
        // From here the file is ours: a failed write removes it rather than leave a truncated key behind.
        boolean written = false;
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            written = true;
        } finally {
            Arrays.fill(content, (byte) 0);
            if (!written) {
                deletePartial(file);
            }
        }
    }

    private static void deletePartial(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The write already failed with the cause that matters; a partial file is refused when loaded.
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
