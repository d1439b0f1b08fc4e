package trisec.node.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import trisec.item.Consent;
import trisec.node.base.Json;
import trisec.node.consent.ConsentCase.Direction;
import trisec.node.consent.ConsentCase.State;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.store.Store;
import trisec.party.Party;

/** The consents table, read as {@link ConsentCase}s; the originator's proof is stored as it was signed (JSON). */
public final class Consents {
    private Consents() {}

    public static void insert(Handle h, ConsentCase c) {
        Consent k = c.consent();
        h.createUpdate("""
                INSERT INTO consents (id, item_id, originator, holder, recipient, direction, state, requested_at,
                                      decided_at, decided_by, signature)
                VALUES (:id, :item, :originator, :holder, :recipient, :direction, :state, :requested, :decided,
                        :decidedBy, :signature)""")
                .bind("id", k.id()).bind("item", k.itemId()).bind("originator", k.originator().code())
                .bind("holder", k.holder().code()).bind("recipient", k.recipient().code())
                .bind("direction", c.direction().name()).bind("state", c.state().name())
                .bind("requested", Store.utc(c.requestedAt())).bind("decided", Store.utc(c.decidedAt().orElse(null)))
                .bind("decidedBy", c.decidedBy().orElse(null))
                .bind("signature", c.proof().map(Json::write).orElse(null)).execute();
    }

    /** This node, a holder, asks the originator: the request as it waits for the answer. */
    public static ConsentCase ask(Handle h, Consent c, Instant at) {
        var asked = new ConsentCase(c, Direction.OUT, State.PENDING, at, Optional.empty(), Optional.empty(),
                Optional.empty());
        insert(h, asked);
        return asked;
    }

    public static Optional<ConsentCase> byId(Handle h, String id) {
        return h.createQuery("SELECT * FROM consents WHERE id = :id").bind("id", id).map((rs, c) -> read(rs))
                .findOne();
    }

    public static Optional<ConsentCase> lock(Handle h, String id) {
        return h.createQuery("SELECT * FROM consents WHERE id = :id <forUpdate>").bind("id", id)
                .map((rs, c) -> read(rs)).findOne();
    }

    static List<ConsentCase> all(Handle h) {
        return h.createQuery("SELECT * FROM consents ORDER BY requested_at DESC, id").map((rs, c) -> read(rs)).list();
    }

    /** A granted consent of the originator for this item to this recipient, if one is on record here. */
    public static Optional<ConsentCase> granted(Handle h, String itemId, Party recipient) {
        return h.createQuery("""
                SELECT * FROM consents WHERE item_id = :i AND recipient = :r AND state = 'GRANTED'
                ORDER BY decided_at DESC""").bind("i", itemId).bind("r", recipient.code()).map((rs, c) -> read(rs))
                .findFirst();
    }

    /** The recipients this node, as the item's originator, allowed holders to pass it on to, newest first. */
    public static Stream<Party> grantedOnward(Handle h, String itemId) {
        return h.createQuery("""
                SELECT recipient FROM consents WHERE item_id = :i AND direction = 'IN' AND state = 'GRANTED'
                ORDER BY requested_at DESC, id""").bind("i", itemId).mapTo(String.class).list().stream()
                .distinct().map(Party::of);
    }

    /**
     * The decision on a consent: by a person here (the originator's official) or by the originator's party, with
     * the originator's signed proof, or none when the originator's node refused even to take the request.
     */
    public static void decide(Handle h, String id, boolean granted, Instant at, String by,
                              Optional<ConsentProof> proof) {
        h.createUpdate("""
                UPDATE consents SET state = :s, decided_at = :at, decided_by = :by, signature = :sig WHERE id = :id""")
                .bind("s", (granted ? State.GRANTED : State.REFUSED).name()).bind("at", Store.utc(at)).bind("by", by)
                .bind("sig", proof.map(Json::write).orElse(null)).bind("id", id).execute();
    }

    private static ConsentCase read(ResultSet rs) throws SQLException {
        var consent = new Consent(rs.getString("id"), rs.getString("item_id"), Party.of(rs.getString("originator")),
                Party.of(rs.getString("holder")), Party.of(rs.getString("recipient")));
        return new ConsentCase(consent, Direction.valueOf(rs.getString("direction")),
                State.valueOf(rs.getString("state")), Store.instant(rs, "requested_at"),
                Optional.ofNullable(Store.instant(rs, "decided_at")), Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getString("signature")).map(s -> Json.read(s, ConsentProof.class)));
    }
}
