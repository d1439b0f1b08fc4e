package trisec.node.item;

import java.time.Instant;
import java.util.List;
import trisec.DomainException;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.ConfidentialityLabel;
import trisec.node.federation.Messages.ItemData;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.LabelInput;

/**
 * An item's three forms and the ways between them: the domain's {@link Item} (and this node's {@link HeldItem}),
 * the stored {@link ItemRow}, and the {@link ItemData} of partners' messages, which is also what the originator
 * signs. Labels are read the one way ({@link LabelInput}).
 */
public final class Labels {
    private Labels() {}

    /**
     * A stored item as this node holds it.
     *
     * @param own this party's scheme, which its marking of the item is in
     * @throws DomainException when the stored label names what the agreements no longer know
     */
    public static HeldItem held(ItemRow r, Scenario scenario, ClassificationScheme own) {
        Item item = new Item(r.id(), of(r, scenario), r.title(), r.body(), new Seal(r.originKey(),
                r.originSignature()));
        return new HeldItem(item, own.level(r.heldLevel()), r.receivedFrom().map(Party::of), r.receivedAt(),
                r.retracted(), r.createdBy());
    }

    /** A held item as it is stored. */
    public static ItemRow row(HeldItem h) {
        Item i = h.item();
        ItemData d = data(i);
        return new ItemRow(i.id(), d.originator(), d.level(), d.relTo(), d.caveats(), d.topic(), i.createdAt(),
                i.title(), i.body(), h.heldLevel().name(), i.seal().keyId(), i.seal().signature(),
                h.receivedFrom().map(Party::code), h.receivedAt(), h.retracted() ? ItemRow.RETRACTED : ItemRow.ACTIVE,
                h.createdBy());
    }

    /** A partner's item as the domain's, with its label as {@link #of(ItemData, Scenario)} read it. */
    public static Item item(ItemData d, ConfidentialityLabel label) {
        return new Item(d.id(), label, d.title(), d.body(), new Seal(d.originKey(), d.originSignature()));
    }

    /** An item as messages carry it and as its originator signs it. */
    public static ItemData data(Item i) {
        ConfidentialityLabel l = i.label();
        return new ItemData(i.id(), l.originator().code(), l.level().name(), codes(l.releasableTo()),
                l.caveatsInOrder().stream().map(Enum::name).toList(), l.topic().path(), i.createdAt().toString(),
                i.title(), i.body(), i.seal().keyId(), i.seal().signature());
    }

    static ConfidentialityLabel of(ItemRow i, Scenario scenario) {
        return label(i.originator(), i.level(), i.relTo(), i.caveats(), i.topic(), i.createdAt(), scenario);
    }

    /** @throws DomainException when a partner's payload names parties, levels or topics this node does not know */
    public static ConfidentialityLabel of(ItemData i, Scenario scenario) {
        try {
            return label(i.originator(), i.level(), i.relTo(), i.caveats(), i.topic(), Instant.parse(i.createdAt()),
                    scenario);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new DomainException("the item's label is incomplete or malformed");
        }
    }

    private static ConfidentialityLabel label(String originator, String level, List<String> relTo,
                                              List<String> caveats, String topic, Instant created, Scenario scenario) {
        try {
            return LabelInput.parse(scenario, originator, level, topic, relTo, caveats).withCreated(created);
        } catch (IllegalArgumentException e) {
            throw new DomainException(e.getMessage());
        }
    }

    public static List<String> codes(List<Party> parties) {
        return parties.stream().map(Party::code).toList();
    }

}
