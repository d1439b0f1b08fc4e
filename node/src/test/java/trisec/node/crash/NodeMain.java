package trisec.node.crash;

import trisec.node.NodeConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import trisec.node.Node;
import trisec.node.person.Passwords;
import trisec.node.base.Peers;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * One national node in a process of its own, for the crash tests: what {@code trisec node} runs, plus the demo's
 * persons (password {@code demo}). It prints {@code READY} once it serves, and runs until it is killed.
 *
 * <p>Arguments: {@code PARTY PORT DATA_DIR JDBC_URL|- PEERS_FILE AS_OF|-}.
 */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) throws InterruptedException {
        Party party = Party.of(args[0]);
        var config = NodeConfig.builder(party, Path.of(args[2]), ScenarioFiles.shipped())
                .port(Integer.parseInt(args[1]))
                .database(args[3].equals("-") ? Optional.empty() : Optional.of(args[3]))
                .peers(Peers.load(Path.of(args[4])))
                .asOf(args[5].equals("-") ? Optional.empty() : Optional.of(Instant.parse(args[5]))).build();
        Node node;
        try {
            node = Node.start(config);
        } catch (RuntimeException e) {
            System.out.println("REFUSED " + e.getMessage());
            e.printStackTrace(System.out);
            System.out.flush();
            Runtime.getRuntime().halt(2); // at once: the test reads the exit, not a server still answering
            return;
        }
        // The hash is made once by the test and handed down: 600,000 PBKDF2 rounds at every restart would be slow.
        node.seedDemoPersons(Optional.ofNullable(System.getenv("TRISEC_DEMO_HASH"))
                .orElseGet(() -> Passwords.hash("demo".toCharArray())));
        System.out.println("READY " + node.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
