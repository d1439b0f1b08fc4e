package trisec.node.base;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import trisec.envelope.Canonical;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.envelope.Signatures;
import trisec.party.Party;

/**
 * How a partner node authenticates plain HTTP requests (reading this node's log and its TAXII server, posting a
 * cosignature): {@code Authorization: TrisecNode <party> <unix millis> <base64 ML-DSA-87 signature>} over the method,
 * path with query, time and the SHA-384 of the body (of no bytes when there is none), so that no one on the way can
 * put another body under a partner's signature. Requests older or newer than five minutes by the system clock are refused, and so is a
 * signature used a second time within them ({@link SeenRequests}): a captured request cannot be sent again.
 *
 * <p>The answer to such a request is signed too: {@code Trisec-Signature: <party> <unix millis> <base64 ML-DSA-87>}
 * over the request's method, path with query, time and signature, the answer's status and the SHA-384 of its body.
 * Bound to the request's own signature, an answer cannot be replayed to another request, nor its body or status be
 * changed on the way; {@link #verifyAnswer} is the check a partner's client makes.
 */
public final class NodeAuth {
    public static final String SCHEME = "TrisecNode";
    /** The header that carries the node's signature of its answer to a partner's signed request. */
    public static final String ANSWER_HEADER = "Trisec-Signature";
    static final String PURPOSE = "trisec request v1";
    static final String ANSWER_PURPOSE = "trisec answer v1";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private NodeAuth() {}

    /** A request's header, read: who signed it, when, and the signature. */
    public record Signed(Party party, long at, byte[] signature) {}

    public static String header(NodeKeys keys, String method, String pathAndQuery) {
        return header(keys, method, pathAndQuery, new byte[0]);
    }

    /** The header of a request with a body: the signature covers the body's SHA-384 too. */
    public static String header(NodeKeys keys, String method, String pathAndQuery, byte[] body) {
        long now = System.currentTimeMillis();
        byte[] sig = Signatures.sign(keys, PURPOSE, message(method, pathAndQuery, now, body));
        return SCHEME + " " + keys.party().code() + " " + now + " " + Base64.getEncoder().encodeToString(sig);
    }

    /** The partner a request comes from, when its header is well-formed, fresh and signed by that partner. */
    public static Optional<Party> verify(String header, String method, String pathAndQuery, Peers peers) {
        return verify(header, method, pathAndQuery, new byte[0], peers);
    }

    /** As {@link #verify(String, String, String, Peers)}, for a request with this body. */
    public static Optional<Party> verify(String header, String method, String pathAndQuery, byte[] body,
                                         Peers peers) {
        return signed(header).filter(s -> verified(s, method, pathAndQuery, body, peers)).map(Signed::party);
    }

    /** The header read, when well-formed; says nothing of whether it is fresh or signed. */
    public static Optional<Signed> signed(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Optional.empty();
        }
        return parts(header.substring(SCHEME.length() + 1));
    }

    /** Whether the header was made within the window of now, by the system clock. */
    public static boolean fresh(Signed s) {
        return Math.abs(System.currentTimeMillis() - s.at()) <= WINDOW.toMillis();
    }

    /** Whether the header is fresh and signed over this request by the partner it names. */
    static boolean verified(Signed s, String method, String pathAndQuery, byte[] body, Peers peers) {
        if (!fresh(s)) {
            return false;
        }
        return peers.of(s.party()).filter(p -> Signatures.verify(p.identity(), PURPOSE,
                message(method, pathAndQuery, s.at(), body), s.signature())).isPresent();
    }

    private static Optional<Signed> parts(String value) {
        String[] parts = value.strip().split(" ");
        if (parts.length != 3 || !Party.isCode(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Signed(Party.of(parts[0]), Long.parseLong(parts[1]),
                    Base64.getDecoder().decode(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@value #ANSWER_HEADER} header of this node's answer to a partner's signed request ({@code request}, its
     * {@code Authorization} header as verified).
     */
    public static String answer(NodeKeys keys, Signed request, String method, String pathAndQuery, int status,
                                byte[] body) {
        long now = System.currentTimeMillis();
        byte[] sig = Signatures.sign(keys, ANSWER_PURPOSE, answerMessage(request, method, pathAndQuery, now, status,
                body));
        return keys.party().code() + " " + now + " " + Base64.getEncoder().encodeToString(sig);
    }

    /**
     * Whether {@code answerHeader} is the signature of the node with this {@code identity} over this answer (status and
     * body) to the request the client sent with {@code requestHeader}, made within five minutes of the request.
     */
    public static boolean verifyAnswer(PublicIdentity identity, String answerHeader, String requestHeader,
                                       String method, String pathAndQuery, int status, byte[] body) {
        if (answerHeader == null) {
            return false;
        }
        Optional<Signed> request = signed(requestHeader);
        Optional<Signed> answer = parts(answerHeader);
        if (request.isEmpty() || answer.isEmpty() || !answer.get().party().equals(identity.party())
                || Math.abs(answer.get().at() - request.get().at()) > WINDOW.toMillis()) {
            return false;
        }
        return Signatures.verify(identity, ANSWER_PURPOSE, answerMessage(request.get(), method, pathAndQuery,
                answer.get().at(), status, body), answer.get().signature());
    }

    /**
     * What a request's signature covers: the method, the path with query, the time, and the SHA-384 of the body (of
     * no bytes for a request without one), so that no one on the way can put another body under the signature.
     */
    private static byte[] message(String method, String pathAndQuery, long at, byte[] body) {
        return new Canonical().add(method).add(pathAndQuery).add(at).add(sha384(body)).bytes();
    }

    private static byte[] answerMessage(Signed request, String method, String pathAndQuery, long at, int status,
                                        byte[] body) {
        return new Canonical().add(method).add(pathAndQuery).add(request.party().code()).add(request.at())
                .add(request.signature()).add(status).add(sha384(body)).add(at).bytes();
    }

    private static byte[] sha384(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-384", e);
        }
    }
}
