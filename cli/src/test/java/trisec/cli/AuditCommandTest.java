package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.node.Node;
import trisec.node.auth.Passwords;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.scenario.ScenarioFiles;

/** {@code trisec audit verify}, offline on a node's data and online against a running node. */
class AuditCommandTest {
    private static final Party KOR = Party.of("KOR");

    /** A KOR node on a free port with some activity in its log, integrated and checkpointed. */
    private static Node node(Path dir) {
        Node node = Node.start(Node.Config.of(KOR, 0, dir, ScenarioFiles.shipped()).withWitness(false));
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
    void onlineVerificationTrustsOnFirstUseThenChecksConsistency(@TempDir Path dir) {
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
        } finally {
            node.close();
        }
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) {
        Cli.run("audit", "verify").badInput();
        Cli.run("audit", "verify", "--data", dir.toString()).badInput();
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR").badInput();
        Cli.run("audit", "verify", "--url", "http://127.0.0.1:1", "--token", "t").badInput();
        Cli.run("audit", "verify", "--url", "nonsense", "--token", "t").badInput();
        Cli.run("audit", "verify", "--data", dir.toString(), "--party", "KOR", "--url", "http://x", "--token", "t").badInput();
    }
}
