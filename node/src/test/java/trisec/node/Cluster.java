package trisec.node;

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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import trisec.envelope.NodeKeys;
import trisec.node.person.Passwords;
import trisec.node.base.Peer;
import trisec.node.base.Peers;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;

/**
 * Test fixture: national nodes in this JVM on free ports, each with its own data directory under one temporary
 * root, wired as each other's peers, with the demo persons (password "demo"). Nodes can be stopped and started
 * again on the same data (crash tests), and each party can have its own scenario or settings.
 */
public final class Cluster implements AutoCloseable {
    public static final Party KOR = Party.of("KOR");
    public static final Party JPN = Party.of("JPN");
    public static final Party USA = Party.of("USA");
    /** One PBKDF2 hash of "demo" for every test person: hashing is deliberately slow. */
    private static final String DEMO_HASH = Passwords.hash("demo".toCharArray());

    private final Path root;
    private final Map<Party, Integer> ports = new LinkedHashMap<>();
    private final Map<Party, NodeKeys> keys = new LinkedHashMap<>();
    private final Map<Party, NodeConfig> configs = new LinkedHashMap<>();
    private final Map<Party, Node> nodes = new LinkedHashMap<>();

    private Cluster(Path root) {
        this.root = root;
    }

    /** KOR, JPN and USA on the shipped scenario, in real time. */
    public static Cluster trilateral() {
        return start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.empty(), c -> c);
    }

    public static Cluster trilateral(Instant asOf) {
        return start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.of(asOf), c -> c);
    }

    /**
     * @param adjust changes one party's config before its node starts (its own scenario, no delivery, a database)
     */
    public static Cluster start(List<Party> parties, Scenario scenario, Optional<Instant> asOf,
                                UnaryOperator<NodeConfig> adjust) {
        Cluster c;
        try {
            c = new Cluster(Files.createTempDirectory("trisec-test-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var entries = new LinkedHashMap<Party, Peer>();
        for (Party p : parties) {
            c.ports.put(p, TestPorts.free());
            c.keys.put(p, Node.keys(c.dir(p), p));
            entries.put(p, Node.peerOf(c.dir(p), p, URI.create("http://127.0.0.1:" + c.ports.get(p))));
        }
        for (Party p : parties) {
            var peers = new ArrayList<Peer>();
            for (Party other : parties) {
                if (!other.equals(p)) {
                    peers.add(entries.get(other));
                }
            }
            // Witnessing polls every second; tests that need it turn it on or drive it by hand.
            var config = adjust.apply(NodeConfig.builder(p, c.dir(p), scenario).port(c.ports.get(p))
                    .peers(new Peers(peers)).asOf(asOf).witness(false).build());
            c.configs.put(p, config);
            c.startNode(p);
        }
        return c;
    }

    private Path dir(Party p) {
        return root.resolve(p.code().toLowerCase());
    }

    public Node node(Party p) {
        Node n = nodes.get(p);
        if (n == null) {
            throw new IllegalStateException(p + " is stopped");
        }
        return n;
    }

    public NodeConfig config(Party p) {
        return configs.get(p);
    }

    public Client client(Party p) {
        return new Client(URI.create("http://127.0.0.1:" + ports.get(p)));
    }

    public NodeKeys keys(Party p) {
        return keys.get(p);
    }

    /** Stops one node, leaving its data (a crash, as far as the other nodes can tell). */
    public void stop(Party p) {
        Node n = nodes.remove(p);
        if (n != null) {
            n.close();
        }
    }

    /** Starts a stopped node again on its data, with its config changed by {@code adjust}. */
    public Node restart(Party p, UnaryOperator<NodeConfig> adjust) {
        stop(p);
        configs.put(p, adjust.apply(configs.get(p)));
        return startNode(p);
    }

    private Node startNode(Party p) {
        Node n = Node.start(configs.get(p));
        n.seedDemoPersons(DEMO_HASH);
        nodes.put(p, n);
        return n;
    }

    @Override
    public void close() {
        for (Party p : List.copyOf(nodes.keySet())) {
            stop(p);
        }
        ports.values().forEach(port -> Client.forget(URI.create("http://127.0.0.1:" + port)));
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // left in /tmp
        }
    }

    /** Polls until the condition holds or the time runs out (deliveries are asynchronous). */
    public static void eventually(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
