package trisec.node.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.federation.Postbox;
import trisec.node.release.Decisions;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * A consultation's record goes to a party only where the release policy permits it at that instant (DESIGN §5.4),
 * and the decision is on record either way. For the consultation's own parties the policy permits it on every date
 * (an unclassified record releasable to them, §2.3); a record released to Korea and the USA alone is refused to
 * Japan: nothing goes to Japan, the DENY is in the audit log, and the room says why.
 */
class ConsultationSharingTest {
    private static final Party KOR = Cluster.KOR;
    private static final Party JPN = Cluster.JPN;
    private static final Party USA = Cluster.USA;
    private Cluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPartyThePolicyRefusesIsSentNothingAndTheRoomSaysWhy() {
        // Korea delivers nothing: its outbox keeps what it would send.
        cluster = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2024-10-31T00:00:00Z")), c -> c.party().equals(KOR)
                        ? c.toBuilder().deliver(false).build() : c);
        var self = cluster.node(KOR).self();
        var sharing = new ConsultationSharing(self, new Decisions(self), new Postbox(self));
        String id = UUID.randomUUID().toString();
        String stepId = UUID.randomUUID().toString();
        var opening = ConsultationSignatures.signOpened(self.keys(), id, ConsultationDesk.COMMITMENT,
                UUID.randomUUID().toString(), self.clock().instant().toString());
        var draft = ConsultationSignatures.signStep(self.keys(), opening, ConsultationDesk.DRAFT, stepId,
                self.clock().instant().toString(), "Korea's draft", null, null, null, null);
        var shared = self.store().inTransaction(h -> {
            Consultations.insert(h, opening);
            // Korea's record of a consultation between Korea and the USA: Japan is outside it.
            return sharing.send(h, "kor.officer", id, List.of(KOR, USA), ConsultationDesk.DRAFT, stepId, draft,
                    List.of(JPN, USA));
        });
        assertThat(shared.to()).containsExactly(USA);
        assertThat(shared.withheld()).containsExactly(JPN);
        List<String> outbox = self.store().read(h -> h.createQuery("SELECT peer FROM outbox WHERE kind = :k")
                .bind("k", draft.envelopeKind()).mapTo(String.class).list());
        assertThat(outbox).containsExactly("USA");

        cluster.node(KOR).integrateNow();
        List<JsonNode> decisions = cluster.node(KOR).auditLog().entries(0, 100_000).stream()
                .filter(e -> e.contains("\"type\":\"DECISION\"")).map(ConsultationSharingTest::json)
                .filter(e -> e.get("purpose").asText().equals("consultation")).toList();
        assertThat(decisions).extracting(e -> e.get("recipient").asText() + " " + e.get("decision").asText())
                .containsExactly("JPN DENY", "USA PERMIT");
        assertThat(decisions).allSatisfy(e -> {
            assertThat(e.get("topic").asText()).isEqualTo("consult.commitment");
            assertThat(e.get("actor").asText()).isEqualTo("kor.officer");
        });

        var room = cluster.client(KOR).get("kor.analyst", "/api/v1/consultations/" + id);
        assertThat(room.status()).as(room.body()).isEqualTo(200);
        for (JsonNode p : room.json().get("parties")) {
            if (p.get("party").asText().equals("JPN")) {
                assertThat(p.at("/withheld/steps").asInt()).isEqualTo(1);
                assertThat(p.at("/withheld/lastStep").asText()).isEqualTo("DRAFT");
                assertThat(p.at("/withheld/reasons/0").asText()).contains("JPN");
            } else {
                assertThat(p.get("withheld").isNull()).as(p.toString()).isTrue();
            }
        }
    }

    private static JsonNode json(String entry) {
        try {
            return Json.MAPPER.readTree(entry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
