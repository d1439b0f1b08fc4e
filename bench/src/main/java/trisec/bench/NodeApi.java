package trisec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A node's REST API as the load generators call it: a bearer token per person, JSON in and out. */
final class NodeApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private NodeApi() {}

    static String token(URI base, String username, String password) throws IOException, InterruptedException {
        return post(base, null, "/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", 200).get("token").asText();
    }

    /** Posts JSON; any status but {@code expected} is an error naming the route and the answer. */
    static JsonNode post(URI base, String token, String path, String body, int expected)
            throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode get(URI base, String token, String path) throws IOException, InterruptedException {
        var r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
