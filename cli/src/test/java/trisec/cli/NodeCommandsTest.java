package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code trisec keys export}, and the bad inputs of {@code trisec node} and {@code trisec demo}. */
class NodeCommandsTest {

    @Test
    void keysExportPrintsAPeersFileEntryAndKeepsTheKeysItMade(@TempDir Path dir) throws Exception {
        var first = Cli.run("keys", "export", "--party", "kor", "--data", dir.toString(), "--url",
                "https://kor.example:8081").ok().json();
        assertThat(first.get("party").asText()).isEqualTo("KOR");
        assertThat(first.get("url").asText()).isEqualTo("https://kor.example:8081");
        assertThat(first.get("keyId").asText()).matches("[0-9a-f]{16}");
        assertThat(first.get("signingKey").asText()).isNotBlank();
        assertThat(first.get("kemKey").asText()).isNotBlank();
        var again = Cli.run("keys", "export", "--party", "KOR", "--data", dir.toString()).ok().json();
        assertThat(again.get("keyId")).isEqualTo(first.get("keyId"));
        assertThat(again.has("url")).isFalse();
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/signing.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void keysOfAnotherPartyInTheDataDirectoryAreRefused(@TempDir Path dir) {
        Cli.run("keys", "export", "--party", "KOR", "--data", dir.toString()).ok();
        Cli.run("keys", "export", "--party", "JPN", "--data", dir.toString()).badInput();
    }

    static List<List<String>> badKeysExports() {
        return List.of(List.of("--party", "Korea"), List.of("--party", "KOR", "--url", "not a url"), List.of());
    }

    @ParameterizedTest
    @MethodSource("badKeysExports")
    void keysExportRefusesBadInput(List<String> args, @TempDir Path dir) {
        var all = new java.util.ArrayList<>(List.of("keys", "export", "--data", dir.toString()));
        all.addAll(args);
        Cli.run(all).badInput();
    }

    static List<List<String>> badNodeStarts() {
        return List.of(
                List.of("--party", "XXX"),
                List.of("--party", "KOR", "--port", "70000"),
                List.of("--party", "KOR", "--port", "eighty"),
                List.of("--party", "KOR", "--db", "postgres://nowhere"),
                List.of("--party", "KOR", "--peers", "no/such/peers.yaml"),
                List.of("--party", "KOR", "--as-of", "yesterday"),
                List.of("--party", "KOR", "--scenario", "no/such/scenario.yaml"),
                List.of("--port", "8081"));
    }

    @ParameterizedTest
    @MethodSource("badNodeStarts")
    void nodeRefusesBadInputWithOneLineAndStartsNothing(List<String> args, @TempDir Path dir) {
        var all = new java.util.ArrayList<>(List.of("node", "--data", dir.toString()));
        all.addAll(args);
        Cli.run(all).badInput();
    }

    @Test
    void nodeRefusesAPortThatIsTaken(@TempDir Path dir) throws Exception {
        try (var taken = new ServerSocket(0)) {
            var cli = Cli.run("node", "--party", "KOR", "--data", dir.toString(), "--port",
                    String.valueOf(taken.getLocalPort())).badInput();
            assertThat(cli.errLine()).contains("cannot listen");
        }
    }

    @Test
    void nodeRefusesAMalformedPeersFile(@TempDir Path dir) throws Exception {
        Path peers = dir.resolve("peers.yaml");
        Files.writeString(peers, "peers:\n  - {party: JPN, url: 'ftp://x', signingKey: AAAA, kemKey: AAAA}\n");
        var cli = Cli.run("node", "--party", "KOR", "--data", dir.resolve("data").toString(), "--peers",
                peers.toString()).badInput();
        assertThat(cli.errLine()).contains("peer 1");
    }

    @Test
    void demoRefusesBadInput() {
        Cli.run("demo", "--as-of", "2015-13-01").badInput();
        Cli.run("demo", "--scenario", "no/such/scenario.yaml").badInput();
    }
}
