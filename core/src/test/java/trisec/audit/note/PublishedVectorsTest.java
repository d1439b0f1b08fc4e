package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability, proven with vectors other implementations published: notes and keys they made verify here, and
 * notes made here from their keys are byte for byte the ones they published. Each vector names its source.
 */
class PublishedVectorsTest {

    /**
     * golang.org/x/mod/sumdb/note: the package documentation's example, and TestNewVerifier, TestNewSigner, TestSign,
     * TestVerifierList and TestOpen in note_test.go (github.com/golang/mod, sumdb/note).
     */
    @Nested
    class GoSumdbNote {
        static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        static final String PETER_SKEY =
                "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
        static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
        static final String TEXT = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";
        static final String PETER_SIG = "— PeterNeumann "
                + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        static final String ENOCH_SIG = "— EnochRoot "
                + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

        @Test
        void theDocumentedNoteParsesAndVerifiesWithTheDocumentedVkey() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG);

            assertThat(note.text()).isEqualTo(TEXT);
            assertThat(note.signatures()).singleElement().satisfies(s -> {
                assertThat(s.keyName()).isEqualTo("PeterNeumann");
                assertThat(s.keyId()).isEqualTo("c74f20a3");
                assertThat(s.signature()).hasSize(64);
            });
            assertThat(Notes.verify(note, List.of(Ed25519Notes.verifierFromVkey(PETER_VKEY))))
                    .containsExactly("PeterNeumann");
        }

        @Test
        void theKeyHashIsReproducedFromTheNameAndPublicKey() throws NoSuchAlgorithmException {
            byte[] typeAndKey = Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("PeterNeumann\n".getBytes(StandardCharsets.UTF_8));
            sha256.update(typeAndKey);
            assertThat(HexFormat.of().formatHex(sha256.digest(), 0, 4)).isEqualTo("c74f20a3");

            var key = Ed25519Notes.publicKey(PETER_VKEY);
            assertThat(HexFormat.of().formatHex(Ed25519Notes.keyHash("PeterNeumann", key))).isEqualTo("c74f20a3");
            assertThat(Ed25519Notes.vkey("PeterNeumann", key)).isEqualTo(PETER_VKEY);
        }

        @Test
        void signingWithTheDocumentedSkeyReproducesTheDocumentedNoteByteForByte() {
            NoteSigner peter = Ed25519Notes.signerFromSkey(PETER_SKEY);

            assertThat(Notes.sign(TEXT, List.of(peter)).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
        }

        @Test
        void twoSignaturesVerifyWhenBothKeysAreKnownAndTheUnknownOneIsIgnored() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
            NoteVerifier peter = Ed25519Notes.verifierFromVkey(PETER_VKEY);
            NoteVerifier enoch = Ed25519Notes.verifierFromVkey(ENOCH_VKEY);

            assertThat(Notes.verify(note, List.of(peter, enoch))).containsExactly("PeterNeumann", "EnochRoot");
            assertThat(Notes.verify(note, List.of(enoch))).containsExactly("EnochRoot");
            assertThatThrownBy(() -> Notes.verify(note, List.of()))
                    .isInstanceOfSatisfying(NoteException.class,
                            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.UNVERIFIED));
        }

        @Test
        void aKnownKeysSignatureWithFourBytesChangedIsForged() {
            // TestOpen's "Invalid signature": ABCD spliced into Peter's line.
            String bad = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);

            assertThatThrownBy(() -> Notes.verify(SignedNote.parse(bad),
                    List.of(Ed25519Notes.verifierFromVkey(PETER_VKEY))))
                    .isInstanceOfSatisfying(NoteException.class, e -> {
                        assertThat(e.reason()).isEqualTo(NoteException.Reason.FORGED);
                        assertThat(e).hasMessageContaining("forged").hasMessageContaining("PeterNeumann+c74f20a3");
                    });
        }

        @Test
        void aHundredAndOneSignaturesAreTooMany() {
            // TestOpen's "too many signatures".
            assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
                    .isInstanceOf(NoteException.class).hasMessageContaining("100");
            assertThat(SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures()).hasSize(100);
        }

        static Stream<String> goMalformedNotes() {
            // TestOpen's badMsgs, every one of which Go calls a malformed note.
            return Stream.of(
                    TEXT,
                    TEXT + "\n",
                    TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                    "\u0001" + TEXT + "\n" + PETER_SIG,
                    TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                    TEXT + "\n" + PETER_SIG + "Unexpected line.\n");
        }

        @ParameterizedTest
        @MethodSource("goMalformedNotes")
        void goMalformedNotesAreMalformedHereToo(String note) {
            assertThatThrownBy(() -> SignedNote.parse(note))
                    .isInstanceOfSatisfying(NoteException.class,
                            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED));
        }

        @Test
        void invalidUtf8IsMalformed() {
            // TestOpen's "\xff" + text case, which only bytes can carry.
            byte[] note = ("?" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
            note[0] = (byte) 0xff;

            assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(NoteException.class)
                    .hasMessageContaining("UTF-8");
        }

        static Stream<String> manglings(String key) {
            // TestNewVerifier and TestNewSigner: every proper substring, and every one-byte increment.
            List<String> out = new ArrayList<>();
            byte[] b = key.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= b.length; i++) {
                for (int j = i + 1; j <= b.length; j++) {
                    if (i != 0 || j != b.length) {
                        out.add(new String(b, i, j - i, StandardCharsets.US_ASCII));
                    }
                }
            }
            for (int i = 0; i < b.length; i++) {
                byte[] c = b.clone();
                c[i]++;
                out.add(new String(c, StandardCharsets.ISO_8859_1));
            }
            return out.stream();
        }

        @Test
        void everyManglingOfTheVkeyIsRefused() {
            List<String> accepted = manglings(PETER_VKEY).filter(k -> {
                try {
                    Ed25519Notes.verifierFromVkey(k);
                    return true;
                } catch (NoteException e) {
                    return false;
                }
            }).toList();

            assertThat(accepted).isEmpty();
            // TestNewVerifier's last two: a wrong-length key and an unknown algorithm, each with a matching hash.
            assertThatThrownBy(() -> Ed25519Notes.verifierFromVkey(
                    "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                    .isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> Ed25519Notes.verifierFromVkey(
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(NoteException.class).hasMessageContaining("type");
        }

        @Test
        void everyManglingOfTheSkeyIsRefused() {
            List<String> accepted = manglings(PETER_SKEY).filter(k -> {
                try {
                    Ed25519Notes.signerFromSkey(k);
                    return true;
                } catch (NoteException e) {
                    return false;
                }
            }).toList();

            assertThat(accepted).isEmpty();
        }
    }

    /** c2sp.org/signed-note, section "Verifier keys", its example key and note. */
    @Nested
    class C2spSignedNote {
        @Test
        void theSpecExampleVerifies() {
            String vkey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
            String note = "This is an example message.\n\n— example.com/foo "
                    + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

            assertThat(Notes.verify(SignedNote.parse(note), List.of(Ed25519Notes.verifierFromVkey(vkey))))
                    .containsExactly("example.com/foo");
            assertThat(Ed25519Notes.vkey("example.com/foo", Ed25519Notes.publicKey(vkey))).isEqualTo(vkey);
        }

        @Test
        void theSpecsOpeningExampleIsWellFormedWithItsEmptyLineInTheText() {
            // The poem at the top of c2sp.org/signed-note: the text has an empty line, and the last one separates.
            String note = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n"
                    + "— quasimodo.example/salvatore "
                    + "NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

            SignedNote parsed = SignedNote.parse(note);

            assertThat(parsed.text()).endsWith("trafitto da un raggio di sole:\n\ned è subito sera.\n");
            assertThat(parsed.signatures()).singleElement()
                    .satisfies(s -> assertThat(s.keyName()).isEqualTo("quasimodo.example/salvatore"));
            assertThat(parsed.format()).isEqualTo(note);
        }
    }

    /**
     * The Go checksum database: its key from the Go source (src/cmd/go/internal/modfetch/key.go), and real
     * checkpoints served by https://sum.golang.org/latest, as published in sigsum-go's checkpoint_test.go
     * (TestGoSumDBCheckpoint, "Retrieved ... 2024-09-23") and in FiloSottile/litetlog's
     * cmd/litewitness/testdata/sumdb.txt.
     */
    @Nested
    class SumGolangOrg {
        static final String VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

        static Stream<String> checkpoints() {
            return Stream.of(
                    "go.sum database tree\n30055305\nmXfgRcJ0bG0j3CPdKwgGWtUzBUbX67saZGRmFuJGGsM=\n\n"
                            + "— sum.golang.org Az3grpgEild5qw7+5dtV13Kf1C2Xurm8q4fhdxvcsDHnqNTaxL2AFjBY+2TyGKevucFcAAlWFJJYle3EJlDCrQ+y3A8=\n",
                    "go.sum database tree\n35225469\nvt5T6GaLCXvyHFl9VUvvItR43XZxfLgftEcTyO3eJCQ=\n\n"
                            + "— sum.golang.org Az3grpukl5AXaVfYkLiDGORx/DN2nlcS5kZHR5uYOBV2KA2HgXpD+gu9HHONebHLAyaKbbTM75QTtPydhKCExixSfwQ=\n");
        }

        @ParameterizedTest
        @MethodSource("checkpoints")
        void aRealChecksumDatabaseCheckpointVerifiesAndParses(String served) {
            SignedNote note = SignedNote.parse(served);

            assertThat(Notes.verify(note, List.of(Ed25519Notes.verifierFromVkey(VKEY))))
                    .containsExactly("sum.golang.org");
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            // An origin with spaces: the spec only recommends URLs, and the Go log does not follow it.
            assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
            assertThat(checkpoint.size()).isPositive();
            assertThat(checkpoint.text()).isEqualTo(note.text());
            assertThat(note.format()).isEqualTo(served);
        }

        @Test
        void theSameCheckpointWithAnotherSizeIsForged() {
            String served = checkpoints().findFirst().orElseThrow().replace("30055305", "30055306");

            assertThatThrownBy(() -> Notes.verify(SignedNote.parse(served),
                    List.of(Ed25519Notes.verifierFromVkey(VKEY))))
                    .isInstanceOfSatisfying(NoteException.class,
                            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.FORGED));
        }
    }

    /**
     * sigsum-go, pkg/checkpoint/checkpoint_test.go: a log checkpoint (validCheckpointASCII) and a cosignature/v1 line
     * (TestCheckpointVerifyCosignatureByKey, made by TestCheckpointCosignVerify), both from the test Ed25519 key whose
     * 32-byte seed is {17, 0, …, 0} ({@code crypto.PrivateKey{17}}), the cosignature at time 1234 on the checkpoint
     * {@code example.org/log}, size 10, root {28, 14, 71, 0, …}.
     */
    @Nested
    class SigsumGo {
        static final KeyPair KEY = seventeen();
        static final String LOG_NOTE = """
                sigsum.org/v1/tree/e796172b92befd62d9dc67e41c2f5bc9d3100a3023b20b1ca40288dd1c679e69
                10
                HA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=

                — sigsum.org/v1/tree/e796172b92befd62d9dc67e41c2f5bc9d3100a3023b20b1ca40288dd1c679e69 \
                gJ2ho0n8F8olcerUF1FFdv235A/5as/coWrpLrtE7ovMeP5whgwouYExowG/lTznxu6OUGjjt5yJQ6bXtTcf718MqAQ=
                """;
        static final String COSIGNATURE = "— example.org/witness ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63Vq"
                + "irX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==";
        static final Checkpoint COSIGNED = new Checkpoint("example.org/log", 10, root(), List.of());

        private static KeyPair seventeen() {
            byte[] seed = new byte[32];
            seed[0] = 17;
            return Ed25519.fromSeed(seed);
        }

        private static byte[] root() {
            byte[] root = new byte[32];
            root[0] = 28;
            root[1] = 14;
            root[2] = 71;
            return root;
        }

        @Test
        void signingTheLogCheckpointReproducesItByteForByte() throws NoSuchAlgorithmException {
            // sigsum names a log after the SHA-256 of its raw public key.
            String origin = "sigsum.org/v1/tree/" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Ed25519.rawPublicKey(KEY.getPublic())));
            String text = new Checkpoint(origin, 10, root(), List.of()).text();

            assertThat(Notes.sign(text, List.of(Ed25519Notes.signer(origin, KEY.getPrivate()))).format())
                    .isEqualTo(LOG_NOTE);
            assertThat(Notes.verify(SignedNote.parse(LOG_NOTE),
                    List.of(Ed25519Notes.verifier(origin, KEY.getPublic())))).containsExactly(origin);
        }

        @Test
        void cosigningReproducesThePublishedCosignatureByteForByte() {
            SignedNote.Signature ours = Cosignatures.cosign("example.org/witness", KEY.getPrivate(), COSIGNED, 1234);

            assertThat(ours.line()).isEqualTo(COSIGNATURE);
            assertThat(ours).isEqualTo(SignedNote.Signature.parseLine(COSIGNATURE + "\n"));
        }

        @Test
        void thePublishedCosignatureVerifiesAndCarriesItsTime() {
            SignedNote.Signature published = SignedNote.Signature.parseLine(COSIGNATURE);

            assertThat(Cosignatures.verify("example.org/witness", KEY.getPublic(), COSIGNED, published)).isTrue();
            assertThat(Cosignatures.timestamp(published)).isEqualTo(1234);
            assertThat(Cosignatures.verify("example.org/witness", KEY.getPublic(),
                    new Checkpoint("example.org/log", 11, root(), List.of()), published)).isFalse();
        }

        @Test
        void theOtherLinesOfThatTestAreNotThisWitnessesCosignature() {
            // The same test's first line has another key ID, its third another key name.
            String otherKeyId = "— example.org/witness yX8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9"
                    + "RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==";
            String otherName = COSIGNATURE.replace("example.org/witness ", "example.org/witness-2 ");

            assertThat(Cosignatures.verify("example.org/witness", KEY.getPublic(), COSIGNED,
                    SignedNote.Signature.parseLine(otherKeyId))).isFalse();
            assertThat(Cosignatures.verify("example.org/witness", KEY.getPublic(), COSIGNED,
                    SignedNote.Signature.parseLine(otherName))).isFalse();
        }
    }

    /** transparency-dev/formats, note/note_cosigv1_test.go (TestCoSigV1NewVerifier, TestCosignatureTimestamp). */
    @Nested
    class TransparencyDevFormats {
        @Test
        void aNativeCosignatureVkeyHasItsKeyHashReproduced() {
            String vkey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

            NoteVerifier verifier = Cosignatures.verifierFromVkey(vkey);

            assertThat(HexFormat.of().formatHex(verifier.keyHash())).isEqualTo("da77ade7");
            assertThat(Cosignatures.vkey("remora.n621.de", Ed25519Notes.publicKey(vkey))).isEqualTo(vkey);
        }

        @Test
        void aNoteVkeyWithAPlusInItsKeyParses() {
            String vkey = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";

            assertThat(Ed25519Notes.verifierFromVkey(vkey).keyName()).isEqualTo("TEST");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "bananas.sigstore.dev+12344556",
            "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
            "rekor.sigstore.dev+12345678+AwEB",
            "rekor.sigstore.dev+NOT_A_NUMBER+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6",
            "rekor.sigstore.dev+00000000+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"
        })
        void itsBadVkeysAreRefused(String vkey) {
            assertThatThrownBy(() -> Ed25519Notes.verifierFromVkey(vkey)).isInstanceOf(NoteException.class);
            assertThatThrownBy(() -> Cosignatures.verifierFromVkey(vkey)).isInstanceOf(NoteException.class);
        }

        @Test
        void theTimestampOfItsCosignatureIsExtracted() {
            byte[] blob = Base64.getDecoder().decode("ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt"
                    + "97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
            var cosignature = new SignedNote.Signature("w", java.util.Arrays.copyOf(blob, 4),
                    java.util.Arrays.copyOfRange(blob, 4, blob.length));

            assertThat(Cosignatures.timestamp(cosignature)).isEqualTo(1727964367L);
        }

        @Test
        void aPlainEd25519SignatureHasNoTimestamp() {
            // Its "wrong type of signature" case: 4 + 64 bytes.
            byte[] blob = Base64.getDecoder().decode("eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2"
                    + "ugnkyV+MUMLXpWs1hPb/W/4xkNQY=");
            var signature = new SignedNote.Signature("w", java.util.Arrays.copyOf(blob, 4),
                    java.util.Arrays.copyOfRange(blob, 4, blob.length));

            assertThatThrownBy(() -> Cosignatures.timestamp(signature)).isInstanceOf(NoteException.class)
                    .hasMessageContaining("72 bytes");
        }
    }

    /** c2sp.org/tlog-cosignature and tlog-witness: their example notes and lines. */
    @Nested
    class C2spTlog {
        @Test
        void theCosignatureSpecsExampleNoteIsACheckpointWithALogSignatureAndACosignatureAtItsExampleTime() {
            String note = """
                    example.com/behind-the-sofa
                    20852163
                    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

                    — example.com/behind-the-sofa \
                    Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
                    — witness.example.com/w1 \
                    jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==
                    """;

            SignedNote parsed = SignedNote.parse(note);

            assertThat(Checkpoint.parse(parsed.text()))
                    .isEqualTo(new Checkpoint("example.com/behind-the-sofa", 20852163,
                            Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), List.of()));
            // The spec's example signed message has "time 1679315147": the cosignature carries that time.
            assertThat(Cosignatures.timestamp(parsed.signatures().get(1))).isEqualTo(1679315147L);
            assertThat(parsed.format()).isEqualTo(note);
        }

        @Test
        void theWitnessSpecsExampleResponseLinesAreSignatureLines() {
            List<String> lines = List.of(
                    "— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3"
                            + "DXDqI5G2HgLatVs0pWh6Up69HVOw==",
                    "— witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HN"
                            + "Jhm/kWl7oJlqU3rXXvpysAdyP3wQ==");

            for (String line : lines) {
                SignedNote.Signature s = SignedNote.Signature.parseLine(line + "\n");
                assertThat(s.signature()).hasSize(72);
                assertThat(s.line()).isEqualTo(line);
            }
        }
    }
}
