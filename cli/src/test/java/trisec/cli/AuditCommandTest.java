package trisec.cli;

import trisec.node.NodeConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.node.Node;
import trisec.node.person.Passwords;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/** {@code trisec audit verify}, offline on a node's data and online against a running node. */
class AuditCommandTest {
    private static final Party KOR = Party.of("KOR");

    /** A KOR node on a free port with some activity in its log, integrated and checkpointed. */
    private static Node node(Path dir) {
        Node node = Node.start(NodeConfig.builder(KOR, dir, ScenarioFiles.shipped()).port(0).witness(false).build());
        node.seedDemoPersons(Passwords.hash("demo".toCharArray()));
        for (String user : new String[] {"kor.officer", "kor.analyst", "kor.guest"}) {
            post(node.url(), "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        }
        node.integrateNow();
        return node;
    }

    private static String post(URI base, String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String token(Node node, String user) {
        String json = post(node.url(), "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        return json.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void offlineVerificationPassesOnAnUntouchedStoreAndNamesTheFirstBadEntryOtherwise(@TempDir Path dir) {
        node(dir).close();
        var ok = Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR", "--json").ok().json();
        assertThat(ok.get("verified").asBoolean()).isTrue();
        assertThat(ok.get("entries").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(ok.get("checkpoints").asInt()).isPositive();

        try (Store store = Store.embedded(dir)) {
            store.useTransaction(h -> {
                byte[] entry = h.createQuery("SELECT entry FROM audit_entries WHERE idx = 1").mapTo(byte[].class).one();
                entry[entry.length - 2] ^= 1;
                h.createUpdate("UPDATE audit_entries SET entry = :e WHERE idx = 1").bind("e", entry).execute();
            });
        }
        var failed = Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.out()).startsWith("FAILED: entry 1:");
    }

    @Test
    void onlineVerificationTrustsOnFirstUseThenChecksConsistency(@TempDir Path dir) throws Exception {
        Node node = node(dir.resolve("node"));
        try {
            String token = token(node, "kor.auditor");
            String state = dir.resolve("state.json").toString();
            var first = Cli.run("audit", "verify", "--url", node.url().toString(), "--token", token, "--state", state,
                    "--samples", "3").ok();
            assertThat(first.out()).contains("verified: trisec.KOR/").contains("entries, newest included");
            node.integrateNow();
            var second = Cli.run("audit", "verify", "--url", node.url().toString(), "--token", token, "--state", state,
                    "--json").ok().json();
            assertThat(second.get("verified").asBoolean()).isTrue();
            assertThat(second.get("previousSize").asLong()).isPositive();

            // Against a checkpoint held elsewhere: the live log must be at least as large, and consistent with it.
            Path held = dir.resolve("held.checkpoint");
            java.nio.file.Files.writeString(held, get(node.url(), "/log/checkpoint", token));
            token(node, "kor.officer");
            node.integrateNow();
            var third = Cli.run("audit", "verify", "--url", node.url().toString(), "--token", token, "--state", state,
                    "--checkpoint", held.toString()).ok();
            assertThat(third.out()).contains("consistent with the checkpoint of size");
        } finally {
            node.close();
        }
    }

    private static String get(URI base, String path, String token) {
        try {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A store restored from an older copy is a whole, consistent, smaller log: it verifies by itself. The node
     * refuses to start on it (it remembers the last checkpoint it published), and verification finds it against a
     * checkpoint held elsewhere, as a partner cosigned it.
     */
    @Test
    void aStoreRolledBackWholeIsFoundAgainstACheckpointHeldElsewhere(@TempDir Path dir) throws Exception {
        node(dir).close();
        // Closed cleanly, the store is its one file (SQLite folds the write-ahead log into it at the last close).
        assertThat(dir.resolve("trisec.db-wal")).doesNotExist();
        Path backup = dir.resolveSibling(dir.getFileName() + "-backup.db");
        java.nio.file.Files.copy(dir.resolve("trisec.db"), backup);

        Node node = Node.start(NodeConfig.builder(KOR, dir, ScenarioFiles.shipped()).port(0).witness(false).build());
        String served;
        try {
            String token = token(node, "kor.auditor");
            token(node, "kor.officer");
            node.integrateNow();
            served = get(node.url(), "/log/checkpoint", token);
        } finally {
            node.close();
        }
        Path saved = dir.resolveSibling(dir.getFileName() + "-cosigned.checkpoint");
        java.nio.file.Files.writeString(saved, served);
        java.nio.file.Files.copy(backup, dir.resolve("trisec.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(dir.resolve("trisec.db-wal")).doesNotExist();

        assertThatThrownBy(() -> Node.start(NodeConfig.builder(KOR, dir, ScenarioFiles.shipped()).port(0).witness(false).build()))
                .isInstanceOf(trisec.DomainException.class).hasMessageContaining("lost signed history");
        var found = Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR");
        assertThat(found.status()).as(found.out()).isEqualTo(1);
        assertThat(found.out()).contains("rolled back or truncated");

        // Whoever restored the store can put back the node's own record too: then only the partners' copy shows it.
        java.nio.file.Files.delete(dir.resolve("log").resolve("checkpoint"));
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR").ok();
        var againstPartners = Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR",
                "--checkpoint", saved.toString(), "--json");
        assertThat(againstPartners.status()).isEqualTo(1);
        assertThat(againstPartners.json().get("problem").asText()).contains("rolled back or truncated");
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) {
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR", "--checkpoint", dir.resolve("none").toString())
                .badInput();
        Cli.run("audit", "verify").badInput();
        Cli.run("audit", "verify", "--data", dir.toString()).badInput();
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR").badInput();
        Cli.run("audit", "verify", "--url", "http://127.0.0.1:1", "--token", "t").badInput();
        Cli.run("audit", "verify", "--url", "nonsense", "--token", "t").badInput();
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR", "--url", "http://x", "--token", "t").badInput();
    }
}
