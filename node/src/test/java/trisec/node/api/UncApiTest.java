package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/** GET /api/v1/unc: the UN-flagged bases with their agreement's status on the node's date or any other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UncApiTest {
    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.of(Instant.parse("2025-06-01T09:00:00Z")),
                c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private static List<JsonNode> sites(JsonNode answer) {
        var out = new ArrayList<JsonNode>();
        answer.get("sites").forEach(out::add);
        return out;
    }

    @Test
    void theSevenBasesStandAsTheUnSofaOnEitherSideOfItsEntryIntoForce() {
        for (var at : List.of(List.of("1954-02-18", "NOT_YET_SIGNED", "false"), List.of("1954-03-01", "SIGNED", "false"),
                List.of("1954-06-11", "IN_FORCE", "true"))) {
            var r = kor.get("kor.guest", "/api/v1/unc?at=" + at.get(0));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("at").asText()).isEqualTo(at.get(0));
            assertThat(sites(r.json())).hasSize(7).allSatisfy(s -> {
                assertThat(s.get("agreement").asText()).isEqualTo("unc-sofa-1954");
                assertThat(s.at("/status/code").asText()).isEqualTo(at.get(1));
                assertThat(s.get("covered").asText()).isEqualTo(at.get(2));
                assertThat(s.get("host").asText()).isEqualTo("JPN");
            });
        }
    }

    @Test
    void withoutADateTheNodesOwnIsUsedAndEachBaseSaysWhereItIs() {
        JsonNode answer = kor.get("kor.guest", "/api/v1/unc").json();
        assertThat(answer.get("at").asText()).startsWith("2025-06-01T09:00");
        JsonNode yokota = sites(answer).stream().filter(s -> s.get("name").asText().equals("Yokota Air Base"))
                .findFirst().orElseThrow();
        assertThat(yokota.get("location").asText()).isEqualTo("Tokyo");
        assertThat(yokota.get("lat").asDouble()).isEqualTo(35.75);
        assertThat(yokota.get("lon").asDouble()).isEqualTo(139.35);
        assertThat(yokota.get("since").asText()).isEqualTo("2007-11-02");
        assertThat(yokota.get("role").asText()).isEqualTo("UN-flagged base; UNC-Rear headquarters");
        assertThat(yokota.at("/status/text").asText()).isEqualTo("in force");
    }

    @Test
    void aBadDateIsRefusedAndSaysWhatADateLooksLike() {
        var r = kor.get("kor.guest", "/api/v1/unc?at=2024-02-30");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.json().get("message").asText()).contains("2024-02-30").contains("2017-03-01");
    }

    /** An option ending the UN forces SOFA on 2025-01-01, kept at Class II on dprk: the guest may not read it. */
    private String sofaEnds() {
        var r = kor.post("kor.officer", "/api/v1/options", ApiFixture.body("yaml", """
                name: The UNC SOFA ends on 2025-01-01
                changes:
                  - change: event
                    agreement: unc-sofa-1954
                    type: TERMINATED
                    date: 2025-01-01
                    by: JPN
                """, "level", ApiFixture.CLASS_II, "topic", "dprk"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void underAnOptionEachBaseHasItsStatusBesideTheRealOneAndTheAnswerIsMarkedAsTheOption() {
        String id = sofaEnds();
        var r = kor.get("kor.officer", "/api/v1/unc?at=2025-06-01&option=" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("banner").asText()).isEqualTo("SECRET");
        assertThat(r.json().at("/option/id").asText()).isEqualTo(id);
        assertThat(r.json().at("/option/name").asText()).isEqualTo("The UNC SOFA ends on 2025-01-01");
        assertThat(r.json().at("/option/label/level").asText()).isEqualTo(ApiFixture.CLASS_II);
        assertThat(sites(r.json())).hasSize(7).allSatisfy(s -> {
            assertThat(s.get("covered").asBoolean()).isTrue();
            assertThat(s.at("/status/code").asText()).isEqualTo("IN_FORCE");
            assertThat(s.at("/underOption/covered").asBoolean()).isFalse();
            assertThat(s.at("/underOption/status/code").asText()).isEqualTo("TERMINATED");
            assertThat(s.at("/underOption/changed").asBoolean()).isTrue();
        });
        // Before the option's date the bases stand alike under it.
        assertThat(sites(kor.get("kor.officer", "/api/v1/unc?at=2024-12-31&option=" + id).json()))
                .allSatisfy(s -> assertThat(s.at("/underOption/changed").asBoolean()).isFalse());
        // Without an option: the real facts only, unclassified.
        JsonNode plain = kor.get("kor.officer", "/api/v1/unc?at=2025-06-01").json();
        assertThat(plain.get("banner").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(plain.has("option")).isFalse();
        assertThat(sites(plain)).allSatisfy(s -> assertThat(s.has("underOption")).isFalse());
    }

    @Test
    void anOptionThePersonMayNotReadAnswersAsOneThatDoesNotExist() {
        String id = sofaEnds();
        var unreadable = kor.get("kor.guest", "/api/v1/unc?at=2025-06-01&option=" + id);
        var unknown = kor.get("kor.guest", "/api/v1/unc?at=2025-06-01&option=no-such-option");
        assertThat(unreadable.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unreadable.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(unreadable.body().replace(id, "ID")).isEqualTo(unknown.body().replace("no-such-option", "ID"));
        assertThat(unreadable.body()).doesNotContain("SOFA");
    }
}
