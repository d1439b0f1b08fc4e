package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import trisec.node.demo.Demo;
import trisec.scenario.file.ScenarioFiles;

/**
 * {@code trisec warn replay} against the demo's nodes: in 2024 the warning reaches Japan through the standing
 * authority the demo seeds under the mechanism; in 2017 it stays at the originator until a release is approved.
 */
class WarnCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Three consecutive ports nothing listens on, below the ephemeral range. */
    private static int freeBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 31_000);
            try (var a = new ServerSocket(base, 1, InetAddress.getLoopbackAddress());
                 var b = new ServerSocket(base + 1, 1, InetAddress.getLoopbackAddress());
                 var c = new ServerSocket(base + 2, 1, InetAddress.getLoopbackAddress())) {
                return base;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no three free ports");
    }

    private JsonNode get(int port, String user, String path) throws Exception {
        var token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/auth/token")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + user + "\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private boolean japanSees(int base, String track) throws Exception {
        for (JsonNode w : get(base + 1, "jpn.analyst", "/api/v1/warnings").get("warnings")) {
            if (w.get("track").asText().equals(track)) {
                return w.get("status").asText().equals("CLOSED");
            }
        }
        return false;
    }

    @Test
    void in2024TheReplayReachesJapanByItselfAndIn2017ItDoesNot() throws Exception {
        int base = freeBase();
        try (var demo = Demo.start(Optional.empty(), Optional.of(Instant.parse("2024-10-31T00:00:00Z")),
                ScenarioFiles.shipped(), Demo.ports(base))) {
            var run = Cli.run("warn", "replay", "2024-10-31", "--url", "http://127.0.0.1:" + base, "--speed",
                    "1000000", "--json").ok();
            JsonNode steps = run.json().get("steps");
            assertThat(steps).hasSize(3);
            assertThat(steps.get(0).get("status").asText()).isEqualTo("OPEN");
            assertThat(steps.get(2).get("status").asText()).isEqualTo("CLOSED");
            String track = run.json().get("track").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!japanSees(base, track) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(japanSees(base, track)).as("Japan sees the closed warning").isTrue();
        }
        base = freeBase();
        try (var demo = Demo.start(Optional.empty(), Optional.of(Instant.parse("2017-11-29T00:00:00Z")),
                ScenarioFiles.shipped(), Demo.ports(base))) {
            var run = Cli.run("warn", "replay", "2017-11-29", "--url", "http://127.0.0.1:" + base, "--speed",
                    "1000000").ok();
            assertThat(run.out()).contains("opened").contains("closed").contains("within 200 NM of").contains("JPN");
            Thread.sleep(1500);
            assertThat(get(base + 1, "jpn.analyst", "/api/v1/warnings").get("warnings").size()).isZero();
            assertThat(get(base, "kor.officer", "/api/v1/outbox").get("releases").size()).isZero();
        }
    }

    @Test
    void aReplayOnANodeWhoseDateIsNotTheLaunchsIsRefusedOrPlayedWithANotice() throws Exception {
        int base = freeBase();
        try (var demo = Demo.start(Optional.empty(), Optional.of(Instant.parse("2024-10-31T00:00:00Z")),
                ScenarioFiles.shipped(), Demo.ports(base))) {
            String url = "http://127.0.0.1:" + base;
            // 2017-11-29 on a node of 2024: the mechanism is in force on the node's date and was not at the launch.
            var refused = Cli.run("warn", "replay", "2017-11-29", "--url", url, "--speed", "1000000").badInput();
            assertThat(refused.err()).contains("2024-10-31").contains("2017-11-29").contains("missile-warning-2023")
                    .contains("--at-node-date").contains("Nothing was posted");
            assertThat(get(base, "kor.officer", "/api/v1/warnings").get("warnings").size()).isZero();

            // Asked to, it plays on the node's date, says so first, and the warning goes as 2024's agreements send it.
            var played = Cli.run("warn", "replay", "2017-11-29", "--url", url, "--speed", "1000000",
                    "--at-node-date").ok();
            assertThat(played.out().lines().findFirst().orElseThrow()).startsWith("notice: ")
                    .contains("2024-10-31").contains("2017-11-29").contains("missile-warning-2023");
            assertThat(played.out()).contains("opened").contains("closed");
            var json = Cli.run("warn", "replay", "2017-11-29", "--url", url, "--speed", "1000000",
                    "--at-node-date", "--json").ok().json();
            assertThat(json.get("nodeDate").asText()).isEqualTo("2024-10-31");
            assertThat(json.get("launchDate").asText()).isEqualTo("2017-11-29");
            assertThat(json.get("notice").asText()).contains("missile-warning-2023");
            // A release is decided on the agreements of the node's clock, when it is sent: through the mechanism, the
            // 2017 launch replayed in 2024 reaches Japan by itself.
            String track = json.get("track").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!japanSees(base, track) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(japanSees(base, track)).as("Japan sees the 2017 launch replayed in 2024").isTrue();

            // The same date: no notice at all.
            var same = Cli.run("warn", "replay", "2024-10-31", "--url", url, "--speed", "1000000", "--json").ok();
            assertThat(same.json().has("notice")).isFalse();
            assertThat(same.json().get("nodeDate").asText()).isEqualTo("2024-10-31");

            // Another date on which the agreements stood alike: played, with the notice that it makes no difference.
            List<String> flight = List.of("--launch", "39.0,125.8", "--azimuth", "80", "--range", "900", "--apogee",
                    "500", "--flight-time", "600", "--url", url, "--speed", "1000000");
            var alike = Cli.run(concat(List.of("warn", "simulate", "--at", "2024-10-01T00:00:00Z"), flight)).ok();
            assertThat(alike.out().lines().findFirst().orElseThrow()).startsWith("notice: ").contains("2024-10-01")
                    .contains("stand alike");
            // A made-up launch is, unless told otherwise, at the node's own time: nothing to say.
            var simulated = Cli.run(concat(List.of("warn", "simulate", "--json"), flight)).ok();
            assertThat(simulated.json().has("notice")).isFalse();
            assertThat(simulated.json().get("launchDate").asText()).isEqualTo("2024-10-31");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void badInputIsRefusedWithOneLine() {
        for (var args : List.of(List.of("warn", "replay", "2017-13-01"), List.of("warn", "replay", "2016-01-01"),
                List.of("warn", "replay", "2017-11-29", "--url", "http://127.0.0.1:1", "--speed", "1000"),
                List.of("warn", "replay", "2017-11-29", "--speed", "0"),
                List.of("warn", "simulate", "--launch", "95,125", "--azimuth", "80", "--range", "900",
                        "--apogee", "500", "--flight-time", "600", "--url", "http://127.0.0.1:1"),
                List.of("warn"))) {
            var r = Cli.run(args);
            assertThat(r.status()).as("%s: %s", args, r.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err().lines()).as("%s", args).hasSize(1);
        }
    }
}
