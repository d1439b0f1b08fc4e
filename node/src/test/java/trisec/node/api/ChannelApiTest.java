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

/**
 * The channels' health over the API, on a node whose clock is replaying 2019-10-01: on its own date by default, on
 * any date asked for, and a bad date or an unknown channel refused with a message that says what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelApiTest {
    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.of(Instant.parse("2019-10-01T09:00:00Z")),
                c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private static JsonNode channel(JsonNode board, String id) {
        for (JsonNode c : board.get("channels")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + id + " in " + board);
    }

    private static List<String> ids(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void withoutADateTheNodesOwnDateIsUsedAndTheDormantChannelIsTheSecretariatsAlert() {
        var r = kor.get("kor.guest", "/api/v1/channels");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode board = r.json();
        assertThat(board.get("at").asText()).isEqualTo("2019-10-01");
        JsonNode vfm = channel(board, "vice-foreign-ministers");
        assertThat(vfm.get("status").asText()).isEqualTo("DORMANT");
        assertThat(vfm.get("modelled").asBoolean()).isTrue();
        assertThat(vfm.get("lastMet").get("start").asText()).isEqualTo("2017-01-05");
        assertThat(vfm.get("dormantAfter").asText()).isEqualTo("2019-01-05");
        assertThat(channel(board, "defense-trilateral-talks").get("status").asText()).isEqualTo("MET");
        assertThat(channel(board, "leaders").get("status").asText()).isEqualTo("NO_RECORD");
        assertThat(channel(board, "leaders").get("lastMet").isNull()).isTrue();
        assertThat(ids(board.get("alerts"))).containsExactly("vice-foreign-ministers");
    }

    @Test
    void onADateAskedForTheHostsComeFromTheRotation() {
        JsonNode board = kor.get("kor.guest", "/api/v1/channels?at=2024-12-01").json();
        assertThat(board.get("at").asText()).isEqualTo("2024-12-01");
        JsonNode dm = channel(board, "defense-ministers");
        assertThat(dm.get("host").asText()).isEqualTo("JPN");
        assertThat(dm.get("nextHost").asText()).isEqualTo("KOR");
        assertThat(dm.get("nextHostFrom").asText()).isEqualTo("2025-07-28");
        assertThat(channel(board, "secretariat").get("host").asText()).isEqualTo("KOR");
        assertThat(ids(board.get("alerts"))).containsExactly("leaders", "vice-foreign-ministers");
    }

    @Test
    void oneChannelComesWithItsMeetingsAndTheGapsUpToTheDate() {
        var r = kor.get("kor.guest", "/api/v1/channels/defense-trilateral-talks?at=2024-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode dtt = r.json();
        assertThat(dtt.get("status").asText()).isEqualTo("MET");
        assertThat(dtt.get("meetings")).hasSize(2);
        assertThat(dtt.get("gaps")).hasSize(1);
        JsonNode gap = dtt.get("gaps").get(0);
        assertThat(gap.get("from").asText()).isEqualTo("2020-05-10");
        assertThat(gap.get("until").asText()).isEqualTo("2024-04-23");
        assertThat(gap.get("dormantFrom").asText()).isEqualTo("2021-05-10");
        assertThat(gap.get("ongoing").asBoolean()).isFalse();
    }

    @Test
    void aBadDateOrAnUnknownChannelIsRefusedWithAClearMessage() {
        for (String path : List.of("/api/v1/channels?at=2019-10-32", "/api/v1/channels?at=yesterday",
                "/api/v1/channels/secretariat?at=1%20Oct%202019")) {
            var r = kor.get("kor.guest", path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.error()).isEqualTo("BAD_REQUEST");
            assertThat(r.json().get("message").asText()).as(path).contains("\"at\" must be a date written as 2019-10-01");
        }
        var r = kor.get("kor.guest", "/api/v1/channels/camp-david?at=2024-12-01");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).contains("no consultation channel \"camp-david\"");
    }

    @Test
    void noOneSignedOutReadsTheChannels() {
        assertThat(kor.get(null, "/api/v1/channels").status()).isEqualTo(401);
    }
}
