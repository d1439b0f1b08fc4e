package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.scenario.file.ScenarioFiles;

/**
 * Bad input is refused the same way everywhere (issue 9): strict JSON (no number for a string, no invalid
 * Unicode), one JSON error shape for every 4xx and 5xx — the HTTP server's own included — with messages that
 * name fields, not Java classes, and limits stated as they are. Nothing is stored for a refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    Cluster cluster;
    Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private int items() {
        return kor.get("kor.officer", "/api/v1/items").json().get("items").size();
    }

    private static void refusedAsJson(Client.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var body = r.json();
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("trisec.").doesNotContain("java.")
                .doesNotContain("com.fasterxml");
    }

    private static String item(String title, String body) {
        return "{\"title\":" + title + ",\"body\":" + body
                + ",\"level\":\"군사Ⅱ급비밀\",\"topic\":\"dprk.missile\",\"relTo\":[],\"caveats\":[]}";
    }

    @Test
    void aLoneSurrogateInAnItemIsRefusedAndNothingIsStored() {
        int before = items();
        refusedAsJson(kor.post("kor.officer", "/api/v1/items", item("\"\\ud800x\"", "\"b\"")), 400, "BAD_REQUEST");
        refusedAsJson(kor.post("kor.officer", "/api/v1/items", item("\"t\"", "\"\\udc00\"")), 400, "BAD_REQUEST");
        assertThat(items()).isEqualTo(before);
        // A proper pair is a character like any other.
        var ok = kor.post("kor.officer", "/api/v1/items", item("\"\\ud83d\\ude80 launch\"", "\"b\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverTextIsTaken() {
        refusedAsJson(kor.post(null, "/api/v1/auth/token", "{\"username\":\"kor.officer\",\"password\":\"demo\\ud800\"}"),
                400, "BAD_REQUEST");
        refusedAsJson(kor.post("kor.admin", "/api/v1/agreements/tisa-2014/events",
                "{\"type\":\"AMENDED\",\"date\":\"2026-01-01\",\"note\":\"x\\udbff\"}"), 400, "BAD_REQUEST");
        String id = kor.post("kor.officer", "/api/v1/items", item("\"t\"", "\"b\"")).json().get("id").asText();
        refusedAsJson(kor.post("kor.officer", "/api/v1/items/" + id + "/compromise", "{\"detail\":\"\\ud800\"}"),
                400, "BAD_REQUEST");
        assertThat(kor.get("kor.officer", "/api/v1/items/" + id + "/reports").json().get("reports").size()).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = item("\"t\"", "\"b\"").replace("\"t\"", "\"tXX\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = new String(body, java.nio.charset.StandardCharsets.UTF_8).indexOf("XX");
        body[at] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
        body[at + 1] = (byte) 0x28;
        int before = items();
        var r = kor.raw("Bearer " + kor.token("kor.officer"), HttpRequest.newBuilder(kor.base().resolve("/api/v1/items"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        refusedAsJson(r, 400, "BAD_REQUEST");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aNumberIsNotAString() {
        int before = items();
        var r = kor.post("kor.officer", "/api/v1/items", item("123", "\"b\""));
        refusedAsJson(r, 400, "BAD_REQUEST");
        assertThat(r.json().get("message").asText()).contains("title");
        refusedAsJson(kor.post("kor.officer", "/api/v1/items", item("\"t\"", "true")), 400, "BAD_REQUEST");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void errorsNameTheFieldNotTheJavaClass() {
        var wrongShape = kor.post("kor.officer", "/api/v1/items", item("[]", "\"b\""));
        refusedAsJson(wrongShape, 400, "BAD_REQUEST");
        assertThat(wrongShape.json().get("message").asText()).contains("title").doesNotContain("$");
        var unknown = kor.post("kor.officer", "/api/v1/items", "{\"titel\":\"t\"}");
        refusedAsJson(unknown, 400, "BAD_REQUEST");
        assertThat(unknown.json().get("message").asText()).contains("titel");
        refusedAsJson(kor.post("kor.officer", "/api/v1/items", "[1,2]"), 400, "BAD_REQUEST");
        refusedAsJson(kor.post("kor.officer", "/api/v1/items", "{\"title\":"), 400, "BAD_REQUEST");
    }

    @Test
    void aBodyJustOverItsLimitIsRefusedWithThatLimit() {
        String big = "x".repeat((1 << 20) + 1);
        var r = kor.post("kor.officer", "/api/v1/items", item("\"t\"", Json.write(big)));
        refusedAsJson(r, 413, "PAYLOAD_TOO_LARGE");
        assertThat(r.json().get("message").asText()).contains("1 MiB").doesNotContain("8 MiB");
    }

    @Test
    void whatTheHttpServerRefusesByItselfIsJsonToo() {
        var nul = kor.raw("Bearer " + kor.token("kor.officer"),
                HttpRequest.newBuilder(kor.base().resolve("/api/v1/items/%00")).GET());
        assertThat(nul.status()).as(nul.body()).isBetween(400, 499);
        assertThat(nul.body()).doesNotContain("<html").doesNotContain("<HTML");
        assertThat(nul.json().get("error").asText()).isNotBlank();
        assertThat(nul.json().get("message").asText()).isNotBlank();
    }
}
