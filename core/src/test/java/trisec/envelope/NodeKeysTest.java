package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.KOR;
import static trisec.envelope.TestNodes.KOR_PARTY;
import static trisec.envelope.TestNodes.KOR_ROTATED;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A node's keys written as text and read back are the same node, and text that is not theirs is refused. (Where the
 * text is kept, and who may read it, is the node's: {@code trisec.node.keys.NodeKeyFilesTest}.)
 */
class NodeKeysTest {

    private static NodeKeys restored(NodeKeys keys) {
        return NodeKeys.restore("test", NodeKeys.signingKeyFromPem("signing.key", keys.signingKeyPem()),
                NodeKeys.kemKeyFromPem("kem.key", keys.kemKeyPem()),
                IdentityText.parse("identity", IdentityText.format(keys.identity())), keys.party());
    }

    @Test
    void keysWrittenAsTextReadBackAsTheSameNode() {
        NodeKeys loaded = restored(KOR);

        assertThat(loaded.identity()).isEqualTo(KOR.identity());
        assertThat(KOR.identity().verify(new byte[] {9}, loaded.sign(new byte[] {9}))).isTrue();
        Envelope toKorea = Envelopes.seal(JPN, KOR.identity(), "RELEASE", UUID.randomUUID(), Instant.EPOCH, "",
                new byte[] {4, 2});
        assertThat(Envelopes.open(loaded, JPN.identity(), toKorea).payload()).containsExactly(4, 2);
    }

    @Test
    void privateKeysArePemAndTheIdentityTextIsPublicKeysOnly() {
        assertThat(new String(KOR.signingKeyPem(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(new String(IdentityText.format(KOR.identity()), StandardCharsets.US_ASCII))
                .contains("party KOR", "key-id " + KOR.identity().keyId()).doesNotContain("PRIVATE");
    }

    @Test
    void swappedKeysAreRefusedNamingTheirSource() {
        assertThatThrownBy(() -> NodeKeys.signingKeyFromPem("kem.key", KOR.kemKeyPem()))
                .isInstanceOf(EnvelopeException.class)
                .hasMessage("kem.key does not hold an ML-DSA-87 private key");
        assertThatThrownBy(() -> NodeKeys.kemKeyFromPem("signing.key", KOR.signingKeyPem()))
                .isInstanceOf(EnvelopeException.class)
                .hasMessage("signing.key does not hold an ML-KEM-1024 private key");
        assertThatThrownBy(() -> NodeKeys.signingKeyFromPem("signing.key", "not a key".getBytes()))
                .isInstanceOf(EnvelopeException.class)
                .hasMessage("signing.key is not a PEM PRIVATE KEY file");
    }

    @Test
    void keysThatDoNotBelongTogetherAreRefused() {
        PrivateKey signing = NodeKeys.signingKeyFromPem("signing.key", KOR.signingKeyPem());
        PrivateKey otherKem = NodeKeys.kemKeyFromPem("kem.key", KOR_ROTATED.kemKeyPem());

        assertThatThrownBy(() -> NodeKeys.restore("keys", signing, otherKem, KOR.identity(), KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessage("the keys in keys do not belong together: the KEM key does not belong to the identity "
                        + KOR.identity().keyId());
    }

    @Test
    void anotherPartysKeysAreRefused() {
        assertThatThrownBy(() -> NodeKeys.restore("keys",
                        NodeKeys.signingKeyFromPem("signing.key", JPN.signingKeyPem()),
                        NodeKeys.kemKeyFromPem("kem.key", JPN.kemKeyPem()), JPN.identity(), KOR_PARTY))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("JPN");
    }

    @Test
    void aTamperedIdentityTextIsRefused() {
        String text = new String(IdentityText.format(KOR.identity()), StandardCharsets.US_ASCII)
                .replace("key-id " + KOR.identity().keyId(), "key-id 0000000000000000");

        assertThatThrownBy(() -> IdentityText.parse("identity", text.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void printingKeysShowsOnlyThePublicIdentity() {
        assertThat(KOR.toString()).contains(KOR.identity().keyId().value()).hasSizeLessThan(100);
    }
}
