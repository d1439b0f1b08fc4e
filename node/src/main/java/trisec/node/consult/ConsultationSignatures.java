package trisec.node.consult;

import java.util.Base64;
import trisec.envelope.Canonical;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.envelope.Signatures;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.ConsultationStep;

/**
 * The signed statements of a consultation: the opener's node signs the opening, each party's node its own steps.
 * The envelope is signed too, but only by the node that sent it; these signatures travel inside later steps (every
 * step carries the opening), so a party can check who opened a consultation whichever message told it first. Each
 * purpose is domain-separated from the other signatures of federation.
 */
public final class ConsultationSignatures {
    static final String OPENED = "trisec consultation opened v1";
    static final String STEP = "trisec consultation step v1";

    private ConsultationSignatures() {}

    private static byte[] opened(ConsultationOpened o) {
        return new Canonical().add(nz(o.consultationId())).add(nz(o.agreementId())).add(nz(o.opener()))
                .add(nz(o.subjectItem())).add(nz(o.openedAt())).bytes();
    }

    public static ConsultationOpened signOpened(NodeKeys keys, String id, String agreementId, String subjectItem,
                                                String openedAt) {
        var unsigned = new ConsultationOpened(id, agreementId, keys.party().code(), subjectItem, openedAt,
                keys.identity().keyId().value(), "");
        return new ConsultationOpened(id, agreementId, unsigned.opener(), subjectItem, openedAt, unsigned.signerKey(),
                b64(Signatures.sign(keys, OPENED, opened(unsigned))));
    }

    public static boolean verifyOpened(PublicIdentity opener, ConsultationOpened o) {
        return o.signature() != null && opener.party().code().equals(o.opener())
                && opener.keyId().value().equals(o.signerKey())
                && Signatures.verify(opener, OPENED, opened(o), unb64(o.signature()));
    }

    private static byte[] step(ConsultationStep s) {
        return new Canonical().add(s.opening() == null ? "" : nz(s.opening().consultationId())).add(nz(s.step()))
                .add(nz(s.stepId())).add(nz(s.by())).add(nz(s.at())).add(nz(s.text())).add(nz(s.owner()))
                .add(nz(s.due())).add(nz(s.status())).add(nz(s.proposer())).bytes();
    }

    /** This party's step, signed by its node; {@code opening} is the opener's signed opening, carried unchanged. */
    public static ConsultationStep signStep(NodeKeys keys, ConsultationOpened opening, String step, String stepId,
                                            String at, String text, String owner, String due, String status,
                                            String proposer) {
        var unsigned = new ConsultationStep(opening, step, stepId, keys.party().code(), at, text, owner, due, status,
                proposer, keys.identity().keyId().value(), "", null);
        return new ConsultationStep(opening, step, stepId, unsigned.by(), at, text, owner, due, status, proposer,
                unsigned.signerKey(), b64(Signatures.sign(keys, STEP, step(unsigned))), null);
    }

    /**
     * The step carrying an action's original, the proposer's own signed step. Its signature is unchanged: the
     * original is signed by its proposer, and checked on its own wherever it arrives.
     */
    static ConsultationStep carrying(ConsultationStep s, ConsultationStep origin) {
        return new ConsultationStep(s.opening(), s.step(), s.stepId(), s.by(), s.at(), s.text(), s.owner(), s.due(),
                s.status(), s.proposer(), s.signerKey(), s.signature(), origin);
    }

    public static boolean verifyStep(PublicIdentity by, ConsultationStep s) {
        return s.signature() != null && by.party().code().equals(s.by()) && by.keyId().value().equals(s.signerKey())
                && Signatures.verify(by, STEP, step(s), unb64(s.signature()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        try {
            return s == null ? new byte[0] : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
