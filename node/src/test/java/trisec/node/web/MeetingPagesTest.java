package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * The meetings pages: the list and a record in the viewer's language, the page marked as the record and the
 * annexes it shows; a person who may not read the annex sees no trace of it, and one without the need to know sees
 * no meeting; an officer plans a meeting with the form and gets the rotation's host, and bad input stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingPagesTest {
    private Cluster cluster;
    private URI base;
    private String id;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c);
        base = cluster.client(Cluster.KOR).base();
        var kor = cluster.client(Cluster.KOR);
        var r = kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"defense-ministers","start":"2025-07-28","place":"Seoul",
                 "participants":{"KOR":["Minister of National Defense"]},
                 "agenda":[{"title":"Missile warning <b>data</b>","track":"security"},
                           {"title":"Shipbuilding","track":"economy"}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        id = r.json().get("id").asText();
        var annex = kor.post("kor.officer", "/api/v1/meetings/" + id + "/annexes", """
                {"title":"Annex C: posture","text":"the posture in detail","level":"군사Ⅱ급비밀"}""");
        assertThat(annex.status()).as(annex.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void aReaderSeesTheRecordAndTheAnnexInTheirLanguageUnderTheRightBanner() {
        for (var lang : List.of(List.of("ko", "안보", "예정", "한국"), List.of("ja", "安全保障", "予定", "韓国"),
                List.of("en", "Security", "Planned", "Korea"))) {
            var tab = new WebTab(base, lang.get(0)).signIn("kor.analyst");
            String list = tab.get("/ui/meetings").body();
            assertThat(list).as(lang.get(0)).contains("data-meeting=\"" + id + "\"").contains("Defense ministers")
                    .contains(lang.get(2));
            // The list shows the unclassified records only: it is marked so.
            assertThat(list).containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
            var page = tab.get("/ui/meetings/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(lang.get(1)).contains("Annex C: posture").contains("the posture in detail")
                    .contains("Missile warning &lt;b&gt;data&lt;/b&gt;").contains("data-testid=\"host\">" + lang.get(3) + "<");
            assertThat(page.body()).containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET");
        }
    }

    @Test
    void anOfficersMeetingPageLeadsToAStatementFormFilledInOnlyForAnOpenRecord() {
        var officer = new WebTab(base, "en").signIn("kor.officer");
        String link = "/ui/statements?channel=defense-ministers&amp;meeting=" + id + "#new-statement";
        assertThat(officer.get("/ui/meetings/" + id).body()).contains("href=\"" + link + "\" data-testid=\"draft-statement\"");
        String form = officer.get(link.replace("&amp;", "&")).body();
        assertThat(form).containsPattern("<option value=\"defense-ministers\" selected>")
                .containsPattern("id=\"meeting\"[^>]*value=\"" + id + "\"");
        // A reader drafts nothing: no link.
        assertThat(new WebTab(base, "en").signIn("kor.analyst").get("/ui/meetings/" + id).body())
                .doesNotContain("draft-statement");
        // A classified record is not one a statement may name: no link either (on a node of its own, so that the
        // other tests' lists stay unclassified).
        try (var other = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c)) {
            var secret = other.client(Cluster.KOR).post("kor.officer", "/api/v1/meetings", """
                    {"channel":"defense-ministers","start":"2025-08-20","place":"Busan","level":"군사Ⅲ급비밀"}""");
            assertThat(secret.status()).as(secret.body()).isEqualTo(201);
            var tab = new WebTab(other.client(Cluster.KOR).base(), "en").signIn("kor.officer");
            assertThat(tab.get("/ui/meetings/" + secret.json().get("id").asText()).body()).contains("Busan")
                    .doesNotContain("draft-statement");
        }
    }

    @Test
    void aPersonWhoMayNotReadTheAnnexOrTheRecordSeesNoTraceOfIt() {
        var created = cluster.client(Cluster.KOR).post("kor.admin", "/api/v1/persons", """
                {"username":"kor.rapporteur","password":"rapporteur-pass","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["reader"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var rapporteur = new WebTab(base, "en").signIn("kor.rapporteur", "rapporteur-pass");
        String html = rapporteur.get("/ui/meetings/" + id).body();
        assertThat(html).contains("Shipbuilding").doesNotContain("Annex").doesNotContain("posture")
                .doesNotContain("SECRET");

        var guest = new WebTab(base, "en").signIn("kor.guest");
        assertThat(guest.get("/ui/meetings").body()).contains("No meetings you may read.").doesNotContain(id);
        assertThat(guest.get("/ui/meetings/" + id).statusCode()).isEqualTo(404);
        assertThat(guest.get("/ui/meetings").body()).doesNotContain("id=\"plan\"");
    }

    @Test
    void anOfficerPlansAMeetingWithTheRotationsHostAndBadInputStoresNothing() {
        var tab = new WebTab(base, "en").signIn("kor.officer");
        assertThat(tab.get("/ui/meetings").body()).contains("id=\"plan\"");
        var planned = tab.submit("/ui/meetings", Map.of("channel", List.of("defense-ministers"),
                "start", List.of("2026-07-28"), "place", List.of("Washington"),
                "participants", List.of("USA: Secretary of Defense\nKOR: Minister"),
                "agenda", List.of("security: Exercise Freedom Edge\nhistory: Remembrance")));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
        String location = planned.headers().firstValue("Location").orElseThrow();
        assertThat(tab.get(location).body()).contains("data-testid=\"host\">United States<").contains("Remembrance");

        int before = cluster.client(Cluster.KOR).get("kor.officer", "/api/v1/meetings").json().get("meetings").size();
        var bad = tab.submit("/ui/meetings", Map.of("channel", List.of("defense-ministers"),
                "start", List.of("2026-07-28"), "place", List.of("Tokyo"), "host", List.of("JPN"),
                "agenda", List.of("culture: Film festival")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("security, economy, history, other");
        assertThat(cluster.client(Cluster.KOR).get("kor.officer", "/api/v1/meetings").json().get("meetings"))
                .hasSize(before);
    }
}
