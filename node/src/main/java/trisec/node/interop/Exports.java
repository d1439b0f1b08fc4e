package trisec.node.interop;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import trisec.interop.LabelBinding;
import trisec.interop.StixExport;
import trisec.node.base.Json;
import trisec.node.base.Self;
import trisec.node.item.HeldItem;
import trisec.node.item.Holdings;
import trisec.node.item.Items;
import trisec.node.option.OptionDesk;
import trisec.node.person.Account;
import trisec.party.Level;

/**
 * An item this node holds, in the forms other tools read: a STIX 2.1 bundle and the label bound to its payload.
 * Each is answered exactly as reading the item is ({@link Holdings#read}: the access decision on record, granted or
 * not; refused with the policy's reasons, unknown, or retracted), since each carries the whole item.
 */
public final class Exports {
    private final Self self;
    private final Holdings holdings;
    private final ItemKinds kinds;

    public Exports(Self self, Holdings holdings, OptionDesk options) {
        this.self = self;
        this.holdings = holdings;
        this.kinds = new ItemKinds(self, options);
    }

    /**
     * The item as a STIX 2.1 bundle for the person asking: its label's marking carries the national marking of the
     * person's party, this node's, at the level this node holds the item.
     */
    public byte[] stix(Account person, String id) {
        HeldItem held = holdings.read(person, id).held();
        return Json.write(bundle(held, held.heldLevel())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A held item as a bundle for the party whose corresponding level is {@code recipientLevel}. */
    public Map<String, Object> bundle(HeldItem held, Level recipientLevel) {
        var item = held.item();
        String name = self.facts().scenario().member(item.originator()).name();
        return StixExport.bundle(new StixExport.Subject(item, kinds.of(held), holdings.labelledAt(held), name,
                recipientLevel));
    }

    /**
     * What the bundles of many items need from the store, read with one query each: which items are options, and
     * when each reclassified item's label was made.
     */
    public record Batch(Set<String> options, Map<String, Instant> labelledAt) {}

    /** Reads a {@link Batch} on the caller's connection. */
    public static Batch batch(Handle h) {
        return new Batch(OptionDesk.ids(h), Items.labelledAts(h));
    }

    /** What a held item's bundle is made of for that recipient level, as {@link #bundle} makes it, from a batch. */
    public StixExport.Subject subject(HeldItem held, Level recipientLevel, Batch batch) {
        var item = held.item();
        String name = self.facts().scenario().member(item.originator()).name();
        return new StixExport.Subject(item, kinds.of(held, batch.options().contains(held.id())),
                batch.labelledAt().getOrDefault(held.id(), item.createdAt()), name, recipientLevel);
    }

    /** The item's label bound to its body under the originator's seal: the NATO JSON binding. */
    public byte[] binding(Account person, String id) {
        return BindingJson.write(LabelBinding.of(holdings.read(person, id).item()));
    }
}
