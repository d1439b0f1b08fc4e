package trisec.node.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import trisec.envelope.EnvelopeException;
import trisec.envelope.IdentityText;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.party.Party;

/**
 * The on-disk form of a node's {@link NodeKeys}: two PEM {@code PRIVATE KEY} files (PKCS#8, readable by OpenSSL 3.5)
 * and a small text file with the public identity ({@link IdentityText}). The private files are owner-only on POSIX
 * file systems; on others (e.g. Windows) the directory's ACL is the operator's to set.
 */
public final class NodeKeyFiles {
    static final String SIGNING_KEY = "signing.key";
    static final String KEM_KEY = "kem.key";
    static final String IDENTITY = "identity";
    private static final List<String> ALL = List.of(SIGNING_KEY, KEM_KEY, IDENTITY);

    private NodeKeyFiles() {}

    /**
     * Writes {@code signing.key} and {@code kem.key} (PKCS#8, PEM) and {@code identity}
     * (the public identity) into {@code dir}, creating it. On POSIX file systems the private files are created with
     * permissions {@code rw-------} in the same call that creates them, so they are never readable by others, not
     * even for an instant. Refuses to overwrite any existing key file: losing a node's keys strands every envelope
     * in flight to it, and partners would have to re-trust the node.
     *
     * @throws EnvelopeException         if a key file already exists
     * @throws UncheckedIOException if the files cannot be written
     */
    static void save(NodeKeys keys, Path dir) {
        Objects.requireNonNull(dir, "dir");
        boolean posix = PrivateKeyFiles.isPosix(dir);
        for (String name : ALL) {
            if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new EnvelopeException("refusing to overwrite the existing key file " + dir.resolve(name)
                        + ": replacing a node's keys strands every envelope in flight to it");
            }
        }
        List<Path> created = new ArrayList<>();
        try {
            PrivateKeyFiles.createDirectories(dir);
            PrivateKeyFiles.writeNew(dir.resolve(SIGNING_KEY), keys.signingKeyPem(), posix, created);
            PrivateKeyFiles.writeNew(dir.resolve(KEM_KEY), keys.kemKeyPem(), posix, created);
            PrivateKeyFiles.writeNew(dir.resolve(IDENTITY), IdentityText.format(keys.identity()), false, created);
        } catch (FileAlreadyExistsException e) {
            PrivateKeyFiles.undo(created);
            throw new EnvelopeException("refusing to overwrite the existing key file " + e.getFile());
        } catch (IOException e) {
            PrivateKeyFiles.undo(created);
            throw new UncheckedIOException("cannot save node keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads keys written by {@link #save}. Refuses private key files that group or others may access (on POSIX file
     * systems), keys that are not ML-DSA-87 / ML-KEM-1024, an identity of another party, and private keys that do not
     * belong to the identity (checked by signing and by encapsulating a fresh secret, as FIPS 140 pairwise
     * consistency tests do).
     *
     * @throws EnvelopeException         if the keys are unsafe, incomplete, malformed or do not match
     * @throws UncheckedIOException if the files cannot be read
     */
    public static NodeKeys load(Path dir, Party party) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(party, "party");
        List<String> missing = ALL.stream()
                .filter(name -> !Files.isRegularFile(dir.resolve(name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new EnvelopeException("no complete set of node keys in " + dir + ": missing " + missing);
        }
        Path signingFile = dir.resolve(SIGNING_KEY);
        Path kemFile = dir.resolve(KEM_KEY);
        Path identityFile = dir.resolve(IDENTITY);
        requireOwnerOnly(signingFile);
        requireOwnerOnly(kemFile);
        PrivateKey signingKey = NodeKeys.signingKeyFromPem(signingFile.toString(), read(signingFile));
        PrivateKey kemKey = NodeKeys.kemKeyFromPem(kemFile.toString(), read(kemFile));
        PublicIdentity identity = IdentityText.parse(identityFile.toString(), read(identityFile));
        return NodeKeys.restore(dir.toString(), signingKey, kemKey, identity, party);
    }

    /**
     * {@link #load} when {@code dir} holds any key file, else {@link NodeKeys#generate} and {@link #save}. A partial
     * key set is loaded (and so refused with a reason), never silently replaced.
     */
    public static NodeKeys loadOrCreate(Path dir, Party party) {
        if (anyExists(dir)) {
            return load(dir, party);
        }
        NodeKeys keys = NodeKeys.generate(party);
        save(keys, dir);
        return keys;
    }

    private static boolean anyExists(Path dir) {
        return ALL.stream().anyMatch(name -> Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS));
    }

    /** Owner-only, because anyone who reads a node's private keys can read its mail and speak for its government. */
    private static void requireOwnerOnly(Path file) {
        PrivateKeyFiles.requireOwnerOnly(file, "the private key file", EnvelopeException::new);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
