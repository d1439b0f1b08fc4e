package trisec.node.base;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import trisec.envelope.NodeKeys;

/**
 * The one HTTP client this node calls its partners with: envelopes to their federation endpoint (each envelope
 * authenticates itself), and requests signed with the node's key ({@link NodeAuth}) to read and cosign their logs.
 * No redirects are followed: a partner is where the peers file says it is.
 */
public final class PeerClient {
    /** A partner's answer: its status and body, whatever the status. */
    public record Answer(int status, String body) {}

    private static final Duration ENVELOPE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ENVELOPE_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest one envelope's attempt can take: connecting, then the answer. */
    public static final Duration LONGEST_SEND = ENVELOPE_CONNECT_TIMEOUT.plus(ENVELOPE_TIMEOUT);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(5);

    private final NodeKeys keys;
    private final HttpClient envelopes = client(ENVELOPE_CONNECT_TIMEOUT);
    /**
     * Shorter: the witness polls its partners one after another, and one that drops connections silently must not
     * hold up cosigning the others' checkpoints for long.
     */
    private final HttpClient logs = client(Duration.ofSeconds(3));

    public PeerClient(NodeKeys keys) {
        this.keys = keys;
    }

    private static HttpClient client(Duration connectTimeout) {
        // HTTP/1.1 kept alive: the JDK's default, HTTP/2, asks a plain-HTTP server to upgrade on each new
        // connection, which a node does not do.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Posts an envelope to the partner's federation endpoint.
     *
     * @throws IOException when the partner cannot be reached
     */
    public Answer sendEnvelope(Peer peer, String envelope) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(peer.url().resolve("/federation/v1/envelopes"))
                .timeout(ENVELOPE_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        var r = envelopes.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    /**
     * A signed GET of one of the partner's log routes; empty when it could not be reached, or its answer is not
     * signed by it for this request. Each call signs anew: a node refuses a signed request it has taken before.
     */
    public Optional<Answer> get(Peer peer, String pathAndQuery) {
        String auth = NodeAuth.header(keys, "GET", pathAndQuery);
        return call(peer, auth, "GET", pathAndQuery, HttpRequest.newBuilder(peer.url().resolve(pathAndQuery))
                .timeout(LOG_TIMEOUT).header("Authorization", auth).GET().build());
    }

    /** A signed POST of JSON to one of the partner's log routes; empty as {@link #get} is. */
    public Optional<Answer> post(Peer peer, String path, String json) {
        String auth = NodeAuth.header(keys, "POST", path, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return call(peer, auth, "POST", path, HttpRequest.newBuilder(peer.url().resolve(path)).timeout(LOG_TIMEOUT)
                .header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * The partner's answer when it is signed by the partner for this request ({@link NodeAuth#verifyAnswer}). A 401
     * comes unsigned: the partner did not take the request as this node's, so it has no request to bind an answer
     * to; it is passed on as the refusal it is, and says nothing else. Any other unsigned or badly signed answer is
     * taken as no answer.
     */
    private Optional<Answer> call(Peer peer, String auth, String method, String target, HttpRequest request) {
        try {
            var r = logs.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Optional<String> signature = r.headers().firstValue(NodeAuth.ANSWER_HEADER);
            boolean signed = NodeAuth.verifyAnswer(peer.identity(), signature.orElse(null), auth, method, target,
                    r.statusCode(), r.body());
            if (!signed && !(r.statusCode() == 401 && signature.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Answer(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
