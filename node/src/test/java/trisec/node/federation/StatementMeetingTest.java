package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.party.Party;

/**
 * The meeting a joint statement comes out of is a meeting record, not just an id: drafted here, the statement names
 * only a record of its own channel that this node holds, unclassified and open to every party, which the drafter may
 * read; a partner's draft naming a meeting this node holds is checked against that record; and a track 1.5
 * participant never sees a meeting id they could not read, so a statement naming one is not there for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementMeetingTest {
    private static final Instant MID_2025 = Instant.parse("2025-07-01T00:00:00Z");
    private Cluster c;
    private String openTrack;
    private String ministers;
    private String secretTrack;
    private String closedToJapan;

    @BeforeAll
    void start() {
        c = Cluster.trilateral(MID_2025);
        openTrack = plan(KOR, "track-1-5", "2025-08-12", "");
        ministers = plan(KOR, "defense-ministers", "2025-07-28", "");
        secretTrack = plan(KOR, "track-1-5", "2025-09-02", "\"level\":\"군사Ⅱ급비밀\",");
        closedToJapan = plan(KOR, "track-1-5", "2025-09-09", "\"relTo\":[\"USA\"],");
        var junior = c.client(KOR).post("kor.admin", "/api/v1/persons", """
                {"username":"kor.junior","password":"junior-officer-pass","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["officer"]}""");
        assertThat(junior.status()).as(junior.body()).isEqualTo(201);
        c.client(KOR).signIn("kor.junior", "junior-officer-pass");
    }

    @AfterAll
    void stop() {
        c.close();
    }

    private String plan(Party p, String channel, String start, String label) {
        var r = c.client(p).post(Fed.user(p, "officer"), "/api/v1/meetings", """
                {"channel":"%s","start":"%s","place":"Seoul",%s
                 "participants":{"KOR":["Professor of international relations"]},
                 "agenda":[{"title":"The regional order","track":"security"}]}""".formatted(channel, start, label));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static String statement(String channel, String meeting, String title) {
        return Json.write(Map.of("channel", channel, "meeting", meeting, "title", title,
                "texts", Map.of("ko", title + " (ko)", "ja", title + " (ja)", "en", title + " (en)")));
    }

    private Client.Response draft(String user, String channel, String meeting, String title) {
        return c.client(KOR).post(user, "/api/v1/statements", statement(channel, meeting, title));
    }

    private long statementsAt(Party p) {
        return c.client(p).get(Fed.user(p, "officer"), "/api/v1/statements").json().get("statements").size();
    }

    private long draftsInOutbox(Party p) {
        return Fed.outboxRows(c.node(p)).stream().filter(r -> r.kind().equals(Messages.STATEMENT_DRAFT)).count();
    }

    @Test
    void aStatementDraftedHereNamesOnlyAnOpenMeetingOfItsChannelThatTheDrafterMayRead() {
        long before = statementsAt(KOR);
        long sent = draftsInOutbox(KOR);
        String unknown = "KOR-" + UUID.randomUUID();
        record Case(String user, String channel, String meeting, String says) {}
        var cases = List.of(
                new Case("kor.officer", "track-1-5", unknown, "meeting " + unknown + " is not a meeting record "
                        + "this node holds that you may read"),
                new Case("kor.officer", "track-1-5", ministers, "is a meeting of channel defense-ministers, not of "
                        + "track-1-5"),
                new Case("kor.officer", "track-1-5", secretTrack, "record is marked 군사Ⅱ급비밀"),
                new Case("kor.officer", "track-1-5", closedToJapan, "not releasable to JPN"),
                // Cleared below the record: to them it is not there, in the same words as a meeting that is not.
                new Case("kor.junior", "track-1-5", secretTrack, "meeting " + secretTrack + " is not a meeting "
                        + "record this node holds that you may read"));
        for (Case x : cases) {
            var r = draft(x.user(), x.channel(), x.meeting(), "Refused statement");
            assertThat(r.status()).as(x.says() + ": " + r.body()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("BAD_REQUEST");
            assertThat(r.json().get("message").asText()).contains(x.says());
        }
        assertThat(statementsAt(KOR)).isEqualTo(before);
        assertThat(draftsInOutbox(KOR)).isEqualTo(sent);

        var named = draft("kor.officer", "track-1-5", openTrack, "Jeju statement");
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        assertThat(named.json().get("meeting").asText()).isEqualTo(openTrack);
        String id = named.json().get("id").asText();
        // The partners do not hold Korea's record (nothing shared it yet): they take the statement on Korea's word.
        for (Party p : List.of(JPN, USA)) {
            Cluster.eventually(() -> c.client(p).get(Fed.user(p, "officer"), "/api/v1/statements/" + id)
                    .status() == 200, p + " holds the statement");
        }
        // A participant here reads the record, so they see the statement and the meeting it names.
        var seen = c.client(KOR).get("kor.participant", "/api/v1/statements/" + id);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("meeting").asText()).isEqualTo(openTrack);
    }

    /** Seals a draft from Japan's node to Korea's: the reason it was refused, or null if it was taken. */
    private String fromJapan(String channel, String meeting) {
        var d = new Messages.StatementDraft(UUID.randomUUID().toString(), 1, channel, meeting, "Japan's statement",
                "ko", "ja", "en", "JPN", Instant.now().toString());
        var envelope = Fed.seal(c.keys(JPN), c.node(KOR).identity(), Messages.STATEMENT_DRAFT, UUID.randomUUID(),
                Postbox.UNCLASSIFIED_HEADER, d);
        var answer = Fed.post(c, KOR, Wire.encode(envelope));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var receipt = Fed.signedReceipt(answer.json()).receipt();
        if (!Messages.REFUSED.equals(receipt.outcome())) {
            assertThat(c.client(KOR).get("kor.officer", "/api/v1/statements/" + d.statementId()).status())
                    .isEqualTo(200);
            return null;
        }
        assertThat(c.client(KOR).get("kor.officer", "/api/v1/statements/" + d.statementId()).status())
                .as("nothing stored").isEqualTo(404);
        return receipt.reason();
    }

    /**
     * Whatever is wrong with the record, the refusal says the same, in the receipt and in the RECEIVED entry of the
     * audit log, which partners and auditors of any clearance read: nothing of the record's channel, marking or id.
     */
    @Test
    void aPartnersDraftNamingAMeetingThisNodeHoldsIsCheckedAgainstItsRecord() {
        String caveated = plan(KOR, "track-1-5", "2025-09-16", "\"caveats\":[\"ORCON\"],");
        var reasons = new java.util.LinkedHashMap<String, String>();
        for (String held : List.of(ministers, secretTrack, caveated)) {
            reasons.put(held, fromJapan("track-1-5", held));
        }
        assertThat(reasons.values()).doesNotContainNull().containsOnly(reasons.get(ministers));
        assertThat(reasons.get(ministers)).contains("can vouch for");
        assertThat(fromJapan("track-1-5", openTrack)).isNull();
        // A meeting Korea does not hold is Japan's word.
        assertThat(fromJapan("track-1-5", "JPN-" + UUID.randomUUID())).isNull();

        c.node(KOR).integrateNow();
        var refused = c.node(KOR).auditLog().entries(0, 100_000).stream()
                .filter(e -> e.contains("\"type\":\"RECEIVED\"") && e.contains("\"kind\":\"STATEMENT_DRAFT\"")
                        && e.contains("\"outcome\":\"REFUSED\""))
                .map(e -> Json.read(e, com.fasterxml.jackson.databind.JsonNode.class)).toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
            assertThat(e.get("reason").asText()).isEqualTo(reasons.get(ministers));
            assertThat(e.toString()).doesNotContain("defense-ministers").doesNotContain("군사")
                    .doesNotContain("ORCON").doesNotContain(ministers).doesNotContain(secretTrack)
                    .doesNotContain(caveated);
        });
    }

    @Test
    void aParticipantNeverSeesAMeetingIdTheyCouldNotRead() {
        // Japan records a track 1.5 meeting and drafts a statement out of it; Korea holds the statement, not the record.
        String japans = plan(JPN, "track-1-5", "2025-10-01", "");
        var drafted = c.client(JPN).post("jpn.officer", "/api/v1/statements", statement("track-1-5", japans,
                "Tokyo track statement"));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        Cluster.eventually(() -> c.client(KOR).get("kor.officer", "/api/v1/statements/" + id).status() == 200,
                "Korea holds Japan's statement");
        // The staff read it with the meeting's id, as Japan signs it.
        assertThat(c.client(KOR).get("kor.analyst", "/api/v1/statements/" + id).json().get("meeting").asText())
                .isEqualTo(japans);
        // The participant cannot read that record here: the statement is not there for them, word for word as one
        // that does not exist, and the id appears nowhere they look.
        var hidden = c.client(KOR).get("kor.participant", "/api/v1/statements/" + id);
        String none = UUID.randomUUID().toString();
        var nothing = c.client(KOR).get("kor.participant", "/api/v1/statements/" + none);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(id, none)).isEqualTo(nothing.body());
        assertThat(c.client(KOR).get("kor.participant", "/api/v1/statements").body()).doesNotContain(japans)
                .doesNotContain(id);
        assertThat(c.client(KOR).get("kor.participant", "/api/v1/statements/" + id + "/document").status())
                .isEqualTo(404);
    }
}
