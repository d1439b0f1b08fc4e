package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.audit.note.NoteFixtures.CHECKPOINT;
import static trisec.audit.note.NoteFixtures.KOR_LOG;
import static trisec.audit.note.NoteFixtures.KOR_LOG_KEY;
import static trisec.audit.note.NoteFixtures.KOR_NODE;
import static trisec.audit.note.NoteFixtures.KOR_NODE_ROTATED;
import static trisec.audit.note.NoteFixtures.JPN_WITNESS_KEY;
import static trisec.audit.note.NoteFixtures.korEd25519;
import static trisec.audit.note.NoteFixtures.korEd25519Verifier;
import static trisec.audit.note.NoteFixtures.korMlDsa;
import static trisec.audit.note.NoteFixtures.korMlDsaVerifier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing a note and checking it: unknown keys are ignored, a known key's bad signature condemns the note. */
class NotesTest {
    private static final String TEXT = CHECKPOINT.text();

    private static SignedNote both() {
        return Notes.sign(TEXT, List.of(korEd25519(), korMlDsa()));
    }

    private static void assertRefused(SignedNote note, List<NoteVerifier> known, NoteException.Reason reason) {
        assertThatThrownBy(() -> Notes.verify(note, known))
                .isInstanceOfSatisfying(NoteException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aNoteSignedWithEd25519AndMlDsaVerifiesWithBothAfterATripThroughText() {
        SignedNote note = SignedNote.parse(both().format());

        assertThat(note.signatures()).extracting(SignedNote.Signature::keyName)
                .containsExactly(KOR_LOG, KOR_LOG + "/ml-dsa-87");
        assertThat(note.signatures().get(0).signature()).hasSize(64);
        assertThat(note.signatures().get(1).signature()).hasSize(4627);
        assertThat(Notes.verify(note, List.of(korEd25519Verifier(), korMlDsaVerifier())))
                .containsExactly(KOR_LOG, KOR_LOG + "/ml-dsa-87");
    }

    @Test
    void aVerifierWhoKnowsOnlyTheEd25519KeyIgnoresTheMlDsaLine() {
        assertThat(Notes.verify(both(), List.of(korEd25519Verifier()))).containsExactly(KOR_LOG);
        assertThat(Notes.verify(both(), List.of(korMlDsaVerifier()))).containsExactly(KOR_LOG + "/ml-dsa-87");
    }

    @Test
    void aTamperedTextIsForged() {
        SignedNote note = both();
        SignedNote tampered = new SignedNote(TEXT.replace("1234", "1235"), note.signatures());

        assertRefused(tampered, List.of(korEd25519Verifier()), NoteException.Reason.FORGED);
        assertRefused(tampered, List.of(korMlDsaVerifier()), NoteException.Reason.FORGED);
    }

    @Test
    void aTamperedSignatureIsForgedEvenNextToAGoodOne() {
        SignedNote note = both();
        for (int line = 0; line < 2; line++) {
            SignedNote.Signature s = note.signatures().get(line);
            byte[] bytes = s.signature();
            bytes[10] ^= 1;
            SignedNote tampered = note.withSignature(new SignedNote.Signature(s.keyName(), s.keyHash(), bytes));

            assertRefused(tampered, List.of(korEd25519Verifier(), korMlDsaVerifier()), NoteException.Reason.FORGED);
        }
    }

    @Test
    void aSignatureUnderAnotherKeyNameIsNotTheKeysSoTheNoteIsUnverified() {
        SignedNote.Signature s = both().signatures().get(0);
        SignedNote renamed = new SignedNote(TEXT, List.of(
                new SignedNote.Signature("trisec.KOR/other", s.keyHash(), s.signature())));

        assertRefused(renamed, List.of(korEd25519Verifier()), NoteException.Reason.UNVERIFIED);
    }

    @Test
    void aSignatureWithAnotherKeyHashIsNotTheKeysSoTheNoteIsUnverified() {
        SignedNote.Signature s = both().signatures().get(0);
        byte[] hash = s.keyHash();
        hash[3] ^= 1;
        SignedNote rehashed = new SignedNote(TEXT, List.of(new SignedNote.Signature(s.keyName(), hash, s.signature())));

        assertRefused(rehashed, List.of(korEd25519Verifier()), NoteException.Reason.UNVERIFIED);
    }

    @Test
    void aNoteSignedByAnotherKeyOfTheSameNameIsUnverified() {
        SignedNote note = Notes.sign(TEXT, List.of(Ed25519Notes.signer(KOR_LOG, JPN_WITNESS_KEY.getPrivate())));

        assertRefused(note, List.of(korEd25519Verifier()), NoteException.Reason.UNVERIFIED);
    }

    @Test
    void aRotatedNodeKeyDoesNotVerifyTheOldKeysMlDsaLine() {
        NoteVerifier rotated = MlDsaNotes.verifier(KOR_LOG + "/ml-dsa-87", KOR_NODE_ROTATED.identity());

        assertThat(rotated.keyHash()).isNotEqualTo(korMlDsaVerifier().keyHash());
        assertRefused(both(), List.of(rotated), NoteException.Reason.UNVERIFIED);
    }

    @Test
    void theUnverifiedMessageNamesTheKeysThatDidSign() {
        assertThatThrownBy(() -> Notes.verify(both(), List.of()))
                .hasMessageContaining("no known key").hasMessageContaining(KOR_LOG + "+");
    }

    @Test
    void theMlDsaLineIsDomainSeparatedFromTheNodesOtherSignatures() {
        SignedNote.Signature line = both().signatures().get(1);
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);

        // Not a plain NodeKeys.sign of the text, and no plain NodeKeys.sign of the text is a valid line.
        assertThat(KOR_NODE.identity().verify(text, line.signature())).isFalse();
        assertThat(korMlDsaVerifier().verify(text, KOR_NODE.sign(text))).isFalse();
        assertThat(korMlDsaVerifier().verify(text, line.signature())).isTrue();
    }

    @Test
    void theMlDsaKeyHashUsesTypeFfAndTheTrisecIdentifier() {
        byte[] key = KOR_NODE.identity().signingKey();
        byte[] typed = new byte[MlDsaNotes.IDENTIFIER.length() + 1 + key.length];
        System.arraycopy((MlDsaNotes.IDENTIFIER + "\n").getBytes(StandardCharsets.US_ASCII), 0, typed, 0,
                MlDsaNotes.IDENTIFIER.length() + 1);
        System.arraycopy(key, 0, typed, MlDsaNotes.IDENTIFIER.length() + 1, key.length);

        assertThat(korMlDsa().keyHash()).isEqualTo(Syntax.keyHash(KOR_LOG + "/ml-dsa-87", 0xff, typed));
        assertThat(korMlDsa().keyHash()).isEqualTo(korMlDsaVerifier().keyHash());
    }

    @Test
    void theEd25519KeyHashIsOfType01() {
        assertThat(korEd25519().keyHash())
                .isEqualTo(Syntax.keyHash(KOR_LOG, 0x01, Ed25519.rawPublicKey(KOR_LOG_KEY.getPublic())))
                .isEqualTo(Ed25519Notes.keyHash(KOR_LOG, KOR_LOG_KEY.getPublic()));
    }

    @Test
    void aVkeyRoundTripsAndItsVerifierIsTheKeys() {
        String vkey = Ed25519Notes.vkey(KOR_LOG, KOR_LOG_KEY.getPublic());
        NoteVerifier fromVkey = Ed25519Notes.verifierFromVkey(vkey);

        String[] parts = vkey.split("\\+", 3);
        assertThat(parts[0]).isEqualTo(KOR_LOG);
        assertThat(parts[1]).isEqualTo(Syntax.hex(korEd25519().keyHash()));
        assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(33).startsWith(1);
        assertThat(fromVkey.keyHash()).isEqualTo(korEd25519().keyHash());
        assertThat(Notes.verify(both(), List.of(fromVkey))).containsExactly(KOR_LOG);
        assertThat(Ed25519Notes.publicKey(vkey).getEncoded()).isEqualTo(KOR_LOG_KEY.getPublic().getEncoded());
    }

    @Test
    void aCosignatureVkeyIsNotANoteVerifier() {
        String cosigner = Cosignatures.vkey(KOR_LOG, KOR_LOG_KEY.getPublic());

        assertThatThrownBy(() -> Ed25519Notes.verifierFromVkey(cosigner)).isInstanceOf(NoteException.class)
                .hasMessageContaining("0x04");
    }

    @Test
    void theSameKeySigningTwiceIsRefused() {
        assertThatThrownBy(() -> Notes.sign(TEXT, List.of(korEd25519(), korEd25519())))
                .isInstanceOf(NoteException.class).hasMessageContaining("signs twice");
    }

    @Test
    void twoVerifiersForOneKeyAreAConfigurationError() {
        assertThatThrownBy(() -> Notes.verify(both(), List.of(korEd25519Verifier(), korEd25519Verifier())))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(NoteException.class);
    }

    @Test
    void textThatIsNotNoteTextIsNotSigned() {
        assertThatThrownBy(() -> Notes.sign("no newline", List.of(korEd25519())))
                .isInstanceOf(NoteException.class).hasMessageContaining("newline");
        assertThatThrownBy(() -> Notes.sign("a\u0007\n", List.of(korEd25519())))
                .isInstanceOf(NoteException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> Notes.sign(TEXT, List.of())).isInstanceOf(NoteException.class);
    }

    @Test
    void anEd25519NoteSignerRefusesTextThatWouldReadAsACosignature() {
        // One key may sign the log's notes (0x01) and cosign partners' checkpoints (0x04); only this prefix
        // separates the two, so the 0x01 signer must never sign it.
        String text = "cosignature/v1\ntime 1700000000\n" + TEXT;

        assertThatThrownBy(() -> Notes.sign(text, List.of(korEd25519())))
                .isInstanceOf(NoteException.class).hasMessageContaining("cosignature");
    }

    @Test
    void aVerifierThatThrowsOnHostileInputHasNotAcceptedIt() {
        NoteVerifier throwing = new NoteVerifier() {
            @Override
            public String keyName() {
                return KOR_LOG;
            }

            @Override
            public byte[] keyHash() {
                return korEd25519().keyHash();
            }

            @Override
            public boolean verify(byte[] message, byte[] signature) {
                throw new ArrayIndexOutOfBoundsException();
            }
        };

        assertRefused(both(), List.of(throwing), NoteException.Reason.FORGED);
    }

    @Test
    void aSignerSeesACopyOfTheText() {
        NoteSigner scribbler = new NoteSigner() {
            @Override
            public String keyName() {
                return "scribbler";
            }

            @Override
            public byte[] keyHash() {
                return new byte[4];
            }

            @Override
            public byte[] sign(byte[] message) {
                Arrays.fill(message, (byte) 'x');
                return new byte[] {1};
            }
        };

        SignedNote note = Notes.sign(TEXT, List.of(scribbler, korEd25519()));

        assertThat(Notes.verify(note, List.of(korEd25519Verifier()))).containsExactly(KOR_LOG);
    }
}
