package trisec.node.log;

import trisec.node.base.Peer;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import trisec.DomainException;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.audit.note.NoteVerifier;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.envelope.PublicIdentity;

/**
 * Checkpoints of a node's log held outside it — as its partners cosigned them, saved from {@code /log/checkpoint}
 * or taken from a witness. The node's own store cannot show that it was rolled back or truncated whole, since a
 * consistent smaller log verifies by itself; a checkpoint it signed and others hold can.
 */
public record Witnessed(Checkpoint checkpoint, List<String> cosigners) {

    /** Reads checkpoint notes, each of which must carry both of the node's signatures. */
    public static List<Witnessed> read(List<String> notes, PublicIdentity identity, PublicKey logKey) {
        return read(notes, identity, Ed25519Notes.verifier(Peer.logOrigin(identity), logKey));
    }

    public static List<Witnessed> read(List<String> notes, PublicIdentity identity, NoteVerifier ed25519) {
        String origin = Peer.logOrigin(identity);
        var verifiers = List.of(ed25519, MlDsaNotes.verifier(origin + AuditLog.ML_DSA_SUFFIX, identity));
        List<Witnessed> out = new ArrayList<>();
        int n = 0;
        for (String text : notes) {
            n++;
            try {
                SignedNote note = SignedNote.parse(text);
                List<String> signers = Notes.verify(note, verifiers);
                if (!signers.contains(origin) || !signers.contains(origin + AuditLog.ML_DSA_SUFFIX)) {
                    throw new DomainException("checkpoint " + n + " is not signed by both of " + origin + "'s keys");
                }
                Checkpoint cp = Checkpoint.parse(note.text());
                if (!cp.origin().equals(origin)) {
                    throw new DomainException("checkpoint " + n + " is of another log: " + cp.origin());
                }
                List<String> others = note.signatures().stream().map(SignedNote.Signature::keyName)
                        .filter(k -> !k.equals(origin) && !k.equals(origin + AuditLog.ML_DSA_SUFFIX)).distinct().toList();
                out.add(new Witnessed(cp, others));
            } catch (IllegalArgumentException e) {
                throw new DomainException("checkpoint " + n + " is not a signed checkpoint: " + e.getMessage());
            }
        }
        return out;
    }

    /** How to name it in a report: its size, and who cosigned it. */
    public String describe() {
        return "the checkpoint of size " + checkpoint.size()
                + (cosigners.isEmpty() ? "" : " (cosigned by " + String.join(", ", cosigners) + ")");
    }
}
