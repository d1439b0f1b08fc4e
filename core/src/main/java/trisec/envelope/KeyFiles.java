package trisec.envelope;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import trisec.party.Party;

/**
 * The on-disk form of {@link NodeKeys}: two PEM {@code PRIVATE KEY} files (PKCS#8, readable by OpenSSL 3.5) and a
 * small text file with the public identity. The private files are owner-only on POSIX file systems; on others (e.g.
 * Windows) the directory's ACL is the operator's to set.
 */
final class KeyFiles {
    static final String SIGNING_KEY = "signing.key";
    static final String KEM_KEY = "kem.key";
    static final String IDENTITY = "identity";
    private static final List<String> ALL = List.of(SIGNING_KEY, KEM_KEY, IDENTITY);



    private KeyFiles() {}

    static boolean anyExists(Path dir) {
        return ALL.stream().anyMatch(name -> Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS));
    }

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
            PrivateKeyFiles.writeNew(dir.resolve(SIGNING_KEY), PrivateKeyFiles.pem(keys.signingKeyPkcs8()), posix,
                    created);
            PrivateKeyFiles.writeNew(dir.resolve(KEM_KEY), PrivateKeyFiles.pem(keys.kemKeyPkcs8()), posix, created);
            PrivateKeyFiles.writeNew(dir.resolve(IDENTITY), identityText(keys.identity()), false, created);
        } catch (FileAlreadyExistsException e) {
            PrivateKeyFiles.undo(created);
            throw new EnvelopeException("refusing to overwrite the existing key file " + e.getFile());
        } catch (IOException e) {
            PrivateKeyFiles.undo(created);
            throw new UncheckedIOException("cannot save node keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    static NodeKeys load(Path dir, Party party) {
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
        requireOwnerOnly(signingFile);
        requireOwnerOnly(kemFile);
        PrivateKey signingKey = privateKey(signingFile, "ML-DSA-87", Suite::signingPrivateKey);
        PrivateKey kemKey = privateKey(kemFile, "ML-KEM-1024", Suite::kemPrivateKey);
        PublicIdentity identity = readIdentity(dir.resolve(IDENTITY));
        if (!identity.party().equals(party)) {
            throw new EnvelopeException("the keys in " + dir + " are " + identity.party() + "'s, this node is "
                    + party);
        }
        NodeKeys keys = new NodeKeys(signingKey, kemKey, identity);
        keys.mismatch().ifPresent(why -> {
            throw new EnvelopeException("the keys in " + dir + " do not belong together: " + why);
        });
        return keys;
    }


    /** Owner-only, because anyone who reads a node's private keys can read its mail and speak for its government. */
    private static void requireOwnerOnly(Path file) {
        PrivateKeyFiles.requireOwnerOnly(file, "the private key file", EnvelopeException::new);
    }

    private interface Pkcs8Decoder {
        PrivateKey decode(byte[] pkcs8) throws InvalidKeySpecException;
    }

    private static PrivateKey privateKey(Path file, String algorithm, Pkcs8Decoder decoder) {
        byte[] pkcs8 = PrivateKeyFiles.unpem(file, read(file), EnvelopeException::new);
        try {
            return decoder.decode(pkcs8);
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new EnvelopeException(file + " does not hold an " + algorithm + " private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Public keys only; partners may be given this file as it is. */
    private static byte[] identityText(PublicIdentity identity) {
        Base64.Encoder base64 = Base64.getEncoder();
        return ("# trisec node identity: public keys only (X.509, base64); share it with partner nodes\n"
                        + "party " + identity.party().code() + "\n"
                        + "key-id " + identity.keyId().value() + "\n"
                        + "signing-key " + base64.encodeToString(identity.signingKey()) + "\n"
                        + "kem-key " + base64.encodeToString(identity.kemKey()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static PublicIdentity readIdentity(Path file) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(read(file), StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length != 2 || fields.putIfAbsent(parts[0], parts[1]) != null) {
                throw new EnvelopeException(file + " is not an identity file: bad line '" + abbreviate(trimmed) + "'");
            }
        }
        if (!fields.keySet().equals(Set.of("party", "key-id", "signing-key", "kem-key"))) {
            throw new EnvelopeException(
                    file + " is not an identity file: it needs party, key-id, signing-key and kem-key, has "
                            + fields.keySet());
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return new PublicIdentity(
                    Party.of(fields.get("party")),
                    KeyId.of(fields.get("key-id")),
                    base64.decode(fields.get("signing-key")),
                    base64.decode(fields.get("kem-key")));
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException(file + " is not a valid identity file: " + e.getMessage());
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
