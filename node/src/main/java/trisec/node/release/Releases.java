package trisec.node.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import trisec.item.Release;
import trisec.node.store.Lists;
import trisec.node.store.Store;
import trisec.party.Level;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * The releases table, read as {@link TrackedRelease}s. Parties are stored by code and the recipient's level by
 * name, so reading one takes the scenario whose schemes name the levels.
 */
public final class Releases {
    private Releases() {}

    static void insert(Handle h, TrackedRelease t) {
        Release r = t.release();
        h.createUpdate("""
                INSERT INTO releases (id, item_id, recipient, route, basis, recipient_level, status, requested_by,
                                      approved_by, requested_at, updated_at, consent_id, origin_party, origin_release,
                                      receipt, refusal, authority_id)
                VALUES (:id, :item, :recipient, :route, :basis, :level, :status, :requestedBy, :approvedBy,
                        :requestedAt, :updatedAt, :consent, :originParty, :originRelease, :receipt, :refusal,
                        :authority)""")
                .bind("id", r.id()).bind("item", r.itemId()).bind("recipient", r.recipient().code())
                .bind("route", Lists.join(codes(r.route()))).bind("basis", Lists.join(r.basis()))
                .bind("level", r.recipientLevel().map(Level::name).orElse(null)).bind("status", t.status().name())
                .bind("requestedBy", t.requestedBy().orElse(null)).bind("approvedBy", t.approvedBy().orElse(null))
                .bind("requestedAt", Store.utc(t.requestedAt())).bind("updatedAt", Store.utc(t.updatedAt()))
                .bind("consent", t.consentId().orElse(null))
                .bind("originParty", t.origin().map(o -> o.party().code()).orElse(null))
                .bind("originRelease", t.origin().map(TrackedRelease.Origin::releaseId).orElse(null))
                .bind("receipt", t.receipt().orElse(null)).bind("refusal", t.refusal().orElse(null))
                .bind("authority", t.authority().orElse(null)).execute();
    }

    static Optional<TrackedRelease> byId(Handle h, Scenario s, String id) {
        return h.createQuery("SELECT * FROM releases WHERE id = :id").bind("id", id).map((rs, c) -> read(rs, s))
                .findOne();
    }

