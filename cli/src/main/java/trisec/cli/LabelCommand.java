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
import trisec.envelope.PublicIdentity;
import trisec.interop.LabelBinding;
import trisec.item.Item;
import trisec.label.Banner;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.label.Stanag4774;
import trisec.node.base.Peers;
import trisec.node.interop.BindingJson;
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
        description = {"Confidentiality labels: ISM banner, national markings, STANAG 4774 XML,",
                "and the label bound to its content as a NATO JSON binding data object."},
        subcommands = {LabelCommand.Render.class, LabelCommand.Parse.class, LabelCommand.Bind.class})
final class LabelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: render, parse or bind");
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
            description = {"Read a banner (SECRET//REL TO USA, JPN, KOR), a STANAG 4774 XML label,",
                    "or a NATO JSON binding data object back.",
                    "With --originator, a banner's classification is read as that party's national level.",
                    "A binding (from GET /api/v1/items/{id}/binding or 'trisec label bind') is read",
                    "with its label and its digest checked against its body; with --keys, the",
                    "originator's seal is checked too: exit 1 when it does not hold."})
    static final class Parse implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class Source {
            @Parameters(paramLabel = "BANNER", description = "The banner line; quote it.")
            String banner;

            @Option(names = "--xml", paramLabel = "FILE", description = "A STANAG 4774 XML label file.")
            Path xml;

            @Option(names = "--binding", paramLabel = "FILE",
                    description = "A NATO JSON binding data object (.bdoj) binding a label to its content.")
            Path binding;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Option(names = "--originator", paramLabel = "P", description = "Originating party of the banner.")
        String originator;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic, to complete the label (with --originator).")
        String topic;

        @Option(names = "--keys", paramLabel = "FILE",
                description = "With --binding: public keys to check the originator's seal with (a peers file, or a "
                        + "'trisec keys export' entry); may be repeated.")
        List<Path> keys = new ArrayList<>();

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            Scenario scenario = scenarioOption.load();
            PrintWriter out = spec.commandLine().getOut();
            if (!keys.isEmpty() && source.binding == null) {
                throw new DomainException("--keys checks a binding's seal; it goes with --binding");
            }
            if (source.binding != null) {
                if (originator != null || topic != null) {
                    throw new DomainException("a binding's label names its own originator and topic; drop "
                            + "--originator and --topic");
                }
                return binding(out, scenario);
            }
            if (source.xml != null) {
                if (originator != null || topic != null) {
                    throw new DomainException("an XML label names its own originator and topic; drop --originator and --topic");
                }
                ConfidentialityLabel l = Stanag4774.parse(LabelCommand.read(source.xml, 1 << 20, "a label can be (1 MiB)"),
                        scenario::findScheme);
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

        /** Reads a binding: its label, its digest against its body, and its seal when keys are given. */
        private int binding(PrintWriter out, Scenario scenario) {
            LabelBinding binding = BindingJson.read(LabelCommand.read(source.binding, 8L << 20,
                    "a binding of an item can be (8 MiB)"));
            Item item = binding.item(scenario::findScheme);
            ConfidentialityLabel l = item.label();
            var m = Views.label(l);
            m.put("banner", Banner.render(l));
            m.put("dataObject", item.id());
            m.put("title", item.title());
            m.put("digest", LabelBinding.DIGEST_ALGORITHM + " " + binding.digest() + " (matches the body)");
            Optional<Boolean> holds = Optional.empty();
            if (binding.seal().isEmpty()) {
                if (!keys.isEmpty()) {
                    throw new DomainException("the binding carries no seal to check: it is unsigned");
                }
                m.put("seal", "none: the binding is unsigned and vouches for nothing");
            } else if (keys.isEmpty()) {
                m.put("seal", "by key " + binding.seal().get().keyId() + ", not checked (give the originator's "
                        + "key with --keys)");
            } else {
                PublicIdentity key = keysGiven().get(l.originator());
                if (key == null) {
                    throw new DomainException("no public key for the originator " + l.originator()
                            + " among --keys: give its peers-file entry");
                }
                holds = Optional.of(BindingJson.sealHolds(item, key));
                m.put("seal", holds.get() ? "holds: " + l.originator() + "'s key " + key.keyId() + " signed this "
                        + "label with this content" : "DOES NOT HOLD under " + l.originator() + "'s key "
                        + key.keyId() + ": the label or the content is not what the originator signed");
            }
            print(out, m);
            return holds.orElse(true) ? 0 : 1;
        }

        private Map<Party, PublicIdentity> keysGiven() {
            var given = new LinkedHashMap<Party, PublicIdentity>();
            for (Path k : keys) {
                Peers.identities(k).forEach((party, identity) -> {
                    var before = given.put(party, identity);
                    if (before != null && !before.keyId().equals(identity.keyId())) {
                        throw new DomainException("two keys are given for " + party + " (" + before.keyId() + " and "
                                + identity.keyId() + ")");
                    }
                });
            }
            return given;
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

    }

    static String read(Path file, long max, String what) {
        try {
            if (Files.size(file) > max) {
                throw new DomainException(file + " is larger than " + what);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DomainException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DomainException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    @Command(name = "bind", mixinStandardHelpOptions = true,
            description = {"Bind a STANAG 4774 label to a content as a NATO JSON binding data object",
                    "(application/vnd.nato.bindingdataobject+json), and print it.",
                    "The binding names the content by its id and its SHA-384 digest.",
                    "It is unsigned: only the originator's node seals an item",
                    "(GET /api/v1/items/{id}/binding gives a sealed one).",
                    "'trisec label parse --binding FILE' reads it back."})
    static final class Bind implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--xml", required = true, paramLabel = "FILE",
                description = "The STANAG 4774 XML label; it must say when the content was created.")
        Path xml;

        @Option(names = "--body", required = true, paramLabel = "FILE", description = "The content, UTF-8 text.")
        Path body;

        @Option(names = "--title", paramLabel = "TEXT", description = "The content's title (default: the file's name).")
        String title;

        @Option(names = "--id", paramLabel = "UUID", description = "The content's id (default: a new random UUID).")
        String id;

        @Mixin
        ScenarioOption scenarioOption;

        @Override
        public Integer call() {
            Scenario scenario = scenarioOption.load();
            ConfidentialityLabel label = Stanag4774.parse(read(xml, 1 << 20, "a label can be (1 MiB)"),
                    scenario::findScheme);
            String content = read(body, trisec.node.item.Holdings.MAX_BODY_BYTES,
                    "an item's content can be (1 MiB)");
            String dataId = id == null ? java.util.UUID.randomUUID().toString() : uuid(id);
            String name = title == null ? body.getFileName().toString() : title;
            if (name.isBlank() || name.length() > 500) {
                throw new DomainException("a title is 1 to 500 characters");
            }
            byte[] doc = BindingJson.write(LabelBinding.unsigned(dataId, label, name, content));
            PrintWriter out = spec.commandLine().getOut();
            out.println(new String(doc, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }

        private static String uuid(String text) {
            try {
                return java.util.UUID.fromString(text).toString();
            } catch (IllegalArgumentException e) {
                throw new DomainException("--id '" + text + "' is not a UUID");
            }
        }
    }
}
