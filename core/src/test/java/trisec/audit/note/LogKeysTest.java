package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.DomainException;

/**
 * A log key written as PEM text reads back as the same key, and other text is refused. (The owner-only file it is
 * kept in is the node's: {@code trisec.node.keys.LogKeyFilesTest}.)
 */
class LogKeysTest {

    @Test
    void theKeyReadsBackFromItsPemText() {
        KeyPair created = LogKeys.generate();
        byte[] pem = LogKeys.pem(created);

        KeyPair reloaded = LogKeys.fromPem("log.key", pem);

        assertThat(new String(pem, StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(reloaded.getPublic().getEncoded()).isEqualTo(created.getPublic().getEncoded());
        SignedNote note = Notes.sign("trisec.KOR/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                List.of(Ed25519Notes.signer("trisec.KOR/log", reloaded.getPrivate())));
        assertThat(Notes.verify(note, List.of(Ed25519Notes.verifier("trisec.KOR/log", created.getPublic()))))
                .containsExactly("trisec.KOR/log");
    }

    @Test
    void textThatIsNotAPemEd25519KeyIsRefused() throws Exception {
        assertThatThrownBy(() -> LogKeys.fromPem("log.key", "not a key\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(DomainException.class)
                .hasMessage("log.key is not a PEM PRIVATE KEY file");
        var ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> LogKeys.fromPem("log.key", trisec.envelope.PrivateKeyPem.encode(
                        ec.getPrivate().getEncoded())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("Ed25519");
    }
}
