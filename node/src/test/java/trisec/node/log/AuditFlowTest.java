package trisec.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.party.Party;

/**
 * The node issue's release flow leaves one entry per action in each node's log, each provably included in the
 * node's signed checkpoint, and none of them holds the item's content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditFlowTest {
    private static final String TITLE = "Launch assessment 7f3a";
    private static final String BODY = "Observed a launch from Sinpo at 0412; content marker 91c2";
    private Cluster c;
    private String itemId;
    private String releaseId;

    @BeforeAll
    void flow() {
        c = Cluster.trilateral();
        Client kor = c.client(KOR);
        itemId = kor.post("kor.officer", "/api/v1/items", """
                {"title":"%s","body":"%s","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}"""
                .formatted(TITLE, BODY)).json().get("id").asText();
        releaseId = kor.post("kor.officer", "/api/v1/items/" + itemId + "/releases", "{\"to\":\"JPN\"}").json()
                .at("/release/id").asText();
        assertThat(kor.post("kor.disclosure", "/api/v1/releases/" + releaseId + "/approve", "").status()).isEqualTo(200);
        Cluster.eventually(() -> c.client(JPN).get("jpn.analyst", "/api/v1/items/" + itemId).status() == 200,
                "JPN holds the item");
        assertThat(c.client(JPN).get("jpn.guest", "/api/v1/items/" + itemId).status()).isEqualTo(403);
        c.node(KOR).integrateNow();
        c.node(JPN).integrateNow();
    }

    @AfterAll
    void stop() {
        c.close();
    }

    private record Logged(long index, JsonNode entry) {}

    private List<Logged> entries(Party p) {
        var out = new ArrayList<Logged>();
        String auditor = p.code().toLowerCase() + ".auditor";
        long from = 0;
        while (true) {
            JsonNode page = c.client(p).get(auditor, "/api/v1/log/entries?from=" + from + "&limit=1000").json();
            for (JsonNode e : page.get("entries")) {
                out.add(new Logged(e.get("index").asLong(), e.get("entry")));
            }
            if (page.get("entries").size() < 1000) {
                return out;
            }
            from += 1000;
        }
    }

    private Logged find(Party p, String type, String field, String value) {
        return entries(p).stream().filter(l -> l.entry().path("type").asText().equals(type)
                && l.entry().path(field).asText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " entry with " + field + "=" + value + " at " + p));
    }

    /** Proves an entry is in the node's latest signed checkpoint, checking that checkpoint's signature first. */
    private void assertProvablyLogged(Party p, Logged logged) {
        Client client = c.client(p);
        String auditor = p.code().toLowerCase() + ".auditor";
        String vkey = client.get(auditor, "/federation/v1/identity").json().get("logKey").asText();
        SignedNote note = SignedNote.parse(client.get(auditor, "/log/checkpoint").body());
        var verifier = Ed25519Notes.verifierFromVkey(vkey);
        assertThat(Notes.verify(note, List.of(verifier))).contains(verifier.keyName());
        Checkpoint cp = Checkpoint.parse(note.text());
        assertThat(logged.index()).isLessThan(cp.size());
        List<byte[]> proof = new ArrayList<>();
        client.get(auditor, "/api/v1/log/proof/inclusion?index=" + logged.index() + "&size=" + cp.size()).json()
                .get("hashes").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        byte[] leaf = Rfc6962.leafHash(logged.entry().toString().getBytes(StandardCharsets.UTF_8));
        assertThat(Verify.inclusion(leaf, logged.index(), cp.size(), proof, cp.root()))
                .as("entry %d of %s is included in the checkpoint of size %d", logged.index(), p, cp.size()).isTrue();
    }

    @Test
    void theReleaseItsApprovalAndItsDeliveryAreProvablyInTheOriginatorsLog() {
        assertProvablyLogged(KOR, find(KOR, "ITEM_CREATED", "item", itemId));
        var decision = find(KOR, "DECISION", "release", releaseId);
        assertThat(decision.entry().get("decision").asText()).isEqualTo("PERMIT");
        assertThat(decision.entry().get("basis").get(0).asText()).isEqualTo("kor-jpn-gsomia-2016");
        assertProvablyLogged(KOR, decision);
        var approval = find(KOR, "RELEASE_APPROVED", "release", releaseId);
        assertThat(approval.entry().get("actor").asText()).isEqualTo("kor.disclosure");
        assertProvablyLogged(KOR, approval);
        var delivery = find(KOR, "DELIVERY", "release", releaseId);
        assertThat(delivery.entry().get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(delivery.entry().get("signer").asText()).isEqualTo("JPN");
        assertProvablyLogged(KOR, delivery);
        assertProvablyLogged(KOR, find(KOR, "LOGIN", "actor", "kor.officer"));
    }

    @Test
    void theRequestAndTheApprovalAreEachOneDecisionNamingTheItemNotItsLabel() {
        List<JsonNode> decisions = entries(KOR).stream().map(Logged::entry)
                .filter(e -> e.path("type").asText().equals("DECISION") && e.path("release").asText().equals(releaseId))
                .toList();
        assertThat(decisions).extracting(e -> e.path("purpose").asText()).containsExactly("request", "approval");
        for (JsonNode d : decisions) {
            assertThat(d.path("item").asText()).isEqualTo(itemId);
            assertThat(d.path("decision").asText()).isEqualTo("PERMIT");
            // Partners read this log: an item is named by its id, its label (topic, level) stays with the item.
            assertThat(d.has("topic") || d.has("level") || d.has("originator")).as(d.toString()).isFalse();
        }
    }

    @Test
    void theReceiptAndEveryReadAreProvablyInTheRecipientsLog() {
        var received = find(JPN, "RECEIVED", "item", itemId);
        assertThat(received.entry().get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(received.entry().get("recipientLevel").asText()).isEqualTo("極秘");
        assertProvablyLogged(JPN, received);
        var read = entries(JPN).stream().filter(l -> l.entry().path("type").asText().equals("ITEM_READ")
                && l.entry().path("actor").asText().equals("jpn.analyst")).findFirst().orElseThrow();
        assertProvablyLogged(JPN, read);
        var denied = find(JPN, "ITEM_DENIED", "actor", "jpn.guest");
        assertThat(denied.entry().get("reasons").toString()).contains("clearance 秘 is below 極秘");
        assertProvablyLogged(JPN, denied);
    }

    @Test
    void noEntryHoldsTheItemsContent() {
        for (Party p : List.of(KOR, JPN)) {
            assertThat(entries(p)).isNotEmpty().allSatisfy(l -> assertThat(l.entry().toString())
                    .doesNotContain(TITLE).doesNotContain(BODY));
        }
    }

    @Test
    void onlyAdminsAuditorsAndPartnerNodesReadTheLog() {
        Client kor = c.client(KOR);
        assertThat(kor.get("kor.officer", "/api/v1/log/entries").status()).isEqualTo(403);
        assertThat(kor.get("kor.analyst", "/log/checkpoint").status()).isEqualTo(403);
        assertThat(kor.get("kor.admin", "/log/checkpoint").status()).isEqualTo(200);
        assertThat(kor.raw(null, java.net.http.HttpRequest.newBuilder(kor.base().resolve("/log/checkpoint")).GET())
                .status()).isEqualTo(401);
    }
}
