package trisec.node.consult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.store.Store;
import trisec.party.Party;

/** The tables of joint statements: the statements, every revision held here, and the nodes' signatures. */
final class Statements {
    private Statements() {}

    /** A statement as this node holds it; {@code revision} is the latest revision held, the one that may be signed. */
    record Row(String id, String channel, Optional<String> meeting, Party draftedBy, Instant draftedAt, int revision,
               Optional<Instant> adoptedAt) {}

    /** A revision with who proposed it when; its hash is always computed from the texts held here. */
    record Held(StatementRevision revision, Party proposedBy, Instant proposedAt) {}

    /** A node's signature over a revision's hash (base64), with the key that made it. */
    record Signature(String statementId, int revision, Party party, String hash, String keyId, String signature,
                     Instant signedAt) {}

    static void insert(Handle h, Row r) {
        h.createUpdate("""
                INSERT INTO statements (id, channel, meeting, drafted_by, drafted_at, revision, adopted_at)
                VALUES (:id, :channel, :meeting, :by, :at, :revision, NULL)""")
                .bind("id", r.id()).bind("channel", r.channel()).bind("meeting", r.meeting().orElse(null))
                .bind("by", r.draftedBy().code()).bind("at", Store.utc(r.draftedAt())).bind("revision", r.revision())
                .execute();
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
                Party.of(rs.getString("drafted_by")), Store.instant(rs, "drafted_at"), rs.getInt("revision"),
                Optional.ofNullable(Store.instant(rs, "adopted_at")));
    }

    static void moveTo(Handle h, String id, int revision) {
        h.createUpdate("UPDATE statements SET revision = :r WHERE id = :id AND revision < :r").bind("id", id)
                .bind("r", revision).execute();
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
    static Optional<Held> revision(Handle h, Row s, int revision) {
        return h.createQuery("SELECT * FROM statement_revisions WHERE statement_id = :id AND revision = :r")
                .bind("id", s.id()).bind("r", revision)
                .map((rs, c) -> new Held(new StatementRevision(s.id(), revision, s.channel(), s.meeting(),
                        rs.getString("title"), new StatementTexts(rs.getString("text_ko"), rs.getString("text_ja"),
                        rs.getString("text_en"))), Party.of(rs.getString("proposed_by")),
                        Store.instant(rs, "proposed_at")))
                .findOne();
    }

    /** The numbers of the revisions held here, oldest first. */
    static List<Integer> revisions(Handle h, String id) {
        return h.createQuery("SELECT revision FROM statement_revisions WHERE statement_id = :id ORDER BY revision")
                .bind("id", id).mapTo(Integer.class).list();
    }

    /** @return whether it was new (one per statement, revision and party: a node signs a revision once) */
    static boolean insertSignature(Handle h, Signature s) {
        if (signature(h, s.statementId(), s.revision(), s.party()).isPresent()) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO statement_signatures (statement_id, revision, party, hash, key_id, signature, signed_at)
                VALUES (:id, :revision, :party, :hash, :key, :signature, :at)""")
                .bind("id", s.statementId()).bind("revision", s.revision()).bind("party", s.party().code())
                .bind("hash", s.hash()).bind("key", s.keyId()).bind("signature", s.signature())
                .bind("at", Store.utc(s.signedAt())).execute();
        return true;
    }

    static Optional<Signature> signature(Handle h, String id, int revision, Party party) {
        return h.createQuery("""
                SELECT * FROM statement_signatures WHERE statement_id = :id AND revision = :r AND party = :p""")
                .bind("id", id).bind("r", revision).bind("p", party.code()).map((rs, c) -> signature(rs)).findOne();
    }

    /** The signatures of one revision, in the order they were made. */
    static List<Signature> signatures(Handle h, String id, int revision) {
        return h.createQuery("""
                SELECT * FROM statement_signatures WHERE statement_id = :id AND revision = :r
                ORDER BY signed_at, party""")
                .bind("id", id).bind("r", revision).map((rs, c) -> signature(rs)).list();
    }

    private static Signature signature(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Signature(rs.getString("statement_id"), rs.getInt("revision"), Party.of(rs.getString("party")),
                rs.getString("hash"), rs.getString("key_id"), rs.getString("signature"),
                Store.instant(rs, "signed_at"));
    }
}
