package trisec.scenario.file;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * A label read from text: party codes in any case, level aliases, a topic, a releasability list and caveats. The
 * one reading for every edge and every store — the CLI's options, the API's query parameters and bodies, the
 * forms, stored items and partners' payloads — so that they all accept and refuse the same labels, with the same
 * words.
 */
public final class LabelInput {
    private LabelInput() {}

    /** @throws DomainException naming the first input that is wrong */
    public static ConfidentialityLabel parse(Scenario scenario, String originator, String level, String topic,
                                             List<String> relTo, List<String> caveats) {
        if (originator == null || level == null || topic == null) {
            throw new DomainException("originator, level and topic are required");
        }
        Party o = scenario.party(originator);
        var lvl = scenario.scheme(o).level(level);
        if (!Topic.isValid(topic)) {
            throw new DomainException("'" + topic + "' is not a topic (dot-separated lower-case words such as dprk.missile)");
        }
        List<Party> rel = new ArrayList<>();
        for (String code : relTo) {
            if (code == null || code.isBlank()) {
                throw new DomainException("the releasability list has an empty party code");
            }
            rel.add(scenario.party(code));
        }
        var set = EnumSet.noneOf(Caveat.class);
        for (String c : caveats) {
            set.add((c == null ? Optional.<Caveat>empty() : Caveat.parse(c))
                    .orElseThrow(() -> new DomainException("'" + c + "' is not a caveat (NOFORN or ORCON)")));
        }
        if (set.contains(Caveat.NOFORN) && !rel.isEmpty()) {
            throw new DomainException("NOFORN and a releasability list exclude each other: NOFORN releases to no foreign party");
        }
        return new ConfidentialityLabel(o, lvl, rel, set, Topic.of(topic), Optional.empty());
    }

    /** Splits "USA,JPN" lists as typed, keeping empty entries so that they can be refused. */
    public static List<String> split(List<String> values) {
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",", -1))).toList();
    }
}
