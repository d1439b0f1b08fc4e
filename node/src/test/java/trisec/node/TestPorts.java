package trisec.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for test nodes, chosen below the kernel's ephemeral range (32768 and up on Linux). A port the kernel hands
 * out for {@code new ServerSocket(0)} comes from that range, and so does the local port of every outgoing
 * connection: a node started earlier, trying to reach a peer not yet listening, could take the very port chosen
 * for that peer before it binds ("Address already in use"). Below the range, only another listener can.
 */
public final class TestPorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private TestPorts() {}

    /** A port nothing listens on now, on the loopback address the test nodes bind. */
    public static int free() {
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOW, HIGH);
            try (var s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }
}
