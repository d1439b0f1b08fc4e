package trisec.node.consult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.consult.RevisionId;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The tables of joint statements: the statements, every revision held here (named by number and proposer), the
 * nodes' signatures, and what the release policy kept this node from sending.
 */
final class Statements {
    private Statements() {}

    /** A statement as this node holds it; {@code latest} is the latest revision held, the one that may be signed. */
    record Row(String id, String channel, Optional<String> meeting, Party draftedBy, Instant draftedAt,
               RevisionId latest, Optional<Instant> adoptedAt) {}

    /** A revision with who proposed it when; its hash is always computed from the texts held here. */
    record Held(StatementRevision revision, Party proposedBy, Instant proposedAt) {
        RevisionId id() {
            return new RevisionId(revision.revision(), proposedBy);
        }
    }

    /** A node's signature over the hash (base64) of the revision it names, with the key that made it. */
    record Signature(String statementId, RevisionId revision, Party party, String hash, String keyId,
                     String signature, Instant signedAt) {}

    /**
     * A partner's signature of revision {@code revision} whose proposer is not known yet: its message named none (a
     * node from before revisions were named by their proposer sent it, or it signs a revision 1, which only its
     * drafter makes) and no revision of that number held here has its hash. It is kept, and counts once a revision of
     * that number with its hash arrives ({@link #claimKept}).
     */
    record Kept(String statementId, int revision, Party party, String hash, String keyId, String signature,
                Instant signedAt) {}

    /** What of this node's did not go to a party: a revision it proposed, or its signature of a revision. */
    enum What { DRAFT, SIGNATURE }

    /** A message about a statement that the release policy did not let go to {@code party}, and its reasons. */
    record Withheld(String statementId, RevisionId revision, Party party, What what, List<String> reasons,
                    Instant decidedAt) {}

    static void insert(Handle h, Row r) {
        h.createUpdate("""
                INSERT INTO statements (id, channel, meeting, drafted_by, drafted_at, revision, revised_by, adopted_at)
                VALUES (:id, :channel, :meeting, :by, :at, :revision, :revisedBy, NULL)""")
                .bind("id", r.id()).bind("channel", r.channel()).bind("meeting", r.meeting().orElse(null))
                .bind("by", r.draftedBy().code()).bind("at", Store.utc(r.draftedAt()))
                .bind("revision", r.latest().number()).bind("revisedBy", r.latest().proposedBy().code()).execute();
    }

