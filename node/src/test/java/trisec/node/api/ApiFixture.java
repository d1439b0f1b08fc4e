package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import trisec.node.Client;
import trisec.node.base.Json;

/** Helpers of the API tests: JSON bodies, raw requests, and the shape every error has. */
final class ApiFixture {
    static final String CLASS_I = "군사Ⅰ급비밀";
    static final String CLASS_II = "군사Ⅱ급비밀";
    static final String CLASS_III = "군사Ⅲ급비밀";
    static final String GOKUHI = "極秘";
    static final String KOR_JPN_GSOMIA = "kor-jpn-gsomia-2016";
    static final String USA_JPN_GSOMIA = "usa-jpn-gsomia-2007";
    static final String USA_KOR_GSOMIA = "usa-kor-gsomia-1987";
    static final String TISA = "tisa-2014";

    private ApiFixture() {}

    /** A JSON object from alternating keys and values (values may be null, lists or maps). */
    static String body(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Json.write(m);
    }

    static String item(String title, String level, String topic) {
        return body("title", title, "body", "content of " + title, "level", level, "topic", topic, "relTo", List.of(),
                "caveats", List.of());
    }

    /** A query string with every value URL-encoded (levels are Korean or Japanese). */
    static String query(String path, String... keysAndValues) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parts.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return path + "?" + String.join("&", parts);
    }

    static Client.Response get(Client c, String authorization, String path) {
        return c.raw(authorization, HttpRequest.newBuilder(c.base().resolve(path)).GET());
    }

    static Client.Response post(Client c, String authorization, String path, String json) {
        return c.raw(authorization, HttpRequest.newBuilder(c.base().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Client.Response send(Client c, String authorization, String method, String path, String json) {
        return c.raw(authorization, HttpRequest.newBuilder(c.base().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Signs in with a password other than the demo one; returns the response. */
    static Client.Response signIn(Client c, String username, String password) {
        return post(c, null, "/api/v1/auth/token", body("username", username, "password", password));
    }

    static String bearer(Client c, String username, String password) {
        Client.Response r = signIn(c, username, password);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return "Bearer " + r.json().get("token").asText();
    }

    /** An error: the status, a JSON body {"error": code, "message": …} (and perhaps "reasons"), nothing else. */
    static JsonNode assertError(Client.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type")).as("content type of " + r.body())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode j = r.json();
        assertThat(keys(j)).as(r.body()).contains("error", "message").isSubsetOf("error", "message", "reasons");
        assertThat(j.get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(j.get("message").isTextual()).isTrue();
        assertThat(j.get("message").asText()).isNotBlank();
        if (j.has("reasons")) {
            assertThat(texts(j.get("reasons"))).isNotEmpty();
        }
        return j;
    }

    static List<String> keys(JsonNode n) {
        var list = new ArrayList<String>();
        n.fieldNames().forEachRemaining(list::add);
        return list;
    }

    static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(x -> list.add(x.asText()));
        return list;
    }

    /** The ids of the objects in a listing such as {"releases": […]}. */
    static Set<String> ids(JsonNode listing, String field) {
        var set = new java.util.TreeSet<String>();
        listing.get(field).forEach(x -> set.add(x.get("id").asText()));
        return set;
    }

    /** One object of a listing by id, or null. */
    static JsonNode byId(JsonNode listing, String field, String id) {
        for (JsonNode x : listing.get(field)) {
            if (x.get("id").asText().equals(id)) {
                return x;
            }
        }
        return null;
    }

    static Map<String, String> usernames(JsonNode persons) {
        var m = new LinkedHashMap<String, String>();
        persons.get("persons").forEach(p -> m.put(p.get("username").asText(), p.get("id").asText()));
        return m;
    }

    static String joined(List<String> list) {
        return list.stream().collect(Collectors.joining(" "));
    }
}
