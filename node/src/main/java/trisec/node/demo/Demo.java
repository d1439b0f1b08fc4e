package trisec.node.demo;

import trisec.node.NodeConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import trisec.DomainException;
import trisec.node.Node;
import trisec.node.person.Passwords;
import trisec.node.base.Peer;
import trisec.node.base.Peers;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * Three national nodes in one process, bound to 127.0.0.1, each with its own embedded store, wired as each
 * other's peers, seeded with demo persons whose password is {@code demo}. Only the demo does that.
 */
public final class Demo implements AutoCloseable {
    public static final String PASSWORD = "demo";
    /** KOR 8081, JPN 8082, USA 8083. */
    public static final Map<Party, Integer> PORTS = ports(8081);

    private final List<Node> nodes;
    private final Optional<Path> temporary;

    private Demo(List<Node> nodes, Optional<Path> temporary) {
        this.nodes = nodes;
        this.temporary = temporary;
    }

    public static Map<Party, Integer> ports(int first) {
        var m = new LinkedHashMap<Party, Integer>();
        m.put(Party.of("KOR"), first);
        m.put(Party.of("JPN"), first + 1);
        m.put(Party.of("USA"), first + 2);
        return m;
    }

    /**
     * Starts the nodes.
     *
     * @param dataDir where each node keeps its store and keys (a subdirectory per party); empty for a temporary
     *                directory removed on close
     */
    public static Demo start(Optional<Path> dataDir, Optional<Instant> asOf, Scenario scenario, Map<Party, Integer> ports) {
        Path root;
        try {
            root = dataDir.isPresent() ? Files.createDirectories(dataDir.get()) : Files.createTempDirectory("trisec-demo-");
        } catch (IOException e) {
            throw new DomainException("cannot create the demo's data directory: " + e.getMessage());
        }
        Optional<Path> temporary = dataDir.isPresent() ? Optional.empty() : Optional.of(root);
        var entries = new LinkedHashMap<Party, Peer>();
        ports.forEach((p, port) -> entries.put(p, Node.peerOf(root.resolve(p.code().toLowerCase()), p,
                URI.create("http://127.0.0.1:" + port))));
        String hash = Passwords.hash(PASSWORD.toCharArray());
        List<Node> started = new ArrayList<>();
        try {
            for (var e : ports.entrySet()) {
                Party party = e.getKey();
                var peers = new ArrayList<Peer>();
                entries.forEach((other, entry) -> {
                    if (!other.equals(party)) {
                        peers.add(entry);
                    }
                });
                var config = NodeConfig.builder(party, root.resolve(party.code().toLowerCase()), scenario)
                        .port(e.getValue()).peers(new Peers(peers)).asOf(asOf).build();
                Node node = Node.start(config);
                started.add(node);
                node.seedDemoPersons(hash);
                node.seedDemoWarningAuthority(hash, PASSWORD);
            }
        } catch (RuntimeException e) {
            started.forEach(Node::close);
            temporary.ifPresent(Demo::delete);
            throw e;
        }
        return new Demo(List.copyOf(started), temporary);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(Party party) {
        return nodes.stream().filter(n -> n.party().equals(party)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.close();
        }
        temporary.ifPresent(Demo::delete);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
