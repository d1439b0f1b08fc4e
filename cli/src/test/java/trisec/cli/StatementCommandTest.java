package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.envelope.NodeKeys;
import trisec.node.base.Json;
import trisec.node.base.Peers;
import trisec.node.consult.StatementDocument;
import trisec.node.federation.MessageSignatures;
import trisec.party.Party;

/**
 * {@code trisec statement verify FILE}: an adopted statement's document, signed by the three parties' nodes, verifies
 * against their public keys; one byte changed in a text, a signature or a key, and it does not, with the reason.
 */
class StatementCommandTest {
    private static final List<Party> THREE = List.of(Party.of("KOR"), Party.of("JPN"), Party.of("USA"));
    private static final Map<Party, NodeKeys> KEYS = new LinkedHashMap<>();
    private static final String EN = "The three countries cooperate for peace and stability in the Indo-Pacific.";

    @TempDir
    static Path dir;

    private static Path document;
    private static Path peers;

    @BeforeAll
    static void signed() {
        THREE.forEach(p -> KEYS.put(p, NodeKeys.generate(p)));
        var revision = new StatementRevision(UUID.randomUUID().toString(), 2, "leaders", Optional.empty(),
                "Joint statement of the leaders", new StatementTexts("한미일 3국은 인도태평양의 평화와 안정을 위해 협력한다.",
                "日米韓三か国はインド太平洋の平和と安定のために協力する。", EN));
        var signers = new ArrayList<StatementDocument.Signer>();
        for (NodeKeys k : KEYS.values()) {
            signers.add(new StatementDocument.Signer(k.party().code(), k.identity().keyId().value(),
                    "2024-11-20T09:30:00Z", MessageSignatures.signStatement(k, revision.hash())));
        }
        var t = revision.texts();
        document = write("statement.json", Json.write(new StatementDocument(StatementDocument.FORMAT,
                revision.statementId(), revision.revision(), revision.channel(), null, revision.title(),
                new StatementDocument.Texts(t.ko(), t.ja(), t.en()), revision.hashText(), "2024-11-20T09:31:00Z",
                signers)));
        peers = write("peers.json", Json.write(Map.of("peers", KEYS.values().stream()
                .map(k -> Peers.export(k.identity(), Optional.empty(), Optional.empty())).toList())));
    }

