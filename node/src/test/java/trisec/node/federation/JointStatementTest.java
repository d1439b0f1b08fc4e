package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.node.consult.StatementDocument;
import trisec.party.Party;

/**
 * Joint statements between the three nodes (issue 12): a trilingual statement is adopted when all three nodes have
 * signed the same texts; a node whose copy differs by one byte refuses the others' signatures and nothing is adopted;
 * a signature by the wrong node or key is refused; a revision leaves the earlier revision's signatures uncounted, and
 * a party that signed a revision does not revise it; the
 * exported document verifies, and does not once any byte of its signed content changes (its times are not signed);
 * bad input is refused and nothing stored.
 */
class JointStatementTest {
    private static final List<Party> THREE = List.of(KOR, JPN, USA);
    private static final String KO = "한미일 3국은 인도태평양의 평화와 안정을 위해 협력한다.";
    private static final String JA = "日米韓三か国はインド太平洋の平和と安定のために協力する。";
    private static final String EN = "The three countries cooperate for peace and stability in the Indo-Pacific.";

    private Cluster c;

    @BeforeEach
    void start() {
        c = Cluster.trilateral();
    }

    @AfterEach
    void stop() {
        c.close();
    }

    private static String body(String channel, String title, String ko, String ja, String en) {
        return Json.write(Map.of("channel", channel, "title", title, "texts", Map.of("ko", ko, "ja", ja, "en", en)));
    }

