package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;
import static trisec.node.federation.Fed.awaitStatus;
import static trisec.node.federation.Fed.createItem;
import static trisec.node.federation.Fed.outboxEntry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.agreement.LifecycleEvent;
import trisec.node.Cluster;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;

/**
 * The recipient decides again on its own agreements. Japan's node knows the Korea–Japan GSOMIA was terminated;
 * Korea's does not. Korea permits and sends; Japan refuses with its reason and keeps nothing.
 */
class RecipientRefusalTest {
    static final Instant SEPTEMBER_2026 = Instant.parse("2026-09-01T00:00:00Z");

    static Scenario terminatedForJapan() {
        var terminated = LifecycleEvent.of(LifecycleEvent.EventType.TERMINATED,
                Instant.parse("2026-06-01T00:00:00Z"), Optional.of(JPN), "terminated (as only JPN's node knows)",
                Optional.empty());
        return ScenarioFiles.shipped().withEvent("kor-jpn-gsomia-2016", terminated);
    }

    @Test
    void japanRefusesADirectReleaseItsOwnAgreementsNoLongerAllow() {
        Scenario jpnView = terminatedForJapan();
        try (Cluster c = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.of(SEPTEMBER_2026),
                cfg -> cfg.party().equals(JPN) ? cfg.toBuilder().scenario(jpnView).build() : cfg)) {
            String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
            JsonNode requested = Fed.request(c, KOR, id, JPN);
            // On KOR's facts the GSOMIA is in force: a direct release.
            assertThat(requested.at("/decision/decision").asText()).isEqualTo("PERMIT");
            assertThat(Fed.textList(requested.at("/decision/route"))).containsExactly("KOR", "JPN");
            String releaseId = requested.at("/release/id").asText();
            Fed.approve(c, KOR, releaseId);

            awaitStatus(c, KOR, releaseId, "REFUSED");
            JsonNode release = outboxEntry(c, KOR, releaseId);
            String refusal = release.get("refusal").asText();
            assertThat(refusal).startsWith("JPN: ").contains("not directly").contains("kor-jpn-gsomia-2016 is terminated");
            SignedReceipt receipt = Fed.receipt(release);
            assertThat(MessageSignatures.verifyReceipt(c.node(JPN).identity(), receipt)).isTrue();
            assertThat(receipt.receipt().outcome()).isEqualTo(Messages.REFUSED);
            assertThat(receipt.receipt().reason()).isEqualTo(refusal.substring("JPN: ".length()));

            // JPN keeps no copy, only the answer it gave.
            assertThat(Fed.item(c.node(JPN), id)).isEmpty();
            assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(404);
            assertThat(Fed.inboxEntry(c.node(JPN), receipt.receipt().messageId())).isPresent();
            assertThat(Fed.itemCount(c.node(JPN))).isZero();
            assertThat(Fed.item(c.node(USA), id)).isEmpty();
        }
    }
}
