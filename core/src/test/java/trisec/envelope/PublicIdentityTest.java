package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.envelope.TestNodes.JPN;
import static trisec.envelope.TestNodes.KOR;
import static trisec.envelope.TestNodes.KOR_PARTY;
import static trisec.envelope.TestNodes.KOR_ROTATED;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A public identity is only ever a party with its two CNSA 2.0 public keys and the id computed from them. */
class PublicIdentityTest {
    private static final PublicIdentity KOREA = KOR.identity();

    @Test
    void theKeyIdIsTheFirstEightBytesOfSha256OverBothKeys() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(KOREA.signingKey());
        sha256.update(KOREA.kemKey());
        String expected = HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(), 8));

        assertThat(KOREA.keyId().value()).isEqualTo(expected);
        assertThat(PublicIdentity.of(KOR_PARTY, KOREA.signingKey(), KOREA.kemKey())).isEqualTo(KOREA);
    }

    @Test
    void keyIdsAreSixteenLowerCaseHexDigits() {
        assertThat(KeyId.of("0123456789abcdef").value()).isEqualTo("0123456789abcdef");
        for (String bad : new String[] {"", "0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF",
                "0123456789abcdeg", " 123456789abcdef"}) {
            assertThatThrownBy(() -> KeyId.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new KeyId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyIdThatIsNotTheKeysIdIsRejected() {
        assertThatThrownBy(() ->
                        new PublicIdentity(KOR_PARTY, JPN.identity().keyId(), KOREA.signingKey(), KOREA.kemKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> new PublicIdentity(KOR_PARTY, KOREA.keyId(), KOREA.signingKey(),
                        KOR_ROTATED.identity().kemKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysThatAreNotMlDsa87AndMlKem1024AreRejected() throws Exception {
        byte[] random = new byte[2614];
        new Random(1).nextBytes(random);
        byte[] mlDsa65 = KeyPairGenerator.getInstance("ML-DSA-65").generateKeyPair().getPublic().getEncoded();
        byte[] mlKem768 = KeyPairGenerator.getInstance("ML-KEM-768").generateKeyPair().getPublic().getEncoded();
        byte[] sig = KOREA.signingKey();
        byte[] kem = KOREA.kemKey();

        byte[][][] bad = {
            {random, kem}, {sig, random}, {new byte[0], kem}, {sig, new byte[0]},
            {kem, sig}, {mlDsa65, kem}, {sig, mlKem768},
            {Arrays.copyOf(sig, sig.length - 1), kem}, {Arrays.copyOf(sig, sig.length + 1), kem},
            {sig, Arrays.copyOf(kem, kem.length + 1)},
        };
        for (byte[][] keys : bad) {
            assertThatThrownBy(() -> PublicIdentity.of(KOR_PARTY, keys[0], keys[1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PublicIdentity.of(KOR_PARTY, null, kem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicIdentity.of(null, sig, kem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdentityIsAValueThatItsCallersCannotChange() {
        byte[] sig = KOREA.signingKey();
        PublicIdentity identity = PublicIdentity.of(KOR_PARTY, sig, KOREA.kemKey());
        sig[100] ^= 1;
        identity.signingKey()[100] ^= 1;

        assertThat(identity).isEqualTo(KOREA).hasSameHashCodeAs(KOREA);
        assertThat(identity.verify(new byte[] {1}, KOR.sign(new byte[] {1}))).isTrue();
        assertThat(identity).isNotEqualTo(KOR_ROTATED.identity());
    }

    @Test
    void printingAnIdentityShowsItsPartyAndKeyIdButNotItsKeys() {
        assertThat(KOREA.toString())
                .contains("KOR", KOREA.keyId().value())
                .hasSizeLessThan(100);
    }

    @Test
    void aPlainSignatureVerifiesOnlyForItsMessageAndSigner() {
        byte[] message = {1, 2, 3};
        byte[] signature = KOR.sign(message);

        assertThat(KOREA.verify(message, signature)).isTrue();
        assertThat(KOREA.verify(new byte[] {1, 2, 4}, signature)).isFalse();
        assertThat(KOR_ROTATED.identity().verify(message, signature)).isFalse();
    }
}
