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
 * holds, Japan and the USA hear of it at once and their watch (not a reader or an auditor) acknowledges, and Korea
 * sees both with their delays; the three drafts and the response actions reach every node, each decided by the
 * release policy and on record; a person without need-to-know sees no title of the subject; a consultation message
 * not signed by the party it names, an action put in another party's name or rewritten, and a time far ahead or
 * before the opening are refused with nothing recorded; the opener closes the consultation, and nothing new is taken
 * after; bad input is refused with nothing stored.
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

    private static JsonNode json(String entry) {
        try {
            return trisec.node.base.Json.MAPPER.readTree(entry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
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
            String party = p.code().toLowerCase(java.util.Locale.ROOT);
            String analyst = party + ".analyst";
            var seen = await(p, analyst, id, r -> true);
            assertThat(seen.get("awaitingOurAcknowledgement").asBoolean()).isTrue();
            // The party's watch acknowledges for it: not a reader, not an auditor.
            for (String bystander : List.of(analyst, party + ".auditor")) {
                var refused = c.client(p).post(bystander, "/api/v1/consultations/" + id + "/acknowledge", "");
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            }
            assertThat(party(room(p, analyst, id), p).get("acknowledgedAt").isNull()).isTrue();
            String user = p.equals(JPN) ? "jpn.disclosure" : "usa.officer";
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
        // The opening and each acknowledgement went to each other party on the release policy's decision, on record.
        assertThat(entries(KOR, "CONSULTATION_OPENED")).filteredOn(e -> e.contains(id))
                .singleElement().satisfies(e -> assertThat(Fed.textList(json(e).get("to")))
                        .containsExactlyInAnyOrder("JPN", "USA"));
        assertThat(entries(JPN, "CONSULTATION_ACKNOWLEDGED")).filteredOn(e -> e.contains(id)
                        && e.contains("\"actor\":\"jpn.disclosure\""))
                .singleElement().satisfies(e -> assertThat(Fed.textList(json(e).get("to")))
                        .containsExactlyInAnyOrder("KOR", "USA"));
        var decisions = entries(KOR, "DECISION").stream().map(ConsultationTest::json)
                .filter(e -> e.get("purpose").asText().equals("consultation")).toList();
        assertThat(decisions).extracting(e -> e.get("recipient").asText()).contains("JPN", "USA");
        assertThat(decisions).allSatisfy(e -> {
            assertThat(e.get("decision").asText()).isEqualTo("PERMIT");
            assertThat(e.get("topic").asText()).isEqualTo("consult.commitment");
            assertThat(e.get("level").asText()).isEqualTo("UNCLASSIFIED");
            assertThat(e.get("actor").asText()).isEqualTo("kor.officer");
        });
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
        String now = now(JPN).toString();
        // The USA cannot open a consultation in Korea's name.
        var forged = ConsultationSignatures.signOpened(c.keys(USA), id, COMMITMENT, item, now);
        forged = new Messages.ConsultationOpened(id, COMMITMENT, "KOR", item, forged.openedAt(), forged.signerKey(),
                forged.signature());
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, forged)).contains("not signed by KOR");
        // Unsigned, it is refused with a reason, whoever's envelope carries it.
        var unsigned = new Messages.ConsultationOpened(id, COMMITMENT, "KOR", item, now, null, null);
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, unsigned)).contains("not signed by KOR");
        // Korea's genuine opening, carried by the USA's node as if it were its own, is not the USA's to send.
        var genuine = ConsultationSignatures.signOpened(c.keys(KOR), id, COMMITMENT, item, now);
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_OPENED, genuine)).contains("node of its opener");
        // A step in Japan's name the USA signed, carrying Korea's genuine opening, records nothing either.
        var step = ConsultationSignatures.signStep(c.keys(USA), genuine, "ACK", UUID.randomUUID().toString(), now,
                null, null, null, null, null);
        step = new Messages.ConsultationStep(genuine, "ACK", step.stepId(), "JPN", step.at(), null, null, null, null,
                null, step.signerKey(), step.signature(), null);
        assertThat(refusal(c.keys(JPN), c.node(KOR).identity(), Messages.CONSULTATION_STEP, step))
                .contains("not signed by JPN");
        // A step of no kind, even signed by the party it names, is refused with a reason, not a server error.
        var kindless = new Messages.ConsultationStep(genuine, null, step.stepId(), "JPN", step.at(), null, null, null,
                null, null, step.signerKey(), step.signature(), null);
        assertThat(refusal(c.keys(JPN), c.node(KOR).identity(), Messages.CONSULTATION_STEP, kindless))
                .contains("one of ACK, DRAFT, ACTION, CLOSE");
        // An opening dated before Camp David is refused: the commitment was not in force.
        var early = ConsultationSignatures.signOpened(c.keys(KOR), id, COMMITMENT, item, "2023-08-17T00:00:00Z");
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, early)).contains("not yet signed");
        for (Party p : List.of(KOR, JPN)) {
            var r = c.client(p).get(p.code().toLowerCase(java.util.Locale.ROOT) + ".officer",
                    "/api/v1/consultations/" + id);
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
    }

    /** A consultation Korea's node opened, as it went out, told to Japan by Korea's node itself. */
    private Messages.ConsultationOpened koreanOpening() {
        var opening = ConsultationSignatures.signOpened(c.keys(KOR), UUID.randomUUID().toString(), COMMITMENT,
                UUID.randomUUID().toString(), now(KOR).toString());
        var told = post(c.keys(KOR), c.node(JPN).identity(), Messages.CONSULTATION_OPENED, opening);
        assertThat(told.outcome()).as(told.reason()).isEqualTo(Messages.ACCEPTED);
        return opening;
    }

    /** An action step signed by {@code by}'s node: a new action, or a status change, as {@code by}'s node sends it. */
    private Messages.ConsultationStep action(Party by, Messages.ConsultationOpened opening, String actionId,
                                             String title, String status, Party proposer, Instant at) {
        return ConsultationSignatures.signStep(c.keys(by), opening, "ACTION", actionId, at.toString(), title, "USA",
                "2024-11-15", status, proposer.code());
    }

    private static Messages.ConsultationStep carrying(Messages.ConsultationStep s, Messages.ConsultationStep origin) {
        return new Messages.ConsultationStep(s.opening(), s.step(), s.stepId(), s.by(), s.at(), s.text(), s.owner(),
                s.due(), s.status(), s.proposer(), s.signerKey(), s.signature(), origin);
    }

    private Instant now(Party p) {
        return c.node(p).self().clock().instant();
    }

    @Test
    void aPartnerCannotPutAnActionInAnotherPartysNameNorRewriteOne() {
        var opening = koreanOpening();
        String id = opening.consultationId();
        var japan = c.node(JPN).identity();
        Instant t = now(KOR).plusSeconds(1);
        // The USA's node proposes an action in Korea's name: Japan has not heard of it from Korea, so it is refused.
        String forgedId = UUID.randomUUID().toString();
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP,
                action(USA, opening, forgedId, "Korea withdraws its ambassador", "OPEN", KOR, t)))
                .contains("is not known here").contains("is not its proposer");
        // Nor as a status change carrying an "original" the USA signed itself in Korea's name.
        var ownName = action(USA, opening, forgedId, "Korea withdraws its ambassador", "OPEN", KOR, t);
        var statusChange = action(USA, opening, forgedId, "Korea withdraws its ambassador", "DONE", KOR,
                t.plusSeconds(1));
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, carrying(statusChange, ownName)))
                .contains("an action's original is its proposer's own step");
        var inKoreasName = new Messages.ConsultationStep(opening, "ACTION", forgedId, "KOR", ownName.at(),
                ownName.text(), ownName.owner(), ownName.due(), ownName.status(), "KOR", ownName.signerKey(),
                ownName.signature(), null);
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, carrying(statusChange, inKoreasName)))
                .contains("original step is not signed by KOR");
        assertThat(room(JPN, "jpn.officer", id).get("actions")).isEmpty();

        // Korea's genuine action reaches Japan from Korea's node.
        String actionId = UUID.randomUUID().toString();
        var original = action(KOR, opening, actionId, "Brief the press at 09:00", "OPEN", KOR, t);
        assertThat(post(c.keys(KOR), japan, Messages.CONSULTATION_STEP, original).outcome())
                .isEqualTo(Messages.ACCEPTED);
        // The USA changes its status but rewrites its title: refused, and Japan keeps Korea's words.
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP,
                action(USA, opening, actionId, "Korea apologises", "DONE", KOR, t.plusSeconds(2))))
                .contains("is known here: proposed by KOR, \"Brief the press at 09:00\"");
        // Nor can it make the action its own, or carry Korea's original for an action it says it proposed.
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP,
                action(USA, opening, actionId, "Brief the press at 09:00", "DONE", USA, t.plusSeconds(2))))
                .contains("is known here: proposed by KOR");
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, carrying(
                action(USA, opening, actionId, "Brief the press at 09:00", "DONE", USA, t.plusSeconds(2)), original)))
                .contains("an action's original is its proposer's own step");
        // Korea's own node cannot rewrite what it proposed, either: an action keeps its words.
        assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_STEP,
                action(KOR, opening, actionId, "Brief the press at 10:00", "OPEN", KOR, t.plusSeconds(3))))
                .contains("is known here: proposed by KOR");
        var a = room(JPN, "jpn.officer", id).get("actions");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("title").asText()).isEqualTo("Brief the press at 09:00");
        assertThat(a.get(0).get("proposer").asText()).isEqualTo("KOR");
        assertThat(a.get(0).get("status").asText()).isEqualTo("OPEN");
        // A status change by another party of an action known here, with the same words, is taken.
        var done = post(c.keys(USA), japan, Messages.CONSULTATION_STEP,
                action(USA, opening, actionId, "Brief the press at 09:00", "DONE", KOR, t.plusSeconds(4)));
        assertThat(done.outcome()).as(done.reason()).isEqualTo(Messages.ACCEPTED);
        assertThat(room(JPN, "jpn.officer", id).at("/actions/0/status").asText()).isEqualTo("DONE");
    }

    @Test
    void aStatusChangeArrivingBeforeItsActionRecordsTheActionAsItsProposerProposedIt() {
        var opening = koreanOpening();
        String id = opening.consultationId();
        var japan = c.node(JPN).identity();
        Instant t = now(KOR).plusSeconds(1);
        String actionId = UUID.randomUUID().toString();
        var original = action(KOR, opening, actionId, "Coordinate the sanctions list", "OPEN", KOR, t);
        // The USA's status change overtakes Korea's action on its way to Japan; it carries Korea's signed original.
        var overtaking = carrying(action(USA, opening, actionId, "Coordinate the sanctions list", "DONE", KOR,
                t.plusSeconds(5)), original);
        var first = post(c.keys(USA), japan, Messages.CONSULTATION_STEP, overtaking);
        assertThat(first.outcome()).as(first.reason()).isEqualTo(Messages.ACCEPTED);
        var a = room(JPN, "jpn.officer", id).get("actions");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("proposer").asText()).isEqualTo("KOR");
        assertThat(a.get(0).get("title").asText()).isEqualTo("Coordinate the sanctions list");
        assertThat(a.get(0).get("status").asText()).isEqualTo("DONE");
        // Korea's action, arriving after, changes nothing: the later state stands.
        var late = post(c.keys(KOR), japan, Messages.CONSULTATION_STEP, original);
        assertThat(late.outcome()).as(late.reason()).isEqualTo(Messages.ACCEPTED);
        assertThat(room(JPN, "jpn.officer", id).at("/actions/0/status").asText()).isEqualTo("DONE");
        // An original whose words differ from the status change's is refused, signed by its proposer or not.
        String other = UUID.randomUUID().toString();
        var otherOriginal = action(KOR, opening, other, "Share the radar track", "OPEN", KOR, t);
        assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, carrying(
                action(USA, opening, other, "Share every track", "DONE", KOR, t.plusSeconds(5)), otherOriginal)))
                .contains("was proposed by KOR, \"Share the radar track\", owned by USA, due 2024-11-15, as its "
                        + "original says");
        assertThat(room(JPN, "jpn.officer", id).get("actions")).hasSize(1);
    }

    @Test
    void partnerTimesFarAheadOfTheClockOrBeforeTheOpeningAreRefusedWithNothingRecorded() {
        var japan = c.node(JPN).identity();
        String item = UUID.randomUUID().toString();
        Instant now = now(JPN);
        // Openings: an hour ahead of Japan's clock, the last instant Java knows, not an instant at all.
        for (String at : List.of(now.plus(java.time.Duration.ofHours(1)).toString(), "+1000000000-01-01T00:00:00Z",
                "tomorrow")) {
            String id = UUID.randomUUID().toString();
            var opening = ConsultationSignatures.signOpened(c.keys(KOR), id, COMMITMENT, item, at);
            assertThat(refusal(c.keys(KOR), japan, Messages.CONSULTATION_OPENED, opening))
                    .containsAnyOf("minutes ahead of this node's clock", "is not an instant");
            assertThat(c.client(JPN).get("jpn.officer", "/api/v1/consultations/" + id).status()).isEqualTo(404);
        }
        // Steps of a genuine opening not yet known to Japan: far ahead, extreme, unparsable, before the opening.
        var opening = ConsultationSignatures.signOpened(c.keys(KOR), UUID.randomUUID().toString(), COMMITMENT, item,
                now(KOR).toString());
        Instant opened = Instant.parse(opening.openedAt());
        for (String at : List.of(now.plus(java.time.Duration.ofMinutes(6)).toString(), "+1000000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "now", opened.minusSeconds(1).toString())) {
            var ack = ConsultationSignatures.signStep(c.keys(USA), opening, "ACK", UUID.randomUUID().toString(), at,
                    null, null, null, null, null);
            assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, ack))
                    .containsAnyOf("minutes ahead of this node's clock", "is not an instant",
                            "comes before its consultation's opening");
            // An action's original so dated is refused too, when a status change carries it.
            String actionId = UUID.randomUUID().toString();
            var original = ConsultationSignatures.signStep(c.keys(KOR), opening, "ACTION", actionId, at,
                    "Align the messaging", "USA", "2024-11-15", "OPEN", "KOR");
            assertThat(refusal(c.keys(USA), japan, Messages.CONSULTATION_STEP, carrying(action(USA, opening,
                    actionId, "Align the messaging", "DONE", KOR, opened.plusSeconds(2)), original)))
                    .containsAnyOf("minutes ahead of this node's clock", "is not an instant",
                            "comes before its consultation's opening");
        }
        assertThat(c.client(JPN).get("jpn.officer", "/api/v1/consultations/" + opening.consultationId()).status())
                .isEqualTo(404);
        assertThat(entries(JPN, "CONSULTATION_ACKNOWLEDGED")).noneMatch(e -> e.contains(opening.consultationId()));
        // At the edge: a step a minute ahead of Japan's clock is a clock's disagreement, and is taken.
        var ok = post(c.keys(USA), japan, Messages.CONSULTATION_STEP, ConsultationSignatures.signStep(c.keys(USA),
                opening, "ACK", UUID.randomUUID().toString(), now(JPN).plusSeconds(60).toString(), null, null, null,
                null, null));
        assertThat(ok.outcome()).as(ok.reason()).isEqualTo(Messages.ACCEPTED);
    }

    @Test
    void theOpenerClosesTheConsultationAndNoPartyAddsToItAfter() {
        String id = open(Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile"));
        for (Party p : List.of(JPN, USA)) {
            await(p, p.code().toLowerCase(java.util.Locale.ROOT) + ".officer", id, r -> true);
        }
        var action = c.client(USA).post("usa.officer", "/api/v1/consultations/" + id + "/actions",
                "{\"title\":\"Convene the DTT\",\"owner\":\"USA\",\"due\":\"2024-12-01\"}");
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        await(KOR, "kor.officer", id, r -> r.get("actions").size() == 1);
        String close = "/api/v1/consultations/" + id + "/close";
        // Only the opener's officers close it; an outcome is one line.
        assertRefused(c.client(JPN).post("jpn.officer", close, "{}"), 403, "only KOR's officers close it");
        assertRefused(c.client(KOR).post("kor.analyst", close, "{}"), 403, "officer");
        assertRefused(c.client(KOR).post("kor.officer", close, "{\"outcome\":\"Agreed.\\nAnd more.\"}"), 400,
                "one line");
        assertRefused(c.client(KOR).post("kor.officer", close, "{\"outcome\":\"" + "x".repeat(301) + "\"}"), 400,
                "at most 300 characters");
        assertThat(room(KOR, "kor.officer", id).get("closed").isNull()).isTrue();
        var closed = c.client(KOR).post("kor.officer", close, "{\"outcome\":\"Joint statement issued at 10:00\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().at("/closed/by").asText()).isEqualTo("kor.officer");
        assertThat(closed.json().at("/closed/outcome").asText()).isEqualTo("Joint statement issued at 10:00");
        assertRefused(c.client(KOR).post("kor.officer", close, ""), 409, "was closed at");
        for (Party p : List.of(JPN, USA)) {
            String officer = p.code().toLowerCase(java.util.Locale.ROOT) + ".officer";
            var r = await(p, officer, id, x -> !x.get("closed").isNull());
            assertThat(r.at("/closed/by").asText()).isEqualTo("KOR");
            assertThat(r.at("/closed/at").asText()).isEqualTo(closed.json().at("/closed/at").asText());
            assertThat(r.at("/closed/outcome").asText()).isEqualTo("Joint statement issued at 10:00");
            assertThat(r.get("awaitingOurAcknowledgement").asBoolean()).isFalse();
            // No acknowledgement, draft or action after the closing, with a message that says so.
            var client = c.client(p);
            assertRefused(client.post(officer, "/api/v1/consultations/" + id + "/acknowledge", ""), 409,
                    "was closed at");
            assertRefused(client.post(officer, "/api/v1/consultations/" + id + "/drafts", "{\"text\":\"Late\"}"),
                    409, "it takes no new draft, action or acknowledgement");
            assertRefused(client.post(officer, "/api/v1/consultations/" + id + "/actions",
                    "{\"title\":\"Late\",\"owner\":\"USA\",\"due\":\"2024-12-01\"}"), 409, "was closed at");
            assertThat(entries(p, "CONSULTATION_CLOSED")).filteredOn(e -> e.contains(id)).hasSize(1);
        }
        assertRefused(c.client(KOR).post("kor.officer", "/api/v1/consultations/" + id + "/drafts",
                "{\"text\":\"Late\"}"), 409, "was closed at");
        // The action's follow-up goes on: closing ends the consultation, not the work.
        var done = c.client(USA).post("usa.officer", "/api/v1/consultations/actions/"
                + action.json().get("id").asText(), "{\"status\":\"DONE\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        await(KOR, "kor.analyst", id, r -> r.at("/actions/0/status").asText().equals("DONE"));
        // A partner's step dated after the closing is refused, and so is a closing in the opener's name.
        var row = room(KOR, "kor.officer", id);
        Instant closedAt = Instant.parse(row.at("/closed/at").asText());
        var opening = c.node(KOR).self().store().read(h -> h.createQuery(
                "SELECT opening FROM consultations WHERE id = :id").bind("id", id).mapTo(String.class).one());
        var signedOpening = trisec.node.base.Json.read(opening, Messages.ConsultationOpened.class);
        var lateDraft = ConsultationSignatures.signStep(c.keys(JPN), signedOpening, "DRAFT",
                UUID.randomUUID().toString(), closedAt.plusSeconds(1).toString(), "After the close", null, null, null,
                null);
        assertThat(refusal(c.keys(JPN), c.node(KOR).identity(), Messages.CONSULTATION_STEP, lateDraft))
                .contains("was closed at");
        var forgedClose = ConsultationSignatures.signStep(c.keys(USA), signedOpening, "CLOSE",
                UUID.randomUUID().toString(), closedAt.toString(), "USA closes it", null, null, null, null);
        assertThat(refusal(c.keys(USA), c.node(JPN).identity(), Messages.CONSULTATION_STEP, forgedClose))
                .contains("closed by its opener KOR");
        assertThat(room(KOR, "kor.officer", id).get("drafts")).allMatch(d -> d.get("text").isNull());
        // The list shows it closed.
        var list = c.client(JPN).get("jpn.analyst", "/api/v1/consultations").json().get("consultations");
        for (JsonNode x : list) {
            if (x.get("id").asText().equals(id)) {
                assertThat(x.at("/closed/by").asText()).isEqualTo("KOR");
            }
        }
    }

    private String refusal(trisec.envelope.NodeKeys sender, trisec.envelope.PublicIdentity to, String kind,
                           Object payload) {
        var receipt = post(sender, to, kind, payload);
        assertThat(receipt.outcome()).as(receipt.reason()).isEqualTo(Messages.REFUSED);
        return receipt.reason();
    }

    /** Posts a message as {@code sender}'s node would, and answers the receiver's signed receipt. */
    private Messages.Receipt post(trisec.envelope.NodeKeys sender, trisec.envelope.PublicIdentity to, String kind,
                                  Object payload) {
        var envelope = Fed.seal(sender, to, kind, UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, payload);
        var answer = Fed.post(c, to.party(), Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Fed.signedReceipt(answer.json()).receipt();
    }
}
