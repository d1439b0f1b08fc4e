package trisec.cli;

import trisec.node.NodeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.node.Node;
import trisec.node.base.Peers;
import trisec.scenario.Scenario;

/** {@code trisec node}: runs one national node until interrupted. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run a national node: its store, persons, REST API and federation with partner nodes.",
                "On first start it creates its keys and an 'admin' person whose password it prints once."})
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--party", required = true, paramLabel = "P", description = "Whose node this is (KOR, JPN, USA…).")
    String party;

    @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT", description = "HTTP port (default: 8081).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: 127.0.0.1).")
    String bind;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Data directory: keys and the embedded store (default: ./data).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the embedded one, e.g. jdbc:postgresql://host/db?user=…")
    String db;

    @Option(names = "--peers", paramLabel = "FILE", description = "Peers file: partners' URLs and public keys.")
    Path peers;

    @Option(names = "--secure-cookies", description = "Mark session cookies Secure although the node speaks plain "
            + "HTTP: for a node behind a proxy that terminates TLS (browsers then send them only over HTTPS).")
    boolean secureCookies;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "Run the clock from this instant (exercises).")
    String asOf;

    @Mixin
    ScenarioOption scenarioOption;

    @Override
    public Integer call() throws InterruptedException {
        Scenario scenario = scenarioOption.load();
        var config = NodeConfig.builder(scenario.party(party), data, scenario).host(bind).port(port)
                .database(Optional.ofNullable(db)).peers(peers == null ? Peers.none() : Peers.load(peers))
                .asOf(Optional.ofNullable(asOf).map(DateOrInstant::parse)).secureCookies(secureCookies).build();
        if (db != null && !db.startsWith("jdbc:")) {
            throw new DomainException("--db is a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/trisec");
        }
        Node node = Node.start(config);
        PrintWriter out = spec.commandLine().getOut();
        node.bootstrapAdmin().ifPresent(password -> {
            out.println("First start: created the person 'admin' with the password below. It is shown only once.");
            out.println("  " + password);
        });
        out.println(config.party() + " node listening on " + node.url() + " (key " + node.identity().keyId() + ")");
        out.println("API description: " + node.url() + "/api/v1/openapi.json");
        out.flush();
        UntilInterrupted.run(node);
        return 0;
    }
}
