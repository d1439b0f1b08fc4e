package trisec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import trisec.node.api.Views;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.AgreementStatus;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.label.Stanag4774;
import trisec.party.Classification;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** {@code trisec label}: render a label every way trisec writes it, or read a banner or 4774 XML back. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Confidentiality labels: ISM banner, national markings, STANAG 4774 XML.",
        subcommands = {LabelCommand.Render.class, LabelCommand.Parse.class})
final class LabelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: render or parse");
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Render a label as an ISM banner, as each party's national marking, and as STANAG 4774 XML.",
                    "A party's marking is the level it would mark the item with if the originator released it",
                    "on the given date; a party that could not receive it is shown with the reason."})
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LabelOptions label;

        @Option(names = "--at", paramLabel = "DATE|INSTANT", description = "Date for the national markings (default: now).")
        String at;

        @Option(names = "--created", paramLabel = "DATE|INSTANT",
                description = "Creation time written in the 4774 label (default: --at).")
        String created;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            Instant when = at == null ? Instant.now() : DateOrInstant.parse(at);
            Instant createdAt = created == null ? when : DateOrInstant.parse(created);
            Scenario scenario = scenarioOption.load();
            ConfidentialityLabel l = label.label(scenario).withCreated(createdAt);
            ReleasePolicy policy = ReleasePolicy.of(scenario);
            Map<String, Object> markings = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            for (Party p : scenario.parties()) {
                if (p.equals(l.originator())) {
                    markings.put(p.code(), marking(NationalMarking.of(l, l.level()), List.of(), null));
                    lines.add(p + "  " + NationalMarking.of(l, l.level()) + "  (originator)");
                    continue;
                }
                ReleaseDecision d = policy.decide(new ReleaseRequest(l, l.originator(), p, when, false));
                Optional<Level> level = d.recipientLevel();
                if (level.isPresent()) {
                    String text = NationalMarking.of(l, level.get());
                    markings.put(p.code(), marking(text, d.basis(), null));
                    lines.add(p + "  " + text + "  (under " + String.join(", ", d.basis()) + ")");
                } else {
                    String why = d.reasons().getFirst().message();
                    markings.put(p.code(), marking(null, List.of(), why));
                    lines.add(p + "  —  not releasable on " + AgreementStatus.format(when) + ": " + why);
                }
            }
            String banner = Banner.render(l);
            String xml = Stanag4774.toXml(l, createdAt);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                var m = new LinkedHashMap<String, Object>();
                m.put("label", Views.label(l));
                m.put("banner", banner);
                m.put("nationalMarkings", markings);
                m.put("stanag4774", xml);
                JsonOutput.print(out, m);
            } else {
                out.println("banner:  " + banner);
                out.println("national markings on " + AgreementStatus.format(when) + ":");
                lines.forEach(s -> out.println("  " + s));
                out.println("STANAG 4774:");
                out.print(xml);
            }
            return 0;
        }

        private static Map<String, Object> marking(String text, List<String> basis, String notReleasable) {
            var m = new LinkedHashMap<String, Object>();
            m.put("marking", text);
            m.put("basis", basis);
            m.put("notReleasable", notReleasable);
            return m;
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Read a banner (SECRET//REL TO USA, JPN, KOR) or a STANAG 4774 XML label back.",
                    "With --originator, a banner's classification is read as that party's national level."})
    static final class Parse implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class Source {
            @Parameters(paramLabel = "BANNER", description = "The banner line; quote it.")
            String banner;

            @Option(names = "--xml", paramLabel = "FILE", description = "A STANAG 4774 XML label file.")
            Path xml;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Option(names = "--originator", paramLabel = "P", description = "Originating party of the banner.")
        String originator;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic, to complete the label (with --originator).")
        String topic;

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            Scenario scenario = scenarioOption.load();
            PrintWriter out = spec.commandLine().getOut();
            if (source.xml != null) {
                if (originator != null || topic != null) {
                    throw new DomainException("an XML label names its own originator and topic; drop --originator and --topic");
                }
                ConfidentialityLabel l = Stanag4774.parse(read(source.xml), scenario::findScheme);
                printLabel(out, l, Banner.render(l));
                return 0;
            }
            Banner banner = Banner.parse(source.banner);
            for (Party p : banner.releasableTo()) {
                scenario.party(p.code());
            }
            if (originator == null) {
                if (topic != null) {
                    throw new DomainException("--topic needs --originator");
                }
                var m = new LinkedHashMap<String, Object>();
                m.put("classification", banner.classification().banner());
                m.put("caveats", banner.caveats().stream().sorted().map(Caveat::name).toList());
                m.put("releasableTo", banner.releasableTo().stream().map(Party::code).toList());
                m.put("banner", banner.toString());
                print(out, m);
                return 0;
            }
            Party o = scenario.party(originator);
            Classification word = banner.classification();
            Level level = scenario.scheme(o).withBanner(word).orElseThrow(() -> new DomainException(
                    o + "'s scheme has no level with banner " + word.banner()));
            if (topic != null && !Topic.isValid(topic)) {
                throw new DomainException("'" + topic + "' is not a topic (dot-separated lower-case words such as dprk.missile)");
            }
            // As in every label, a releasability list includes the originator (docs/SEMANTICS.md).
            if (!banner.releasableTo().isEmpty() && !banner.releasableTo().contains(o)) {
                var rel = new java.util.ArrayList<>(banner.releasableTo());
                rel.add(o);
                banner = new Banner(banner.classification(), banner.caveats(), rel);
            }
            if (topic == null) {
                // A banner carries no topic, so without --topic there is no whole label to show.
                var m = new LinkedHashMap<String, Object>();
                m.put("originator", o.code());
                m.put("level", level.name());
                m.put("releasableTo", banner.releasableTo().stream().map(Party::code).toList());
                m.put("caveats", banner.caveats().stream().sorted().map(Caveat::name).toList());
                m.put("banner", banner.toString());
                print(out, m);
                return 0;
            }
            var l = new ConfidentialityLabel(o, level, banner.releasableTo(), banner.caveats(), Topic.of(topic),
                    Optional.empty());
            printLabel(out, l, banner.toString());
            return 0;
        }

        private void printLabel(PrintWriter out, ConfidentialityLabel l, String banner) {
            var m = Views.label(l);
            m.put("banner", banner);
            print(out, m);
        }

        private void print(PrintWriter out, Map<String, Object> m) {
            if (output.json) {
                JsonOutput.print(out, m);
            } else {
                m.forEach((k, v) -> out.println(k + ": " + (v == null ? "—" : v instanceof List<?> list
                        ? String.join(", ", list.stream().map(Object::toString).toList()) : v)));
            }
        }

        private static String read(Path file) {
            try {
                if (Files.size(file) > 1 << 20) {
                    throw new DomainException(file + " is larger than a label can be (1 MiB)");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DomainException("cannot read " + file + ": " + e.getClass().getSimpleName());
            }
        }
    }
}