    static Optional<Row> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM statements WHERE id = :id").bind("id", id).map((rs, c) -> row(rs))
                .findOne();
    }

    static List<Row> all(Handle h) {
        return h.createQuery("SELECT * FROM statements ORDER BY drafted_at DESC, id").map((rs, c) -> row(rs)).list();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("channel"), Optional.ofNullable(rs.getString("meeting")),
                Party.of(rs.getString("drafted_by")), Store.instant(rs, "drafted_at"),
                new RevisionId(rs.getInt("revision"), Party.of(rs.getString("revised_by"))),
                Optional.ofNullable(Store.instant(rs, "adopted_at")));
    }

    /** Makes {@code r} the latest revision if it comes after the latest held ({@link RevisionId}'s order). */
    static void moveTo(Handle h, String id, RevisionId r) {
        h.createUpdate("""
                UPDATE statements SET revision = :n, revised_by = :by
                WHERE id = :id AND (revision < :n OR (revision = :n AND revised_by < :by))""")
                .bind("id", id).bind("n", r.number()).bind("by", r.proposedBy().code()).execute();
    }

    static void adopted(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE statements SET adopted_at = :at WHERE id = :id").bind("id", id)
                .bind("at", Store.utc(at)).execute();
    }

    static void insertRevision(Handle h, Held r) {
        var t = r.revision().texts();
        h.createUpdate("""
                INSERT INTO statement_revisions (statement_id, revision, title, text_ko, text_ja, text_en, proposed_by,
                                                 proposed_at)
                VALUES (:id, :revision, :title, :ko, :ja, :en, :by, :at)""")
                .bind("id", r.revision().statementId()).bind("revision", r.revision().revision())
                .bind("title", r.revision().title()).bind("ko", t.ko()).bind("ja", t.ja()).bind("en", t.en())
                .bind("by", r.proposedBy().code()).bind("at", Store.utc(r.proposedAt())).execute();
    }

    /** A revision held here, read back as the domain's revision of its statement's channel and meeting. */
    static Optional<Held> revision(Handle h, Row s, RevisionId r) {
        return h.createQuery("""
                SELECT * FROM statement_revisions WHERE statement_id = :id AND revision = :r AND proposed_by = :by""")
                .bind("id", s.id()).bind("r", r.number()).bind("by", r.proposedBy().code())
                .map((rs, c) -> held(rs, s)).findOne();
    }

    /** The revisions of one number held here: two when two parties revised the same revision at once. */
    static List<Held> numbered(Handle h, Row s, int number) {
        return h.createQuery("""
                SELECT * FROM statement_revisions WHERE statement_id = :id AND revision = :r ORDER BY proposed_by""")
                .bind("id", s.id()).bind("r", number).map((rs, c) -> held(rs, s)).list();
    }

    private static Held held(java.sql.ResultSet rs, Row s) throws java.sql.SQLException {
        return new Held(new StatementRevision(s.id(), rs.getInt("revision"), s.channel(), s.meeting(),
                rs.getString("title"), new StatementTexts(rs.getString("text_ko"), rs.getString("text_ja"),
                rs.getString("text_en"))), Party.of(rs.getString("proposed_by")), Store.instant(rs, "proposed_at"));
    }

    /** The revisions held here, in their order (the last is the latest). */
    static List<RevisionId> revisions(Handle h, String id) {
        return h.createQuery("""
                SELECT revision, proposed_by FROM statement_revisions WHERE statement_id = :id
                ORDER BY revision, proposed_by""")
                .bind("id", id).map((rs, c) -> new RevisionId(rs.getInt("revision"),
                        Party.of(rs.getString("proposed_by")))).list();
    }

    /** @return whether it was new (one per statement, revision and party: a node signs a revision once) */
    static boolean insertSignature(Handle h, Signature s) {
        if (signature(h, s.statementId(), s.revision(), s.party()).isPresent()) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO statement_signatures (statement_id, revision, proposed_by, party, hash, key_id, signature,
                                                  signed_at)
                VALUES (:id, :revision, :proposedBy, :party, :hash, :key, :signature, :at)""")
                .bind("id", s.statementId()).bind("revision", s.revision().number())
                .bind("proposedBy", s.revision().proposedBy().code()).bind("party", s.party().code())
                .bind("hash", s.hash()).bind("key", s.keyId()).bind("signature", s.signature())
                .bind("at", Store.utc(s.signedAt())).execute();
        return true;
    }

    static Optional<Signature> signature(Handle h, String id, RevisionId revision, Party party) {
        return h.createQuery("""
                SELECT * FROM statement_signatures
                WHERE statement_id = :id AND revision = :r AND proposed_by = :by AND party = :p""")
                .bind("id", id).bind("r", revision.number()).bind("by", revision.proposedBy().code())
                .bind("p", party.code()).map((rs, c) -> signature(rs)).findOne();
    }

    /** The signatures of one revision, in the order they were made. */
    static List<Signature> signatures(Handle h, String id, RevisionId revision) {
        return h.createQuery("""
                SELECT * FROM statement_signatures WHERE statement_id = :id AND revision = :r AND proposed_by = :by
                ORDER BY signed_at, party""")
                .bind("id", id).bind("r", revision.number()).bind("by", revision.proposedBy().code())
                .map((rs, c) -> signature(rs)).list();
    }

    /** @return whether it was new (a party's signature of a number is kept once while its proposer is not known) */
    static boolean insertKept(Handle h, Kept k) {
        boolean known = h.createQuery("""
                SELECT 1 FROM statement_signatures
                WHERE statement_id = :id AND revision = :r AND party = :p AND proposed_by IS NULL""")
                .bind("id", k.statementId()).bind("r", k.revision()).bind("p", k.party().code())
                .mapTo(Integer.class).findOne().isPresent();
        if (known) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO statement_signatures (statement_id, revision, proposed_by, party, hash, key_id, signature,
                                                  signed_at)
                VALUES (:id, :revision, NULL, :party, :hash, :key, :signature, :at)""")
                .bind("id", k.statementId()).bind("revision", k.revision()).bind("party", k.party().code())
                .bind("hash", k.hash()).bind("key", k.keyId()).bind("signature", k.signature())
                .bind("at", Store.utc(k.signedAt())).execute();
        return true;
    }

    /** The signatures of a statement kept while their revision's proposer is not known, in the order they were made. */
    static List<Kept> kept(Handle h, String id) {
        return h.createQuery("""
                SELECT * FROM statement_signatures WHERE statement_id = :id AND proposed_by IS NULL
                ORDER BY signed_at, revision, party""")
                .bind("id", id).map((rs, c) -> new Kept(rs.getString("statement_id"), rs.getInt("revision"),
                        Party.of(rs.getString("party")), rs.getString("hash"), rs.getString("key_id"),
                        rs.getString("signature"), Store.instant(rs, "signed_at"))).list();
    }

    /**
     * A revision is now held here: the kept signatures of its number over its hash ({@code hash}, base64) sign it,
     * and are its proposer's from now on (unless that party's signature of it is on record already).
     *
     * @return how many
     */
    static int claimKept(Handle h, String id, RevisionId revision, String hash) {
        return h.createUpdate("""
                UPDATE statement_signatures SET proposed_by = :by
                WHERE statement_id = :id AND revision = :r AND proposed_by IS NULL AND hash = :hash
                  AND NOT EXISTS (SELECT 1 FROM statement_signatures o
                                  WHERE o.statement_id = :id AND o.revision = :r AND o.proposed_by = :by
                                    AND o.party = statement_signatures.party)""")
                .bind("id", id).bind("r", revision.number()).bind("by", revision.proposedBy().code())
                .bind("hash", hash).execute();
    }

    private static Signature signature(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Signature(rs.getString("statement_id"), new RevisionId(rs.getInt("revision"),
                Party.of(rs.getString("proposed_by"))), Party.of(rs.getString("party")), rs.getString("hash"),
                rs.getString("key_id"), rs.getString("signature"), Store.instant(rs, "signed_at"));
    }

    static void insertWithheld(Handle h, Withheld w) {
        h.createUpdate("""
                INSERT INTO statement_withheld (statement_id, revision, proposed_by, party, what, reasons, decided_at)
                VALUES (:id, :revision, :proposedBy, :party, :what, :reasons, :at)""")
                .bind("id", w.statementId()).bind("revision", w.revision().number())
                .bind("proposedBy", w.revision().proposedBy().code()).bind("party", w.party().code())
                .bind("what", w.what().name()).bind("reasons", String.join("\n", w.reasons()))
                .bind("at", Store.utc(w.decidedAt())).execute();
    }

    /** What of one revision did not go where, in the order it was decided. */
    static List<Withheld> withheld(Handle h, String id, RevisionId revision) {
        return h.createQuery("""
                SELECT * FROM statement_withheld WHERE statement_id = :id AND revision = :r AND proposed_by = :by
                ORDER BY decided_at, what, party""")
                .bind("id", id).bind("r", revision.number()).bind("by", revision.proposedBy().code())
                .map((rs, c) -> new Withheld(rs.getString("statement_id"), revision, Party.of(rs.getString("party")),
                        What.valueOf(rs.getString("what")), rs.getString("reasons").lines().toList(),
                        Store.instant(rs, "decided_at"))).list();
    }
}