    private String propose(Party p) {
        var r = c.client(p).post(Fed.user(p, "officer"), "/api/v1/statements",
                body("leaders", "Joint statement of the leaders", KO, JA, EN));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("revision").asInt()).isEqualTo(1);
        return r.json().get("id").asText();
    }

    private JsonNode statement(Party p, String id) {
        var r = c.client(p).get(Fed.user(p, "analyst"), "/api/v1/statements/" + id);
        return r.status() == 200 ? r.json() : null;
    }

    /** Waits until every node holds revision {@code n} of the statement. */
    private void heldEverywhere(String id, int n) {
        for (Party p : THREE) {
            Cluster.eventually(() -> {
                JsonNode s = statement(p, id);
                return s != null && s.get("revision").asInt() == n;
            }, p + " holds revision " + n);
        }
    }

    private Client.Response sign(Party p, String id, int revision) {
        return c.client(p).post(Fed.user(p, "disclosure"), "/api/v1/statements/" + id + "/sign",
                "{\"revision\":" + revision + "}");
    }

    private List<String> entries(Party p, String type) {
        c.node(p).integrateNow();
        return c.node(p).auditLog().entries(0, 10_000).stream().filter(e -> e.contains("\"type\":\"" + type + "\""))
                .toList();
    }

    private Map<Party, PublicIdentity> identities() {
        return Map.of(KOR, c.node(KOR).identity(), JPN, c.node(JPN).identity(), USA, c.node(USA).identity());
    }

    private StatementDocument document(Party p, String id) {
        var r = c.client(p).get(Fed.user(p, "guest"), "/api/v1/statements/" + id + "/document");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Json.read(r.body(), StatementDocument.class);
    }

    @Test
    void aTrilingualStatementIsAdoptedWhenAllThreeNodesHaveSignedTheSameTexts() {
        String id = propose(KOR);
        heldEverywhere(id, 1);
        for (Party p : THREE) {
            JsonNode s = statement(p, id);
            assertThat(s.at("/texts/ko").asText()).isEqualTo(KO);
            assertThat(s.at("/texts/ja").asText()).isEqualTo(JA);
            assertThat(s.at("/texts/en").asText()).isEqualTo(EN);
            assertThat(s.get("draftedBy").asText()).isEqualTo("KOR");
            assertThat(s.get("adopted").asBoolean()).isFalse();
        }
        assertThat(c.client(KOR).get("kor.guest", "/api/v1/statements/" + id + "/document").error())
                .isEqualTo("NOT_ADOPTED");
        for (Party p : THREE) {
            var r = sign(p, id, 1);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        for (Party p : THREE) {
            Cluster.eventually(() -> statement(p, id).get("adopted").asBoolean(), p + " records the adoption");
            assertThat(statement(p, id).get("awaiting")).isEmpty();
            assertThat(entries(p, "STATEMENT_ADOPTED")).singleElement().asString().contains(id);
        }
        // Every node exports the same content and hash, signed by all three; it checks out with their public keys.
        StatementDocument atKor = document(KOR, id);
        assertThat(atKor.signatures()).extracting(StatementDocument.Signer::party)
                .containsExactlyInAnyOrder("KOR", "JPN", "USA");
        assertThat(atKor.problems(identities())).isEmpty();
        for (Party p : List.of(JPN, USA)) {
            StatementDocument d = document(p, id);
            assertThat(d.hash()).isEqualTo(atKor.hash());
            assertThat(d.problems(identities())).isEmpty();
        }
        // Adopted is final: not signed again, not revised.
        assertThat(sign(KOR, id, 1).error()).isEqualTo("ADOPTED");
        var revised = c.client(JPN).post("jpn.officer", "/api/v1/statements/" + id + "/revisions",
                Json.write(Map.of("texts", Map.of("ko", KO, "ja", JA, "en", EN + " Again."))));
        assertThat(revised.status()).isEqualTo(409);
        assertThat(revised.error()).isEqualTo("ADOPTED");
    }

    @Test
    void theExportedDocumentFailsOnceAnyByteOfItsSignedContentChanges() {
        String id = propose(USA);
        heldEverywhere(id, 1);
        THREE.forEach(p -> assertThat(sign(p, id, 1).status()).isEqualTo(200));
        Cluster.eventually(() -> statement(USA, id).get("adopted").asBoolean(), "adopted at the USA");
        StatementDocument d = document(USA, id);
        assertThat(d.problems(identities())).isEmpty();

        var t = d.texts();
        var oneByte = new StatementDocument(d.format(), d.statementId(), d.revision(), d.channel(), d.meeting(),
                d.title(), new StatementDocument.Texts(t.ko(), t.ja(), t.en().replace('.', '!')), d.hash(),
                d.adoptedAt(), d.signatures());
        assertThat(oneByte.problems(identities())).anyMatch(p -> p.contains("hash is not the hash"))
                .anyMatch(p -> p.contains("signature does not verify"));
        var otherRevision = new StatementDocument(d.format(), d.statementId(), 2, d.channel(), d.meeting(),
                d.title(), d.texts(), d.hash(), d.adoptedAt(), d.signatures());
        assertThat(otherRevision.problems(identities())).isNotEmpty();
        var otherTitle = new StatementDocument(d.format(), d.statementId(), d.revision(), d.channel(), d.meeting(),
                d.title() + " ", d.texts(), d.hash(), d.adoptedAt(), d.signatures());
        assertThat(otherTitle.problems(identities())).isNotEmpty();
        // A signature altered, or dropped: the party's signature is missing or does not verify.
        var signatures = new java.util.ArrayList<>(d.signatures());
        var jpn = signatures.stream().filter(s -> s.party().equals("JPN")).findFirst().orElseThrow();
        byte[] raw = java.util.Base64.getDecoder().decode(jpn.signature());
        raw[100] ^= 1;
        signatures.set(signatures.indexOf(jpn), new StatementDocument.Signer("JPN", jpn.keyId(), jpn.signedAt(),
                java.util.Base64.getEncoder().encodeToString(raw)));
        var altered = new StatementDocument(d.format(), d.statementId(), d.revision(), d.channel(), d.meeting(),
                d.title(), d.texts(), d.hash(), d.adoptedAt(), signatures);
        assertThat(altered.problems(identities())).containsExactly(
                "JPN's signature does not verify over the document's content with key "
                        + c.node(JPN).identity().keyId().value());
        var dropped = new StatementDocument(d.format(), d.statementId(), d.revision(), d.channel(), d.meeting(),
                d.title(), d.texts(), d.hash(), d.adoptedAt(), d.signatures().stream()
                .filter(s -> !s.party().equals("KOR")).toList());
        assertThat(dropped.problems(identities())).containsExactly("KOR has not signed");
        // The times are the exporting node's record, which nothing signs: changed, the document still verifies.
        var retimed = new StatementDocument(d.format(), d.statementId(), d.revision(), d.channel(), d.meeting(),
                d.title(), d.texts(), d.hash(), "1999-01-01T00:00:00Z", d.signatures().stream()
                .map(s -> new StatementDocument.Signer(s.party(), s.keyId(), "1999-01-02T00:00:00Z", s.signature()))
                .toList());
        assertThat(retimed.problems(identities())).isEmpty();
        // Checked against another key for Japan (a key that is not its node's), it fails too.
        var wrongKeys = new java.util.HashMap<>(identities());
        wrongKeys.put(JPN, c.node(USA).identity());
        assertThat(d.problems(wrongKeys)).anyMatch(p -> p.startsWith("JPN's signature does not verify"));
    }

    @Test
    void aRevisionAfterSigningLeavesTheEarlierSignaturesUncounted() {
        String id = propose(KOR);
        heldEverywhere(id, 1);
        assertThat(sign(KOR, id, 1).status()).isEqualTo(200);
        assertThat(sign(JPN, id, 1).status()).isEqualTo(200);
        Fed.quiet(c, KOR, JPN, USA);
        // Korea signed revision 1: it does not revise it (its signature may complete the adoption elsewhere).
        var bySignatory = c.client(KOR).post("kor.officer", "/api/v1/statements/" + id + "/revisions",
                Json.write(Map.of("texts", Map.of("ko", KO, "ja", JA, "en", EN + " Korea's afterthought."))));
        assertThat(bySignatory.status()).isEqualTo(409);
        assertThat(bySignatory.error()).isEqualTo("ALREADY_SIGNED");
        assertThat(bySignatory.json().get("message").asText()).contains("a party does not revise what it signed");
        assertThat(statement(KOR, id).get("revision").asInt()).isEqualTo(1);
        var revised = c.client(USA).post("usa.officer", "/api/v1/statements/" + id + "/revisions",
                Json.write(Map.of("texts", Map.of("ko", KO, "ja", JA, "en", EN.replace("cooperate", "work together")))));
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revised.json().get("title").asText()).isEqualTo("Joint statement of the leaders");
        heldEverywhere(id, 2);
        var stale = sign(KOR, id, 1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("STALE_REVISION");
        assertThat(sign(USA, id, 2).status()).isEqualTo(200);
        Fed.quiet(c, KOR, JPN, USA);
        for (Party p : THREE) {
            JsonNode s = statement(p, id);
            assertThat(s.get("adopted").asBoolean()).as(p + " after the revision").isFalse();
            assertThat(Fed.textList(s.get("awaiting"))).containsExactlyInAnyOrder("KOR", "JPN");
        }
        assertThat(sign(KOR, id, 2).status()).isEqualTo(200);
        assertThat(sign(JPN, id, 2).status()).isEqualTo(200);
        for (Party p : THREE) {
            Cluster.eventually(() -> statement(p, id).get("adopted").asBoolean(), p + " adopts revision 2");
        }
        StatementDocument d = document(JPN, id);
        assertThat(d.revision()).isEqualTo(2);
        assertThat(d.texts().en()).contains("work together");
        assertThat(d.problems(identities())).isEmpty();
    }

    @Test
    void aNodeWhoseTextsDifferByOneByteRefusesTheSignaturesAndNothingIsAdopted() {
        String id = propose(KOR);
        heldEverywhere(id, 1);
        // Japan's copy of the English text ends in '!' instead of '.': one byte.
        c.node(JPN).self().store().useTransaction(h -> assertThat(h.createUpdate(
                "UPDATE statement_revisions SET text_en = :t WHERE statement_id = :id")
                .bind("t", EN.substring(0, EN.length() - 1) + "!").bind("id", id).execute()).isEqualTo(1));
        THREE.forEach(p -> assertThat(sign(p, id, 1).status()).isEqualTo(200));
        Fed.quiet(c, KOR, JPN, USA);
        for (Party p : THREE) {
            assertThat(statement(p, id).get("adopted").asBoolean()).as(p.code()).isFalse();
            assertThat(entries(p, "STATEMENT_ADOPTED")).isEmpty();
        }
        // Japan refused Korea's and the USA's signatures; they refused Japan's.
        assertThat(refusedSignatures(JPN)).hasSize(2).allMatch(e -> e.contains("differ from JPN's copy"));
        assertThat(refusedSignatures(KOR)).singleElement().asString().contains("the texts JPN signed differ");
        assertThat(refusedSignatures(USA)).singleElement().asString().contains("the texts JPN signed differ");
        assertThat(Fed.textList(statement(KOR, id).get("awaiting"))).containsExactly("JPN");
        assertThat(Fed.textList(statement(JPN, id).get("awaiting"))).containsExactlyInAnyOrder("KOR", "USA");

        // A signature the USA's node really made, over texts that differ by one byte from Korea's: refused too.
        String otherId = propose(KOR);
        heldEverywhere(otherId, 1);
        var differing = new StatementRevision(otherId, 1, "leaders", java.util.Optional.empty(),
                "Joint statement of the leaders", new StatementTexts(KO, JA, EN + " "));
        var answer = send(c.keys(USA), KOR, signed(c.keys(USA), otherId, 1, differing.hashText(),
                MessageSignatures.signStatement(c.keys(USA), differing.hash())));
        assertThat(answer).contains("the texts USA signed differ from KOR's copy");
        assertThat(statement(KOR, otherId).get("signatures")).isEmpty();
    }

    @Test
    void aSignatureByTheWrongNodeOrKeyIsRefused() {
        String id = propose(KOR);
        heldEverywhere(id, 1);
        var rightHash = new StatementRevision(id, 1, "leaders", java.util.Optional.empty(),
                "Joint statement of the leaders", new StatementTexts(KO, JA, EN));
        // The USA's node passes off a signature in Japan's name (made with Japan's key, even).
        var inJapansName = new trisec.node.federation.Messages.StatementSigned(id, 1, "KOR", rightHash.hashText(),
                "JPN", Instant.now().toString(), c.keys(JPN).identity().keyId().value(),
                MessageSignatures.signStatement(c.keys(JPN), rightHash.hash()));
        assertThat(send(c.keys(USA), KOR, inJapansName)).contains("USA sent one in the name of JPN");
        // The USA's node sends a signature made with Korea's key, under Korea's key id or its own.
        assertThat(send(c.keys(USA), KOR, signed(c.keys(KOR), id, 1, rightHash.hashText(),
                MessageSignatures.signStatement(c.keys(KOR), rightHash.hash())).withBy("USA")))
                .contains("not USA's node's");
        var korSignature = MessageSignatures.signStatement(c.keys(KOR), rightHash.hash());
        assertThat(send(c.keys(USA), KOR, new trisec.node.federation.Messages.StatementSigned(id, 1, "KOR",
                rightHash.hashText(), "USA", Instant.now().toString(), c.keys(USA).identity().keyId().value(),
                korSignature))).contains("not USA's node's");
        // The USA's own signature, but over another hash than the one it names.
        var other = new StatementRevision(id, 2, "leaders", java.util.Optional.empty(), "x",
                new StatementTexts(KO, JA, EN));
        assertThat(send(c.keys(USA), KOR, signed(c.keys(USA), id, 1, rightHash.hashText(),
                MessageSignatures.signStatement(c.keys(USA), other.hash())))).contains("not USA's node's");
        assertThat(statement(KOR, id).get("signatures")).isEmpty();
        assertThat(entries(KOR, "STATEMENT_SIGNED")).isEmpty();
        // The USA's own signature over Korea's texts is taken.
        assertThat(send(c.keys(USA), KOR, signed(c.keys(USA), id, 1, rightHash.hashText(),
                MessageSignatures.signStatement(c.keys(USA), rightHash.hash())))).isNull();
        assertThat(Fed.textList(statement(KOR, id).get("awaiting"))).containsExactlyInAnyOrder("KOR", "JPN");
    }

    private List<String> refusedSignatures(Party p) {
        return entries(p, "RECEIVED").stream().filter(e -> e.contains("\"kind\":\"STATEMENT_SIGNED\"")
                && e.contains("\"outcome\":\"REFUSED\"")).toList();
    }

    private static SignedBy signed(NodeKeys keys, String id, int revision, String hash, String signature) {
        // Every statement these tests sign is Korea's draft.
        return new SignedBy(new trisec.node.federation.Messages.StatementSigned(id, revision, "KOR", hash,
                keys.party().code(), Instant.now().toString(), keys.identity().keyId().value(), signature));
    }

    /** A signature message as crafted, with the party it claims to be by changeable. */
    private record SignedBy(trisec.node.federation.Messages.StatementSigned m) {
        trisec.node.federation.Messages.StatementSigned withBy(String by) {
            return new trisec.node.federation.Messages.StatementSigned(m.statementId(), m.revision(), m.proposedBy(),
                    m.hash(), by, m.at(), m.signerKey(), m.signature());
        }
    }

    private String send(NodeKeys sender, Party to, SignedBy s) {
        return send(sender, to, s.m());
    }

    /** Seals the message from {@code sender} to {@code to}'s node: the reason of its refusal, or null if accepted. */
    private String send(NodeKeys sender, Party to, trisec.node.federation.Messages.StatementSigned m) {
        var envelope = Fed.seal(sender, c.node(to).identity(), Messages.STATEMENT_SIGNED, UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, m);
        var answer = Fed.post(c, to, Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var receipt = Fed.signedReceipt(answer.json()).receipt();
        return Messages.REFUSED.equals(receipt.outcome()) ? receipt.reason() : null;
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsStored() {
        Client kor = c.client(KOR);
        record Case(String body, String says) {}
        String longText = "가".repeat(StatementTexts.MAX_TEXT + 1);
        var cases = List.of(
                new Case(Json.write(Map.of("channel", "leaders", "title", "t",
                        "texts", Map.of("ko", KO, "en", EN))), "texts.ja is missing"),
                new Case(body("leaders", "t", KO, JA, ""), "texts.en is missing"),
                new Case(body("leaders", "t", "   ", JA, EN), "texts.ko is missing"),
                new Case(body("leaders", "t", longText, JA, EN), "texts.ko is 20001 characters long"),
                new Case(body("leaders", "", KO, JA, EN), "title is missing"),
                new Case(body("leaders", "t".repeat(201), KO, JA, EN), "title is 201 characters long"),
                new Case(body("summit-of-everyone", "t", KO, JA, EN), "channel 'summit-of-everyone' is not"),
                new Case(Json.write(Map.of("title", "t", "texts", Map.of("ko", KO, "ja", JA, "en", EN))),
                        "channel is missing"),
                new Case(Json.write(Map.of("channel", "leaders", "title", "t")), "texts are missing"),
                new Case("{\"channel\":\"leaders\",\"title\":\"t\",\"texts\":{\"ko\":\"a\",\"ja\":\"b\",\"en\":\"c\","
                        + "\"fr\":\"d\"}}", "fr"),
                new Case("not json", "JSON"));
        for (Case x : cases) {
            var r = kor.post("kor.officer", "/api/v1/statements", x.body());
            assertThat(r.status()).as(x.says() + ": " + r.body()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("BAD_REQUEST");
            assertThat(r.json().get("message").asText()).as(r.body()).contains(x.says());
        }
        // A reader may not draft, and nobody but a disclosure official signs.
        assertThat(kor.post("kor.analyst", "/api/v1/statements", body("leaders", "t", KO, JA, EN)).status())
                .isEqualTo(403);
        assertThat(kor.get("kor.analyst", "/api/v1/statements").json().get("statements")).isEmpty();
        assertThat(entries(KOR, "STATEMENT_PROPOSED")).isEmpty();
        assertThat(Fed.outboxRows(c.node(KOR))).isEmpty();

        String id = propose(KOR);
        assertThat(kor.post("kor.officer", "/api/v1/statements/" + id + "/sign", "{\"revision\":1}").status())
                .isEqualTo(403);
        var noRevision = kor.post("kor.disclosure", "/api/v1/statements/" + id + "/sign", "{}");
        assertThat(noRevision.status()).isEqualTo(400);
        assertThat(noRevision.json().get("message").asText()).contains("revision is missing");
        var badRevision = kor.post("kor.officer", "/api/v1/statements/" + id + "/revisions",
                Json.write(Map.of("texts", Map.of("ko", KO, "ja", "", "en", EN))));
        assertThat(badRevision.status()).isEqualTo(400);
        assertThat(badRevision.json().get("message").asText()).contains("texts.ja is missing");
        assertThat(kor.get("kor.guest", "/api/v1/statements/no-such").status()).isEqualTo(404);
        JsonNode s = statement(KOR, id);
        assertThat(s.get("revision").asInt()).isEqualTo(1);
        assertThat(s.get("signatures")).isEmpty();
        assertThat(entries(KOR, "STATEMENT_PROPOSED")).hasSize(1);
        assertThat(entries(KOR, "STATEMENT_SIGNED")).isEmpty();
    }
}
