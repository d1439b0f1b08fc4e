package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Client;
import trisec.node.Cluster;

/**
 * Meetings of the consultation channels (issue 12): a record is an item, so the defense ministers' meeting is planned
 * with the rotation's host, its unclassified agenda goes to the channel's parties, and a classified annex goes only
 * where an agreement is in force that day (before 2016-11-23, Korea and Japan had none).
 */
class MeetingTest {
    static final Instant BEFORE_KOREA_JAPAN_GSOMIA = Instant.parse("2016-06-01T00:00:00Z");
    static final Instant MID_2025 = Instant.parse("2025-07-01T00:00:00Z");
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private Client kor() {
        return c.client(KOR);
    }

    private static String meeting(String channel, String start, String hostField) {
        return """
                {"channel":"%s","start":"%s","place":"Seoul",%s
                 "participants":{"KOR":["Minister of National Defense"],"USA":["Secretary of Defense"]},
                 "agenda":[{"title":"Missile warning data sharing","track":"security"},
                           {"title":"Supply chains","track":"economy"}]}""".formatted(channel, start, hostField);
    }

    private JsonNode plan(String body) {
        var r = kor().post("kor.officer", "/api/v1/meetings", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Every item the officer may see: none on a fresh node but what the test made. */
    private JsonNode items() {
        var r = kor().get("kor.officer", "/api/v1/items");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    @Test
    void aDefenseMinistersMeetingIsHostedByTheRotationsPartyOnEitherSideOfATurn() {
        c = Cluster.trilateral(MID_2025);
        assertThat(plan(meeting("defense-ministers", "2025-07-27", "")).at("/meeting/host").asText())
                .isEqualTo("JPN");
        JsonNode seoul = plan(meeting("defense-ministers", "2025-07-28", ""));
        assertThat(seoul.at("/meeting/host").asText()).isEqualTo("KOR");
        assertThat(seoul.at("/meeting/state").asText()).isEqualTo("PLANNED");
        assertThat(seoul.get("banner").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(plan(meeting("defense-ministers", "2026-07-28", "\"host\":\"USA\",")).at("/meeting/host").asText())
                .isEqualTo("USA");

        // Another host than the rotation's is refused, and nothing is stored.
        var wrong = kor().post("kor.officer", "/api/v1/meetings", meeting("defense-ministers", "2025-07-28",
                "\"host\":\"JPN\","));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().get("message").asText()).contains("hosted by KOR").contains("not JPN");
        assertThat(kor().get("kor.officer", "/api/v1/meetings").json().get("meetings")).hasSize(3);
        assertThat(items()).hasSize(3);
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsStored() {
        c = Cluster.trilateral(MID_2025);
        String good = meeting("defense-ministers", "2025-09-01", "");
        var cases = List.of(
                List.of(good.replace("defense-ministers", "fishing-talks"), "no channel 'fishing-talks'"),
                List.of(good.replace("\"economy\"", "\"culture\""), "security, economy, history, other"),
                List.of(good.replace("\"start\":\"2025-09-01\"", "\"start\":\"2025-09-02\",\"end\":\"2025-09-01\""),
                        "ends on or after the day it starts"),
                List.of(good.replace("\"place\":\"Seoul\",", ""), "place is 1 to 200"),
                List.of(good.replace("\"start\":\"2025-09-01\",", ""), "start is required"),
                List.of(good.replace("2025-09-01", "1 September"), "start is a date such as"),
                List.of(good.replace("\"track\":\"security\"", "\"track\":null"), "a track is one of"),
                List.of(good.replace("\"USA\":[", "\"XYZ\":["), "XYZ"),
                List.of(good.replace("\"place\"", "\"venue\""), ""));
        for (List<String> x : cases) {
            var r = kor().post("kor.officer", "/api/v1/meetings", x.get(0));
            assertThat(r.status()).as(x.get(0) + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(r.body()).contains(x.get(1));
        }
        assertThat(kor().get("kor.officer", "/api/v1/meetings").json().get("meetings")).isEmpty();
        assertThat(items()).isEmpty();
    }

    @Test
    void aMeetingIsHeldOrCancelledAndItsActionItemsFollowedUpOnlyByItsRecorder() {
        c = Cluster.trilateral(MID_2025);
        String early = plan(meeting("defense-trilateral-talks", "2025-06-20", "\"host\":\"USA\",")).get("id").asText();
        String later = plan(meeting("defense-trilateral-talks", "2025-08-20", "")).get("id").asText();

        var tooSoon = kor().post("kor.officer", "/api/v1/meetings/" + later + "/held", "{\"outcomes\":[]}");
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().get("message").asText()).contains("on or after its first day, 2025-08-20");
        var cancelled = kor().post("kor.officer", "/api/v1/meetings/" + later + "/cancel", "{\"reason\":\"typhoon\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
        assertThat(cancelled.json().at("/meeting/state").asText()).isEqualTo("CANCELLED");

        // An outcome that is null is bad input like an empty one: a clear refusal, not a server error.
        var nullOutcome = kor().post("kor.officer", "/api/v1/meetings/" + early + "/held", "{\"outcomes\":[null]}");
        assertThat(nullOutcome.status()).as(nullOutcome.body()).isEqualTo(400);
        assertThat(nullOutcome.json().get("message").asText()).contains("outcome");
        var held = kor().post("kor.officer", "/api/v1/meetings/" + early + "/held",
                "{\"outcomes\":[\"Agreed to exercise Freedom Edge again\"]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        var action = kor().post("kor.officer", "/api/v1/meetings/" + early + "/actions",
                "{\"owner\":\"JPN\",\"due\":\"2025-12-01\",\"task\":\"Circulate the exercise plan\"}");
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        var done = kor().post("kor.officer", "/api/v1/meetings/" + early + "/follow-ups",
                "{\"number\":1,\"status\":\"done\",\"followUp\":\"Circulated on 2025-11-20\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        JsonNode m = kor().get("kor.analyst", "/api/v1/meetings/" + early).json();
        assertThat(m.at("/meeting/state").asText()).isEqualTo("HELD");
        assertThat(m.at("/meeting/revision").asInt()).isEqualTo(4);
        assertThat(m.at("/meeting/actions/0/owner").asText()).isEqualTo("JPN");
        assertThat(m.at("/meeting/actions/0/status").asText()).isEqualTo("DONE");
        assertThat(m.at("/meeting/outcomes/0").asText()).isEqualTo("Agreed to exercise Freedom Edge again");
        // One meeting however many versions it has.
        assertThat(kor().get("kor.analyst", "/api/v1/meetings").json().get("meetings")).hasSize(2);

        var again = kor().post("kor.officer", "/api/v1/meetings/" + early + "/cancel", "{\"reason\":\"x\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).contains("held meeting cannot be cancelled");
        assertThat(kor().post("kor.analyst", "/api/v1/meetings/" + early + "/cancel", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheRecorderMovesAPlannedMeetingAndTheRotationFollowsTheNewDate() {
        c = Cluster.trilateral(MID_2025);
        String id = plan(meeting("defense-ministers", "2025-07-24", "")).get("id").asText();
        assertThat(kor().get("kor.officer", "/api/v1/meetings/" + id).json().at("/meeting/host").asText())
                .isEqualTo("JPN");
        var moved = kor().post("kor.officer", "/api/v1/meetings/" + id + "/reschedule",
                "{\"start\":\"2025-07-30\",\"place\":\"Busan\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(moved.json().at("/meeting/start").asText()).isEqualTo("2025-07-30");
        assertThat(moved.json().at("/meeting/end").asText()).isEqualTo("2025-07-30");
        assertThat(moved.json().at("/meeting/place").asText()).isEqualTo("Busan");
        assertThat(moved.json().at("/meeting/host").asText()).as("Korea's turn from 2025-07-28").isEqualTo("KOR");
        assertThat(moved.json().at("/meeting/revision").asInt()).isEqualTo(2);

        int items = items().size();
        for (List<String> x : List.of(List.of("{}", "names a new start, end or place"),
                List.of("{\"place\":\"Busan\"}", "nothing to change"),
                List.of("{\"start\":\"30 July\"}", "start is a date such as"),
                List.of("{\"end\":\"2025-07-01\"}", "ends on or after the day it starts"),
                List.of("{\"place\":\"\"}", "place is 1 to 200"),
                List.of("{\"venue\":\"Busan\"}", ""))) {
            var r = kor().post("kor.officer", "/api/v1/meetings/" + id + "/reschedule", x.get(0));
            assertThat(r.status()).as(x.get(0) + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(r.body()).contains(x.get(1));
        }
        assertThat(items()).as("nothing stored").hasSize(items);
        assertThat(kor().post("kor.analyst", "/api/v1/meetings/" + id + "/reschedule", "{\"place\":\"Jeju\"}")
                .status()).isEqualTo(403);
        var cancelled = kor().post("kor.officer", "/api/v1/meetings/" + id + "/cancel", "{\"reason\":\"storm\"}");
        assertThat(cancelled.status()).isEqualTo(201);
        var late = kor().post("kor.officer", "/api/v1/meetings/" + id + "/reschedule", "{\"place\":\"Jeju\"}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("message").asText()).contains("cancelled meeting cannot be rescheduled");
    }

    @Test
    void aPartnerReportsOnlyOnItsOwnActionItemAndItsReportReachesTheRecorder() {
        c = Cluster.trilateral(MID_2025);
        Fed.secondOfficial(c, KOR);
        Fed.proposeAndApprove(c, KOR, """
                {"topic":"consult","highest":"UNCLASSIFIED","recipients":["USA","JPN"],"validFrom":"2014-01-01"}""");
        Fed.secondOfficial(c, JPN);
        Fed.proposeAndApprove(c, JPN, """
                {"topic":"consult","highest":"UNCLASSIFIED","recipients":["USA","KOR"],"validFrom":"2014-01-01"}""");
        String id = plan(meeting("defense-trilateral-talks", "2025-06-20", "")).get("id").asText();
        assertThat(kor().post("kor.officer", "/api/v1/meetings/" + id + "/held", "{\"outcomes\":[]}").status())
                .isEqualTo(201);
        assertThat(kor().post("kor.officer", "/api/v1/meetings/" + id + "/actions",
                "{\"owner\":\"JPN\",\"due\":\"2025-12-01\",\"task\":\"Circulate the plan\"}").status())
                .isEqualTo(201);
        assertThat(kor().post("kor.officer", "/api/v1/meetings/" + id + "/actions",
                "{\"owner\":\"KOR\",\"due\":\"2025-12-01\",\"task\":\"Book the venue\"}").status())
                .isEqualTo(201);
        Client jpn = c.client(JPN);
        Cluster.eventually(() -> {
            var r = jpn.get("jpn.officer", "/api/v1/meetings/" + id);
            return r.status() == 200 && r.json().at("/meeting/revision").asInt() == 4;
        }, "Japan holds the latest record");

        // The recorder follows up in the record itself; a partner reports only on what it owns, and bad input stores
        // nothing.
        var own = kor().post("kor.officer", "/api/v1/meetings/" + id + "/reports",
                "{\"number\":2,\"followUp\":\"booked\"}");
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().get("message").asText()).contains("keeps this record");
        int before = Fed.itemCount(c.node(JPN));
        for (List<Object> x : List.<List<Object>>of(List.of("{\"number\":2,\"followUp\":\"x\"}", 403, "only its owner"),
                List.of("{\"number\":3,\"followUp\":\"x\"}", 400, "no action item 3"),
                List.of("{\"followUp\":\"x\"}", 400, "number"),
                List.of("{\"number\":1,\"status\":\"FINISHED\",\"followUp\":\"x\"}", 400, "OPEN, DONE or DROPPED"),
                List.of("{\"number\":1,\"status\":\"DONE\"}", 400, "followUp is 1 to 2000"))) {
            var r = jpn.post("jpn.officer", "/api/v1/meetings/" + id + "/reports", (String) x.get(0));
            assertThat(r.status()).as(x.get(0) + " → " + r.body()).isEqualTo(x.get(1));
            assertThat(r.json().get("message").asText()).as(r.body()).contains((String) x.get(2));
        }
        assertThat(jpn.post("jpn.analyst", "/api/v1/meetings/" + id + "/reports",
                "{\"number\":1,\"followUp\":\"x\"}").status()).isEqualTo(403);
        assertThat(Fed.itemCount(c.node(JPN))).as("nothing stored").isEqualTo(before);

        var reported = jpn.post("jpn.officer", "/api/v1/meetings/" + id + "/reports",
                "{\"number\":1,\"status\":\"done\",\"followUp\":\"Circulated on 2025-06-30\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().at("/report/reportedBy").asText()).isEqualTo("JPN");
        assertThat(reported.json().at("/report/banner").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(StreamSupport.stream(reported.json().get("shared").spliterator(), false)
                .map(s -> s.get("to").asText())).containsExactlyInAnyOrder("KOR", "USA");
        Cluster.eventually(() -> kor().get("kor.analyst", "/api/v1/meetings/" + id).json().get("reports").size() == 1,
                "Korea holds Japan's report");
        JsonNode atKorea = kor().get("kor.analyst", "/api/v1/meetings/" + id).json();
        assertThat(atKorea.at("/reports/0/number").asInt()).isEqualTo(1);
        assertThat(atKorea.at("/reports/0/status").asText()).isEqualTo("DONE");
        assertThat(atKorea.at("/reports/0/followUp").asText()).isEqualTo("Circulated on 2025-06-30");
        // The record is Korea's word: it changes when Korea's officer follows the action item up.
        assertThat(atKorea.at("/meeting/actions/0/status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aPartyThatCannotBeAskedIsSaidSoAndTheOthersAreStillAsked() {
        // Korea and Japan run; Korea has no peer for the United States.
        c = Cluster.start(List.of(KOR, JPN), trisec.scenario.file.ScenarioFiles.shipped(), java.util.Optional.of(MID_2025),
                x -> x);
        String id = plan(meeting("defense-trilateral-talks", "2025-08-20", "")).get("id").asText();
        var shared = kor().post("kor.officer", "/api/v1/meetings/" + id + "/share", "");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        var answers = new java.util.HashMap<String, JsonNode>();
        shared.json().get("shared").forEach(a -> answers.put(a.get("to").asText(), a));
        assertThat(answers.get("JPN").get("verdict").asText()).isEqualTo("PERMIT");
        assertThat(answers.get("JPN").get("release").asText()).isNotBlank();
        assertThat(answers.get("USA").get("verdict").asText()).isEqualTo("NOT_ASKED");
        assertThat(answers.get("USA").get("reasons").get(0).asText()).contains("no connection to USA");
    }

    @Test
    void theUnclassifiedAgendaGoesToBothPartnersAndAClassifiedAnnexOnlyWhereAnAgreementIsInForce() {
        c = Cluster.trilateral(BEFORE_KOREA_JAPAN_GSOMIA);
        Fed.secondOfficial(c, KOR);
        // The secretariat's expectation: the channels' unclassified records go to the partners without an approval
        // per record, under a standing authority two disclosure officials agreed.
        Fed.proposeAndApprove(c, KOR, """
                {"topic":"consult","highest":"UNCLASSIFIED","recipients":["USA","JPN"],"validFrom":"2014-01-01"}""");
        String id = plan(meeting("defense-trilateral-talks", "2016-06-10", "\"host\":\"KOR\",")).get("id").asText();
        Cluster.eventually(() -> c.client(JPN).get("jpn.analyst", "/api/v1/meetings/" + id).status() == 200,
                "Japan holds the agenda");
        Cluster.eventually(() -> c.client(USA).get("usa.analyst", "/api/v1/meetings/" + id).status() == 200,
                "the USA holds the agenda");
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/meetings/" + id).json().at("/meeting/agenda/1/track")
                .asText()).isEqualTo("economy");

        var annex = kor().post("kor.officer", "/api/v1/meetings/" + id + "/annexes", """
                {"title":"Annex A: missile defense posture","text":"the posture","level":"군사Ⅱ급비밀"}""");
        assertThat(annex.status()).as(annex.body()).isEqualTo(201);
        String annexId = annex.json().get("itemId").asText();

        var shared = kor().post("kor.officer", "/api/v1/meetings/" + id + "/share", "{\"item\":\"" + annexId + "\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        JsonNode toUsa = entry(shared.json(), "USA");
        JsonNode toJapan = entry(shared.json(), "JPN");
        assertThat(toUsa.get("verdict").asText()).isEqualTo("PERMIT");
        assertThat(toUsa.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(toJapan.get("verdict").asText()).isEqualTo("DENY");
        assertThat(toJapan.get("release").isNull()).isTrue();
        assertThat(toJapan.get("reasons").toString()).contains("kor-jpn-gsomia-2016").contains("not yet signed");

        Fed.approve(c, KOR, toUsa.get("release").asText());
        Fed.awaitStatus(c, KOR, toUsa.get("release").asText(), "DELIVERED");
        assertThat(c.client(USA).get("usa.analyst", "/api/v1/meetings/" + id).json().get("annexes"))
                .singleElement().satisfies(a -> assertThat(a.get("text").asText()).isEqualTo("the posture"));
        // Japan has the agenda and nothing of the annex: no copy, no title, no count.
        assertThat(Fed.outbox(c, KOR).stream().filter(r -> r.get("itemId").asText().equals(annexId)))
                .extracting(r -> r.get("recipient").asText()).containsExactly("USA");
        var inJapan = c.client(JPN).get("jpn.officer", "/api/v1/meetings/" + id);
        assertThat(inJapan.json().get("annexes")).isEmpty();
        assertThat(inJapan.body()).doesNotContain("Annex A").doesNotContain(annexId);
        assertThat(c.client(JPN).get("jpn.officer", "/api/v1/items/" + annexId).status()).isEqualTo(404);
    }

    @Test
    void aReaderWithoutClearanceOrNeedToKnowSeesNothingOfAClassifiedAnnex() {
        c = Cluster.trilateral(MID_2025);
        var created = kor().post("kor.admin", "/api/v1/persons", """
                {"username":"kor.note-taker","password":"note-taker-pass","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["reader"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        kor().signIn("kor.note-taker", "note-taker-pass");
        String id = plan(meeting("defense-ministers", "2025-07-28", "")).get("id").asText();
        var annex = kor().post("kor.officer", "/api/v1/meetings/" + id + "/annexes", """
                {"title":"Annex B: secret","text":"secret text","level":"군사Ⅱ급비밀"}""");
        assertThat(annex.status()).as(annex.body()).isEqualTo(201);
        String annexId = annex.json().get("itemId").asText();

        assertThat(kor().get("kor.analyst", "/api/v1/meetings/" + id).json().get("annexes")).hasSize(1);
        // Cleared below the annex: the agenda, and not a word of the annex.
        var noteTaker = kor().get("kor.note-taker", "/api/v1/meetings/" + id);
        assertThat(noteTaker.status()).isEqualTo(200);
        assertThat(noteTaker.json().get("annexes")).isEmpty();
        assertThat(noteTaker.body()).doesNotContain("Annex B").doesNotContain(annexId);
        assertThat(kor().get("kor.note-taker", "/api/v1/meetings").body()).doesNotContain("Annex B")
                .doesNotContain(annexId);
        assertThat(kor().get("kor.note-taker", "/api/v1/items/" + annexId).status()).isEqualTo(403);
        // Without the need to know: no meeting at all.
        assertThat(kor().get("kor.guest", "/api/v1/meetings").json().get("meetings")).isEmpty();
        assertThat(kor().get("kor.guest", "/api/v1/meetings/" + id).status()).isEqualTo(404);
    }

    private static JsonNode entry(JsonNode shared, String party) {
        return StreamSupport.stream(shared.get("shared").spliterator(), false)
                .filter(s -> s.get("to").asText().equals(party)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer for " + party + " in " + shared));
    }
}
