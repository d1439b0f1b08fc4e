package trisec.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The releases table. */
public final class Releases {
    private Releases() {}

    public static void insert(Handle h, ReleaseRow r) {
        h.createUpdate("""
                INSERT INTO releases (id, item_id, recipient, route, basis, recipient_level, status, requested_by,
                                      approved_by, requested_at, updated_at, consent_id, origin_party, origin_release,
                                      receipt, refusal)
                VALUES (:id, :item, :recipient, :route, :basis, :level, :status, :requestedBy, :approvedBy,
                        :requestedAt, :updatedAt, :consent, :originParty, :originRelease, :receipt, :refusal)""")
                .bind("id", r.id()).bind("item", r.itemId()).bind("recipient", r.recipient())
                .bind("route", Lists.join(r.route())).bind("basis", Lists.join(r.basis()))
                .bind("level", r.recipientLevel().orElse(null)).bind("status", r.status().name())
                .bind("requestedBy", r.requestedBy().orElse(null)).bind("approvedBy", r.approvedBy().orElse(null))
                .bind("requestedAt", Store.utc(r.requestedAt())).bind("updatedAt", Store.utc(r.updatedAt()))
                .bind("consent", r.consentId().orElse(null)).bind("originParty", r.originParty().orElse(null))
                .bind("originRelease", r.originRelease().orElse(null)).bind("receipt", r.receipt().orElse(null))
                .bind("refusal", r.refusal().orElse(null)).execute();
    }

    public static Optional<ReleaseRow> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM releases WHERE id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    public static Optional<ReleaseRow> lock(Handle h, String id) {
        return h.createQuery("SELECT * FROM releases WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    public static Optional<ReleaseRow> byConsent(Handle h, String consentId) {
        return h.createQuery("SELECT * FROM releases WHERE consent_id = :c").bind("c", consentId)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** The hub's own release serving the originator's release {@code originRelease}. */
    public static Optional<ReleaseRow> byOrigin(Handle h, String originParty, String originRelease) {
        return h.createQuery("SELECT * FROM releases WHERE origin_party = :p AND origin_release = :r")
                .bind("p", originParty).bind("r", originRelease).map((rs, c) -> row(rs)).findOne();
    }

    /**
     * Releases newest first (by request time, then id), {@code limit} of them, those after {@code after} in that
     * order when given (a page's last row: rows inserted or changed meanwhile neither repeat nor hide others), of
     * the given statuses (all when empty).
     */
    public static List<ReleaseRow> page(Handle h, java.util.Set<ReleaseStatus> statuses,
                                        java.util.Optional<ReleaseRow> after, int limit) {
        var where = new java.util.ArrayList<String>();
        if (!statuses.isEmpty()) {
            where.add("status IN (<statuses>)");
        }
        if (after.isPresent()) {
            where.add("(requested_at < :t OR (requested_at = :t AND id > :id))");
        }
        var q = h.createQuery("SELECT * FROM releases" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY requested_at DESC, id LIMIT :n").bind("n", limit);
        after.ifPresent(a -> q.bind("t", Store.utc(a.requestedAt())).bind("id", a.id()));
        if (!statuses.isEmpty()) {
            q.bindList("statuses", statuses.stream().map(ReleaseStatus::name).toList());
        }
        return q.map((rs, c) -> row(rs)).list();
    }

    public static List<ReleaseRow> all(Handle h) {
        return h.createQuery("SELECT * FROM releases ORDER BY requested_at DESC, id").map((rs, c) -> row(rs)).list();
    }

    public static List<ReleaseRow> ofItem(Handle h, String itemId) {
        return h.createQuery("SELECT * FROM releases WHERE item_id = :i ORDER BY requested_at, id").bind("i", itemId)
                .map((rs, c) -> row(rs)).list();
    }

    public static void update(Handle h, String id, ReleaseStatus status, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, updated_at = :at WHERE id = :id")
                .bind("s", status.name()).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    public static void approve(Handle h, String id, String approver, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, approved_by = :a, updated_at = :at WHERE id = :id")
                .bind("s", ReleaseStatus.QUEUED.name()).bind("a", approver).bind("at", Store.utc(at)).bind("id", id)
                .execute();
    }

    /** A permitted release after consent, with the route and basis of the decision made then. */
    public static void redecided(Handle h, String id, ReleaseStatus status, List<String> route, List<String> basis,
                                 Optional<String> level, Instant at) {
        h.createUpdate("""
                UPDATE releases SET status = :s, route = :route, basis = :basis, recipient_level = :level,
                                    updated_at = :at WHERE id = :id""")
                .bind("s", status.name()).bind("route", Lists.join(route)).bind("basis", Lists.join(basis))
                .bind("level", level.orElse(null)).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    public static void delivered(Handle h, String id, ReleaseStatus status, String receipt, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, receipt = :r, updated_at = :at WHERE id = :id")
                .bind("s", status.name()).bind("r", receipt).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    public static void refused(Handle h, String id, String reason, String receipt, Instant at) {
        h.createUpdate("""
                UPDATE releases SET status = :s, refusal = :reason, receipt = :r, updated_at = :at WHERE id = :id""")
                .bind("s", ReleaseStatus.REFUSED.name()).bind("reason", reason).bind("r", receipt)
                .bind("at", Store.utc(at)).bind("id", id).execute();
    }

    private static ReleaseRow row(ResultSet rs) throws SQLException {
        return new ReleaseRow(rs.getString("id"), rs.getString("item_id"), rs.getString("recipient"),
                Lists.split(rs.getString("route")), Lists.split(rs.getString("basis")),
                Optional.ofNullable(rs.getString("recipient_level")), ReleaseStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("requested_by")), Optional.ofNullable(rs.getString("approved_by")),
                Store.instant(rs, "requested_at"), Store.instant(rs, "updated_at"),
                Optional.ofNullable(rs.getString("consent_id")), Optional.ofNullable(rs.getString("origin_party")),
                Optional.ofNullable(rs.getString("origin_release")), Optional.ofNullable(rs.getString("receipt")),
                Optional.ofNullable(rs.getString("refusal")));
    }
}
