package trisec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DomainException;
import trisec.envelope.PublicIdentity;
import trisec.node.base.Json;
import trisec.node.base.Peers;
import trisec.node.consult.StatementDocument;
import trisec.party.Party;

/** {@code trisec statement}: joint statements, checked offline. */
@Command(name = "statement", mixinStandardHelpOptions = true, description = "Joint statements, offline.",
        subcommands = {StatementCommand.Verify.class})
final class StatementCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }

    /**
     * {@code trisec statement verify FILE}: the document a node exports once a statement is adopted
     * ({@code GET /api/v1/statements/{id}/document}), checked against the parties' public keys: its hash recomputed
     * from its content, and every party's signature over that hash under that party's key. The document names each
     * key by its id only, so the keys come from the caller, who trusts them (a peers file, {@code trisec keys
     * export}); a document cannot vouch for its own keys.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check an adopted joint statement's signed document offline: its hash is",
                    "recomputed from its texts, and each party of the scenario must have signed that",
                    "hash with the key --keys gives for it (a peers file, or an entry as 'trisec keys",
                    "export' prints it; repeat for more). The signatures cover the statement's id,",
                    "revision, channel, meeting, title and texts; adoptedAt and signedAt are not signed.",
                    "Exit 0 when it verifies, 1 when it does not (each problem named), 2 for bad input."})
    static final class Verify implements Callable<Integer> {
        /**
         * The document's fields that neither the hash nor the signatures cover: when the exporting node adopted the
         * statement and when it records each party as having signed. Changed, the document still verifies, so the
         * output says so rather than let them pass for signed.
         */
        static final List<String> NOT_SIGNED = List.of("adoptedAt", "signedAt");

        /** A document holds three texts of at most 20,000 characters and three signatures: far below this. */
        private static final long MAX_BYTES = 4L << 20;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The document, as the node's API exports it.")
        Path file;

        @Option(names = "--keys", required = true, paramLabel = "FILE",
                description = "The parties' public keys: a peers file, or one 'trisec keys export' entry; may be "
                        + "repeated.")
        List<Path> keys = new ArrayList<>();

        @Mixin
        ScenarioOption scenarioOption;

        @Mixin
        JsonOption output;

        @Override
        public Integer call() {
            StatementDocument document = read(file);
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
            // Every channel of the cooperation has every party of the scenario, and each party's node signs.
            var signatories = new LinkedHashMap<Party, PublicIdentity>();
            for (Party p : scenarioOption.load().parties()) {
                PublicIdentity identity = given.get(p);
                if (identity == null) {
                    throw new DomainException("no public key for " + p + ", whose node signs every joint statement:"
                            + " give its peers-file entry with --keys");
                }
                signatories.put(p, identity);
            }
            List<String> problems = document.problems(signatories);
            print(spec.commandLine().getOut(), document, signatories, problems);
            return problems.isEmpty() ? 0 : 1;
        }

        private void print(PrintWriter out, StatementDocument d, Map<Party, PublicIdentity> signatories,
                           List<String> problems) {
            if (output.json) {
                var m = new LinkedHashMap<String, Object>();
                m.put("verified", problems.isEmpty());
                m.put("statementId", d.statementId());
                m.put("revision", d.revision());
                m.put("channel", d.channel());
                m.put("meeting", d.meeting());
                m.put("title", d.title());
                m.put("hash", d.hash());
                m.put("signatories", signatories.entrySet().stream().map(e -> Map.of("party", e.getKey().code(),
                        "keyId", e.getValue().keyId().value())).toList());
                m.put("problems", problems);
                m.put("adoptedAt", d.adoptedAt());
                var signedAt = new LinkedHashMap<String, String>();
                d.signatures().forEach(x -> signedAt.putIfAbsent(x.party(), x.signedAt()));
                m.put("signedAt", signedAt);
                m.put("notSigned", NOT_SIGNED);
                JsonOutput.print(out, m);
            } else if (problems.isEmpty()) {
                out.println("verified: joint statement " + d.statementId() + ", revision " + d.revision() + " of "
                        + d.channel() + ", \"" + d.title() + "\", hash " + d.hash());
                out.println("signed by " + String.join(", ", signatories.entrySet().stream()
                        .map(e -> e.getKey() + " (key " + e.getValue().keyId() + ")").toList()));
                out.println("not signed: adoptedAt " + d.adoptedAt() + " and signedAt (" + String.join(", ",
                        d.signatures().stream().map(x -> x.party() + " " + x.signedAt()).toList())
                        + ") are the exporting node's record, outside the hash and the signatures");
            } else {
                out.println("FAILED: " + String.join("; ", problems));
            }
        }

        private static StatementDocument read(Path file) {
            String text;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new DomainException("no document at '" + file + "'");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new DomainException(file + " is too large to be a joint statement's document");
                }
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new DomainException(file + " is not UTF-8 text");
            } catch (IOException e) {
                throw new DomainException("cannot read " + file + ": " + e.getMessage());
            }
            try {
                return Json.read(text, StatementDocument.class);
            } catch (RuntimeException e) {
                throw new DomainException(file + " is not a joint statement's document: " + firstLine(e));
            }
        }

        private static String firstLine(Throwable e) {
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
        }
    }
}
