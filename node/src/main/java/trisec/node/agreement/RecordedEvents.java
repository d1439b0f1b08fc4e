package trisec.node.agreement;

import trisec.node.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.agreement.LifecycleEvent;
import trisec.node.base.Facts;
import trisec.party.Party;

/** Agreement events recorded at this node after the scenario was written, in the order they were recorded. */
public final class RecordedEvents {
    private RecordedEvents() {}

    public record Row(String id, String agreementId, String type, Instant at, Optional<String> by,
                      Optional<Instant> effective, String note, String origin, Instant recordedAt, String recordedBy) {
        public LifecycleEvent event() {
            return LifecycleEvent.of(LifecycleEvent.EventType.valueOf(type), at, by.map(Party::of), note, effective);
        }
    }

    /** Replays the events recorded here onto the facts at start-up, in the order they were recorded. */
    public static void replay(Handle h, Facts facts) {
        for (Row r : all(h)) {
            facts.record(r.agreementId(), r.event());
        }
    }

    public static void insert(Handle h, Row r) {
        h.createUpdate("""
                INSERT INTO agreement_events (id, agreement_id, type, at, by_party, effective, note, origin,
                                              recorded_at, recorded_by)
                VALUES (:id, :a, :type, :at, :by, :effective, :note, :origin, :recordedAt, :recordedBy)""")
                .bind("id", r.id()).bind("a", r.agreementId()).bind("type", r.type()).bind("at", Store.utc(r.at()))
                .bind("by", r.by().orElse(null)).bind("effective", Store.utc(r.effective().orElse(null)))
                .bind("note", r.note()).bind("origin", r.origin()).bind("recordedAt", Store.utc(r.recordedAt()))
                .bind("recordedBy", r.recordedBy()).execute();
    }

    public static boolean exists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM agreement_events WHERE id = :id").bind("id", id)
                .mapTo(Long.class).one() > 0;
    }

    public static List<Row> all(Handle h) {
        return h.createQuery("SELECT * FROM agreement_events ORDER BY seq").map((rs, c) -> new Row(rs.getString("id"),
                rs.getString("agreement_id"), rs.getString("type"), Store.instant(rs, "at"),
                Optional.ofNullable(rs.getString("by_party")), Optional.ofNullable(Store.instant(rs, "effective")),
                rs.getString("note"), rs.getString("origin"), Store.instant(rs, "recorded_at"),
                rs.getString("recorded_by"))).list();
    }
}
