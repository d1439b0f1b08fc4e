package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.person.Passwords;

/**
 * A meeting's page does what the API does (docs/CONSULTATION.md, "Meetings"): the recording party's officer changes
 * the date and place, records the meeting held or cancelled, adds and follows up action items, attaches an annex and
 * shares it, each with a form checked as the API checks it (a refusal changes nothing); a partner's officer reports
 * on an action item its party owns; a reader and a participant see the record and no form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingFormsTest {
    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral(Instant.parse("2025-07-01T00:00:00Z"));
        kor = cluster.client(KOR);
        // The demo's standing authorities: the channels' unclassified records go to the partners at once.
        String hash = Passwords.hash("demo".toCharArray());
        cluster.node(KOR).seedDemoWarningAuthority(hash, "demo");
        cluster.node(JPN).seedDemoWarningAuthority(hash, "demo");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private String plan(String channel, String start) {
        var r = kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"%s","start":"%s","place":"Seoul","participants":{"KOR":["Director general"]},
                 "agenda":[{"title":"Exercise Freedom Edge","track":"security"}]}""".formatted(channel, start));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode record(String id) {
        var r = kor.get("kor.officer", "/api/v1/meetings/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, List<String>> form(String... pairs) {
        var m = new java.util.LinkedHashMap<String, List<String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1]));
        }
        return m;
    }

    private static void redirectsBack(java.net.http.HttpResponse<String> r, String id, String done) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/meetings/" + id + "?done=meetings.done." + done);
    }

    @Test
    void theRecordersOfficerKeepsTheRecordWithThePagesFormsAndARefusalChangesNothing() {
        String id = plan("defense-trilateral-talks", "2025-06-20");
        String path = "/ui/meetings/" + id;
        var tab = new WebTab(kor.base(), "en").signIn("kor.officer");
        String planned = tab.get(path).body();
        assertThat(planned).contains("id=\"reschedule\"").contains("id=\"hold\"").contains("id=\"cancel\"")
                .contains("id=\"annex\"").doesNotContain("id=\"action\"").doesNotContain("id=\"report\"");

        // A new date and place: a new version, the length kept.
        redirectsBack(tab.submit(path + "/reschedule", form("start", "2025-06-24", "end", "", "place", "Busan")), id,
                "rescheduled");
        assertThat(tab.get(path + "?done=meetings.done.rescheduled").body())
                .contains("The new date and place are recorded.").contains("Busan").contains("2025-06-24");
        assertThat(record(id).at("/meeting/start").asText()).isEqualTo("2025-06-24");
        assertThat(record(id).at("/meeting/place").asText()).isEqualTo("Busan");
        assertThat(record(id).at("/meeting/revision").asInt()).isEqualTo(2);
        // An end before the start is the API's refusal, and nothing is stored.
        var early = tab.submit(path + "/reschedule", form("end", "2025-06-01"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("ends on or after the day it starts");
        assertThat(record(id).at("/meeting/revision").asInt()).isEqualTo(2);
        // Without the form's token: refused, nothing stored.
        assertThat(tab.post(path + "/held", form("outcomes", "x")).statusCode()).isEqualTo(403);
        assertThat(record(id).at("/meeting/state").asText()).isEqualTo("PLANNED");

        redirectsBack(tab.submit(path + "/held", form("outcomes", "Agreed to exercise again\n\nShared assessments")),
                id, "held");
        JsonNode held = record(id).get("meeting");
        assertThat(held.get("state").asText()).isEqualTo("HELD");
        assertThat(held.get("outcomes")).extracting(JsonNode::asText)
                .containsExactly("Agreed to exercise again", "Shared assessments");
        String heldPage = tab.get(path).body();
        assertThat(heldPage).contains("id=\"action\"").doesNotContain("id=\"reschedule\"")
                .doesNotContain("id=\"hold\"").doesNotContain("id=\"follow-up\"");
        var cancel = tab.submit(path + "/cancel", form("reason", "typhoon"));
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(cancel.body()).contains("held meeting cannot be cancelled");

        redirectsBack(tab.submit(path + "/actions", form("owner", "JPN", "due", "2025-12-01",
                "task", "Circulate the exercise plan")), id, "action");
        var badDue = tab.submit(path + "/actions", form("owner", "JPN", "due", "1 December", "task", "x"));
        assertThat(badDue.statusCode()).isEqualTo(400);
        assertThat(badDue.body()).contains("due is a date such as");
        assertThat(record(id).at("/meeting/actions")).hasSize(1);
        assertThat(tab.get(path).body()).contains("id=\"follow-up\"").contains("Circulate the exercise plan");

        redirectsBack(tab.submit(path + "/follow-ups", form("number", "1", "status", "DONE",
                "followUp", "Circulated on 2025-06-30")), id, "followUp");
        assertThat(record(id).at("/meeting/actions/0/status").asText()).isEqualTo("DONE");
        assertThat(record(id).at("/meeting/actions/0/followUp").asText()).isEqualTo("Circulated on 2025-06-30");
        // A number the page could not have sent is named in the viewer's language.
        var korean = new WebTab(kor.base(), "ko").signIn("kor.officer");
        var notANumber = korean.submit(path + "/follow-ups", form("number", "x", "status", "", "followUp", "y"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("후속 조치 번호가 아닙니다: x");
        int revision = record(id).at("/meeting/revision").asInt();

        redirectsBack(tab.submit(path + "/annexes", form("title", "Annex A: posture", "level", "군사Ⅱ급비밀",
                "topic", "", "text", "the posture in detail")), id, "annex");
        JsonNode annexes = record(id).get("annexes");
        assertThat(annexes).singleElement().satisfies(a -> assertThat(a.get("banner").asText()).startsWith("SECRET"));
        assertThat(record(id).at("/meeting/revision").asInt()).as("an annex is no new version").isEqualTo(revision);
        var outside = tab.submit(path + "/annexes", form("title", "Elsewhere", "level", "군사Ⅱ급비밀",
                "topic", "dprk.missile", "text", "t"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("topic is consult.defense-trilateral-talks or below");
        assertThat(record(id).get("annexes")).hasSize(1);

        // Shared: one release request per party, each answer shown.
        var shared = tab.submit(path + "/share", form("item", annexes.get(0).get("itemId").asText()));
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        assertThat(shared.body()).contains("data-testid=\"shared\"").contains("United States").contains("Japan")
                .contains("awaiting approval");
        assertThat(kor.get("kor.officer", "/api/v1/outbox").body()).contains(annexes.get(0).get("itemId").asText());
        // The page is marked as the annex it shows.
        assertThat(tab.get(path).body())
                .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET");
    }

    @Test
    void aPlannedMeetingIsCancelledWithTheFormAndTheFormsSpeakTheViewersLanguage() {
        String id = plan("defense-trilateral-talks", "2025-09-20");
        String path = "/ui/meetings/" + id;
        assertThat(new WebTab(kor.base(), "ko").signIn("kor.officer").get(path).body()).contains("일자 또는 장소 변경")
                .contains("회의 취소").contains("부속서 첨부");
        assertThat(new WebTab(kor.base(), "ja").signIn("kor.officer").get(path).body()).contains("日程・場所の変更")
                .contains("会合の中止").contains("附属書の添付");
        var tab = new WebTab(kor.base(), "en").signIn("kor.officer");
        var tooSoon = tab.submit(path + "/held", form("outcomes", "x"));
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("on or after its first day, 2025-09-20");
        var noReason = tab.submit(path + "/cancel", form("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(record(id).at("/meeting/state").asText()).isEqualTo("PLANNED");
        redirectsBack(tab.submit(path + "/cancel", form("reason", "typhoon")), id, "cancelled");
        assertThat(record(id).at("/meeting/state").asText()).isEqualTo("CANCELLED");
        assertThat(tab.get(path).body()).contains("typhoon").doesNotContain("id=\"reschedule\"");
    }

    @Test
    void aPartnersOfficerReportsOnAnActionItemItsPartyOwns() {
        String id = plan("defense-trilateral-talks", "2025-06-10");
        assertThat(kor.post("kor.officer", "/api/v1/meetings/" + id + "/held", "{\"outcomes\":[\"Met\"]}").status())
                .isEqualTo(201);
        assertThat(kor.post("kor.officer", "/api/v1/meetings/" + id + "/actions",
                "{\"owner\":\"JPN\",\"due\":\"2025-12-01\",\"task\":\"Draft the exercise plan\"}").status())
                .isEqualTo(201);
        assertThat(kor.post("kor.officer", "/api/v1/meetings/" + id + "/actions",
                "{\"owner\":\"USA\",\"due\":\"2025-12-01\",\"task\":\"Host the planners\"}").status()).isEqualTo(201);
        Client jpn = cluster.client(JPN);
        Cluster.eventually(() -> {
            var r = jpn.get("jpn.officer", "/api/v1/meetings/" + id);
            return r.status() == 200 && r.json().at("/meeting/revision").asInt() == 4;
        }, "Japan holds the record with both action items");

        var tab = new WebTab(jpn.base(), "en").signIn("jpn.officer");
        String page = tab.get("/ui/meetings/" + id).body();
        // Japan owns action 1 only, and keeps no record here: a report form, and none of the keeper's.
        assertThat(page).contains("id=\"report\"").contains("Draft the exercise plan")
                .doesNotContain("id=\"reschedule\"").doesNotContain("id=\"annex\"").doesNotContain("id=\"share\"");
        assertThat(page).doesNotContain("<option value=\"2\">");
        var others = tab.submit("/ui/meetings/" + id + "/reports", form("number", "2", "status", "DONE",
                "followUp", "Not ours"));
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(others.body()).contains("only its owner reports on it");

        var reported = tab.submit("/ui/meetings/" + id + "/reports", form("number", "1", "status", "DONE",
                "followUp", "Plan circulated to the three staffs"));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(reported.body()).contains("The report is recorded.").contains("data-testid=\"reports\"")
                .contains("Plan circulated to the three staffs");
        // Shared under Japan's standing authority: Korea, which keeps the record, holds the report.
        Cluster.eventually(() -> record(id).get("reports").size() == 1, "Korea holds Japan's report");
        JsonNode report = record(id).get("reports").get(0);
        assertThat(report.get("reportedBy").asText()).isEqualTo("JPN");
        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(record(id).at("/meeting/actions/0/status").asText()).as("the record is Korea's to change")
                .isEqualTo("OPEN");
        assertThat(new WebTab(kor.base(), "ko").signIn("kor.officer").get("/ui/meetings/" + id).body())
                .contains("담당국의 보고").contains("Plan circulated to the three staffs");
    }

    @Test
    void aReaderAndAParticipantSeeTheRecordAndNoForm() {
        String id = plan("defense-trilateral-talks", "2025-06-15");
        String open = plan("track-1-5", "2025-06-16");
        var analyst = new WebTab(kor.base(), "en").signIn("kor.analyst");
        var page = analyst.get("/ui/meetings/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Exercise Freedom Edge").doesNotContain("action=\"/ui/meetings/" + id + "/");
        var refused = analyst.submit("/ui/meetings/" + id + "/cancel", form("reason", "typhoon"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(record(id).at("/meeting/state").asText()).isEqualTo("PLANNED");

        var participant = new WebTab(kor.base(), "en").signIn("kor.participant");
        var theirs = participant.get("/ui/meetings/" + open);
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(theirs.body()).contains("Exercise Freedom Edge").doesNotContain("action=\"/ui/meetings/" + open);
        assertThat(participant.submit("/ui/meetings/" + open + "/held", form("outcomes", "x")).statusCode())
                .isEqualTo(403);
        assertThat(record(open).at("/meeting/state").asText()).isEqualTo("PLANNED");
    }
}
