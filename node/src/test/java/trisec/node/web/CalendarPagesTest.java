package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * Calendar subscriptions on the pages: a person makes one on /ui/me and sees its address once, in their language,
 * and revokes it there; an administrator revokes anyone's and disables a person, whose address then serves nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarPagesTest {
    private static final Pattern ADDRESS = Pattern.compile("data-testid=\"calendar-address\" value=\"[^\"]*"
            + "/calendars/([A-Za-z0-9_-]+)/channels/calendar.ics\"");

    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c);
        kor = cluster.client(KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private int fetch(String secret) {
        return kor.raw(null, HttpRequest.newBuilder(kor.base().resolve("/calendars/" + secret
                + "/channels/calendar.ics")).GET()).status();
    }

    private static String secretIn(String html) {
        var m = ADDRESS.matcher(html);
        assertThat(m.find()).as("the address in the page").isTrue();
        return m.group(1);
    }

    @Test
    void aPersonMakesAnAddressSeesItOnceAndRevokesIt() {
        for (var lang : List.of(List.of("ko", "캘린더 구독"), List.of("ja", "カレンダーの購読"),
                List.of("en", "Calendar subscriptions"))) {
            assertThat(new WebTab(kor.base(), lang.get(0)).signIn("kor.analyst").get("/ui/me").body())
                    .contains(lang.get(1)).contains("id=\"subscribe\"");
        }
        var tab = new WebTab(kor.base(), "en").signIn("kor.analyst");
        var made = tab.submit("/ui/me/calendars", Map.of("label", List.of("Phone")));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String secret = secretIn(made.body());
        assertThat(fetch(secret)).isEqualTo(200);
        String later = tab.get("/ui/me").body();
        assertThat(later).contains("Phone").doesNotContain(secret).doesNotContain("data-testid=\"calendar-address\"");

        var m = Pattern.compile("action=\"(/ui/me/calendars/[^\"]+/revoke)\"").matcher(later);
        assertThat(m.find()).isTrue();
        assertThat(tab.post(m.group(1), Map.of()).statusCode()).as("no form token").isEqualTo(403);
        assertThat(fetch(secret)).isEqualTo(200);
        var revoked = tab.submit(m.group(1), Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/ui/me?done=me.calendars.revoked");
        assertThat(fetch(secret)).isEqualTo(404);
        assertThat(tab.get("/ui/me?done=me.calendars.revoked").body()).contains("its address serves nothing any more")
                .doesNotContain("Phone");
    }

    @Test
    void aParticipantMakesOneToo() {
        var tab = new WebTab(kor.base(), "en").signIn("kor.participant");
        var made = tab.submit("/ui/me/calendars", Map.of("label", List.of("Laptop")));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(fetch(secretIn(made.body()))).isEqualTo(200);
    }

    @Test
    void anAdministratorRevokesAnyonesAndDisablingAPersonStopsTheirs() {
        var officer = new WebTab(kor.base(), "en").signIn("kor.officer");
        String officers = secretIn(officer.submit("/ui/me/calendars", Map.of("label", List.of("Desk"))).body());
        var created = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"kor.temp","password":"temporary-pass","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["reader"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String personId = created.json().get("id").asText();
        var temp = new WebTab(kor.base(), "en").signIn("kor.temp", "temporary-pass");
        String temps = secretIn(temp.submit("/ui/me/calendars", Map.of()).body());
        assertThat(fetch(officers)).isEqualTo(200);
        assertThat(fetch(temps)).isEqualTo(200);

        var admin = new WebTab(kor.base(), "en").signIn("kor.admin");
        String page = admin.get("/ui/admin").body();
        assertThat(page).contains("Desk").contains("kor.temp").doesNotContain(officers).doesNotContain(temps);
        var m = Pattern.compile("<tr data-calendar=\"([^\"]+)\"><td>kor.officer</td><td>Desk</td>").matcher(page);
        assertThat(m.find()).isTrue();
        var revoked = admin.submit("/ui/admin/calendars/" + m.group(1) + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(fetch(officers)).isEqualTo(404);

        var disabled = admin.submit("/ui/admin/persons/" + personId + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("kor.temp is disabled");
        assertThat(fetch(temps)).isEqualTo(404);
        assertThat(temp.get("/ui/me").statusCode()).as("signed out").isEqualTo(302);
        // They sign in no more: the page answers their right password as a wrong one (DisablingAPersonTest).
        var again = new WebTab(kor.base(), "en");
        var refused = again.post("/ui/login", Map.of("csrf", List.of(WebTab.csrf(again.get("/ui/login").body())),
                "username", List.of("kor.temp"), "password", List.of("temporary-pass")));
        assertThat(refused.headers().firstValue("Location")).hasValue("/ui/login?failed=yes");
        assertThat(again.get("/ui/me").statusCode()).isEqualTo(302);
        // Disabling twice, or oneself, is refused on the page with the reason.
        assertThat(admin.submit("/ui/admin/persons/" + personId + "/disable", Map.of()).body())
                .contains("already disabled");
        String own = kor.get("kor.admin", "/api/v1/persons").json().get("persons").findParents("username").stream()
                .filter(p -> p.get("username").asText().equals("kor.admin")).findFirst().orElseThrow()
                .get("id").asText();
        assertThat(admin.submit("/ui/admin/persons/" + own + "/disable", Map.of()).body())
                .contains("an administrator does not disable themselves");
        assertThat(admin.get("/ui/admin").statusCode()).isEqualTo(200);
    }
}
