package trisec.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.envelope.Envelope;
import trisec.envelope.EnvelopeException;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.party.Party;

/** A node's keys survive a restart, and only in files that no one else can read. */
class NodeKeyFilesTest {
    private static final Party KOR_PARTY = Party.of("KOR");
    private static final NodeKeys KOR = NodeKeys.generate(KOR_PARTY);
    private static final NodeKeys KOR_ROTATED = NodeKeys.generate(KOR_PARTY);
    private static final NodeKeys JPN = NodeKeys.generate(Party.of("JPN"));

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void keyDirectory() {
        dir = tmp.resolve("keys");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void savedKeysLoadBackAsTheSameNode() {
        NodeKeyFiles.save(KOR, dir);
        NodeKeys loaded = NodeKeyFiles.load(dir, KOR_PARTY);

        assertThat(loaded.identity()).isEqualTo(KOR.identity());
        assertThat(KOR.identity().verify(new byte[] {9}, loaded.sign(new byte[] {9}))).isTrue();
        Envelope toKorea = Envelopes.seal(JPN, KOR.identity(), "RELEASE", UUID.randomUUID(), Instant.EPOCH, "",
                new byte[] {4, 2});
        assertThat(Envelopes.open(loaded, JPN.identity(), toKorea).payload()).containsExactly(4, 2);
    }

    @Test
    void privateKeyFilesAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        NodeKeyFiles.save(KOR, dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kem.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aPrivateKeyFileThatTheGroupCanReadIsRefused() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        NodeKeyFiles.save(KOR, dir);
        Files.setPosixFilePermissions(dir.resolve("kem.key"), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("kem.key")
                .hasMessageContaining("group or others");
    }

    @Test
    void aPrivateKeyFileThatOthersCanWriteIsRefused() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        NodeKeyFiles.save(KOR, dir);
        Files.setPosixFilePermissions(dir.resolve("signing.key"), PosixFilePermissions.fromString("rw-----w-"));

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY)).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void theIdentityFileHoldsPublicKeysOnly() throws IOException {
        NodeKeyFiles.save(KOR, dir);
        String identity = Files.readString(dir.resolve("identity"));

        assertThat(identity).contains("party KOR", "key-id " + KOR.identity().keyId()).doesNotContain("PRIVATE");
        assertThat(Files.readString(dir.resolve("signing.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void anIdentityFileFromAnotherNodeIsRefused() throws IOException {
        Path other = tmp.resolve("other");
        NodeKeyFiles.save(KOR, dir);
        NodeKeyFiles.save(KOR_ROTATED, other);
        Files.copy(other.resolve("identity"), dir.resolve("identity"), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("do not belong together");
    }

    @Test
    void aKemKeyFromAnotherNodeIsRefused() throws IOException {
        Path other = tmp.resolve("other");
        NodeKeyFiles.save(KOR, dir);
        NodeKeyFiles.save(KOR_ROTATED, other);
        Files.copy(other.resolve("kem.key"), dir.resolve("kem.key"), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("KEM key does not belong");
    }

    @Test
    void swappedKeyFilesAreRefused() throws IOException {
        NodeKeyFiles.save(KOR, dir);
        Path signing = dir.resolve("signing.key");
        Path kem = dir.resolve("kem.key");
        Path swap = dir.resolve("swap");
        Files.move(signing, swap);
        Files.move(kem, signing);
        Files.move(swap, kem);

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("ML-DSA-87 private key");
    }

    @Test
    void anotherPartysKeysAreRefused() {
        NodeKeyFiles.save(JPN, dir);

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("JPN");
    }

    @Test
    void aTamperedIdentityFileIsRefused() throws IOException {
        NodeKeyFiles.save(KOR, dir);
        Path identity = dir.resolve("identity");
        String text = Files.readString(identity);
        Files.writeString(identity, text.replace("key-id " + KOR.identity().keyId(), "key-id 0000000000000000"),
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> NodeKeyFiles.load(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void savingNeverOverwritesKeys() throws IOException {
        NodeKeyFiles.save(KOR, dir);
        byte[] before = Files.readAllBytes(dir.resolve("signing.key"));

        assertThatThrownBy(() -> NodeKeyFiles.save(KOR_ROTATED, dir))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.readAllBytes(dir.resolve("signing.key"))).isEqualTo(before);
        assertThat(NodeKeyFiles.load(dir, KOR_PARTY).identity()).isEqualTo(KOR.identity());
    }

    @Test
    void loadOrCreateGeneratesOnFirstStartAndLoadsAfterwards() {
        NodeKeys first = NodeKeyFiles.loadOrCreate(dir, KOR_PARTY);
        NodeKeys second = NodeKeyFiles.loadOrCreate(dir, KOR_PARTY);

        assertThat(second.identity()).isEqualTo(first.identity());
        assertThat(first.identity()).isNotEqualTo(KOR.identity());
    }

    @Test
    void anIncompleteKeySetIsRefusedNotReplaced() throws IOException {
        NodeKeyFiles.save(KOR, dir);
        Files.delete(dir.resolve("kem.key"));

        assertThatThrownBy(() -> NodeKeyFiles.loadOrCreate(dir, KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("kem.key");
        assertThat(dir.resolve("kem.key")).doesNotExist();
    }
}
