package trisec.node.consult;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.node.base.Json;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * The consultation tables: consultations (and their closing), acknowledgements, the latest draft of each party, the
 * response actions with their proposer's signed original, and what the release policy kept from a party. A draft or
 * an action is replaced only by a later one, so steps may arrive in any order.
 */
final class Consultations {
    private Consultations() {}

    record Row(String id, String agreementId, Party opener, String subjectItem, Instant openedAt,
               ConsultationOpened opening, Optional<Closed> closed) {}

    /** Closed by its opener: when (the opener's clock), by whom, and the one-line outcome, if any. */
    record Closed(Instant at, String by, Optional<String> outcome) {}

    /** A step of this party the release policy kept from a party: nothing went to it. */
    record Withheld(Party party, String step, String stepId, Instant at, List<String> reasons) {}

    record Ack(Party party, Instant at) {}

    record Draft(Party party, String text, Instant at) {}

    record Action(String id, Party proposer, String title, Party owner, String due, String status, Instant at) {
        /** Whether it is the same action as {@code o}, whatever the status: proposer, title, owner and due date. */
        boolean sameAs(Action o) {
            return proposer.equals(o.proposer) && title.equals(o.title) && owner.equals(o.owner) && due.equals(o.due);
        }
    }

    /** @return whether it was new */
    static boolean insert(Handle h, ConsultationOpened o) {
        if (byId(h, o.consultationId()).isPresent()) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO consultations (id, agreement_id, opener, subject_item, opened_at, opening)
                VALUES (:id, :a, :o, :s, :at, :opening)""")
                .bind("id", o.consultationId()).bind("a", o.agreementId()).bind("o", o.opener())
                .bind("s", o.subjectItem()).bind("at", Store.utc(Instant.parse(o.openedAt())))
                .bind("opening", Json.write(o)).execute();
        return true;
    }

    static Optional<Row> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM consultations WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    static List<Row> all(Handle h) {
        return h.createQuery("SELECT * FROM consultations ORDER BY opened_at DESC, id").map((rs, c) -> row(rs)).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant closedAt = Store.instant(rs, "closed_at");
        return new Row(rs.getString("id"), rs.getString("agreement_id"), Party.of(rs.getString("opener")),
                rs.getString("subject_item"), Store.instant(rs, "opened_at"),
                Json.read(rs.getString("opening"), ConsultationOpened.class),
                closedAt == null ? Optional.empty() : Optional.of(new Closed(closedAt, rs.getString("closed_by"),
                        Optional.ofNullable(rs.getString("outcome")))));
    }

    /** @return whether it was closed now (a consultation is closed once) */
    static boolean close(Handle h, String id, Instant at, String by, Optional<String> outcome) {
        return h.createUpdate("""
                UPDATE consultations SET closed_at = :at, closed_by = :by, outcome = :o
                WHERE id = :id AND closed_at IS NULL""")
                .bind("id", id).bind("at", Store.utc(at)).bind("by", by).bind("o", outcome.orElse(null))
                .execute() == 1;
    }

    /** The open consultations another party opened that {@code party} has not acknowledged, oldest first. */
    static List<Row> awaiting(Handle h, Party party) {
        return h.createQuery("""
                SELECT * FROM consultations c WHERE c.opener <> :p AND c.closed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM consultation_acks a WHERE a.consultation_id = c.id AND a.party = :p)
                ORDER BY c.opened_at, c.id""").bind("p", party.code()).map((rs, c) -> row(rs)).list();
    }

    /**
     * A step kept from a party. An action's steps share the action's id (its status changes replace one another), so
     * the latest withholding of an action stands for them all.
     */
    static void withhold(Handle h, String id, Withheld w) {
        h.createUpdate("""
                INSERT INTO consultation_withheld (consultation_id, party, step, step_id, withheld_at, reasons)
                VALUES (:id, :p, :s, :sid, :at, :r)
                ON CONFLICT (consultation_id, party, step_id)
                DO UPDATE SET step = excluded.step, withheld_at = excluded.withheld_at, reasons = excluded.reasons""")
                .bind("id", id).bind("p", w.party().code()).bind("s", w.step()).bind("sid", w.stepId())
                .bind("at", Store.utc(w.at())).bind("r", Json.write(w.reasons())).execute();
    }

    static List<Withheld> withheld(Handle h, String id) {
        return h.createQuery("""
                SELECT * FROM consultation_withheld WHERE consultation_id = :id ORDER BY withheld_at, step_id""")
                .bind("id", id).map((rs, c) -> new Withheld(Party.of(rs.getString("party")), rs.getString("step"),
                        rs.getString("step_id"), Store.instant(rs, "withheld_at"),
                        List.of(Json.read(rs.getString("reasons"), String[].class)))).list();
    }

    /** @return whether it was new (one acknowledgement per party) */
    static boolean acknowledge(Handle h, String id, Party party, Instant at) {
        boolean known = h.createQuery("""
                SELECT COUNT(*) FROM consultation_acks WHERE consultation_id = :id AND party = :p""")
                .bind("id", id).bind("p", party.code()).mapTo(Long.class).one() > 0;
        if (known) {
            return false;
        }
        h.createUpdate("""
                INSERT INTO consultation_acks (consultation_id, party, acknowledged_at) VALUES (:id, :p, :at)""")
                .bind("id", id).bind("p", party.code()).bind("at", Store.utc(at)).execute();
        return true;
    }

    static List<Ack> acks(Handle h, String id) {
        return h.createQuery("SELECT * FROM consultation_acks WHERE consultation_id = :id ORDER BY acknowledged_at")
                .bind("id", id).map((rs, c) -> new Ack(Party.of(rs.getString("party")),
                        Store.instant(rs, "acknowledged_at"))).list();
    }

    /** @return whether it is now the party's draft (an earlier draft than the one kept is ignored) */
    static boolean draft(Handle h, String id, Party party, String text, Instant at) {
        var kept = h.createQuery("SELECT * FROM consultation_drafts WHERE consultation_id = :id AND party = :p")
                .bind("id", id).bind("p", party.code()).map((rs, c) -> Store.instant(rs, "drafted_at")).findOne();
        if (kept.isPresent() && !at.isAfter(kept.get())) {
            return false;
        }
        if (kept.isPresent()) {
            h.createUpdate("""
                    UPDATE consultation_drafts SET text = :t, drafted_at = :at WHERE consultation_id = :id AND party = :p""")
                    .bind("id", id).bind("p", party.code()).bind("t", text).bind("at", Store.utc(at)).execute();
        } else {
            h.createUpdate("""
                    INSERT INTO consultation_drafts (consultation_id, party, text, drafted_at) VALUES (:id, :p, :t, :at)""")
                    .bind("id", id).bind("p", party.code()).bind("t", text).bind("at", Store.utc(at)).execute();
        }
        return true;
    }

    static List<Draft> drafts(Handle h, String id) {
        return h.createQuery("SELECT * FROM consultation_drafts WHERE consultation_id = :id ORDER BY party")
                .bind("id", id).map((rs, c) -> new Draft(Party.of(rs.getString("party")), rs.getString("text"),
                        Store.instant(rs, "drafted_at"))).list();
    }

    /**
     * Records an action's state; a new action keeps {@code origin}, its proposer's signed step, when one is given.
     * Its proposer, title, owner and due date never change: the caller refuses a step that differs from them.
     *
     * @return whether it is now the action's state (an earlier state than the one kept is ignored)
     */
    static boolean action(Handle h, String consultationId, Action a, Optional<ConsultationStep> origin) {
        var kept = action(h, a.id());
        if (kept.isPresent() && (!kept.get().consultation().equals(consultationId) || !a.at().isAfter(kept.get().a().at()))) {
            return false;
        }
        if (kept.isPresent()) {
            h.createUpdate("""
                    UPDATE consultation_actions SET status = :s, updated_at = :at, origin = COALESCE(origin, :origin)
                    WHERE id = :id""")
                    .bind("id", a.id()).bind("s", a.status()).bind("at", Store.utc(a.at()))
                    .bind("origin", origin.map(Json::write).orElse(null)).execute();
        } else {
            h.createUpdate("""
                    INSERT INTO consultation_actions (id, consultation_id, proposer, title, owner, due, status, updated_at,
                        origin)
                    VALUES (:id, :c, :p, :t, :o, :d, :s, :at, :origin)""")
                    .bind("id", a.id()).bind("c", consultationId).bind("p", a.proposer().code()).bind("t", a.title())
                    .bind("o", a.owner().code()).bind("d", a.due()).bind("s", a.status()).bind("at", Store.utc(a.at()))
                    .bind("origin", origin.map(Json::write).orElse(null)).execute();
        }
        return true;
    }

    /** An action as kept here: its consultation, its state, and its proposer's signed original if known. */
    record Kept(String consultation, Action a, Optional<ConsultationStep> origin) {}

    static Optional<Kept> action(Handle h, String actionId) {
        return h.createQuery("SELECT * FROM consultation_actions WHERE id = :id").bind("id", actionId)
                .map((rs, c) -> new Kept(rs.getString("consultation_id"), action(rs),
                        Optional.ofNullable(rs.getString("origin")).map(o -> Json.read(o, ConsultationStep.class))))
                .findOne();
    }

    static List<Action> actions(Handle h, String id) {
        return h.createQuery("SELECT * FROM consultation_actions WHERE consultation_id = :id ORDER BY due, id")
                .bind("id", id).map((rs, c) -> action(rs)).list();
    }

    private static Action action(ResultSet rs) throws SQLException {
        return new Action(rs.getString("id"), Party.of(rs.getString("proposer")), rs.getString("title"),
                Party.of(rs.getString("owner")), rs.getString("due"), rs.getString("status"),
                Store.instant(rs, "updated_at"));
    }
}
