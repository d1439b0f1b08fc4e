package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.node.consult.ConsultationSignatures;
import trisec.party.Party;

/**
 * The Commitment to Consult between the three nodes (issue 12), in 2024: Korea opens a consultation on an item it
 * holds, Japan and the USA hear of it at once and acknowledge, and Korea sees both with their delays; the three
 * drafts and the response actions reach every node; a person without need-to-know sees no title of the subject;
 * a consultation message not signed by the party it names is refused; bad input is refused with nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationTest {
    private static final String COMMITMENT = "camp-david-commitment-2023";
    private static final String TITLE = "launch assessment";
    private Cluster c;

    @BeforeAll
    void start() {
        c = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
    }

    @AfterAll
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private String open(String itemId) {
        var r = c.client(KOR).post("kor.officer", "/api/v1/consultations", "{\"item\":\"" + itemId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode room(Party p, String user, String id) {
        var r = c.client(p).get(user, "/api/v1/consultations/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Delivers until {@code p}'s view of the consultation, as {@code user} sees it, satisfies {@code until}. */
    private JsonNode await(Party p, String user, String id, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            for (Party q : List.of(KOR, JPN, USA)) {
                c.node(q).deliverNow();
            }
            var r = c.client(p).get(user, "/api/v1/consultations/" + id);
            if (r.status() == 200 && until.test(r.json())) {
                return r.json();
            }
            assertThat(System.nanoTime()).as(p + " never saw it: " + r.body()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode party(JsonNode room, Party p) {
        for (JsonNode x : room.get("parties")) {
            if (x.get("party").asText().equals(p.code())) {
                return x;
            }
        }
        throw new AssertionError(p + " is not in the room");
    }

    private List<String> entries(Party p, String type) {
        c.node(p).integrateNow();
        return c.node(p).auditLog().entries(0, 100_000).stream()
                .filter(e -> e.contains("\"type\":\"" + type + "\"")).toList();
    }

    @Test
    void koreaOpensAConsultationAndSeesJapanAndTheUsaAcknowledge() {
        String item = Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        String id = open(item);
        for (Party p : List.of(JPN, USA)) {
            String user = p.code().toLowerCase(java.util.Locale.ROOT) + ".analyst";
            var seen = await(p, user, id, r -> true);
            assertThat(seen.get("opener").asText()).isEqualTo("KOR");
            assertThat(seen.get("agreement").asText()).isEqualTo(COMMITMENT);
            // The subject item is not pushed by the consultation: the partner neither holds it nor sees its title,
            // nor its id, which is shown only beside what a reader of the item may see.
            assertThat(seen.get("subject").has("itemId")).isFalse();
            assertThat(seen.get("subject").has("title")).isFalse();
            assertThat(seen.toString()).doesNotContain(item);
            assertThat(seen.toString()).doesNotContain(TITLE);
            var ack = c.client(p).post(user, "/api/v1/consultations/" + id + "/acknowledge", "");
            assertThat(ack.status()).as(ack.body()).isEqualTo(201);
            var again = c.client(p).post(user, "/api/v1/consultations/" + id + "/acknowledge", "");
            assertThat(again.status()).as(again.body()).isEqualTo(409);
        }
        var korea = await(KOR, "kor.officer", id, r -> !party(r, JPN).get("acknowledgedAt").isNull()
                && !party(r, USA).get("acknowledgedAt").isNull());
        // Timed on the acknowledging node's clock, from the opening on the opener's: the test nodes' replayed
        // clocks start apart, so only that there is a delay is checked, not its sign.
        for (Party p : List.of(JPN, USA)) {
            assertThat(party(korea, p).get("afterMillis").isIntegralNumber()).isTrue();
        }
        assertThat(party(korea, KOR).get("opener").asBoolean()).isTrue();
        // The opener's officer reads the subject, and sees for each partner whether the policy lets it go today.
        assertThat(korea.get("subject").get("title").asText()).isEqualTo(TITLE);
        assertThat(party(korea, JPN).get("mayReceive").isBoolean()).isTrue();
        assertThat(entries(KOR, "CONSULTATION_OPENED")).filteredOn(e -> e.contains(id)).hasSize(1);
        assertThat(entries(KOR, "CONSULTATION_ACKNOWLEDGED")).filteredOn(e -> e.contains(id)).hasSize(2);
        assertThat(entries(JPN, "CONSULTATION_OPENED")).filteredOn(e -> e.contains(id)).hasSize(1);
        // Korea's opener does not acknowledge its own consultation.
        var own = c.client(KOR).post("kor.officer", "/api/v1/consultations/" + id + "/acknowledge", "");
        assertThat(own.status()).as(own.body()).isEqualTo(400);
    }

    @Test
    void aMissileWarningIsConsultedOnByItsLatestVersion() {
        Instant at = Instant.parse("2024-10-31T00:00:00Z");
        var w = c.client(KOR).post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-2024","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(at, MissileWarningTest.state("2024-10-31", at, 0.6)));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        var r = c.client(KOR).post("kor.officer", "/api/v1/consultations", "{\"warning\":\"KOR/TN-2024\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("subject").get("itemId").asText()).isEqualTo(w.json().get("itemId").asText());
    }

    @Test
    void aPersonWithoutNeedToKnowSeesNoTitleOfTheSubject() {
        String item = Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        String id = open(item);
        var guest = room(KOR, "kor.guest", id);
        assertThat(guest.get("subject").has("title")).isFalse();
        assertThat(guest.toString()).doesNotContain(TITLE);
        // Nor its id, which the items route would answer with the level and topic of an item held here.
        assertThat(guest.toString()).doesNotContain(item);
        assertThat(c.client(KOR).get("kor.guest", "/api/v1/consultations").body()).doesNotContain(item);
        assertThat(room(KOR, "kor.officer", id).at("/subject/itemId").asText()).isEqualTo(item);
        // Nor what the policy says of its release: that too is for readers of the item.
        assertThat(party(guest, JPN).get("mayReceive").isNull()).isTrue();
    }

    @Test
    void theThreeDraftsAndTheActionsReachEveryNode() {
        String id = open(Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile"));
        for (Party p : List.of(JPN, USA)) {
            await(p, p.code().toLowerCase(java.util.Locale.ROOT) + ".officer", id, r -> true);
        }
        for (Party p : List.of(KOR, JPN, USA)) {
            var r = c.client(p).post(p.code().toLowerCase(java.util.Locale.ROOT) + ".officer",
                    "/api/v1/consultations/" + id + "/drafts", "{\"text\":\"Draft of " + p.code() + ": we condemn the launch.\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var action = c.client(JPN).post("jpn.officer", "/api/v1/consultations/" + id + "/actions",
                "{\"title\":\"Joint press line at 09:00\",\"owner\":\"USA\",\"due\":\"2024-11-02\"}");
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        String actionId = action.json().get("id").asText();
        await(USA, "usa.officer", id, x -> x.get("actions").size() == 1);
        var done = c.client(USA).post("usa.officer", "/api/v1/consultations/actions/" + actionId,
                "{\"status\":\"DONE\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        for (Party p : List.of(KOR, JPN, USA)) {
            var r = await(p, p.code().toLowerCase(java.util.Locale.ROOT) + ".analyst", id, x -> {
                for (JsonNode d : x.get("drafts")) {
                    if (d.get("text").isNull()) {
                        return false;
                    }
                }
                return x.get("actions").size() == 1 && x.get("actions").get(0).get("status").asText().equals("DONE");
            });
            assertThat(r.get("drafts")).extracting(d -> d.get("party").asText() + ": " + d.get("text").asText())
                    .containsExactlyInAnyOrder("KOR: Draft of KOR: we condemn the launch.",
                            "JPN: Draft of JPN: we condemn the launch.", "USA: Draft of USA: we condemn the launch.");
            var a = r.get("actions").get(0);
            assertThat(a.get("owner").asText()).isEqualTo("USA");
            assertThat(a.get("proposer").asText()).isEqualTo("JPN");
            assertThat(a.get("due").asText()).isEqualTo("2024-11-02");
        }
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsStored() {
        var kor = c.client(KOR);
        int opened = entries(KOR, "CONSULTATION_OPENED").size();
        String unknown = UUID.randomUUID().toString();
        assertRefused(kor.post("kor.officer", "/api/v1/consultations", "{\"item\":\"" + unknown + "\"}"), 404,
                "no item " + unknown);
        assertRefused(kor.post("kor.officer", "/api/v1/consultations", "{\"item\":\"not-an-id\"}"), 400,
                "an item id");
        assertRefused(kor.post("kor.officer", "/api/v1/consultations", "{}"), 400, "either \"item\"");
        assertRefused(kor.post("kor.officer", "/api/v1/consultations", "{\"warning\":\"KOR\"}"), 400, "PARTY/TRACK");
        assertRefused(kor.post("kor.officer", "/api/v1/consultations", "{\"warning\":\"KOR/TN-4040\"}"), 404,
                "no warning KOR/TN-4040");
        assertThat(entries(KOR, "CONSULTATION_OPENED")).hasSize(opened);

        String id = open(Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile"));
        String drafts = "/api/v1/consultations/" + id + "/drafts";
        assertRefused(kor.post("kor.officer", drafts, "{\"text\":\"   \"}"), 400, "it is empty");
        assertRefused(kor.post("kor.officer", drafts, "{\"text\":\"" + "x".repeat(2001) + "\"}"), 400,
                "at most 2000 characters; this one has 2001");
        String actions = "/api/v1/consultations/" + id + "/actions";
        assertRefused(kor.post("kor.officer", actions, "{\"title\":\"Brief\",\"owner\":\"USA\",\"due\":\"soon\"}"),
                400, "due date is written");
        assertRefused(kor.post("kor.officer", actions,
                "{\"title\":\"Brief\",\"owner\":\"USA\",\"due\":\"2024-10-01\"}"), 400, "before the consultation");
        assertRefused(kor.post("kor.officer", actions, "{\"title\":\"Brief\",\"owner\":\"CHN\",\"due\":\"2024-11-01\"}"),
                400, "owner is a party of the consultation");
        assertRefused(kor.post("kor.officer", actions, "{\"title\":\"\",\"owner\":\"USA\",\"due\":\"2024-11-01\"}"),
                400, "has a title");
        assertRefused(kor.post("kor.officer", "/api/v1/consultations/" + UUID.randomUUID() + "/drafts",
                "{\"text\":\"hello\"}"), 404, "no consultation");
        var r = room(KOR, "kor.officer", id);
        for (JsonNode d : r.get("drafts")) {
            assertThat(d.get("text").isNull()).isTrue();
        }
        assertThat(r.get("actions")).isEmpty();
        assertThat(entries(KOR, "CONSULTATION_DRAFTED")).noneMatch(e -> e.contains(id));
        assertThat(entries(KOR, "CONSULTATION_ACTION")).noneMatch(e -> e.contains(id));
    }

    private static void assertRefused(trisec.node.Client.Response r, int status, String says) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("message").asText()).contains(says);
    }

    @Test
    void aConsultationMessageNotSignedByThePartyItNamesIsRefused() {
        String item = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        var japan = c.node(JPN).identity();
        // The USA cannot open a consultation in Korea's name.
        var forged = ConsultationSignatures.signOpened(c.keys(USA), id, COMMITMENT, item, Instant.now().toString());
        forged = new Messages.ConsultationOpened(id, COMMITMENT, "KOR", item, forged.openedAt(), forged.signerKey(),
                forged.signature());
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, forged)).contains("not signed by KOR");
        // Unsigned, it is refused with a reason, whoever's envelope carries it.
        var unsigned = new Messages.ConsultationOpened(id, COMMITMENT, "KOR", item, Instant.now().toString(), null,
                null);
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, unsigned)).contains("not signed by KOR");
        // Korea's genuine opening, carried by the USA's node as if it were its own, is not the USA's to send.
        var genuine = ConsultationSignatures.signOpened(c.keys(KOR), id, COMMITMENT, item, Instant.now().toString());
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_OPENED, genuine)).contains("node of its opener");
        // A step in Japan's name the USA signed, carrying Korea's genuine opening, records nothing either.
        var step = ConsultationSignatures.signStep(c.keys(USA), genuine, "ACK", UUID.randomUUID().toString(),
                Instant.now().toString(), null, null, null, null, null);
        step = new Messages.ConsultationStep(genuine, "ACK", step.stepId(), "JPN", step.at(), null, null, null, null,
                null, step.signerKey(), step.signature());
        assertThat(refusal(c.keys(JPN), c.node(KOR).identity(), Messages.CONSULTATION_STEP, step))
                .contains("not signed by JPN");
        // A step of no kind, even signed by the party it names, is refused with a reason, not a server error.
        var kindless = new Messages.ConsultationStep(genuine, null, step.stepId(), "JPN", step.at(), null, null, null,
                null, null, step.signerKey(), step.signature());
        assertThat(refusal(c.keys(JPN), c.node(KOR).identity(), Messages.CONSULTATION_STEP, kindless))
                .contains("one of ACK, DRAFT or ACTION");
        // An opening dated before Camp David is refused: the commitment was not in force.
        var early = ConsultationSignatures.signOpened(c.keys(KOR), id, COMMITMENT, item, "2023-08-17T00:00:00Z");
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, early)).contains("not yet signed");
        for (Party p : List.of(KOR, JPN)) {
            var r = c.client(p).get(p.code().toLowerCase(java.util.Locale.ROOT) + ".officer",
                    "/api/v1/consultations/" + id);
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
    }

    private String refusal(trisec.envelope.NodeKeys sender, trisec.envelope.PublicIdentity to, String kind,
                           Object payload) {
        var envelope = Fed.seal(sender, to, kind, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, payload);
        var answer = Fed.post(c, to.party(), Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var receipt = Fed.signedReceipt(answer.json()).receipt();
        assertThat(receipt.outcome()).as(receipt.reason()).isEqualTo(Messages.REFUSED);
        return receipt.reason();
    }
}
