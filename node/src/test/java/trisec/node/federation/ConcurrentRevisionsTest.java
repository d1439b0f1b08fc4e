package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.consult.StatementDocument;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * Two parties revise the same revision of a joint statement at about the same time: Korea and Japan each make a
 * revision 2 before either has seen the other's. The nodes deliver nothing by themselves here; the test carries each
 * envelope, so that the two revisions reach the nodes in different orders (the USA gets Japan's first, or Korea's).
 * Every node ends on the same latest revision, Korea's (2 by KOR comes after 2 by JPN), whatever order it saw; a
 * signature of Japan's own revision 2 does not count for Korea's; once all three sign Korea's, every node adopts it
 * and exports the same document, and Japan's, reaching a node after it adopted Korea's, changes nothing there.
 */
class ConcurrentRevisionsTest {
    private static final List<Party> THREE = List.of(KOR, JPN, USA);
    private static final String KO = "한미일 3국은 협력한다.";
    private static final String JA = "日米韓三か国は協力する。";
    private static final String EN = "The three countries cooperate.";

    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    /** Sends every envelope {@code from}'s node has waiting for {@code to}'s, in the order it made them. */
    private void deliver(Party from, Party to) {
        deliver(from, to, null);
    }

    /** The same, only the envelopes of this kind when one is named. */
    private void deliver(Party from, Party to, String kind) {
        var store = c.node(from).self().store();
        for (OutboxRow row : Fed.outboxRows(c.node(from))) {
            if (!row.peer().equals(to.code()) || !row.state().equals(OutboxRow.PENDING)
                    || (kind != null && !row.kind().equals(kind))) {
                continue;
            }
            var answer = Fed.post(c, to, row.envelope());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var receipt = Fed.signedReceipt(answer.json()).receipt();
            assertThat(receipt.outcome()).as(row.kind() + " " + from + " → " + to + ": " + receipt.reason())
                    .isNotEqualTo(Messages.REFUSED);
            store.useTransaction(h -> Outbox.done(h, row.id()));
        }
    }

    private void deliverAll() {
        for (Party from : THREE) {
            for (Party to : THREE) {
                if (!from.equals(to)) {
                    deliver(from, to);
                }
            }
        }
    }

