package trisec.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DomainException;
import trisec.node.Node;
import trisec.node.base.Peers;
import trisec.party.Party;

/** {@code trisec keys}: a node's public identity, for its partners' peers files. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "A node's keys.",
        subcommands = {KeysCommand.Export.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: export");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Print the node's public identity (party, key id, public keys) as one peers-file entry.",
                    "Creates the keys if the data directory has none yet."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--party", required = true, paramLabel = "P", description = "Whose node (KOR, JPN, USA…).")
        String party;

        @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "Data directory (default: ./data).")
        Path data;

        @Option(names = "--url", paramLabel = "URL", description = "The URL partners reach this node at.")
        String url;

        @Override
        public Integer call() {
            String code = party.strip().toUpperCase(java.util.Locale.ROOT);
            if (!Party.isCode(code)) {
                throw new DomainException("'" + party + "' is not a party code such as KOR");
            }
            Optional<URI> uri = Optional.ofNullable(url).map(u -> {
                try {
                    URI parsed = URI.create(u);
                    if (parsed.getScheme() == null || parsed.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                    return parsed;
                } catch (IllegalArgumentException e) {
                    throw new DomainException("'" + u + "' is not a URL such as https://kor.example:8081");
                }
            });
            var entry = Node.peerOf(data, Party.of(code), uri.orElse(URI.create("http://127.0.0.1")));
            JsonOutput.print(spec.commandLine().getOut(), Peers.export(entry.identity(), uri, entry.logKey()));
            return 0;
        }
    }
}
