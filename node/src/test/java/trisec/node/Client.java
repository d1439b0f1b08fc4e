package trisec.node;

import trisec.node.base.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test client of one node's HTTP API, caching a token per person (each sign-in costs a slow PBKDF2). */
public final class Client {
    /** One response: status and body, with the body parsed as JSON on demand. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String error() {
            return json().path("error").asText();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private final URI base;

    public Client(URI base) {
        this.base = base;
    }

    /** Drops the cached tokens of a node that stopped for good (a later node may get the same port). */
    public static void forget(URI base) {
        TOKENS.keySet().removeIf(k -> k.startsWith(base + " "));
    }

    public URI base() {
        return base;
    }

    public String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            Response r = post(null, "/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo\"}");
            if (r.status() != 200) {
                throw new AssertionError("cannot sign in " + username + ": " + r.body());
            }
            return r.json().get("token").asText();
        });
    }

    /** Signs in a person whose password is not the demo's; later calls with that username use the token. */
    public void signIn(String username, String password) {
        Response r = post(null, "/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("cannot sign in " + username + ": " + r.body());
        }
        TOKENS.put(base + " " + username, r.json().get("token").asText());
    }

    public Response get(String username, String path) {
        return send(username, HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response post(String username, String path, String json) {
        return send(username, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends with a raw Authorization header value (or none), for authentication tests. */
    public Response raw(String authorization, HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Response send(String username, HttpRequest.Builder request) {
        return raw(username == null ? null : "Bearer " + token(username), request);
    }
}
