package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.label.ConfidentialityLabel;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.party.Party;
import trisec.policy.Reason;
import trisec.policy.ReleasePolicy;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.scenario.file.ScenarioFiles;
import trisec.topic.Topic;

/**
 * A joint statement is shared through the release policy (DESIGN §5.4): each revision and signature goes to a party
 * only on a decision that an unclassified record of the statement's channel may go there at that instant, and every
 * such decision is on record. On 2010-06-01 Korea and Japan had no agreement in force (the GSOMIA came in 2016, TISA
 * in 2014); the policy still permits an unclassified record without caveats (§2.3), so the statement goes, and says
 * so on record, with no agreement as its basis.
 */
class StatementSharingTest {
    private static final Instant NO_KOREA_JAPAN_AGREEMENT = Instant.parse("2010-06-01T00:00:00Z");
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private List<JsonNode> decisions(Party p, String statement) {
        c.node(p).integrateNow();
        return c.node(p).auditLog().entries(0, 10_000).stream().map(e -> Json.read(e, JsonNode.class))
                .filter(e -> e.path("type").asText().equals("DECISION")
                        && e.path("statement").asText().equals(statement))
                .toList();
    }

    private JsonNode statement(Party p, String id) {
        var r = c.client(p).get(Fed.user(p, "analyst"), "/api/v1/statements/" + id);
        return r.status() == 200 ? r.json() : null;
    }

    @Test
    void everyRevisionAndSignatureGoesOnARecordedDecisionOfTheReleasePolicy() {
        c = Cluster.trilateral(NO_KOREA_JAPAN_AGREEMENT);
        var r = c.client(KOR).post("kor.officer", "/api/v1/statements", Json.write(Map.of("channel", "leaders",
                "title", "Joint statement", "texts", Map.of("ko", "협력한다.", "ja", "協力する。",
                        "en", "We cooperate."))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        for (Party p : List.of(JPN, USA)) {
            Cluster.eventually(() -> statement(p, id) != null, p + " holds the draft");
        }
        var drafted = decisions(KOR, id);
        assertThat(drafted).extracting(e -> e.get("recipient").asText()).containsExactlyInAnyOrder("JPN", "USA");
        for (JsonNode e : drafted) {
            assertThat(e.get("purpose").asText()).isEqualTo("statement");
            assertThat(e.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(e.get("holder").asText()).isEqualTo("KOR");
            assertThat(e.get("originator").asText()).isEqualTo("KOR");
            assertThat(e.get("level").asText()).isEqualTo("UNCLASSIFIED");
            assertThat(e.get("topic").asText()).isEqualTo("consult.leaders");
            assertThat(e.get("basis")).as("no agreement is needed, nor in force between Korea and Japan").isEmpty();
            assertThat(e.get("at").asText()).startsWith("2010-06-01");
        }
        assertThat(statement(KOR, id).get("withheld")).isEmpty();

        // Each signature goes the same way, decided by the signing node.
        for (Party p : List.of(JPN, USA, KOR)) {
            var signed = c.client(p).post(Fed.user(p, "disclosure"), "/api/v1/statements/" + id + "/sign",
                    "{\"revision\":1}");
            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        }
        assertThat(decisions(JPN, id)).extracting(e -> e.get("recipient").asText())
                .containsExactlyInAnyOrder("KOR", "USA");
        assertThat(decisions(KOR, id)).hasSize(4);
        for (Party p : List.of(KOR, JPN, USA)) {
            Cluster.eventually(() -> statement(p, id).get("adopted").asBoolean(), p + " adopts it");
            assertThat(statement(p, id).get("adoptable").asBoolean()).isTrue();
        }
    }

    /**
     * Why no test shows a statement refused: §2.3 permits an unclassified record without caveats to any party of the
     * scenario at any instant, with or without an agreement, before the first agreement of the shipped scenario and
     * between Korea and Japan before 2014. A statement's label is always that.
     */
    @Test
    void thePolicyPermitsAnUnclassifiedRecordOfAChannelToEveryPartyAtAnyInstant() {
        var scenario = ScenarioFiles.shipped();
        var policy = ReleasePolicy.of(scenario);
        for (String at : List.of("1950-01-01T00:00:00Z", "2010-06-01T00:00:00Z", "2019-11-22T12:00:00Z")) {
            for (Party from : scenario.parties()) {
                var label = ConfidentialityLabel.of(scenario.scheme(from).unclassified(), Topic.of("consult.leaders"))
                        .withCreated(Instant.parse(at));
                for (Party to : scenario.parties()) {
                    if (to.equals(from)) {
                        continue;
                    }
                    var d = policy.decide(new ReleaseRequest(label, from, to, Instant.parse(at), false));
                    assertThat(d.verdict()).as(from + " → " + to + " on " + at).isEqualTo(Verdict.PERMIT);
                    assertThat(d.reasons()).containsExactly(new Reason.Unclassified());
                }
            }
        }
    }
}
