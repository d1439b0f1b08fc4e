package trisec.scenario.file;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.consult.Cadence;
import trisec.consult.Channel;
import trisec.consult.Meeting;
import trisec.party.Party;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;

/** Reads the consultation channels of a scenario file: their cadence, host rotation and meetings on record. */
final class ChannelReader {
    private final ValueReader values;
    private final PartyReader parties;
    private final List<Channel> channels = new ArrayList<>();

    ChannelReader(ValueReader values, PartyReader parties) {
        this.values = values;
        this.parties = parties;
    }

    /** The channels read without a problem, in file order. */
    List<Channel> all() {
        return channels;
    }

    /** Reads one item of {@code channels}. */
    void read(YamlNode node) {
        channel(node).ifPresent(channels::add);
    }

    private Optional<Channel> channel(YamlNode node) {
        Mapping m = values.mapping(node, "a channel");
        if (m == null) {
            return Optional.empty();
        }
        values.keys(m, "a channel", Set.of("id", "name", "cadence", "modelled", "rotation", "rotationPeriod",
                "meetings", "notes"), Set.of("id", "name", "cadence"));
        int before = values.problemCount();
        String id = m.get("id") == null ? null : values.text(m.get("id"), "id");
        String name = m.get("name") == null ? null : values.text(m.get("name"), "name");
        Cadence cadence = m.get("cadence") == null ? null
                : values.enumValue(m.get("cadence"), "cadence", Cadence.class);
        boolean modelled = m.get("modelled") != null && values.bool(m.get("modelled"), "modelled");
        List<Party> rotation = new ArrayList<>();
        if (m.get("rotation") != null) {
            List<YamlNode> rs = values.list(m.get("rotation"), "rotation");
            for (YamlNode r : rs == null ? List.<YamlNode>of() : rs) {
                Party p = parties.reference(r);
                if (p != null) {
                    rotation.add(p);
                }
            }
        }
        Optional<Period> every = m.get("rotationPeriod") == null ? Optional.empty()
                : values.period(m.get("rotationPeriod"), "rotationPeriod");
        List<Meeting> meetings = new ArrayList<>();
        if (m.get("meetings") != null) {
            List<YamlNode> ms = values.list(m.get("meetings"), "meetings");
            for (YamlNode mn : ms == null ? List.<YamlNode>of() : ms) {
                meeting(mn).ifPresent(meetings::add);
            }
        }
        String notes = values.optionalText(m, "notes").orElse("");
        if (values.problemCount() != before) {
            return Optional.empty();
        }
        return Optional.of(new Channel(id, name, cadence, modelled, rotation, every, meetings, notes));
    }

    private Optional<Meeting> meeting(YamlNode node) {
        Mapping m = values.mapping(node, "a meeting");
        if (m == null) {
            return Optional.empty();
        }
        values.keys(m, "a meeting", Set.of("date", "until", "place", "note"), Set.of("date"));
        LocalDate start = m.get("date") == null ? null : values.date(m.get("date"), "date");
        LocalDate end = m.get("until") == null ? start : values.date(m.get("until"), "until");
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (end.isBefore(start)) {
            values.problem(m.get("until"), "a meeting ends on or after the day it starts");
            return Optional.empty();
        }
        return Optional.of(new Meeting(start, end, values.optionalText(m, "place").orElse(""),
                values.optionalText(m, "note").orElse("")));
    }
}
