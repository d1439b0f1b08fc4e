package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.envelope.NodeKeys;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.consult.ConsultationSignatures;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.federation.Messages.StatementSigned;
import trisec.party.Party;

/**
 * Nodes of different versions (docs/NODE.md): a node reads JSON strictly and refuses a field it does not know, so a
 * field added to a message is written only when it is set. A signature of a revision 1 names no proposer and a
 * consultation step without an original carries no {@code origin}: a node from before those fields reads both. The
 * fields are outside what is signed, so leaving them out changes no signature.
 */
class MessageVersionsTest {
    private static final NodeKeys JPN = NodeKeys.generate(Party.of("JPN"));
    private static final String ID = UUID.randomUUID().toString();

    /** STATEMENT_SIGNED as a node before revisions were named by their proposer reads it. */
    record StatementSignedBefore(String statementId, int revision, String hash, String by, String at,
                                 String signerKey, String signature) {}

    /** CONSULTATION_STEP as a node before a status change carried the action's original reads it. */
    record ConsultationStepBefore(ConsultationOpened opening, String step, String stepId, String by, String at,
                                  String text, String owner, String due, String status, String proposer,
                                  String signerKey, String signature) {}

    private static StatementSigned signed(int revision, String proposedBy) {
        var r = new StatementRevision(ID, revision, "leaders", Optional.empty(), "T",
                new StatementTexts("협력", "協力", "Cooperation"));
        return new StatementSigned(ID, revision, proposedBy, r.hashText(), "JPN", Instant.now().toString(),
                JPN.identity().keyId().value(), MessageSignatures.signStatement(JPN, r.hash()));
    }

    @Test
    void aSignatureWithoutItsProposerIsWrittenWithoutTheFieldAndAnEarlierNodeReadsIt() {
        String first = Json.write(signed(1, null));
        assertThat(first).doesNotContain("proposedBy");
        var before = Json.read(first, StatementSignedBefore.class);
        assertThat(before.revision()).isEqualTo(1);
        // The signature covers the hash alone: read back either way, it verifies.
        byte[] hash = java.util.Base64.getDecoder().decode(before.hash());
        assertThat(MessageSignatures.verifyStatement(JPN.identity(), before.signerKey(), hash, before.signature()))
                .isTrue();
        var now = Json.read(first, StatementSigned.class);
        assertThat(now.proposedBy()).isNull();
        assertThat(MessageSignatures.verifyStatement(JPN.identity(), now.signerKey(), hash, now.signature())).isTrue();

        // A later revision names its proposer, which an earlier node does not know: it refuses it by name.
        String second = Json.write(signed(2, "KOR"));
        assertThat(Json.read(second, StatementSigned.class).proposedBy()).isEqualTo("KOR");
        assertThatThrownBy(() -> Json.read(second, StatementSignedBefore.class)).isInstanceOf(Refusal.class)
                .hasMessageContaining("unknown field 'proposedBy'");
    }

    @Test
    void aStepWithoutAnOriginIsWrittenWithoutTheFieldAndItsSignatureIsTheSame() {
        var opening = ConsultationSignatures.signOpened(JPN, UUID.randomUUID().toString(),
                "camp-david-commitment-2023", null, "2024-11-20T09:30:00Z");
        var action = ConsultationSignatures.signStep(JPN, opening, "ACTION", UUID.randomUUID().toString(),
                "2024-11-20T09:31:00Z", "Share the track", "JPN", "2024-11-27", "OPEN", "JPN");
        String written = Json.write(action);
        assertThat(written).doesNotContain("origin");
        var before = Json.read(written, ConsultationStepBefore.class);
        assertThat(before.signature()).isEqualTo(action.signature());
        var read = Json.read(written, ConsultationStep.class);
        assertThat(read.origin()).isNull();
        assertThat(ConsultationSignatures.verifyStep(JPN.identity(), read)).isTrue();

        // A status change carries the action's original: the field is written, and neither signature changes.
        var done = ConsultationSignatures.signStep(JPN, opening, "ACTION", action.stepId(), "2024-11-21T09:00:00Z",
                null, null, null, "DONE", "JPN");
        var carrying = new ConsultationStep(done.opening(), done.step(), done.stepId(), done.by(), done.at(),
                done.text(), done.owner(), done.due(), done.status(), done.proposer(), done.signerKey(),
                done.signature(), action);
        String withOrigin = Json.write(carrying);
        assertThat(withOrigin).contains("\"origin\":{");
        var back = Json.read(withOrigin, ConsultationStep.class);
        assertThat(ConsultationSignatures.verifyStep(JPN.identity(), back)).isTrue();
        assertThat(ConsultationSignatures.verifyStep(JPN.identity(), back.origin())).isTrue();
        assertThat(Json.read(Json.write(back.origin()), ConsultationStep.class)).isEqualTo(action);
    }
}
