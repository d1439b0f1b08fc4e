package trisec.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.audit.note.NoteFixtures.CHECKPOINT;
import static trisec.audit.note.NoteFixtures.JPN_WITNESS;
import static trisec.audit.note.NoteFixtures.JPN_WITNESS_KEY;
import static trisec.audit.note.NoteFixtures.KOR_LOG;
import static trisec.audit.note.NoteFixtures.KOR_LOG_KEY;
import static trisec.audit.note.NoteFixtures.USA_WITNESS_KEY;
import static trisec.audit.note.NoteFixtures.korEd25519;
import static trisec.audit.note.NoteFixtures.korEd25519Verifier;
import static trisec.audit.note.NoteFixtures.root;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A witness's cosignature binds its key, the exact checkpoint, and the time it states. */
class CosignaturesTest {
    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private static SignedNote.Signature cosignature() {
        return Cosignatures.cosign(JPN_WITNESS, JPN_WITNESS_KEY.getPrivate(), CHECKPOINT, NOW);
    }

    private static boolean verifies(Checkpoint checkpoint, SignedNote.Signature s) {
        return Cosignatures.verify(JPN_WITNESS, JPN_WITNESS_KEY.getPublic(), checkpoint, s);
    }

    private static SignedNote.Signature withBytes(SignedNote.Signature s, byte[] bytes) {
        return new SignedNote.Signature(s.keyName(), s.keyHash(), bytes);
    }

    @Test
    void aCosignatureVerifiesAndStatesItsTime() {
        SignedNote.Signature s = cosignature();

        assertThat(verifies(CHECKPOINT, s)).isTrue();
        assertThat(Cosignatures.timestamp(s)).isEqualTo(NOW);
        assertThat(s.signature()).hasSize(72);
        assertThat(ByteBuffer.wrap(s.signature()).getLong()).isEqualTo(NOW);
        assertThat(s.keyName()).isEqualTo(JPN_WITNESS);
        assertThat(s.keyHash()).isEqualTo(Cosignatures.keyHash(JPN_WITNESS, JPN_WITNESS_KEY.getPublic()));
    }

    @Test
    void itIsTheEd25519SignatureOfTheSpecsMessage() {
        byte[] message = ("cosignature/v1\ntime " + NOW + "\n" + CHECKPOINT.text()).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = cosignature().signature();

        assertThat(Ed25519.verify(JPN_WITNESS_KEY.getPublic(), message,
                java.util.Arrays.copyOfRange(bytes, 8, 72))).isTrue();
    }

    @Test
    void theCosignatureKeyHashIsType04AndDiffersFromTheNoteKeyHashOfTheSameKey() {
        byte[] raw = Ed25519.rawPublicKey(KOR_LOG_KEY.getPublic());

        assertThat(Cosignatures.keyHash(KOR_LOG, KOR_LOG_KEY.getPublic()))
                .isEqualTo(Syntax.keyHash(KOR_LOG, 0x04, raw))
                .isNotEqualTo(Ed25519Notes.keyHash(KOR_LOG, KOR_LOG_KEY.getPublic()));
    }

    @Test
    void aCosignatureOnADifferentCheckpointDoesNotVerify() {
        SignedNote.Signature s = cosignature();

        assertThat(verifies(new Checkpoint(KOR_LOG, 1235, root(7), List.of()), s)).isFalse();
        assertThat(verifies(new Checkpoint(KOR_LOG, 1234, root(8), List.of()), s)).isFalse();
        assertThat(verifies(new Checkpoint("trisec.KOR/other", 1234, root(7), List.of()), s)).isFalse();
        assertThat(verifies(new Checkpoint(KOR_LOG, 1234, root(7), List.of("extension")), s)).isFalse();
    }

    @Test
    void extensionLinesAreCosignedToo() {
        Checkpoint extended = new Checkpoint(KOR_LOG, 1234, root(7), List.of("extension"));
        SignedNote.Signature s = Cosignatures.cosign(JPN_WITNESS, JPN_WITNESS_KEY.getPrivate(), extended, NOW);

        assertThat(verifies(extended, s)).isTrue();
        assertThat(verifies(new Checkpoint(KOR_LOG, 1234, root(7), List.of("extensioN")), s)).isFalse();
    }

    @Test
    void aChangedTimestampDoesNotVerify() {
        byte[] bytes = cosignature().signature();
        ByteBuffer.wrap(bytes).putLong(NOW + 1);

        SignedNote.Signature later = withBytes(cosignature(), bytes);

        assertThat(Cosignatures.timestamp(later)).isEqualTo(NOW + 1);
        assertThat(verifies(CHECKPOINT, later)).isFalse();
    }

