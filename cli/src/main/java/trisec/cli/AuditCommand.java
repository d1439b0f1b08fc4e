package trisec.cli;

import trisec.node.base.Peer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DomainException;
import trisec.envelope.NodeKeys;
import trisec.node.Node;
import trisec.node.log.OfflineVerification;
import trisec.node.log.RemoteVerification;
import trisec.node.keys.NodeKeyFiles;
import trisec.node.store.Store;
import trisec.party.Party;

/** {@code trisec audit}: check a node's tamper-evident log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "A node's tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a node's log. With --data: recompute the whole log offline from the node's store and",
                    "check every checkpoint it signed. With --url: check the checkpoint a live node serves against the",
                    "one seen last time (kept in --state) and the inclusion of a sample of entries. With --checkpoint,",
                    "either way, also against checkpoints of the log held elsewhere (as the partners cosigned them):",
                    "a log smaller than one of them was rolled back or truncated.",
                    "Exit 0 when it verifies, 1 when it does not, 2 for bad input."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class Offline {
            @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data directory.")
            Path data;

            @Option(names = "--party", required = true, paramLabel = "P", description = "Whose node it is.")
            String party;

            @Option(names = "--db", paramLabel = "JDBC_URL", description = "The node's database, if not the embedded one.")
            String db;
        }

        static final class Online {
            @Option(names = "--url", required = true, paramLabel = "URL", description = "The node, e.g. http://127.0.0.1:8081.")
            URI url;

            @Option(names = "--token", required = true, paramLabel = "TOKEN",
                    description = "A bearer token of the node's admin or auditor.")
            String token;

            @Option(names = "--state", paramLabel = "FILE",
                    description = "Where the node's keys and last checkpoint are remembered (default: ~/.trisec/audit-HOST-PORT.json).")
            Path state;

            @Option(names = "--samples", defaultValue = "32", paramLabel = "N", description = "Entries to check (default 32).")
            int samples;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        static final class Where {
            @ArgGroup(exclusive = false)
            Offline offline;

            @ArgGroup(exclusive = false)
            Online online;
        }

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A checkpoint of this node's log as its partners cosigned it (saved from /log/checkpoint"
                        + " or taken from a witness); may be repeated.")
        List<Path> checkpoints = new ArrayList<>();

        @Mixin
        JsonOption output;

        /** The checkpoint files' texts; a checkpoint note is a few KiB, so anything over 64 KiB is not one. */
        private List<String> checkpointNotes() {
            List<String> notes = new ArrayList<>();
            checkpoints.forEach(f -> notes.add(readNote(f)));
            return notes;
        }

        private static String readNote(Path f) {
            try {
                if (!java.nio.file.Files.isRegularFile(f)) {
                    throw new DomainException("no checkpoint file at '" + f + "'");
                }
                if (java.nio.file.Files.size(f) > 64 * 1024) {
                    throw new DomainException(f + " is too large to be a checkpoint");
                }
                return java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new DomainException(f + " is not UTF-8 text");
            } catch (java.io.IOException e) {
                throw new DomainException("cannot read " + f + ": " + e.getMessage());
            }
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (where.offline != null) {
                return offline(out, where.offline);
            }
            return online(out, where.online);
        }

        private int offline(PrintWriter out, Offline o) {
            String code = o.party.strip().toUpperCase(java.util.Locale.ROOT);
            if (!Party.isCode(code)) {
                throw new DomainException("'" + o.party + "' is not a party code such as KOR");
            }
            if (!java.nio.file.Files.isDirectory(o.data.resolve("keys"))) {
                throw new DomainException("no node keys in " + o.data + " (expected " + o.data.resolve("keys") + ")");
            }
            NodeKeys keys = NodeKeyFiles.load(o.data.resolve("keys"), Party.of(code));
            var logKey = Node.logKeys(o.data).getPublic();
            List<String> notes = checkpointNotes();
            // The node keeps the last checkpoint it published beside its store: that is held elsewhere too.
            Path published = o.data.resolve("log").resolve("checkpoint");
            if (java.nio.file.Files.isRegularFile(published)) {
                notes.add(readNote(published));
            }
            var witnessed = trisec.node.log.Witnessed.read(notes, keys.identity(), logKey);
            try (Store store = o.db == null ? Store.embedded(o.data) : Store.open(o.db)) {
                var report = OfflineVerification.verify(store, keys.identity(), logKey, witnessed);
                if (output.json) {
                    var m = new java.util.LinkedHashMap<String, Object>();
                    m.put("verified", report.ok());
                    m.put("entries", report.entries());
                    m.put("tiles", report.tiles());
                    m.put("checkpoints", report.checkpoints());
                    m.put("problem", report.problem().orElse(null));
                    JsonOutput.print(out, m);
                } else if (report.ok()) {
                    out.printf("verified: %d entries, %d tiles, %d checkpoints of %s%n", report.entries(),
                            report.tiles(), report.checkpoints(), Peer.logOrigin(keys.identity()));
                } else {
                    out.println("FAILED: " + report.problem().get());
                }
                return report.ok() ? 0 : 1;
            }
        }

        private int online(PrintWriter out, Online o) {
            if (o.url.getScheme() == null || o.url.getHost() == null) {
                throw new DomainException("'" + o.url + "' is not a URL such as http://127.0.0.1:8081");
            }
            if (o.samples < 1 || o.samples > 10_000) {
                throw new DomainException("--samples is between 1 and 10000");
            }
            Path state = Optional.ofNullable(o.state).orElseGet(() -> Path.of(System.getProperty("user.home"), ".trisec",
                    "audit-" + o.url.getHost() + "-" + o.url.getPort() + ".json"));
            RemoteVerification.Report report;
            try {
                report = new RemoteVerification(o.url, o.token, state).verify(o.samples, System.nanoTime(),
                        checkpointNotes());
            } catch (DomainException e) {
                if (e.getMessage().startsWith("cannot reach")) {
                    throw e;
                }
                if (output.json) {
                    JsonOutput.print(out, java.util.Map.of("verified", false, "problem", e.getMessage()));
                } else {
                    out.println("FAILED: " + e.getMessage());
                }
                return 1;
            }
            if (output.json) {
                var m = new java.util.LinkedHashMap<String, Object>();
                m.put("verified", true);
                m.put("origin", report.origin());
                m.put("size", report.size());
                m.put("previousSize", report.previousSize());
                m.put("sampled", report.sampled());
                m.put("checked", report.checked());
                JsonOutput.print(out, m);
            } else {
                out.println("verified: " + report.origin());
                report.checked().forEach(c -> out.println("  - " + c));
            }
            return 0;
        }
    }
}
