package trisec.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.scenario.file.ScenarioFiles;

/** The API description served at /api/v1/openapi.json describes exactly the routes the node serves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
    private Cluster cluster;
    private JsonNode doc;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), java.util.Optional.empty(), c -> c);
        var r = cluster.client(Cluster.KOR).raw(null, java.net.http.HttpRequest.newBuilder(
                cluster.client(Cluster.KOR).base().resolve("/api/v1/openapi.json")).GET());
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    /** The routes of the API; the browser pages under /ui and their assets are documented in docs/UI.md. */
    private List<String> apiRoutes() {
        return cluster.node(Cluster.KOR).routes().stream()
                .filter(r -> !r.split(" ", 2)[1].startsWith("/ui") && !r.split(" ", 2)[1].startsWith("/static/"))
                .toList();
    }

    private List<String> documented() {
        var out = new ArrayList<String>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return out.stream().sorted().toList();
    }

    @Test
    void itIsServedWithoutAToken() {
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        // Javalin writes a parameter that may contain slashes as <name>; OpenAPI as {name}.
        List<String> routes = apiRoutes().stream()
                .map(r -> r.replaceAll("<(\\w+)>", "{$1}")).sorted().toList();
        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(documented()).containsExactlyElementsOf(routes);
    }

    @Test
    void aNewPersonsRolesAreEveryRoleTheApiAccepts() {
        var documented = new ArrayList<String>();
        doc.at("/components/schemas/NewPerson/properties/roles/items/enum").forEach(n -> documented.add(n.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(trisec.node.person.Role.values()).map(trisec.node.person.Role::id).toList());
    }

    @Test
    void everyOperationDescribesItsResponsesAndEveryReferenceResolves() {
        String text = doc.toString();
        var refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
        while (refs.find()) {
            assertThat(doc.at("/components/schemas/" + refs.group(1)).isMissingNode()).as(refs.group(1)).isFalse();
        }
        doc.get("paths").forEach(p -> p.forEach(op -> assertThat(op.get("responses").size()).isPositive()));
    }

    @Test
    void onlyTheSignInThePublicPagesTheFederationEndpointsAndTheCalendarSubscriptionsGoWithoutABearerToken() {
        var open = new ArrayList<String>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            JsonNode security = op.getValue().get("security");
            if (security != null && security.isEmpty()) {
                open.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(open).containsExactlyInAnyOrder("GET /", "GET /health", "GET /api/v1/openapi.json",
                "POST /api/v1/auth/token", "GET /federation/v1/identity", "POST /federation/v1/envelopes",
                "GET /calendars/{key}/channels/calendar.ics", "GET /calendars/{key}/channels/{id}/calendar.ics");
        // And the node agrees: everything else refuses a request without a token.
        var client = cluster.client(Cluster.KOR);
        for (String route : apiRoutes()) {
            if (open.contains(route)) {
                continue;
            }
            String[] mp = route.split(" ", 2);
            String path = mp[1].replace("{id}", "x").replace("{objectId}", "x").replace("{party}", "KOR").replace("{track}", "TN-1").replace("<path>", "0/000");
            var builder = java.net.http.HttpRequest.newBuilder(client.base().resolve(path));
            builder = mp[0].equals("GET") ? builder.GET() : builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(client.raw(null, builder).status()).as(route).isEqualTo(401);
        }
    }
}