    private static Path write(String name, String text) {
        return Cli.write(dir.resolve(name), text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the file with one byte changed: the first one after {@code after}, to another base64 letter. */
    private static Path flipped(Path file, String name, String after) {
        String text = read(file);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int found = text.indexOf(after);
        assertThat(found).as(after).isNotNegative();
        int at = (text.substring(0, found) + after).getBytes(StandardCharsets.UTF_8).length;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keyId(String party) {
        return KEYS.get(Party.of(party)).identity().keyId().value();
    }

    @Test
    void aDocumentSignedByTheThreeNodesVerifiesAgainstTheirKeys() {
        var ok = Cli.run("statement", "verify", document.toString(), "--keys", peers.toString()).ok();
        assertThat(ok.outLines()).hasSize(3);
        assertThat(ok.outLines().get(0)).startsWith("verified: joint statement ").contains("revision 2 of leaders");
        assertThat(ok.outLines().get(1)).startsWith("signed by ").contains("KOR (key " + keyId("KOR") + ")",
                "JPN (key " + keyId("JPN") + ")", "USA (key " + keyId("USA") + ")");

        var json = Cli.run("statement", "verify", document.toString(), "--keys", peers.toString(), "--json").ok()
                .json();
        assertThat(json.get("verified").asBoolean()).isTrue();
        assertThat(json.get("problems")).isEmpty();
        assertThat(Cli.elements(json.get("signatories"))).extracting(n -> n.get("party").asText())
                .containsExactlyInAnyOrder("KOR", "JPN", "USA");

        // A node's peers file lists its partners; its own entry comes from 'trisec keys export'.
        var partners = write("partners.json", Json.write(Map.of("peers", List.of(
                Peers.export(KEYS.get(Party.of("JPN")).identity(), Optional.empty(), Optional.empty()),
                Peers.export(KEYS.get(Party.of("USA")).identity(), Optional.empty(), Optional.empty())))));
        var own = write("kor.json", Json.write(Peers.export(KEYS.get(Party.of("KOR")).identity(), Optional.empty(),
                Optional.empty())));
        Cli.run("statement", "verify", document.toString(), "--keys", partners.toString(), "--keys", own.toString())
                .ok();
    }

    /**
     * The signatures cover the statement's content, not when the exporting node adopted it or says each party signed:
     * those times changed, the document still verifies, and the output says they are not signed, in text and JSON.
     */
    @Test
    void theTimesAreNotSignedAndTheOutputSaysSo() {
        String text = read(document);
        var moved = write("moved.json", text.replace("\"adoptedAt\":\"2024-11-20T09:31:00Z\"",
                "\"adoptedAt\":\"1999-01-01T00:00:00Z\"").replaceFirst("\"signedAt\":\"2024-11-20T09:30:00Z\"",
                "\"signedAt\":\"1999-01-02T00:00:00Z\""));
        assertThat(read(moved)).isNotEqualTo(text).contains("1999-01-01").contains("1999-01-02");
        var ok = Cli.run("statement", "verify", moved.toString(), "--keys", peers.toString()).ok();
        assertThat(ok.outLines().get(0)).startsWith("verified: ");
        assertThat(ok.outLines().get(2)).startsWith("not signed: adoptedAt 1999-01-01T00:00:00Z and signedAt (")
                .contains("KOR 1999-01-02T00:00:00Z", "JPN 2024-11-20T09:30:00Z")
                .endsWith("are the exporting node's record, outside the hash and the signatures");
        var json = Cli.run("statement", "verify", moved.toString(), "--keys", peers.toString(), "--json").ok().json();
        assertThat(json.get("verified").asBoolean()).isTrue();
        assertThat(json.get("adoptedAt").asText()).isEqualTo("1999-01-01T00:00:00Z");
        assertThat(json.at("/signedAt/KOR").asText()).isEqualTo("1999-01-02T00:00:00Z");
        assertThat(Cli.elements(json.get("notSigned"))).extracting(n -> n.asText())
                .containsExactly("adoptedAt", "signedAt");
    }

    @Test
    void aPartysSecondSignatureIsAProblemNotARider() {
        var d = Json.read(read(document), StatementDocument.class);
        var twice = new ArrayList<>(d.signatures());
        var kor = twice.stream().filter(x -> x.party().equals("KOR")).findFirst().orElseThrow();
        twice.add(new StatementDocument.Signer("KOR", kor.keyId(), kor.signedAt(), "AAAA"));
        var doubled = write("doubled.json", Json.write(new StatementDocument(d.format(), d.statementId(),
                d.revision(), d.channel(), d.meeting(), d.title(), d.texts(), d.hash(), d.adoptedAt(), twice)));
        var r = Cli.run("statement", "verify", doubled.toString(), "--keys", peers.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly("FAILED: KOR has more than one signature in the document; a party "
                + "signs once");
    }

    @Test
    void oneByteChangedInATextFailsWithTheReason() {
        var changed = flipped(document, "text.json", "cooperate for peace and stability in the Indo-P");
        var r = Cli.run("statement", "verify", changed.toString(), "--keys", peers.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).singleElement().asString()
                .startsWith("FAILED: hash is not the hash of the document's content: the content or the hash was "
                        + "changed; ").contains("KOR's signature does not verify", "JPN's signature does not verify",
                        "USA's signature does not verify");
        var json = Cli.run("statement", "verify", changed.toString(), "--keys", peers.toString(), "--json").json();
        assertThat(json.get("verified").asBoolean()).isFalse();
        assertThat(json.get("problems")).hasSize(4);
    }

    @Test
    void oneByteChangedInASignatureFailsWithTheReason() {
        String text = read(document);
        int jpn = text.indexOf("\"party\":\"JPN\"");
        String signature = text.substring(text.indexOf("\"signature\":\"", jpn) + 13);
        var changed = flipped(document, "signature.json", "\"signature\":\"" + signature.substring(0, 1000));
        var r = Cli.run("statement", "verify", changed.toString(), "--keys", peers.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly("FAILED: JPN's signature does not verify over the document's "
                + "content with key " + keyId("JPN"));
    }

    @Test
    void oneByteChangedInAKeyFailsWithTheReason() {
        String text = read(peers);
        int usa = text.indexOf("\"party\":\"USA\"");
        String key = text.substring(text.indexOf("\"signingKey\":\"", usa) + 14);
        // As exported, the entry's key id no longer matches its keys: the keys file is refused.
        var exported = flipped(peers, "keys.json", "\"signingKey\":\"" + key.substring(0, 1500));
        var refused = Cli.run("statement", "verify", document.toString(), "--keys", exported.toString()).badInput();
        assertThat(refused.errLine()).startsWith("trisec statement verify: ").contains("peer 3: keyId "
                + keyId("USA") + " does not match the keys");
        // Without a key id in the entry, the changed key is another key, and the USA's signature is not by it.
        var bare = write("bare.json", read(exported).replace("\"keyId\":\"" + keyId("USA") + "\",", ""));
        var r = Cli.run("statement", "verify", document.toString(), "--keys", bare.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).singleElement().asString()
                .startsWith("FAILED: USA's signature does not verify over the document's content with key ")
                .doesNotContain(keyId("USA"));
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        var onlyTwo = write("two.json", Json.write(Map.of("peers", List.of(
                Peers.export(KEYS.get(Party.of("KOR")).identity(), Optional.empty(), Optional.empty()),
                Peers.export(KEYS.get(Party.of("JPN")).identity(), Optional.empty(), Optional.empty())))));
        assertThat(Cli.run("statement", "verify", document.toString(), "--keys", onlyTwo.toString()).badInput()
                .errLine()).contains("no public key for USA");
        assertThat(Cli.run("statement", "verify", document.toString()).badInput().errLine()).contains("--keys");
        assertThat(Cli.run("statement", "verify", dir.resolve("none.json").toString(), "--keys", peers.toString())
                .badInput().errLine()).contains("no document at");
        var notJson = write("not.json", "{\"format\": ");
        assertThat(Cli.run("statement", "verify", notJson.toString(), "--keys", peers.toString()).badInput()
                .errLine()).contains("is not a joint statement's document");
        var stranger = write("stranger.json", read(document).replace("\"title\"", "\"titel\""));
        assertThat(Cli.run("statement", "verify", stranger.toString(), "--keys", peers.toString()).badInput()
                .errLine()).contains("is not a joint statement's document").contains("titel");
        assertThat(Cli.run("statement", "verify", document.toString(), "--keys", document.toString()).badInput()
                .errLine()).contains("a keys file is a peers file");
        assertThat(Cli.run("statement").badInput().errLine()).contains("verify");
    }
}
