package trisec.node.consult;

import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.consult.RevisionId;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.StatementSigned;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;

/**
 * A partner's node signed a revision of a joint statement. The signature must be that node's, over the hash it
 * names, and that hash must be the hash of this node's own copy of the revision: a node whose texts differ by one
 * byte refuses it. A signature that comes before its revision is kept, and counts only if the revision, when it
 * comes, has that hash here.
 *
 * <p>A signature names the revision's number and proposer; one that names no proposer (a node from before revisions
 * were named by their proposer, or any node signing a revision 1, which only the drafter makes) signs the revision of
 * that number held here whose hash it names. When none is held, it is kept without a proposer until a revision of
 * that number with that hash arrives ({@link Statements#claimKept}); a revision 1 held with another hash refuses it,
 * since there is no other revision 1 it could sign.
 */
final class StatementSignedArrival implements MessageHandler<StatementSigned> {
    private final Self self;

    StatementSignedArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<StatementSigned> type() {
        return StatementSigned.class;
    }

    @Override
    public Optional<String> itemOf(StatementSigned s) {
        return Optional.ofNullable(s.statementId());
    }

    @Override
    public Receipt handle(Handle h, Incoming m, StatementSigned s) {
        if (!Incoming.isUuid(s.statementId()) || s.revision() < 1
                || (s.proposedBy() != null && !Party.isCode(s.proposedBy()))) {
            throw new MessageRefused("a signature names a statement by UUID and a revision by its number, from 1, "
                    + "and the party that proposed it, if it names one, by its code");
        }
        if (s.by() == null || !Party.isCode(s.by()) || !Party.of(s.by()).equals(m.sender())) {
            throw new MessageRefused("a node sends its own party's signatures, and " + m.sender()
                    + " sent one in the name of " + s.by());
        }
        Party by = m.sender();
        var identity = self.identityOf(by).filter(x -> !by.equals(self.party()))
                .orElseThrow(() -> new MessageRefused(by + " is not a partner of this node"));
        byte[] hash = decode(s.hash());
        if (!MessageSignatures.verifyStatement(identity, s.signerKey(), hash, s.signature())) {
            throw new MessageRefused("the signature is not " + by + "'s node's over the hash it names");
        }
        var signedAt = Incoming.instant(s.at(), "the signature's time");
        var statement = Statements.byId(h, s.statementId());
        Optional<RevisionId> named = s.proposedBy() != null
                ? Optional.of(new RevisionId(s.revision(), Party.of(s.proposedBy())))
                : statement.flatMap(x -> signedRevision(h, x, s.revision(), s.hash()));
        if (named.isEmpty()) {
            return keep(h, m, s, by, signedAt);
        }
        var rid = named.get();
        var held = statement.flatMap(x -> Statements.revision(h, x, rid));
        if (held.isPresent() && !held.get().revision().hashText().equals(s.hash())) {
            throw new MessageRefused("the texts " + by + " signed differ from " + self.party() + "'s copy of "
                    + "revision " + rid + " of statement " + s.statementId() + " (hash " + s.hash()
                    + ", here " + held.get().revision().hashText() + ")");
        }
        boolean fresh = Statements.insertSignature(h, new Statements.Signature(s.statementId(), rid, by,
                s.hash(), s.signerKey(), s.signature(), signedAt));
        if (!fresh) {
            return m.accepted(null, null, null, by + " has signed revision " + rid + " before");
        }
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_SIGNED, self.clock().instant(), by.code())
                .with("statement", s.statementId()).with("revision", s.revision())
                .with("proposedBy", rid.proposedBy().code()).with("party", by.code())
                .with("hash", s.hash()).with("awaitingRevision", held.isEmpty() ? Boolean.TRUE : null));
        StatementAdoption.check(h, self, s.statementId());
        return m.accepted(null, null, null, held.isEmpty() ? "kept until revision " + rid + " arrives"
                : null);
    }

    /**
     * The revision a signature naming no proposer signs: the one of its number held here whose hash it names, or,
     * for a revision 1, the one held, whose texts it must then be over.
     */
    private static Optional<RevisionId> signedRevision(Handle h, Statements.Row s, int number, String hash) {
        var numbered = Statements.numbered(h, s, number);
        var same = numbered.stream().filter(x -> x.revision().hashText().equals(hash)).findFirst();
        if (same.isPresent()) {
            return Optional.of(same.get().id());
        }
        return number == 1 ? numbered.stream().findFirst().map(Statements.Held::id) : Optional.empty();
    }

    /** A signature whose revision's proposer is not known yet: kept until a revision of its number with its hash. */
    private Receipt keep(Handle h, Incoming m, StatementSigned s, Party by, java.time.Instant signedAt) {
        boolean fresh = Statements.insertKept(h, new Statements.Kept(s.statementId(), s.revision(), by, s.hash(),
                s.signerKey(), s.signature(), signedAt));
        if (!fresh) {
            return m.accepted(null, null, null, by + " has signed a revision " + s.revision() + " before");
        }
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_SIGNED, self.clock().instant(), by.code())
                .with("statement", s.statementId()).with("revision", s.revision()).with("party", by.code())
                .with("hash", s.hash()).with("awaitingRevision", Boolean.TRUE));
        return m.accepted(null, null, null, "kept until a revision " + s.revision() + " with hash " + s.hash()
                + " arrives");
    }

    private static byte[] decode(String hash) {
        try {
            byte[] b = hash == null ? new byte[0] : Base64.getDecoder().decode(hash);
            if (b.length == 32) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new MessageRefused("the hash a signature names is a SHA-256 hash in base64");
    }
}
