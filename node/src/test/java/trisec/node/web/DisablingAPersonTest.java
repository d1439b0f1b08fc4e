package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.scenario.file.ScenarioFiles;

/**
 * An administrator disables a person (docs/NODE.md, "People"): their bearer token and their page session stop at
 * once, and they sign in no more, through the API or the page. A sign-in with their right password is answered word
 * for word as a wrong password is, and counts towards the lock as one, so that nothing tells a guesser the password
 * was right; the log says it was a disabled person. An administrator does not disable themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisablingAPersonTest {
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

    private String create(String username, String password) {
        var created = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"%s","password":"%s","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["reader"]}""".formatted(username, password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** A sign-in through the API: status and body. */
    private String token(String username, String password) {
        var r = kor.post(null, "/api/v1/auth/token", Json.write(Map.of("username", username, "password", password)));
        return r.status() + " " + r.body();
    }

    /** A sign-in through the page: where it sends the browser, and whether it started a session. */
    private String page(String username, String password) {
        var tab = new WebTab(kor.base(), "en");
        String csrf = WebTab.csrf(tab.get("/ui/login").body());
        HttpResponse<String> r = tab.post("/ui/login", Map.of("csrf", List.of(csrf), "username", List.of(username),
                "password", List.of(password)));
        boolean session = tab.cookies.keySet().stream().anyMatch(k -> k.startsWith(WebSession.SESSION + "_"));
        return r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + (session ? " session" : "");
    }

    private String loginFailures(String username) {
        cluster.node(KOR).integrateNow();
        return String.join("\n", cluster.node(KOR).auditLog().entries(0, 100_000).stream()
                .filter(e -> e.contains("\"type\":\"LOGIN_FAILED\"") && e.contains("\"actor\":\"" + username + "\""))
                .toList());
    }

    @Test
    void aDisabledPersonsTokenAndSessionStopAndTheySignInNoMoreThoughTheirPasswordIsRight() {
        String id = create("kor.leaver", "leaver-password");
        kor.signIn("kor.leaver", "leaver-password");
        var tab = new WebTab(kor.base(), "en").signIn("kor.leaver", "leaver-password");
        assertThat(kor.get("kor.leaver", "/api/v1/me").status()).isEqualTo(200);
        assertThat(tab.get("/ui/me").statusCode()).isEqualTo(200);
        create("kor.stayer", "stayer-password");

        var off = kor.post("kor.admin", "/api/v1/persons/" + id + "/disable", "");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("disabled").asBoolean()).isTrue();

        // The token and the session they held stop at once.
        var me = kor.get("kor.leaver", "/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.error()).isEqualTo("UNAUTHENTICATED");
        var page = tab.get("/ui/me");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/ui/login");

        // Their right password is answered as a wrong one is, through the API and the page.
        String wrong = token("kor.stayer", "not-the-password");
        assertThat(wrong).isEqualTo("401 {\"error\":\"UNAUTHENTICATED\",\"message\":\"wrong username or password\"}");
        assertThat(token("kor.leaver", "leaver-password")).isEqualTo(wrong);
        assertThat(token("kor.leaver", "not-the-password")).isEqualTo(wrong);
        assertThat(page("kor.leaver", "leaver-password")).isEqualTo(page("kor.stayer", "not-the-password"))
                .isEqualTo("302 /ui/login?failed=yes");
        assertThat(page("kor.stayer", "stayer-password")).isEqualTo("302 /ui session");
        // The log tells the auditor what the answer does not.
        assertThat(loginFailures("kor.leaver")).contains("\"why\":\"disabled\"").contains("\"why\":\"wrong password\"");
    }

    /**
     * Were a right password for a disabled person not counted as a failure, the lock would come one try later than
     * for a wrong one, and that would tell which try was the right password.
     */
    @Test
    void theRightPasswordOfADisabledPersonCountsTowardsTheLockAsAWrongOneDoes() {
        String id = create("kor.moved", "moved-password");
        create("kor.present", "present-password");
        assertThat(kor.post("kor.admin", "/api/v1/persons/" + id + "/disable", "").status()).isEqualTo(200);
        var disabled = new ArrayList<String>();
        var wrong = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            disabled.add(token("kor.moved", "moved-password").replaceAll("locked until [^\"]*", "locked until …"));
            wrong.add(token("kor.present", "wrong-password").replaceAll("locked until [^\"]*", "locked until …"));
        }
        assertThat(disabled).isEqualTo(wrong);
        assertThat(wrong.get(4)).startsWith("423 ").contains("locked");
    }

    @Test
    void anAdministratorDoesNotDisableThemselves() {
        var persons = kor.get("kor.admin", "/api/v1/persons").json().get("persons");
        String own = persons.findParents("username").stream()
                .filter(p -> p.get("username").asText().equals("kor.admin")).findFirst().orElseThrow()
                .get("id").asText();
        var api = kor.post("kor.admin", "/api/v1/persons/" + own + "/disable", "");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("message").asText()).contains("an administrator does not disable themselves");
        var admin = new WebTab(kor.base(), "en").signIn("kor.admin");
        assertThat(admin.submit("/ui/admin/persons/" + own + "/disable", Map.of()).body())
                .contains("an administrator does not disable themselves");
        // Still an administrator, not disabled, still signed in, by token and by page.
        var after = kor.get("kor.admin", "/api/v1/persons");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("persons").findParents("username").stream()
                .filter(p -> p.get("username").asText().equals("kor.admin")).findFirst().orElseThrow()
                .get("disabled").asBoolean()).isFalse();
        assertThat(admin.get("/ui/admin").statusCode()).isEqualTo(200);
    }
}