    static Optional<TrackedRelease> lock(Handle h, Scenario s, String id) {
        return h.createQuery("SELECT * FROM releases WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, c) -> read(rs, s)).findOne();
    }

    static Optional<TrackedRelease> byConsent(Handle h, Scenario s, String consentId) {
        return h.createQuery("SELECT * FROM releases WHERE consent_id = :c").bind("c", consentId)
                .map((rs, c) -> read(rs, s)).findOne();
    }

    /** The hub's own release serving the originator's release {@code originRelease}. */
    static Optional<TrackedRelease> byOrigin(Handle h, Scenario s, Party originParty, String originRelease) {
        return h.createQuery("SELECT * FROM releases WHERE origin_party = :p AND origin_release = :r")
                .bind("p", originParty.code()).bind("r", originRelease).map((rs, c) -> read(rs, s)).findOne();
    }

    /**
     * Releases newest first (by request time, then id), {@code limit} of them, those after {@code after} in that
     * order when given (a page's last row: rows inserted or changed meanwhile neither repeat nor hide others), of
     * the given statuses (all when empty).
     */
    static List<TrackedRelease> page(Handle h, Scenario s, Set<ReleaseStatus> statuses,
                                     Optional<TrackedRelease> after, int limit) {
        var where = new ArrayList<String>();
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
        return q.map((rs, c) -> read(rs, s)).list();
    }

    public static List<TrackedRelease> all(Handle h, Scenario s) {
        return h.createQuery("SELECT * FROM releases ORDER BY requested_at DESC, id").map((rs, c) -> read(rs, s))
                .list();
    }

    /** The releases requested at or after {@code from}, newest first (by request time, then id). */
    public static List<TrackedRelease> since(Handle h, Scenario s, Instant from) {
        return h.createQuery("SELECT * FROM releases WHERE requested_at >= :t ORDER BY requested_at DESC, id")
                .bind("t", Store.utc(from)).map((rs, c) -> read(rs, s)).list();
    }

    /** The releases delivered to {@code party}, newest first (by request time, then id). */
    public static List<TrackedRelease> deliveredTo(Handle h, Scenario s, Party party) {
        return h.createQuery(
                        "SELECT * FROM releases WHERE recipient = :p AND status = :st ORDER BY requested_at DESC, id")
                .bind("p", party.code()).bind("st", ReleaseStatus.DELIVERED.name()).map((rs, c) -> read(rs, s)).list();
    }

    public static List<TrackedRelease> ofItem(Handle h, Scenario s, String itemId) {
        return h.createQuery("SELECT * FROM releases WHERE item_id = :i ORDER BY requested_at, id").bind("i", itemId)
                .map((rs, c) -> read(rs, s)).list();
    }

    /** The routes of the item's releases in the given statuses, in the order they were requested. */
    static List<List<Party>> routes(Handle h, String itemId, Set<ReleaseStatus> statuses) {
        return h.createQuery("""
                SELECT route FROM releases WHERE item_id = :i AND status IN (<statuses>) ORDER BY requested_at, id""")
                .bind("i", itemId).bindList("statuses", statuses.stream().map(ReleaseStatus::name).toList())
                .mapTo(String.class).stream()
                .map(route -> Lists.split(route).stream().map(Party::of).toList()).toList();
    }

    static void update(Handle h, String id, ReleaseStatus status, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, updated_at = :at WHERE id = :id")
                .bind("s", status.name()).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    static void approve(Handle h, String id, String approver, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, approved_by = :a, updated_at = :at WHERE id = :id")
                .bind("s", ReleaseStatus.QUEUED.name()).bind("a", approver).bind("at", Store.utc(at)).bind("id", id)
                .execute();
    }

    /** A permitted release after consent, with the route, basis and recipient level of the decision made then. */
    static void redecided(Handle h, Release r, ReleaseStatus status, Instant at) {
        h.createUpdate("""
                UPDATE releases SET status = :s, route = :route, basis = :basis, recipient_level = :level,
                                    updated_at = :at WHERE id = :id""")
                .bind("s", status.name()).bind("route", Lists.join(codes(r.route())))
                .bind("basis", Lists.join(r.basis())).bind("level", r.recipientLevel().map(Level::name).orElse(null))
                .bind("at", Store.utc(at)).bind("id", r.id()).execute();
    }

    static void delivered(Handle h, String id, ReleaseStatus status, String receipt, Instant at) {
        h.createUpdate("UPDATE releases SET status = :s, receipt = :r, updated_at = :at WHERE id = :id")
                .bind("s", status.name()).bind("r", receipt).bind("at", Store.utc(at)).bind("id", id).execute();
    }

    static void refused(Handle h, String id, String reason, String receipt, Instant at) {
        h.createUpdate("""
                UPDATE releases SET status = :s, refusal = :reason, receipt = :r, updated_at = :at WHERE id = :id""")
                .bind("s", ReleaseStatus.REFUSED.name()).bind("reason", reason).bind("r", receipt)
                .bind("at", Store.utc(at)).bind("id", id).execute();
    }

    private static List<String> codes(List<Party> parties) {
        return parties.stream().map(Party::code).toList();
    }

    private static TrackedRelease read(ResultSet rs, Scenario s) throws SQLException {
        List<Party> route = Lists.split(rs.getString("route")).stream().map(Party::of).toList();
        Optional<Level> level = Optional.ofNullable(rs.getString("recipient_level"))
                .map(name -> s.scheme(route.getLast()).level(name));
        var release = new Release(rs.getString("id"), rs.getString("item_id"), route,
                Lists.split(rs.getString("basis")), level);
        String originRelease = rs.getString("origin_release");
        Optional<TrackedRelease.Origin> origin = Optional.ofNullable(rs.getString("origin_party"))
                .map(p -> new TrackedRelease.Origin(Party.of(p), originRelease));
        return new TrackedRelease(release, ReleaseStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("requested_by")), Optional.ofNullable(rs.getString("approved_by")),
                Store.instant(rs, "requested_at"), Store.instant(rs, "updated_at"),
                Optional.ofNullable(rs.getString("consent_id")), origin, Optional.ofNullable(rs.getString("receipt")),
                Optional.ofNullable(rs.getString("refusal")), Optional.ofNullable(rs.getString("authority_id")));
    }
}
