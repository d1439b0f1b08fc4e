package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;

/**
 * A track 1.5 participant (docs/CONSULTATION.md, "Track 1.5") sees the track 1.5 channel's unclassified meetings
 * and statements, and nothing else of the node: the node is first filled with classified items, a classified annex
 * of the channel's meeting, a classified meeting of the channel, another channel's meetings and statement, and an
 * open missile warning; then every route of the route table is called as the participant, by the API and by the
 * pages, and no answer may name any of them, carry a classified marking, or answer differently for a planted id
 * than for an id that names nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Track15ParticipantTest {
    private static final String PARTICIPANT = "kor.participant";

    private Cluster cluster;
    private Client kor;
    private String openMeeting;
    private String openStatement;
    /** What the participant must never meet: titles, texts and ids of what they may not read. */
    private final List<String> planted = new ArrayList<>();
    /** Ids that exist but are not the participant's to see. */
    private final List<String> hiddenIds = new ArrayList<>();

    @BeforeAll
    void plant() {
        // Three nodes: a statement is drafted only when its channel's other parties can receive it.
        cluster = Cluster.trilateral(Instant.parse("2025-07-01T00:00:00Z"));
        kor = cluster.client(Cluster.KOR);
        hide(created(kor.post("kor.officer", "/api/v1/items", """
                {"title":"Planted secret assessment","body":"planted secret body","level":"군사Ⅱ급비밀",
                 "topic":"dprk.missile","relTo":[],"caveats":[]}""")), "id", "Planted secret assessment",
                "planted secret body");
        // Unclassified, but not on the participant's topic.
        hide(created(kor.post("kor.officer", "/api/v1/items", """
                {"title":"Planted open note on dprk","body":"planted open body","level":"UNCLASSIFIED",
                 "topic":"dprk","relTo":[],"caveats":[]}""")), "id", "Planted open note on dprk", "planted open body");

        var open = created(kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"track-1-5","start":"2025-08-12","place":"Jeju",
                 "participants":{"KOR":["Professor of international relations"]},
                 "agenda":[{"title":"Open agenda on the regional order","track":"security"}]}"""));
        openMeeting = open.get("id").asText();
        hide(created(kor.post("kor.officer", "/api/v1/meetings/" + openMeeting + "/annexes", """
                {"title":"Planted annex posture","text":"planted annex text","level":"군사Ⅱ급비밀"}""")),
                "itemId", "Planted annex posture", "planted annex text");
        hide(created(kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"track-1-5","start":"2025-09-02","place":"Planted closed venue","level":"군사Ⅲ급비밀",
                 "participants":{"KOR":["Planted closed attendee"]},
                 "agenda":[{"title":"Planted closed track agenda","track":"security"}]}""")), "id",
                "Planted closed venue", "Planted closed attendee", "Planted closed track agenda");
        hide(created(kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"defense-ministers","start":"2025-07-28","place":"Planted ministers venue",
                 "participants":{"KOR":["Minister of National Defense"]},
                 "agenda":[{"title":"Planted open ministers agenda","track":"security"}]}""")), "id",
                "Planted ministers venue", "Planted open ministers agenda");
        hide(created(kor.post("kor.officer", "/api/v1/meetings", """
                {"channel":"defense-ministers","start":"2025-07-29","place":"Planted secret ministers venue",
                 "level":"군사Ⅱ급비밀","participants":{"KOR":["Minister of National Defense"]},
                 "agenda":[{"title":"Planted secret ministers agenda","track":"security"}]}""")), "id",
                "Planted secret ministers venue", "Planted secret ministers agenda");

        openStatement = created(kor.post("kor.officer", "/api/v1/statements", statement("track-1-5",
                "Open track statement"))).get("id").asText();
        hide(created(kor.post("kor.officer", "/api/v1/statements", statement("defense-ministers",
                "Planted ministers statement"))), "id", "Planted ministers statement");

        var warning = created(kor.post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-77","sensor":"Planted sensor","state":{"at":"2025-06-30T00:00:00Z",
                 "launch":{"lat":39.0,"lon":125.8},"azimuthDeg":75,"apogeeKm":6000,"rangeKm":1000,
                 "flightTimeSeconds":4000,"ellipse":{"semiMajorKm":40,"semiMinorKm":15,"orientationDeg":75},
                 "confidence":0.7,"missileType":"Planted missile type"},"level":"군사Ⅱ급비밀"}"""));
        planted.addAll(List.of("TN-77", "Planted sensor", "Planted missile type"));
        warning.findValues("itemId").forEach(x -> hiddenIds.add(x.asText()));
        planted.addAll(hiddenIds);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode created(Client.Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    private void hide(JsonNode created, String idField, String... words) {
        String id = created.get(idField).asText();
        hiddenIds.add(id);
        planted.add(id);
        planted.addAll(List.of(words));
    }

    private static String statement(String channel, String title) {
        return trisec.node.base.Json.write(Map.of("channel", channel, "title", title, "texts",
                Map.of("ko", title + " (ko)", "ja", title + " (ja)", "en", title + " (en)")));
    }

    /** Every classified marking a page or answer could carry: the levels' names and their banner words. */
    private static final List<String> MARKINGS = List.of("군사Ⅰ급비밀", "군사Ⅱ급비밀", "군사Ⅲ급비밀", "SECRET",
            "CONFIDENTIAL");

    private void assertNothingLeaks(String what, String body, boolean publicResource) {
        assertNothingLeaks(what, body, publicResource, "");
    }

    /** {@code asked}: the id the request itself named, which a "no such …" answer may quote back. */
    private void assertNothingLeaks(String what, String body, boolean publicResource, String asked) {
        for (String p : planted) {
            if (!p.equals(asked)) {
                assertThat(body).as(what + " names " + p).doesNotContain(p);
            }
        }
        if (!publicResource) {
            // The node's own public files (its API description, its stylesheet) name levels as any reader may.
            for (String m : MARKINGS) {
                assertThat(body).as(what + " carries the marking " + m).doesNotContain(m);
            }
        }
    }

    private static String path(String route, String id) {
        return route.substring(route.indexOf(' ') + 1).replace("{id}", id).replace("{party}", "KOR")
                .replace("{track}", "TN-77").replace("{file}", "app.css").replace("<path>", "0/000")
                .replace("{key}", "no-such-subscription")
                .replace("{objectId}", "report--00000000-0000-4000-8000-000000000000");
    }

    @Test
    void everyRouteAnswersTheParticipantWithNothingTheyMayNotSee() {
        Map<String, Set<String>> routes = cluster.node(Cluster.KOR).routeAccess();
        var tab = new WebTab(kor.base(), "en").signIn(PARTICIPANT);
        String csrf = tab.formToken();
        int checked = 0;
        for (var e : routes.entrySet()) {
            String route = e.getKey();
            boolean get = route.startsWith("GET ");
            if (!get && !route.startsWith("POST ")) {
                continue;
            }
            // Signing out or in again would end the walk's own session; the stream has its own test below.
            if (Set.of("POST /ui/logout", "POST /ui/login", "GET /ui/events").contains(route)) {
                continue;
            }
            boolean mayCall = e.getValue().contains("PARTICIPANT") || e.getValue().contains("PUBLIC");
            boolean publicResource = e.getValue().contains("PUBLIC");
            if (route.contains("{name}")) {
                // Each of the dashboard's live lists, one by one.
                for (String name : List.of("inbox", "items", "outbox", "approvals", "consents", "warnings")) {
                    var r = tab.get(path(route, "").replace("{name}", name));
                    assertThat(r.statusCode()).as(route + " " + name).isGreaterThanOrEqualTo(400);
                    assertNothingLeaks(route + " " + name, r.body(), false);
                    checked++;
                }
                continue;
            }
            // The placeholder a hidden thing can be named by, each hidden value, and one that names nothing.
            String slot = route.contains("{id}") ? "{id}" : route.contains("{track}") ? "{track}" : "";
            List<String> values = new ArrayList<>(slot.equals("{id}") ? hiddenIds
                    : slot.equals("{track}") ? List.of("TN-77") : List.of());
            String nothing = slot.equals("{track}") ? "TN-999" : UUID.randomUUID().toString();
            values.add(nothing);
            Map<String, String> answers = new java.util.HashMap<>();
            for (String value : values) {
                String path = path(route.replace(slot.isEmpty() ? "\0" : slot, value), "");
                boolean ui = path.startsWith("/ui");
                int status;
                String body;
                if (ui) {
                    var r = get ? tab.get(path) : tab.post(path, Map.of("csrf", List.of(csrf)));
                    status = r.statusCode();
                    body = r.body();
                } else {
                    var r = get ? kor.get(PARTICIPANT, path) : kor.post(PARTICIPANT, path, "{}");
                    status = r.status();
                    body = r.body();
                }
                String what = route + " as " + path;
                if (!mayCall) {
                    assertThat(status).as(what + ": " + body).isGreaterThanOrEqualTo(400);
                }
                assertNothingLeaks(what, body, publicResource, value);
                answers.put(value, status + " " + body.replace(value, "{asked}"));
                checked++;
            }
            // What exists but is not theirs answers, word for word, as what does not exist at all.
            for (String value : values) {
                assertThat(answers.get(value)).as(route + " for " + value + ", against a value naming nothing")
                        .isEqualTo(answers.get(nothing));
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void theParticipantSeesTheChannelsUnclassifiedMeetingAndStatementOnly() {
        var meetings = kor.get(PARTICIPANT, "/api/v1/meetings");
        assertThat(meetings.status()).isEqualTo(200);
        assertThat(meetings.json().get("meetings")).singleElement().satisfies(m -> {
            assertThat(m.get("id").asText()).isEqualTo(openMeeting);
            assertThat(m.get("annexes")).isEmpty();
        });
        assertThat(kor.get(PARTICIPANT, "/api/v1/statements").json().get("statements")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(openStatement));

        for (String lang : List.of("ko", "ja", "en")) {
            var tab = new WebTab(kor.base(), lang).signIn(PARTICIPANT);
            var home = tab.get("/ui");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValue("/ui/meetings");
            String list = tab.get("/ui/meetings").body();
            assertThat(list).contains("data-meeting=\"" + openMeeting + "\"")
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED")
                    .doesNotContain("href=\"/ui/compose\"").doesNotContain("href=\"/ui/warnings\"")
                    .doesNotContain("href=\"/ui/perspectives\"").doesNotContain("href=\"/ui/options\"")
                    .doesNotContain("data-testid=\"warning-alert\"");
            var detail = tab.get("/ui/meetings/" + openMeeting);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body()).contains("Open agenda on the regional order")
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
            assertThat(tab.get("/ui/statements").body()).contains("Open track statement");
            assertThat(tab.get("/ui/statements/" + openStatement).statusCode()).isEqualTo(200);
            assertNothingLeaks(lang + " pages", list + detail.body(), false);
        }
        // The same record is readable by an analyst, with its annex: only the participant is kept from it.
        assertThat(kor.get("kor.analyst", "/api/v1/meetings/" + openMeeting).json().get("annexes")).hasSize(1);
    }

    @Test
    void aParticipantHoldsNoOtherRoleNoClearanceAndNoOtherTopic() {
        for (String refused : List.of(
                "\"clearance\":\"UNCLASSIFIED\",\"needToKnow\":[],\"roles\":[\"participant\",\"reader\"]",
                "\"clearance\":\"군사Ⅲ급비밀\",\"needToKnow\":[],\"roles\":[\"participant\"]",
                "\"clearance\":\"UNCLASSIFIED\",\"needToKnow\":[\"consult\"],\"roles\":[\"participant\"]",
                "\"clearance\":\"UNCLASSIFIED\",\"needToKnow\":[\"dprk\"],\"roles\":[\"participant\"]")) {
            var r = kor.post("kor.admin", "/api/v1/persons", "{\"username\":\"kor.scholar\",\"password\":"
                    + "\"scholar-password\"," + refused + "}");
            assertThat(r.status()).as(refused + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(refused).contains("participant");
        }
        var made = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"kor.scholar","password":"scholar-password","clearance":"UNCLASSIFIED",
                 "needToKnow":[],"roles":["participant"]}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        kor.signIn("kor.scholar", "scholar-password");
        var me = kor.get("kor.scholar", "/api/v1/me").json();
        assertThat(me.get("clearance").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(me.get("needToKnow")).extracting(JsonNode::asText).containsExactly("consult.track-1-5");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("participant");
        assertThat(kor.get("kor.scholar", "/api/v1/meetings").json().get("meetings")).singleElement()
                .satisfies(m -> assertThat(m.get("id").asText()).isEqualTo(openMeeting));
    }

    @Test
    void theParticipantsStreamCarriesNothingWhenClassifiedWorkArrives() throws Exception {
        var tab = new WebTab(kor.base(), "en").signIn(PARTICIPANT);
        String cookie = WebSession.sessionCookie("KOR");
        var request = HttpRequest.newBuilder(kor.base().resolve("/ui/events")).header("Accept", "text/event-stream")
                .header("Cookie", cookie + "=" + tab.cookies.get(cookie)).GET().build();
        var lines = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).body().iterator();
        var received = new LinkedBlockingQueue<String>();
        Thread.ofVirtual().start(() -> {
            try {
                lines.forEachRemaining(received::add);
            } catch (RuntimeException e) {
                // the stream broke off
            }
            received.add("<end of stream>");
        });
        Thread.sleep(300);
        created(kor.post("kor.officer", "/api/v1/items", """
                {"title":"Arriving secret","body":"b","level":"군사Ⅱ급비밀","topic":"dprk","relTo":[],"caveats":[]}"""));
        cluster.node(Cluster.KOR).self().changes().signal(trisec.node.base.Changes.INBOX);
        List<String> seen = new ArrayList<>();
        for (String line; (line = received.poll(3, TimeUnit.SECONDS)) != null; ) {
            seen.add(line);
        }
        assertThat(seen).as("the participant's stream").noneMatch(l -> l.startsWith("data:"))
                .noneMatch(l -> l.contains("connected"))
                .as("the node ends a participant's stream at once, without waiting for a change")
                .contains("<end of stream>");
    }
}