    @Test
    void aTimestampBeyondTwoToTheSixtyThirdIsRefused() {
        byte[] bytes = cosignature().signature();
        bytes[0] = (byte) 0x80;
        SignedNote.Signature overflowing = withBytes(cosignature(), bytes);

        assertThatThrownBy(() -> Cosignatures.timestamp(overflowing)).isInstanceOf(NoteException.class);
        assertThat(verifies(CHECKPOINT, overflowing)).isFalse();
    }

    @Test
    void anotherWitnessNameOrKeyDoesNotVerify() {
        SignedNote.Signature s = cosignature();

        assertThat(Cosignatures.verify("trisec.USA/witness", JPN_WITNESS_KEY.getPublic(), CHECKPOINT, s)).isFalse();
        assertThat(Cosignatures.verify(JPN_WITNESS, USA_WITNESS_KEY.getPublic(), CHECKPOINT, s)).isFalse();
    }

    @Test
    void aCosignatureMadeByAnotherKeyUnderThisWitnessesNameDoesNotVerify() {
        SignedNote.Signature impostor = Cosignatures.cosign(JPN_WITNESS, USA_WITNESS_KEY.getPrivate(), CHECKPOINT, NOW);
        SignedNote.Signature relabelled = new SignedNote.Signature(JPN_WITNESS, cosignature().keyHash(),
                impostor.signature());

        assertThat(verifies(CHECKPOINT, impostor)).isFalse();
        assertThat(verifies(CHECKPOINT, relabelled)).isFalse();
    }

    @Test
    void aTruncatedCosignatureDoesNotVerifyAndHasNoTime() {
        SignedNote.Signature truncated = withBytes(cosignature(), java.util.Arrays.copyOf(cosignature().signature(), 71));

        assertThat(verifies(CHECKPOINT, truncated)).isFalse();
        assertThatThrownBy(() -> Cosignatures.timestamp(truncated)).isInstanceOf(NoteException.class);
    }

    @Test
    void aNegativeTimeIsNotCosigned() {
        assertThatThrownBy(() -> Cosignatures.cosign(JPN_WITNESS, JPN_WITNESS_KEY.getPrivate(), CHECKPOINT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLogsCheckpointNoteWithAWitnessCosignatureVerifiesWithBothKeys() {
        SignedNote note = Notes.sign(CHECKPOINT.text(), List.of(korEd25519())).withSignature(cosignature());
        NoteVerifier witness = Cosignatures.verifier(JPN_WITNESS, JPN_WITNESS_KEY.getPublic());

        SignedNote served = SignedNote.parse(note.format());

        assertThat(Notes.verify(served, List.of(korEd25519Verifier(), witness)))
                .containsExactly(KOR_LOG, JPN_WITNESS);
        assertThat(Notes.verify(served, List.of(Cosignatures.verifierFromVkey(
                Cosignatures.vkey(JPN_WITNESS, JPN_WITNESS_KEY.getPublic()))))).containsExactly(JPN_WITNESS);
    }

    @Test
    void oneKeyCanBothSignTheLogsNotesAndCosignWithoutEitherPassingForTheOther() {
        // The node's log key does both jobs; the types' key hashes and messages keep them apart.
        SignedNote.Signature cosigned = Cosignatures.cosign(KOR_LOG, KOR_LOG_KEY.getPrivate(), CHECKPOINT, NOW);
        SignedNote.Signature signed = Notes.sign(CHECKPOINT.text(), List.of(korEd25519())).signatures().getFirst();

        assertThatThrownBy(() -> Notes.verify(new SignedNote(CHECKPOINT.text(), List.of(cosigned)),
                List.of(korEd25519Verifier())))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.UNVERIFIED));
        assertThat(Cosignatures.verify(KOR_LOG, KOR_LOG_KEY.getPublic(), CHECKPOINT, signed)).isFalse();
    }

    @Test
    void theCosignatureVerifierOnlyAcceptsCheckpointBodies() {
        NoteVerifier witness = Cosignatures.verifier(JPN_WITNESS, JPN_WITNESS_KEY.getPublic());
        byte[] notACheckpoint = "hello\n".getBytes(StandardCharsets.UTF_8);
        byte[] message = ("cosignature/v1\ntime " + NOW + "\nhello\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = ByteBuffer.allocate(72).putLong(NOW)
                .put(Ed25519.sign(JPN_WITNESS_KEY.getPrivate(), message)).array();

        assertThat(witness.verify(notACheckpoint, bytes)).isFalse();
    }
}
