package trisec.scenario.file;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.scenario.Scenario;
import trisec.scenario.file.yaml.YamlNode;
import trisec.scenario.file.yaml.YamlNode.Mapping;
import trisec.scenario.file.yaml.YamlTree;

/**
 * Reads and validates a scenario file. Validation is separate from deciding: this class finds every problem
 * it can, each with its line, and builds a {@link Scenario} only when there is none. The format is described
 * in {@code docs/SCENARIO.md}.
 *
 * <p>The sections are read in an order fixed here, not the file's: parties first, since everything else names
 * them, then agreements, which sites name, then channels and sites. Problems are kept in the order found.
 */
final class ScenarioReader {
    private final ValueReader values = new ValueReader();
    private final PartyReader parties = new PartyReader(values);
    private final AgreementReader agreements = new AgreementReader(values, parties);
    private final ChannelReader channels = new ChannelReader(values, parties);
    private final SiteReader sites = new SiteReader(values, parties, agreements);

    List<Problem> problems() {
        return values.problems();
    }

    /** The scenario, or empty with {@link #problems()} saying why. */
    Optional<Scenario> read(String text) {
        YamlNode root = YamlTree.parse(text, values.problems());
        if (root == null) {
            return Optional.empty();
        }
        Mapping top = values.mapping(root, "a scenario");
        if (top == null) {
            return Optional.empty();
        }
        values.keys(top, "a scenario", Set.of("parties", "agreements", "channels", "sites"), Set.of("parties"));
        values.each(top.get("parties"), "parties", parties::read);
        values.each(top.get("agreements"), "agreements", agreements::read);
        values.each(top.get("channels"), "channels", channels::read);
        values.each(top.get("sites"), "sites", sites::read);
        if (!values.problems().isEmpty()) {
            return Optional.empty();
        }
        var members = parties.members();
        try {
            return Optional.of(new Scenario(members, agreements.all(), channels.all(), sites.all()));
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; say so rather than fail without a line.
            values.problem(1, e.getMessage());
            return Optional.empty();
        }
    }
}
