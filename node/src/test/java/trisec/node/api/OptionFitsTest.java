package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * An option is read against the agreements as the node knows them each time it is used: once an administrator
 * records the very notice it imagines, it no longer fits. It stays listed, saying why on its line, and drawing it
 * is refused; nothing about it changed the event recorded.
 */
class OptionFitsTest {

    @Test
    void anOptionOvertakenByARecordedEventIsListedAsNoLongerFittingAndIsNotDrawn() {
        try (Cluster c = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-02-01T00:00:00Z")), cfg -> cfg)) {
            Client kor = c.client(Cluster.KOR);
            String yaml = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/kor-notice-2026")
                    .asText();
            String notice = kor.post("kor.officer", "/api/v1/options", ApiFixture.body("yaml", yaml, "level",
                    ApiFixture.CLASS_II, "topic", "dprk")).json().get("id").asText();
            String other = kor.post("kor.officer", "/api/v1/options", ApiFixture.body("yaml",
                    kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/tisa-widened").asText(),
                    "level", ApiFixture.CLASS_II, "topic", "dprk")).json().get("id").asText();
            assertThat(kor.get("kor.officer", "/api/v1/options/" + notice).json().get("fits").asBoolean()).isTrue();

            var recorded = kor.post("kor.admin", "/api/v1/agreements/kor-jpn-gsomia-2016/events",
                    "{\"type\":\"TERMINATION_NOTICE\",\"date\":\"2026-01-15\",\"by\":\"KOR\"}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

            JsonNode listed = null;
            for (JsonNode o : kor.get("kor.officer", "/api/v1/options").json().get("options")) {
                if (o.get("id").asText().equals(notice)) {
                    listed = o;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.get("fits").asBoolean()).isFalse();
            assertThat(listed.get("problems").get(0).asText()).startsWith("line ").contains("termination notice");
            var drawn = kor.get("kor.officer", "/api/v1/options/" + notice + "/picture?at=2026-12-01");
            assertThat(drawn.status()).isEqualTo(409);
            assertThat(drawn.error()).isEqualTo("OPTION_DOES_NOT_FIT");
            assertThat(drawn.json().get("reasons").get(0).asText()).startsWith("line ");
            assertThat(kor.get("kor.officer", "/api/v1/options/compare?ids=" + notice + "," + other).status())
                    .isEqualTo(409);
            // The other one still fits and is drawn on the agreements with the notice recorded.
            var widened = kor.get("kor.officer", "/api/v1/options/" + other + "/picture?at=2026-12-01");
            assertThat(widened.status()).as(widened.body()).isEqualTo(200);
            assertThat(kor.get("kor.officer", "/api/v1/agreements/events").json().get("events")).hasSize(1);
        }
    }
}