    private JsonNode statement(Party p, String id) {
        var r = c.client(p).get(Fed.user(p, "analyst"), "/api/v1/statements/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Client.Response revise(Party p, String en) {
        return c.client(p).post(Fed.user(p, "officer"), "/api/v1/statements/" + id + "/revisions",
                Json.write(Map.of("texts", Map.of("ko", KO, "ja", JA, "en", en))));
    }

    private Client.Response sign(Party p, int revision, String hash) {
        return c.client(p).post(Fed.user(p, "disclosure"), "/api/v1/statements/" + id + "/sign",
                hash == null ? "{\"revision\":" + revision + "}" : Json.write(Map.of("revision", revision,
                        "hash", hash)));
    }

    private String id;

    /** The payloads {@code from}'s node has waiting for {@code to}'s, of this kind, opened as {@code to} opens them. */
    private List<String> payloads(Party from, Party to, String kind) {
        return Fed.outboxRows(c.node(from)).stream().filter(r -> r.peer().equals(to.code())
                        && r.kind().equals(kind) && r.state().equals(OutboxRow.PENDING))
                .map(r -> new String(trisec.envelope.Envelopes.open(c.keys(to), c.node(from).identity(),
                        Wire.decode(r.envelope())).payload(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** Seals a message from {@code from}'s node to {@code to}'s and posts it: the receipt. */
    private Messages.Receipt post(Party from, Party to, Messages.Message m) {
        var envelope = Fed.seal(c.keys(from), c.node(to).identity(), m.envelopeKind(), java.util.UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, m);
        var answer = Fed.post(c, to, Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Fed.signedReceipt(answer.json()).receipt();
    }

    /** The same, taken: the receipt's reason. */
    private String send(Party from, Party to, Messages.Message m) {
        var receipt = post(from, to, m);
        assertThat(receipt.outcome()).as(receipt.reason()).isNotEqualTo(Messages.REFUSED);
        return receipt.reason();
    }

    @ParameterizedTest(name = "the USA gets {0}''s revision first")
    @ValueSource(strings = {"JPN", "KOR"})
    void concurrentRevisionsConvergeOnTheSameLatestRevisionAtEveryNode(String firstAtUsa) {
        startAndDraft();
        deliverAll();
        THREE.forEach(p -> assertThat(statement(p, id).get("revision").asInt()).isEqualTo(1));

        // Korea and Japan each revise revision 1, neither having seen the other's.
        var byKor = revise(KOR, EN + " As Korea worded it.");
        var byJpn = revise(JPN, EN + " As Japan worded it.");
        assertThat(byKor.status()).as(byKor.body()).isEqualTo(201);
        assertThat(byJpn.status()).as(byJpn.body()).isEqualTo(201);
        assertThat(byKor.json().get("revision").asInt()).isEqualTo(2);
        assertThat(byJpn.json().get("revision").asInt()).isEqualTo(2);
        String korHash = byKor.json().get("hash").asText();
        String jpnHash = byJpn.json().get("hash").asText();
        assertThat(korHash).isNotEqualTo(jpnHash);
        // Japan signs its own revision 2 before Korea's reaches it.
        assertThat(sign(JPN, 2, jpnHash).status()).isEqualTo(200);

        Party first = Party.of(firstAtUsa);
        Party second = first.equals(KOR) ? JPN : KOR;
        deliver(first, USA);
        assertThat(statement(USA, id).get("revisedBy").asText()).isEqualTo(first.code());
        deliver(second, USA);
        deliver(KOR, JPN);
        deliver(JPN, KOR);
        deliverAll();

        for (Party p : THREE) {
            JsonNode s = statement(p, id);
            assertThat(s.get("revision").asInt()).as(p.code()).isEqualTo(2);
            assertThat(s.get("revisedBy").asText()).as(p.code()).isEqualTo("KOR");
            assertThat(s.get("hash").asText()).as(p.code()).isEqualTo(korHash);
            assertThat(s.at("/texts/en").asText()).endsWith("As Korea worded it.");
            assertThat(s.get("revisions").toString()).as(p.code())
                    .isEqualTo("[{\"revision\":1,\"by\":\"KOR\"},{\"revision\":2,\"by\":\"JPN\"},"
                            + "{\"revision\":2,\"by\":\"KOR\"}]");
            // Japan's signature is of its own revision 2, not of Korea's.
            assertThat(s.get("signatures")).as(p.code()).isEmpty();
            assertThat(Fed.textList(s.get("awaiting"))).as(p.code()).containsExactlyInAnyOrder("KOR", "JPN", "USA");
        }

        // Two revisions numbered 2 are held: signing names the one that was read, by its hash.
        var unnamed = sign(USA, 2, null);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("message").asText()).contains("hash is missing")
                .contains("by JPN, KOR");
        var japans = sign(USA, 2, jpnHash);
        assertThat(japans.status()).isEqualTo(409);
        assertThat(japans.error()).isEqualTo("STALE_REVISION");
        for (Party p : THREE) {
            var r = sign(p, 2, korHash);
            assertThat(r.status()).as(p + ": " + r.body()).isEqualTo(200);
        }
        deliverAll();
        for (Party p : THREE) {
            JsonNode s = statement(p, id);
            assertThat(s.get("adopted").asBoolean()).as(p.code()).isTrue();
            var d = Json.read(c.client(p).get(Fed.user(p, "guest"), "/api/v1/statements/" + id + "/document").body(),
                    StatementDocument.class);
            assertThat(d.hash()).isEqualTo(korHash);
            assertThat(d.texts().en()).endsWith("As Korea worded it.");
            assertThat(d.problems(Map.of(KOR, c.node(KOR).identity(), JPN, c.node(JPN).identity(), USA,
                    c.node(USA).identity()))).isEmpty();
        }
    }

    /**
     * A node signing a revision 1 names no proposer (only the drafter makes one), so that a node of an earlier
     * version takes the signature; a node that does not hold the statement yet keeps the signature, and counts it
     * when the draft arrives with the hash it signs.
     */
    /** Three nodes that deliver only when told, and Korea's draft of a leaders' statement, delivered nowhere yet. */
    private void startAndDraft() {
        c = Cluster.start(THREE, ScenarioFiles.shipped(), Optional.empty(),
                config -> config.toBuilder().deliver(false).build());
        var drafted = c.client(KOR).post("kor.officer", "/api/v1/statements", Json.write(Map.of("channel", "leaders",
                "title", "Joint statement", "texts", Map.of("ko", KO, "ja", JA, "en", EN))));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        id = drafted.json().get("id").asText();
    }

    @Test
    void aSignatureOfTheFirstRevisionNamesNoProposerAndCountsWhenTheDraftArrivesAfterIt() {
        startAndDraft();
        deliver(KOR, JPN);
        assertThat(sign(JPN, 1, null).status()).isEqualTo(200);
        assertThat(payloads(JPN, USA, Messages.STATEMENT_SIGNED)).singleElement().asString()
                .doesNotContain("proposedBy").contains("\"revision\":1");
        // Japan's signature reaches the USA before Korea's draft does: kept, not refused.
        deliver(JPN, USA);
        assertThat(c.client(USA).get("usa.analyst", "/api/v1/statements/" + id).status()).isEqualTo(404);
        deliver(KOR, USA);
        assertThat(Fed.textList(statement(USA, id).get("awaiting"))).containsExactlyInAnyOrder("KOR", "USA");
        // A statement has one revision 1, its drafter's: a signature naming no proposer can only be of that one.
        var another = post(JPN, USA, new Messages.StatementDraft(id, 1, "leaders", null, "Joint statement", KO, JA,
                EN + " As Japan would have it.", "JPN", java.time.Instant.now().toString()));
        assertThat(another.outcome()).isEqualTo(Messages.REFUSED);
        assertThat(another.reason()).contains("has its revision 1 at USA from KOR");
        assertThat(statement(USA, id).get("revisions")).hasSize(1);
        assertThat(sign(KOR, 1, null).status()).isEqualTo(200);
        assertThat(sign(USA, 1, null).status()).isEqualTo(200);
        deliverAll();
        for (Party p : THREE) {
            assertThat(statement(p, id).get("adopted").asBoolean()).as(p.code()).isTrue();
        }
    }

    /**
     * A signature of a revision 2 that names no proposer, as a node of an earlier version sends it, reaches Korea
     * while Korea holds only its own revision 2, which is not the one signed: it is kept, and when the USA's revision
     * 2 arrives with the hash it signs, it counts for the USA's, enough for Korea to adopt it with no other word
     * from Japan.
     */
    @Test
    void aSignatureNamingNoProposerCountsForTheRevisionOfItsNumberWithItsHashThoughAnotherCameFirst() {
        startAndDraft();
        deliverAll();
        String usaHash = revise(USA, EN + " As the USA worded it.").json().get("hash").asText();
        assertThat(revise(KOR, EN + " As Korea worded it.").status()).isEqualTo(201);
        deliver(USA, JPN);
        assertThat(sign(JPN, 2, usaHash).status()).isEqualTo(200);
        // Revision 2 names its proposer on the wire: two parties may each have made one.
        assertThat(payloads(JPN, KOR, Messages.STATEMENT_SIGNED)).singleElement().asString()
                .contains("\"proposedBy\":\"USA\"");
        // The same signature as an earlier node sends it, without the proposer, reaches Korea first.
        var sig = new StatementRevision(id, 2, "leaders", Optional.empty(), "Joint statement",
                new StatementTexts(KO, JA, EN + " As the USA worded it."));
        assertThat(sig.hashText()).isEqualTo(usaHash);
        var legacy = new Messages.StatementSigned(id, 2, null, usaHash, "JPN", java.time.Instant.now().toString(),
                c.keys(JPN).identity().keyId().value(), MessageSignatures.signStatement(c.keys(JPN), sig.hash()));
        assertThat(send(JPN, KOR, legacy)).contains("kept until a revision 2 with hash " + usaHash);
        assertThat(statement(KOR, id).get("revisedBy").asText()).isEqualTo("KOR");
        assertThat(statement(KOR, id).get("signatures")).isEmpty();

        deliver(USA, KOR);
        JsonNode atKor = statement(KOR, id);
        assertThat(atKor.get("revisedBy").asText()).isEqualTo("USA");
        assertThat(Fed.textList(atKor.get("awaiting"))).containsExactlyInAnyOrder("KOR", "USA");
        assertThat(sign(KOR, 2, usaHash).status()).isEqualTo(200);
        deliver(KOR, USA);
        assertThat(sign(USA, 2, usaHash).status()).isEqualTo(200);
        deliver(USA, KOR);
        // Japan's own message has not reached Korea: the signature it sent without the proposer completed it.
        assertThat(payloads(JPN, KOR, Messages.STATEMENT_SIGNED)).hasSize(1);
        assertThat(statement(KOR, id).get("adopted").asBoolean()).isTrue();
        var d = Json.read(c.client(KOR).get("kor.guest", "/api/v1/statements/" + id + "/document").body(),
                StatementDocument.class);
        assertThat(d.problems(Map.of(KOR, c.node(KOR).identity(), JPN, c.node(JPN).identity(), USA,
                c.node(USA).identity()))).isEmpty();
        deliverAll();
        for (Party p : THREE) {
            assertThat(statement(p, id).get("adopted").asBoolean()).as(p.code()).isTrue();
        }
    }

    /**
     * Japan's revision 2 is still on its way to the USA when the USA has every signature of Korea's: the USA adopts
     * Korea's, and Japan's, arriving after, is kept without changing anything (it comes before Korea's), not refused.
     */
    @Test
    void aConcurrentRevisionThatArrivesAfterTheAdoptionChangesNothing() {
        startAndDraft();
        deliverAll();
        String korHash = revise(KOR, EN + " As Korea worded it.").json().get("hash").asText();
        assertThat(revise(JPN, EN + " As Japan worded it.").status()).isEqualTo(201);
        deliver(KOR, JPN);
        deliver(KOR, USA);
        deliver(JPN, KOR);
        for (Party p : THREE) {
            assertThat(sign(p, 2, korHash).status()).as(p.code()).isEqualTo(200);
        }
        deliver(KOR, USA);
        deliver(JPN, USA, Messages.STATEMENT_SIGNED);
        assertThat(statement(USA, id).get("adopted").asBoolean()).isTrue();
        deliverAll();
        for (Party p : THREE) {
            JsonNode s = statement(p, id);
            assertThat(s.get("adopted").asBoolean()).as(p.code()).isTrue();
            assertThat(s.get("hash").asText()).as(p.code()).isEqualTo(korHash);
            assertThat(s.get("revisions")).as(p.code()).hasSize(3);
        }
    }
}
