package trisec.node.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import trisec.party.Party;

/** A node running as a process of its own ({@link NodeMain}), which a test can kill with SIGKILL and start again. */
final class NodeProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DEMO_HASH = trisec.node.person.Passwords.hash("demo".toCharArray());

    final Party party;
    final int port;
    final Path dir;
    private final List<String> command;
    private final Path logFile;
    private Process process;
    int starts;
    /** How long each start took until the node served. */
    final List<Long> startMillis = new ArrayList<>();

    NodeProcess(Party party, int port, Path dir, String db, Path peersFile, String asOf) {
        this.party = party;
        this.port = port;
        this.dir = dir;
        this.logFile = dir.resolve("node.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // Surefire runs tests with a manifest-only jar on the class path; the real one is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        this.command = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED", "-cp", classPath, NodeMain.class.getName(), party.code(),
                Integer.toString(port), dir.toString(), db, peersFile.toString());
        this.asOf = asOf.equals("-") ? null : Instant.parse(asOf);
    }

    /** The test's scenario time began when this class was loaded: every node's clock runs from there. */
    private static final long T0 = System.nanoTime();
    private final Instant asOf;

    /**
     * The clock a node starts with: the scenario's start plus the time the test has run, so that a restarted node
     * goes on from where its partners and its own stored times are, as a node on the system clock would, rather than
     * from the scenario's start again (its leases and back-offs on record would then lie minutes in its future).
     */
    private List<String> commandNow() {
        var c = new ArrayList<>(command);
        c.add(asOf == null ? "-" : asOf.plusNanos(System.nanoTime() - T0).toString());
        return c;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the process and waits until it serves; fails with its output if it exits instead. */
    void start() {
        try {
            Files.createDirectories(dir);
            var pb = new ProcessBuilder(commandNow()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().put("TRISEC_LOG_LEVEL", "WARN");
            pb.environment().put("TRISEC_DEMO_HASH", DEMO_HASH);
            process = pb.start();
            starts++;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long begun = System.nanoTime();
        long deadline = begun + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(party + "'s node exited with " + process.exitValue() + " on start " + starts
                        + ":\n" + tail(40));
            }
            if (healthy()) {
                startMillis.add((System.nanoTime() - begun) / 1_000_000);
                return;
            }
            sleep(100);
        }
        throw new AssertionError(party + "'s node did not come up in 90 s:\n" + tail(40));
    }

    boolean healthy() {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(url().resolve("/health")).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(party + "'s node did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The last lines the node wrote. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Lines of the node's output, across all its lives, that contain {@code text}. */
    List<String> linesWith(String text) {
        try {
            return new ArrayList<>(Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(text)).toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
