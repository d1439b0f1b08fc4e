package trisec.node.item;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.node.federation.Messages.ItemData;
import trisec.node.store.ItemRow;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** Between stored items, federation payloads and the domain's labels. */
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
        Party o = scenario.party(originator);
        var rel = relTo.stream().map(scenario::party).toList();
        var set = EnumSet.noneOf(Caveat.class);
        for (String c : caveats) {
            set.add(Caveat.parse(c).orElseThrow(() -> new DomainException("unknown caveat '" + c + "'")));
        }
        if (!Topic.isValid(topic)) {
            throw new DomainException("'" + topic + "' is not a topic");
        }
        try {
            return new ConfidentialityLabel(o, scenario.scheme(o).level(level), rel, set, Topic.of(topic),
                    Optional.of(created));
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
