package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * Calendar subscriptions (docs/CONSULTATION.md, "Calendars"): a person makes an address holding a secret that a
 * calendar client fetches without a bearer token; it serves the calendars as that person would see them (never a
 * classified meeting), nothing else, and stops at once when revoked or when the person is disabled, answering then
 * exactly as an address that never worked. The node keeps only the secret's hash and never logs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarSubscriptionTest {
    private Cluster cluster;
    private Client kor;
    private String openMeeting;
    private String secretMeeting;
    private String trackMeeting;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c);
        kor = cluster.client(KOR);
        openMeeting = plan("""
                {"channel":"defense-ministers","start":"2025-07-28","place":"Open venue in Seoul",
                 "agenda":[{"title":"Open agenda","track":"security"}]}""");
        secretMeeting = plan("""
                {"channel":"defense-ministers","start":"2025-08-12","place":"Secret venue","level":"군사Ⅱ급비밀",
                 "agenda":[{"title":"Secret agenda","track":"security"}]}""");
        trackMeeting = plan("""
                {"channel":"track-1-5","start":"2025-08-20","place":"Jeju",
                 "agenda":[{"title":"Regional order","track":"security"}]}""");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String plan(String body) {
        var r = kor.post("kor.officer", "/api/v1/meetings", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode subscribe(String user, String label) {
        var r = kor.post(user, "/api/v1/me/calendars", "{\"label\":\"" + label + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A calendar client: no Authorization header, nothing but the address. */
    private Client.Response fetch(String path) {
        return kor.raw(null, HttpRequest.newBuilder(kor.base().resolve(path)).GET());
    }

    /** The audit log's entries as integrated so far. */
    private String audit() {
        var r = kor.get("kor.auditor", "/api/v1/log/entries?from=0&limit=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static String calendarPath(String secret) {
        return "/calendars/" + secret + "/channels/calendar.ics";
    }

    @Test
    void theAddressServesThePersonsCalendarWithTheNodesOpenMeetingsAndNeverAClassifiedOne() {
        JsonNode made = subscribe("kor.analyst", "phone");
        String secret = made.get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url
        assertThat(made.get("path").asText()).isEqualTo(calendarPath(secret));
        assertThat(made.get("address").asText()).endsWith(calendarPath(secret));

        var all = fetch(calendarPath(secret));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.raw().headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(all.body()).contains("UID:defense-ministers-20240728@channels.trisec\r\n")
                .contains("UID:" + openMeeting + "@meetings.trisec\r\n").contains("Open venue in Seoul")
                .doesNotContain(secretMeeting).doesNotContain("Secret venue").doesNotContain("Secret agenda")
                .doesNotContain("20250812");
        var one = fetch("/calendars/" + secret + "/channels/defense-ministers/calendar.ics");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains(openMeeting).doesNotContain("UID:leaders-").doesNotContain(secretMeeting);
        // The analyst may read the classified record: the bearer-token calendar leaves it out all the same.
        assertThat(kor.get("kor.analyst", "/api/v1/meetings/" + secretMeeting).status()).isEqualTo(200);
        assertThat(kor.get("kor.analyst", "/api/v1/channels/calendar.ics").body()).contains(openMeeting)
                .doesNotContain(secretMeeting);

        // A moved meeting keeps its UID and counts its changes.
        assertThat(kor.post("kor.officer", "/api/v1/meetings/" + openMeeting + "/reschedule",
                "{\"place\":\"Busan\"}").status()).isEqualTo(201);
        assertThat(fetch(calendarPath(secret)).body()).contains("UID:" + openMeeting + "@meetings.trisec\r\n")
                .contains("LOCATION:Busan\r\n").contains("SEQUENCE:1\r\n");

        // Each fetch is on record, with the subscription's id and never its secret.
        Cluster.eventually(() -> audit().contains("CALENDAR_FETCHED"), "the fetch on record");
        assertThat(audit()).contains("CALENDAR_SUBSCRIBED").contains(made.get("id").asText()).doesNotContain(secret);
        assertThat(kor.get("kor.analyst", "/api/v1/me/calendars").json().get("subscriptions"))
                .anySatisfy(s -> assertThat(s.get("lastFetchedAt").isNull()).isFalse())
                .noneSatisfy(s -> assertThat(s.toString()).contains(secret));
    }

    @Test
    void aParticipantsAddressServesOnlyWhatTheParticipantMayRead() {
        String secret = subscribe("kor.participant", "laptop").get("secret").asText();
        var r = fetch(calendarPath(secret));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(trackMeeting).doesNotContain(openMeeting).doesNotContain(secretMeeting)
                .doesNotContain("Secret venue");
    }

    /**
     * An unclassified record under a caveat, or with a Releasable To list, is read on the node by the analyst and the
     * participant, and is in no calendar of theirs, by bearer token or by address: a calendar leaves the node for a
     * client and its servers, where no marking follows it.
     */
    @Test
    void aControlledUnclassifiedRecordIsInNoCalendarThoughItsReadersMayReadIt() {
        String caveated = plan("""
                {"channel":"track-1-5","start":"2025-09-03","place":"Caveat venue","caveats":["ORCON"],
                 "agenda":[{"title":"Caveat agenda","track":"security"}]}""");
        String releasable = plan("""
                {"channel":"track-1-5","start":"2025-09-10","place":"Releasable venue","relTo":["USA"],
                 "agenda":[{"title":"Releasable agenda","track":"security"}]}""");
        List<String> hidden = List.of(caveated, releasable, "Caveat venue", "Releasable venue", "20250903",
                "20250910");
        for (String user : List.of("kor.analyst", "kor.participant")) {
            for (String id : List.of(caveated, releasable)) {
                assertThat(kor.get(user, "/api/v1/meetings/" + id).status()).as(user + " reads " + id).isEqualTo(200);
            }
            String secret = subscribe(user, "controlled").get("secret").asText();
            var calendars = List.of(kor.get(user, "/api/v1/channels/calendar.ics"),
                    kor.get(user, "/api/v1/channels/track-1-5/calendar.ics"), fetch(calendarPath(secret)),
                    fetch("/calendars/" + secret + "/channels/track-1-5/calendar.ics"));
            for (var calendar : calendars) {
                assertThat(calendar.status()).isEqualTo(200);
                // The channel's open meeting is there: the node's records reach the calendar, these two do not.
                assertThat(calendar.body()).as(user).contains("UID:" + trackMeeting + "@meetings.trisec\r\n");
                hidden.forEach(h -> assertThat(calendar.body()).as(user).doesNotContain(h));
            }
        }
    }

    @Test
    void aWrongRevokedOrDisabledSecretGetsOneAnswerAndChangesNothing() {
        JsonNode old = subscribe("kor.analyst", "old phone");
        String revoked = old.get("secret").asText();
        String revokedId = old.get("id").asText();
        assertThat(fetch(calendarPath(revoked)).status()).isEqualTo(200);
        // Another person cannot revoke it: it is not there for them.
        assertThat(kor.post("kor.officer", "/api/v1/me/calendars/" + revokedId + "/revoke", "").status())
                .isEqualTo(404);
        assertThat(fetch(calendarPath(revoked)).status()).isEqualTo(200);
        assertThat(kor.post("kor.analyst", "/api/v1/me/calendars/" + revokedId + "/revoke", "").status())
                .isEqualTo(200);

        var created = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"kor.desk","password":"desk-password","clearance":"군사Ⅲ급비밀",
                 "needToKnow":["consult"],"roles":["reader"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        kor.signIn("kor.desk", "desk-password");
        String disabled = subscribe("kor.desk", "desk").get("secret").asText();
        assertThat(fetch(calendarPath(disabled)).status()).isEqualTo(200);
        var off = kor.post("kor.admin", "/api/v1/persons/" + created.json().get("id").asText() + "/disable", "");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("disabled").asBoolean()).isTrue();
        assertThat(kor.get("kor.desk", "/api/v1/me").status()).as("their session ended").isEqualTo(401);

        String wrong = "A" + UUID.randomUUID().toString().replace("-", "") + "bcdefghij";
        var answers = new java.util.ArrayList<String>();
        for (String secret : List.of(wrong, revoked, disabled)) {
            for (String path : List.of(calendarPath(secret),
                    "/calendars/" + secret + "/channels/defense-ministers/calendar.ics")) {
                var r = fetch(path);
                answers.add(r.status() + " " + r.body());
            }
        }
        assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("404 ")
                .isEqualTo("404 {\"error\":\"NOT_FOUND\",\"message\":\"no such calendar subscription\"}"));
    }

    @Test
    void theSecretServesTheCalendarsAndNothingElse() {
        String secret = subscribe("kor.officer", "client").get("secret").asText();
        // As a bearer token, on every route that takes one: refused before it runs.
        int refused = 0;
        for (String route : cluster.node(KOR).routes()) {
            String[] mp = route.split(" ", 2);
            if (mp[1].startsWith("/ui") || mp[1].startsWith("/static") || mp[1].startsWith("/calendars/")
                    || List.of("GET /", "GET /health", "GET /api/v1/openapi.json", "POST /api/v1/auth/token",
                    "GET /federation/v1/identity", "POST /federation/v1/envelopes").contains(route)) {
                continue;
            }
            String path = mp[1].replace("{id}", "x").replace("{party}", "KOR").replace("{track}", "TN-1")
                    .replace("<path>", "0/000").replace("{objectId}", "report--00000000-0000-4000-8000-000000000000");
            var b = HttpRequest.newBuilder(kor.base().resolve(path));
            b = mp[0].equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(kor.raw("Bearer " + secret, b).status()).as(route).isEqualTo(401);
            refused++;
        }
        assertThat(refused).isGreaterThan(50);
        // As the pages' session cookie: no session.
        var page = kor.raw(null, HttpRequest.newBuilder(kor.base().resolve("/ui/me"))
                .header("Cookie", "trisec_session_kor=" + secret).GET());
        assertThat(page.status()).isEqualTo(302);
        // Under its own prefix, only the two calendars, and only to read.
        assertThat(fetch("/calendars/" + secret + "/channels").status()).isEqualTo(404);
        assertThat(fetch("/calendars/" + secret + "/meetings").status()).isEqualTo(404);
        assertThat(kor.raw(null, HttpRequest.newBuilder(kor.base().resolve(calendarPath(secret)))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isIn(404, 405);
    }

    @Test
    void theSecretIsStoredOnlyAsItsHashAndAnAdministratorRevokesAnyones() throws Exception {
        JsonNode made = subscribe("kor.disclosure", "tablet");
        String secret = made.get("secret").asText();
        var rows = cluster.node(KOR).self().store().read(h -> h.createQuery(
                "SELECT * FROM calendar_subscriptions WHERE id = :id").bind("id", made.get("id").asText())
                .mapToMap().one());
        assertThat(rows.toString()).doesNotContain(secret);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("trisec calendar subscription v1\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get("secret_hash")).isEqualTo(hash);
        assertThat(kor.get("kor.admin", "/api/v1/calendars").body()).contains(made.get("id").asText())
                .doesNotContain(secret);
        assertThat(kor.post("kor.guest", "/api/v1/calendars/" + made.get("id").asText() + "/revoke", "").status())
                .isEqualTo(403);
        assertThat(fetch(calendarPath(secret)).status()).isEqualTo(200);
        assertThat(kor.post("kor.admin", "/api/v1/calendars/" + made.get("id").asText() + "/revoke", "").status())
                .isEqualTo(200);
        assertThat(fetch(calendarPath(secret)).status()).isEqualTo(404);
        Cluster.eventually(() -> audit().contains("CALENDAR_REVOKED"), "the revocation on record");
        assertThat(audit()).doesNotContain(secret);
    }

    @Test
    void aFailedFetchIsLoggedWithoutTheSecret() {
        String secret = subscribe("kor.analyst", "to fail").get("secret").asText();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var captured = new ListAppender<ILoggingEvent>();
        captured.start();
        root.addAppender(captured);
        // A node whose store is gone cannot answer: the failure is logged, with the path but not the secret.
        Cluster lone = Cluster.start(List.of(KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c);
        try {
            Client c = lone.client(KOR);
            var r = c.post("kor.analyst", "/api/v1/me/calendars", "{}");
            String other = r.json().get("secret").asText();
            lone.node(KOR).self().store().close();
            var failed = c.raw(null, HttpRequest.newBuilder(c.base().resolve(calendarPath(other))).GET());
            assertThat(failed.status()).isEqualTo(500);
            assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("/calendars/{key}/channels/calendar.ics"));
            assertThat(captured.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(other));
        } finally {
            root.detachAppender(captured);
            try {
                lone.close();
            } catch (RuntimeException closingAClosedStore) {
                // the node's own close finds its store closed already
            }
        }
        assertThat(captured.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(secret));
    }

    @Test
    void behindATlsProxyTheAddressIsHttpsWhateverTheProxySpeaksToTheNode() {
        assertThat(subscribe("kor.analyst", "plain").get("address").asText()).startsWith("http://127.0.0.1:");
        try (Cluster proxied = Cluster.start(List.of(KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-07-01T00:00:00Z")), c -> c.toBuilder().secureCookies(true).build())) {
            var r = proxied.client(KOR).post("kor.analyst", "/api/v1/me/calendars", "{}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("address").asText()).startsWith("https://")
                    .endsWith(calendarPath(r.json().get("secret").asText()));
        }
    }
}
