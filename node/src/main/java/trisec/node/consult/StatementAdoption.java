package trisec.node.consult;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Self;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;

/**
 * When a statement is adopted here: once every party of its channel has a signature on record for its latest
 * revision over the hash of this node's own copy of that revision's texts. Each node decides it on its own copy, so
 * that one whose texts differ by a byte never counts the others' signatures as signing its texts.
 */
final class StatementAdoption {
    private StatementAdoption() {}

    /**
     * Messages and acts on one statement take turns: two signatures arriving at once would each see the other missing,
     * and neither would record the adoption. The reception takes this lock for messages (by their statement); the
     * desk takes it here. On SQLite the one writer already orders them.
     */
    static void takeTurn(Handle h, Self self, String statementId) {
        if (self.store().isPostgres()) {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:i))) x").bind("i", statementId)
                    .mapTo(Integer.class).one();
        }
    }

    /** Records the adoption if the statement's latest revision is now signed by every party: whether it did. */
    static boolean check(Handle h, Self self, String statementId) {
        var row = Statements.byId(h, statementId).filter(s -> s.adoptedAt().isEmpty());
        if (row.isEmpty()) {
            return false;
        }
        var s = row.get();
        var held = Statements.revision(h, s, s.latest());
        if (held.isEmpty()) {
            return false;
        }
        String hash = held.get().revision().hashText();
        for (Party p : StatementDesk.partiesOf(self)) {
            var signature = Statements.signature(h, statementId, s.latest(), p);
            if (signature.isEmpty() || !signature.get().hash().equals(hash)) {
                return false;
            }
        }
        Instant now = self.clock().instant();
        Statements.adopted(h, statementId, now);
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_ADOPTED, now, self.party().code())
                .with("statement", statementId).with("revision", s.latest().number())
                .with("proposedBy", s.latest().proposedBy().code()).with("channel", s.channel())
                .with("hash", hash));
        return true;
    }
}
