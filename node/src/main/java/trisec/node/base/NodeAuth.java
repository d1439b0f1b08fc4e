package trisec.node.base;

import trisec.node.base.Peers;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import trisec.envelope.Canonical;
import trisec.envelope.NodeKeys;
import trisec.envelope.Signatures;
import trisec.party.Party;

/**
 * How a partner node authenticates plain HTTP requests (reading this node's log, posting a cosignature):
 * {@code Authorization: TrisecNode <party> <unix millis> <base64 ML-DSA-87 signature>} over the method, path
 * with query and time. Requests older or newer than five minutes by the system clock are refused; they are
 * reads or idempotent writes, so a replay inside that window gains nothing.
 */
public final class NodeAuth {
    public static final String SCHEME = "TrisecNode";
    static final String PURPOSE = "trisec request v1";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private NodeAuth() {}

    public static String header(NodeKeys keys, String method, String pathAndQuery) {
        long now = System.currentTimeMillis();
        byte[] sig = Signatures.sign(keys, PURPOSE, message(method, pathAndQuery, now));
        return SCHEME + " " + keys.party().code() + " " + now + " " + Base64.getEncoder().encodeToString(sig);
    }

    /** The partner a request comes from, when its header is well-formed, fresh and signed by that partner. */
    public static Optional<Party> verify(String header, String method, String pathAndQuery, Peers peers) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Optional.empty();
        }
        String[] parts = header.substring(SCHEME.length() + 1).strip().split(" ");
        if (parts.length != 3 || !Party.isCode(parts[0])) {
            return Optional.empty();
        }
        long at;
        byte[] sig;
        try {
            at = Long.parseLong(parts[1]);
            sig = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Math.abs(System.currentTimeMillis() - at) > WINDOW.toMillis()) {
            return Optional.empty();
        }
        Party party = Party.of(parts[0]);
        return peers.of(party)
                .filter(p -> Signatures.verify(p.identity(), PURPOSE, message(method, pathAndQuery, at), sig))
                .map(p -> party);
    }

    private static byte[] message(String method, String pathAndQuery, long at) {
        return new Canonical().add(method).add(pathAndQuery).add(at).bytes();
    }
}
