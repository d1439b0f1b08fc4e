package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.scenario.file.ScenarioFiles;

/**
 * An option is a party's own "what if": a standing authority that releases every new item under its label to a
 * partner at once releases an ordinary item, and not an option saved under the same label (docs/OPTIONS.md).
 */
class OptionKeptHomeTest {
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private int releasesInOutbox() {
        var r = c.client(KOR).get("kor.officer", "/api/v1/outbox");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("releases").size();
    }

    @Test
    void aStandingAuthorityReleasesAnItemUnderTheLabelButNotAnOption() {
        c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(), Optional.of(Instant.parse("2025-06-01T00:00:00Z")),
                x -> x);
        Fed.secondOfficial(c, KOR);
        Fed.proposeAndApprove(c, KOR, """
                {"topic":"dprk","highest":"군사Ⅲ급비밀","recipients":["JPN"],"validFrom":"2014-01-01"}""");
        String yaml = c.client(KOR).get("kor.officer", "/api/v1/options/examples").json()
                .at("/examples/kor-notice-2026").asText();
        assertThat(yaml).contains("kor-jpn-gsomia-2016");
        var saved = c.client(KOR).post("kor.officer", "/api/v1/options", Json.write(Map.of("yaml", yaml,
                "level", "군사Ⅲ급비밀", "topic", "dprk.options")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(releasesInOutbox()).as("the option stays home").isZero();
        var item = c.client(KOR).post("kor.officer", "/api/v1/items", Json.write(Map.of("title", "an item",
                "body", "b", "level", "군사Ⅲ급비밀", "topic", "dprk.options")));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        assertThat(releasesInOutbox()).as("the authority covers the label").isEqualTo(1);
    }
}
