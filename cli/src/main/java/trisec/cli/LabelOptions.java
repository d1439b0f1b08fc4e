package trisec.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.scenario.Scenario;
import trisec.scenario.file.LabelInput;

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
        // Split here rather than in picocli, which drops a trailing empty code ("USA,").
        List<String> codes = LabelInput.split(relTo);
        if (codes.stream().anyMatch(String::isBlank)) {
            throw new DomainException("--rel-to has an empty party code");
        }
        return LabelInput.parse(scenario, originator, level, topic, codes, caveats.stream().map(Enum::name).toList());
    }
}
