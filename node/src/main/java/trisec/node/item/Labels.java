package trisec.node.item;

import java.time.Instant;
import java.util.List;
import trisec.DomainException;
import trisec.label.ConfidentialityLabel;
import trisec.node.federation.Messages.ItemData;
import trisec.node.item.ItemRow;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.LabelInput;

/** Between stored items, federation payloads and the domain's labels, read the one way ({@link LabelInput}). */
public final class Labels {
    private Labels() {}

    public static ConfidentialityLabel of(ItemRow i, Scenario scenario) {
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

    public static ItemData data(ItemRow i) {
        return new ItemData(i.id(), i.originator(), i.level(), i.relTo(), i.caveats(), i.topic(),
                i.createdAt().toString(), i.title(), i.body(), i.originKey(), i.originSignature());
    }

    public static List<String> codes(List<Party> parties) {
        return parties.stream().map(Party::code).toList();
    }
}
