package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import trisec.node.Node;
import trisec.node.NodeConfig;
import trisec.node.person.Passwords;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * The command line's {@code --json} and a node's API answer an option in one shape (docs/OPTIONS.md, "The JSON
 * shapes"): for the same option on the same date, over the same stretch, and for the same options side by side, the
 * two answers are equal once each side's own fields are set aside — the file an option came from on the command line;
 * on the node, a saved option's id, banner and label, each column's and the answer's banner, and the history impact
 * on its releases. The node has recorded no agreement event, so both draw the shipped scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionJsonShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-12-01";
    @TempDir
    static Path dir;
    private Node node;
    private String token;
    private String notice;
    private String widened;

    @BeforeAll
    void start() throws Exception {
        node = Node.start(NodeConfig.builder(Party.of("KOR"), dir, ScenarioFiles.shipped()).port(0).witness(false)
                .build());
        node.seedDemoPersons(Passwords.hash("demo".toCharArray()));
        token = send("POST", "/api/v1/auth/token", "{\"username\":\"kor.officer\",\"password\":\"demo\"}")
                .get("token").asText();
        notice = save(OptionsCommandTest.NOTICE);
        widened = save(OptionsCommandTest.WIDENED);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private String save(String file) throws Exception {
        String body = JSON.writeValueAsString(Map.of("yaml", Files.readString(Path.of(file)), "level", "군사Ⅱ급비밀",
                "topic", "dprk"));
        return send("POST", "/api/v1/options", body).get("id").asText();
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(node.url().resolve(path))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    /** The node's answer without what only the node knows. */
    private static JsonNode nodeShared(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("banner", "history"));
        boolean comparison = copy.has("now");
        for (JsonNode entry : copy.get("options")) {
            if (comparison) {
                ((ObjectNode) entry).remove("banner");
                entry.get("options").forEach(o -> ((ObjectNode) o).remove(List.of("id", "banner", "label")));
            } else {
                ((ObjectNode) entry).remove(List.of("id", "banner", "label"));
            }
        }
        return copy;
    }

    /** The command line's answer without the files the options came from. */
    private static JsonNode cliShared(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        for (JsonNode entry : copy.get("options")) {
            (copy.has("now") ? entry.get("options") : List.of(entry)).forEach(o -> ((ObjectNode) o).remove("file"));
        }
        return copy;
    }

    @Test
    void onADateTheCommandLineAndTheNodeGiveTheSamePicture() throws Exception {
        JsonNode api = send("GET", "/api/v1/options/" + notice + "/picture?at=" + AT, null);
        JsonNode cli = Cli.run("options", "apply", OptionsCommandTest.NOTICE, "--at", AT, "--json").ok().json();
        // Set aside: the node's own fields, and nothing else.
        assertThat(api.get("banner").asText()).isEqualTo("SECRET");
        assertThat(api.at("/options/0/id").asText()).isEqualTo(notice);
        assertThat(api.has("history")).isTrue();
        assertThat(cli.at("/options/0/file").asText()).isEqualTo(OptionsCommandTest.NOTICE);
        assertThat(nodeShared(api)).isEqualTo(cliShared(cli));
        assertThat(cliShared(cli).get("changes")).hasSize(20);
    }

    @Test
    void overAStretchTheyGiveTheSamePeriods() throws Exception {
        JsonNode api = send("GET", "/api/v1/options/" + notice + "/picture?from=2026-01-01&to=2028-01-01", null);
        JsonNode cli = Cli.run("options", "apply", OptionsCommandTest.NOTICE, "--from", "2026-01-01", "--to",
                "2028-01-01", "--json").ok().json();
        assertThat(nodeShared(api)).isEqualTo(cliShared(cli));
        assertThat(cliShared(cli).get("periods")).hasSize(2);
    }

    @Test
    void sideBySideTheyGiveTheSameColumns() throws Exception {
        String ids = URLEncoder.encode(notice + "," + widened + "," + notice + "+" + widened, StandardCharsets.UTF_8);
        JsonNode api = send("GET", "/api/v1/options/compare?ids=" + ids + "&at=" + AT, null);
        JsonNode cli = Cli.run("options", "compare", OptionsCommandTest.NOTICE, OptionsCommandTest.WIDENED,
                OptionsCommandTest.NOTICE + "+" + OptionsCommandTest.WIDENED, "--at", AT, "--json").ok().json();
        assertThat(api.at("/options/2/options").findValuesAsText("id")).containsExactly(notice, widened);
        assertThat(nodeShared(api)).isEqualTo(cliShared(cli));
        assertThat(cliShared(cli).at("/options/0/lost").asInt()).isPositive();
    }
}
