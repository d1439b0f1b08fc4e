package trisec.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** The options that describe a label, shared by {@code decide} and {@code label render}. */
final class LabelOptions {
    @Option(names = "--originator", required = true, paramLabel = "P", description = "Originating party (KOR, JPN, USA…).")
    String originator;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "Level in the originator's scheme; canonical name or alias (군사Ⅱ급비밀, 군사2급비밀, …).")
    String level;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Dotted topic, e.g. dprk.missile.")
    String topic;

    @Option(names = "--rel-to", paramLabel = "P,P,…", description = "Releasable To list, e.g. USA,JPN.")
    List<String> relTo = new ArrayList<>();

    @Option(names = "--caveat", paramLabel = "NOFORN|ORCON", description = "Caveat; repeat for several.")
    List<Caveat> caveats = new ArrayList<>();

    ConfidentialityLabel label(Scenario scenario) {
        Party o = scenario.party(originator);
        var lvl = scenario.scheme(o).level(level);
        if (!Topic.isValid(topic)) {
            throw new DomainException("'" + topic + "' is not a topic (dot-separated lower-case words such as dprk.missile)");
        }
        List<Party> rel = new ArrayList<>();
        // Split here rather than in picocli, which drops a trailing empty code ("USA,").
        for (String code : relTo.stream().flatMap(v -> java.util.Arrays.stream(v.split(",", -1))).toList()) {
            if (code.isBlank()) {
                throw new DomainException("--rel-to has an empty party code");
            }
            rel.add(scenario.party(code));
        }
        var set = caveats.isEmpty() ? EnumSet.noneOf(Caveat.class) : EnumSet.copyOf(caveats);
        if (set.contains(Caveat.NOFORN) && !rel.isEmpty()) {
            throw new DomainException("NOFORN and --rel-to exclude each other: NOFORN releases to no foreign party");
        }
        return new ConfidentialityLabel(o, lvl, rel, set, Topic.of(topic), Optional.empty());
    }
}
