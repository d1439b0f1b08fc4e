package trisec.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.DomainException;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;

/** The log key is made once, kept where only its owner can read it, and is the same key after a restart. */
class LogKeyFilesTest {
    private static final String FILE = "log-ed25519.key";

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
    void theKeyIsCreatedOnceAndReloadedIdentical() throws IOException {
        KeyPair created = LogKeyFiles.loadOrCreate(dir, FILE);
        byte[] file = Files.readAllBytes(dir.resolve(FILE));

        KeyPair reloaded = LogKeyFiles.loadOrCreate(dir, FILE);

        assertThat(reloaded.getPublic().getEncoded()).isEqualTo(created.getPublic().getEncoded());
        assertThat(reloaded.getPrivate().getEncoded()).isEqualTo(created.getPrivate().getEncoded());
        assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(file);
        assertThat(new String(file, StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void theReloadedKeySignsNotesTheCreatedKeysVerifierAccepts() {
        KeyPair created = LogKeyFiles.loadOrCreate(dir, FILE);
        KeyPair reloaded = LogKeyFiles.loadOrCreate(dir, FILE);

        SignedNote note = Notes.sign("trisec.KOR/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                List.of(Ed25519Notes.signer("trisec.KOR/log", reloaded.getPrivate())));

        assertThat(Notes.verify(note, List.of(Ed25519Notes.verifier("trisec.KOR/log", created.getPublic()))))
                .containsExactly("trisec.KOR/log");
    }

    @Test
    void differentFilesHoldDifferentKeys() {
        KeyPair a = LogKeyFiles.loadOrCreate(dir, "a.key");
        KeyPair b = LogKeyFiles.loadOrCreate(dir, "b.key");

        assertThat(a.getPublic().getEncoded()).isNotEqualTo(b.getPublic().getEncoded());
    }

    @Test
    void theKeyFileIsOwnerOnlyAndTheNewDirectoryToo() throws IOException {
        assumeTrue(posix(), "POSIX permissions");

        LogKeyFiles.loadOrCreate(dir, FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rwx---r-x"})
    void aKeyFileThatGroupOrOthersMayAccessIsRefused(String permissions) throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        LogKeyFiles.loadOrCreate(dir, FILE);
        Files.setPosixFilePermissions(dir.resolve(FILE), PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> LogKeyFiles.loadOrCreate(dir, FILE))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("accessible by group or others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void anExistingKeyIsNeverReplacedEvenWhenItIsRefused() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        LogKeyFiles.loadOrCreate(dir, FILE);
        byte[] before = Files.readAllBytes(dir.resolve(FILE));
        Files.setPosixFilePermissions(dir.resolve(FILE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LogKeyFiles.loadOrCreate(dir, FILE)).isInstanceOf(DomainException.class);
        assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAPemEd25519KeyIsRefused() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, "not a key\n");
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(() -> LogKeyFiles.loadOrCreate(dir, FILE)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not a PEM PRIVATE KEY");
    }

    @Test
    void anotherKindOfPrivateKeyIsRefused() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        var ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ec.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(() -> LogKeyFiles.loadOrCreate(dir, FILE)).isInstanceOf(DomainException.class)
                .hasMessageContaining("Ed25519");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "sub/log.key", "../log.key"})
    void theFileNameIsAPlainName(String fileName) {
        assertThatThrownBy(() -> LogKeyFiles.loadOrCreate(dir, fileName)).isInstanceOf(DomainException.class)
                .hasMessageContaining("plain file name");
    }
}
