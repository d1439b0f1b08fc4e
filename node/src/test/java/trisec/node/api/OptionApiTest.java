package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * Options on three nodes whose clocks stand at 2026-12-01, as issue 13's newcomer would use them on the demo: Korea's
 * officer saves the two shipped options, "KOR gives notice on 2026-03-01" and "TISA widened to all dprk and china
 * topics", and compares them. The first shows Korea and Japan falling back to the hub on dprk.* once the term ends on
 * 2026-11-23 and losing every other topic; the second, applied after it, shows what the hub then carries. The
 * history impact over releases made through the API is exact; saving and drawing options changes no real decision;
 * bad option files are refused with each problem on its line and store nothing; a person who may not read an
 * option's label finds no trace of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptionApiTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String OFFICER = "kor.officer";
    private Cluster cluster;
    private Client kor;
    private String notice;
    private String widened;
    /** The releases made at Korea's node, by name, in the order they were made. */
    private final Map<String, String> releases = new LinkedHashMap<>();
    /** The decisions asked before any option existed, by question. */
    private final Map<String, String> decidedBefore = new LinkedHashMap<>();
    private String agreementsBefore;

    private static final List<String> QUESTIONS = List.of(
            "/api/v1/decide?originator=KOR&level=%EA%B5%B0%EC%82%AC%E2%85%A1%EA%B8%89%EB%B9%84%EB%B0%80"
                    + "&topic=dprk.missile&to=JPN&at=2027-01-01",
            "/api/v1/decide?originator=KOR&level=%EA%B5%B0%EC%82%AC%E2%85%A1%EA%B8%89%EB%B9%84%EB%B0%80"
                    + "&topic=dprk&to=JPN&at=2027-01-01",
            "/api/v1/decide?originator=JPN&level=%E6%A5%B5%E7%A7%98&topic=china.maritime&to=KOR&at=2026-12-01");

    private String item(Client c, String user, String title, String level, String topic) {
        var r = c.post(user, "/api/v1/items", ApiFixture.item(title, level, topic));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode request(Client c, String user, String itemId, String to, int status) {
        var r = c.post(user, "/api/v1/items/" + itemId + "/releases", "{\"to\":\"" + to + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral(NOW);
        kor = cluster.client(KOR);
        for (String q : QUESTIONS) {
            var r = kor.get(OFFICER, q);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            decidedBefore.put(q, r.body());
        }
        agreementsBefore = kor.get(OFFICER, "/api/v1/agreements?at=2027-01-01").body();

        // Korea's releases on record: to Japan on the missile threat (then approved and delivered), on dprk itself,
        // and unclassified; to the United States on the missile threat.
        String missile = item(kor, OFFICER, "Launch assessment", ApiFixture.CLASS_II, "dprk.missile");
        JsonNode k1 = request(kor, OFFICER, missile, "JPN", 202);
        assertThat(k1.at("/decision/route").toString()).isEqualTo("[\"KOR\",\"JPN\"]");
        releases.put("missile to JPN", k1.at("/release/id").asText());
        var approved = kor.post("kor.disclosure", "/api/v1/releases/" + releases.get("missile to JPN") + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String regime = item(kor, OFFICER, "Regime assessment", ApiFixture.CLASS_II, "dprk");
        releases.put("dprk to JPN", request(kor, OFFICER, regime, "JPN", 202).at("/release/id").asText());
        String open = item(kor, OFFICER, "Press summary", "UNCLASSIFIED", "dprk");
        releases.put("unclassified to JPN", request(kor, OFFICER, open, "JPN", 202).at("/release/id").asText());
        releases.put("missile to USA", request(kor, OFFICER, missile, "USA", 202).at("/release/id").asText());
        Cluster.eventually(() -> kor.get(OFFICER, "/api/v1/outbox").json().get("releases").findValues("status")
                .stream().anyMatch(s -> s.asText().equals("DELIVERED")), "the approved release is delivered");

        // Japan's item reaches Korea; Korea passing it on to the United States needs Japan's consent.
        Client jpn = cluster.client(JPN);
        String japanese = item(jpn, "jpn.officer", "Japanese radar track", ApiFixture.GOKUHI, "dprk.missile");
        JsonNode toKorea = request(jpn, "jpn.officer", japanese, "KOR", 202);
        var sent = jpn.post("jpn.disclosure", "/api/v1/releases/" + toKorea.at("/release/id").asText() + "/approve", "");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Cluster.eventually(() -> kor.get(OFFICER, "/api/v1/items/" + japanese).status() == 200,
                "Japan's item reaches Korea");
        JsonNode onward = request(kor, OFFICER, japanese, "USA", 202);
        assertThat(onward.at("/decision/decision").asText()).isEqualTo("CONSENT_REQUIRED");
        releases.put("Japan's item to USA", onward.at("/release/id").asText());

        notice = save(example("kor-notice-2026"), ApiFixture.CLASS_II, "dprk");
        widened = saveAsYaml(example("tisa-widened"), ApiFixture.CLASS_III, "dprk");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private String example(String name) {
        var r = kor.get(OFFICER, "/api/v1/options/examples");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/examples/" + name).asText();
    }

    private String save(String yaml, String level, String topic) {
        var r = kor.post(OFFICER, "/api/v1/options", ApiFixture.body("yaml", yaml, "level", level, "topic", topic));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private Client.Response postYaml(String user, String path, String yaml) {
        return kor.raw("Bearer " + kor.token(user), HttpRequest.newBuilder(kor.base().resolve(path))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private String saveAsYaml(String yaml, String level, String topic) {
        var r = postYaml(OFFICER, ApiFixture.query("/api/v1/options", "level", level, "topic", topic), yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/v1/options/" + r.json().get("id").asText());
        return r.json().get("id").asText();
    }

    private JsonNode picture(String id, String query) {
        var r = kor.get(OFFICER, "/api/v1/options/" + id + "/picture" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode column(JsonNode comparison, int i) {
        return comparison.get("options").get(i);
    }

    private static JsonNode fate(JsonNode column, String from, String to, String topic) {
        for (JsonNode f : column.get("fates")) {
            if (f.get("originator").asText().equals(from) && f.get("recipient").asText().equals(to)
                    && f.get("topic").asText().equals(topic)) {
                return f;
            }
        }
        throw new AssertionError("no fate " + from + "→" + to + " " + topic + " in " + column.get("fates"));
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theNoticeLeavesKoreaAndJapanTheHubOnDprkAfterTheTermEndsAndNothingElse() {
        assertThat(picture(notice, "?at=2026-11-22").get("changes")).isEmpty();
        JsonNode p = picture(notice, "?at=2026-12-01");
        JsonNode diff = p.get("changes");
        assertThat(diff).isNotEmpty();
        for (JsonNode c : diff) {
            assertThat(Set.of(c.get("originator").asText(), c.get("recipient").asText())).isEqualTo(Set.of("KOR", "JPN"));
            assertThat(c.at("/before/reach").asText()).isEqualTo("DIRECT");
            String topic = c.get("topic").asText();
            if (topic.startsWith("dprk.")) {
                assertThat(c.at("/after/reach").asText()).as(topic).isEqualTo("VIA_HUB");
                assertThat(texts(c.at("/after/route"))).containsExactly(c.get("originator").asText(), "USA",
                        c.get("recipient").asText());
            } else {
                assertThat(c.at("/after/reach").asText()).as(topic).isEqualTo("NONE");
                assertThat(c.get("lost").asBoolean()).isTrue();
            }
        }
        assertThat(texts(p.at("/before/topics"))).containsExactly("dprk", "dprk.missile", "dprk.missile.warning",
                "dprk.nuclear", "other");
        // The GSOMIA's end is a single point of failure as things stand; with the notice it has ended.
        assertThat(p.at("/singlePoints/before").findValuesAsText("agreement")).contains("kor-jpn-gsomia-2016");
        assertThat(p.at("/singlePoints/after").findValuesAsText("agreement")).doesNotContain("kor-jpn-gsomia-2016");
    }

    @Test
    void overAStretchThePictureTurnsWhereTheTermEnds() {
        JsonNode s = picture(notice, "?from=2026-01-01&to=2028-01-01");
        JsonNode periods = s.get("periods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("from").asText()).isEqualTo("2026-01-01");
        assertThat(periods.get(0).get("changes")).isEmpty();
        assertThat(periods.get(1).get("from").asText()).isEqualTo("2026-11-23");
        assertThat(periods.get(1).get("until").asText()).isEqualTo("2028-01-01");
        assertThat(periods.get(1).get("changes").size())
                .isEqualTo(picture(notice, "?at=2027-06-01").get("changes").size());
        assertThat(periods.get(1).at("/counts/after/NONE").asInt())
                .isGreaterThan(periods.get(1).at("/counts/before/NONE").asInt());
    }

    @Test
    void comparedTheNoticeReroutesAndLosesWhileTheWideningAloneChangesNothingButWhatTisaCovers() {
        var r = kor.get(OFFICER, "/api/v1/options/compare?ids=" + notice + "," + widened + "&at=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode first = column(r.json(), 0);
        assertThat(first.get("name").asText()).isEqualTo("KOR gives notice on 2026-03-01");
        assertThat(texts(fate(first, "KOR", "JPN", "dprk.missile").get("rerouted")))
                .containsExactly(ApiFixture.CLASS_II, ApiFixture.CLASS_III);
        assertThat(texts(fate(first, "KOR", "JPN", "dprk").get("lost")))
                .containsExactly(ApiFixture.CLASS_II, ApiFixture.CLASS_III);
        assertThat(texts(fate(first, "JPN", "KOR", "other").get("lost"))).contains(ApiFixture.GOKUHI);
        assertThat(first.get("lost").asInt()).isPositive();
        assertThat(first.get("gained").asInt()).isZero();
        // While the GSOMIA stands the widening changes no cell; its hub arrangement covers dprk and china.
        JsonNode second = column(r.json(), 1);
        assertThat(second.get("lost").asInt()).isZero();
        assertThat(second.get("rerouted").asInt()).isZero();
        assertThat(second.get("gained").asInt()).isZero();
        assertThat(second.get("fates")).isEmpty();
        // Kept means on the same route: what reaches now is what the widening keeps, and the notice keeps, reroutes
        // or loses it.
        assertThat(first.get("kept").asInt() + first.get("rerouted").asInt() + first.get("lost").asInt())
                .isEqualTo(second.get("kept").asInt());
        assertThat(texts(fate(first, "KOR", "JPN", "dprk.missile").get("kept"))).doesNotContain(ApiFixture.CLASS_II);
        JsonNode tisa = null;
        for (JsonNode a : second.get("agreements")) {
            if (a.get("id").asText().equals("tisa-2014")) {
                tisa = a;
            }
        }
        assertThat(tisa).isNotNull();
        assertThat(tisa.get("topics").asText()).isEqualTo("dprk, china");
        assertThat(tisa.get("hub").asText()).isEqualTo("USA");
    }

    @Test
    void theWideningAppliedAfterTheNoticeShowsWhatTheHubThenCarries() {
        var r = kor.get(OFFICER, "/api/v1/options/compare?ids=" + notice + "," + notice + "%2B" + widened
                + "&at=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode both = column(r.json(), 1);
        assertThat(both.get("options").findValuesAsText("id")).containsExactly(notice, widened);
        assertThat(both.get("name").asText())
                .isEqualTo("KOR gives notice on 2026-03-01 + TISA widened to all dprk and china topics");
        // dprk itself and china, lost to the notice alone, go through the hub once TISA covers them.
        assertThat(fate(column(r.json(), 0), "KOR", "JPN", "dprk").get("lost")).isNotEmpty();
        for (String topic : List.of("dprk", "china")) {
            JsonNode f = fate(both, "KOR", "JPN", topic);
            assertThat(f.get("lost")).as(topic).isEmpty();
            assertThat(texts(f.get("rerouted"))).as(topic).containsExactly(ApiFixture.CLASS_II, ApiFixture.CLASS_III);
        }
        assertThat(texts(fate(both, "KOR", "JPN", "other").get("lost")))
                .containsExactly(ApiFixture.CLASS_II, ApiFixture.CLASS_III);
        JsonNode carried = null;
        for (JsonNode v : both.get("viaHub")) {
            if (v.get("originator").asText().equals("KOR") && v.get("recipient").asText().equals("JPN")) {
                carried = v.get("topics");
            }
        }
        assertThat(texts(carried)).containsExactly("china", "dprk", "dprk.missile", "dprk.missile.warning",
                "dprk.nuclear");
    }

    @Test
    void everyPictureAndComparisonIsMarkedAsItsPageIs() {
        // The widening is kept at Class III and changes none of the releases: its picture is CONFIDENTIAL.
        JsonNode widening = picture(widened, "?at=2026-12-01");
        assertThat(widening.get("history").get("impacts")).isEmpty();
        assertThat(widening.get("banner").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(widening.at("/options/0/id").asText()).isEqualTo(widened);
        assertThat(widening.at("/options/0/banner").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(widening.at("/options/0/label/level").asText()).isEqualTo(ApiFixture.CLASS_III);
        assertThat(widening.at("/options/0/label/topic").asText()).isEqualTo("dprk");
        assertThat(picture(widened, "?from=2026-01-01&to=2028-01-01").get("banner").asText())
                .isEqualTo("CONFIDENTIAL");
        // The notice names Class II releases among those it changes, and is kept at Class II itself.
        JsonNode notice = picture(this.notice, "?at=2026-12-01");
        assertThat(notice.get("banner").asText()).isEqualTo("SECRET");
        assertThat(notice.at("/history/impacts").findValuesAsText("banner")).isNotEmpty().containsOnly("SECRET");
        // Not saved, it has no label of its own: what marks it is the releases it names, none for the guest.
        var officer = kor.post(OFFICER, "/api/v1/options/picture?at=2026-12-01",
                ApiFixture.body("yaml", example("kor-notice-2026")));
        assertThat(officer.json().get("banner").asText()).isEqualTo("SECRET");
        assertThat(officer.json().at("/options/0/banner").isMissingNode()).isTrue();
        var guest = kor.post("kor.guest", "/api/v1/options/picture?at=2026-12-01",
                ApiFixture.body("yaml", example("tisa-widened")));
        assertThat(guest.json().get("banner").asText()).isEqualTo("UNCLASSIFIED");
        // Side by side: each column as its own options, the answer as the highest of them all.
        var compared = kor.get(OFFICER, "/api/v1/options/compare?ids=" + widened + "," + this.notice
                + "&at=2026-12-01");
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        assertThat(compared.json().get("banner").asText()).isEqualTo("SECRET");
        assertThat(compared.json().at("/options/0/banner").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(compared.json().at("/options/1/banner").asText()).isEqualTo("SECRET");
        assertThat(compared.json().at("/options/1/options/0/label/level").asText()).isEqualTo(ApiFixture.CLASS_II);
    }

    /** First, before another test makes a release of its own. */
    @Test
    @Order(1)
    void theHistoryImpactOverThisNodesReleasesIsExact() {
        JsonNode h = picture(notice, "?at=2026-12-01").get("history");
        assertThat(h.get("releases").asInt()).isEqualTo(5);
        assertThat(h.get("unchanged").asInt()).isEqualTo(3);
        JsonNode impacts = h.get("impacts");
        assertThat(impacts).hasSize(2);
        assertThat(impacts.get(0).get("release").asText()).isEqualTo(releases.get("missile to JPN"));
        assertThat(impacts.get(0).get("effect").asText()).isEqualTo("REROUTED");
        assertThat(texts(impacts.get(0).at("/was/route"))).containsExactly("KOR", "JPN");
        assertThat(texts(impacts.get(0).at("/was/basis"))).containsExactly(ApiFixture.KOR_JPN_GSOMIA);
        assertThat(texts(impacts.get(0).at("/now/route"))).containsExactly("KOR", "USA", "JPN");
        assertThat(texts(impacts.get(0).at("/now/basis"))).containsExactly(ApiFixture.TISA,
                ApiFixture.USA_KOR_GSOMIA, ApiFixture.USA_JPN_GSOMIA);
        assertThat(impacts.get(1).get("release").asText()).isEqualTo(releases.get("dprk to JPN"));
        assertThat(impacts.get(1).get("effect").asText()).isEqualTo("REFUSED");
        assertThat(impacts.get(1).at("/now/decision").asText()).isEqualTo("DENY");
        assertThat(h.at("/counts/REROUTED").asInt()).isEqualTo(1);
        assertThat(h.at("/counts/REFUSED").asInt()).isEqualTo(1);
        assertThat(h.at("/counts/HELD_FOR_CONSENT").asInt()).isZero();
        assertThat(h.at("/counts/ALLOWED").asInt()).isZero();
        // While the GSOMIA stands the widening would have changed none of them, the one held for consent included.
        JsonNode w = picture(widened, "?at=2026-12-01").get("history");
        assertThat(w.get("releases").asInt()).isEqualTo(5);
        assertThat(w.get("unchanged").asInt()).isEqualTo(5);
        // A reader sees the history of the items they may read only: the guest, none.
        var guest = kor.post("kor.guest", "/api/v1/options/picture?at=2026-12-01",
                ApiFixture.body("yaml", example("kor-notice-2026")));
        assertThat(guest.status()).as(guest.body()).isEqualTo(200);
        assertThat(guest.json().at("/history/releases").asInt()).isZero();
        assertThat(guest.json().at("/options/0/name").asText()).isEqualTo("KOR gives notice on 2026-03-01");
    }

    private static String hubDown(String from) {
        return """
                name: The hub is down from %s
                changes:
                  - change: outage
                    hub: USA
                    from: %s
                    until: 2027-03-01
                """.formatted(from, from);
    }

    @Test
    void theHistoryReadsOnlyTheReleasesRequestedSinceTheOptionsFirstChange() {
        // Every release here was requested on 2026-12-01. The hub down from 2027 cannot change one: none is read.
        var later = kor.post(OFFICER, "/api/v1/options/picture?at=2027-02-01", ApiFixture.body("yaml",
                hubDown("2027-01-01")));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().at("/history/since").asText()).isEqualTo("2027-01-01");
        assertThat(later.json().at("/history/releases").asInt()).isZero();
        assertThat(later.json().at("/history/impacts")).isEmpty();
        // The same outage from before them reads them all, as the notice (from 2026-03-01) does.
        var earlier = kor.post(OFFICER, "/api/v1/options/picture?at=2027-02-01", ApiFixture.body("yaml",
                hubDown("2026-11-01")));
        assertThat(earlier.json().at("/history/since").asText()).isEqualTo("2026-11-01");
        assertThat(earlier.json().at("/history/releases").asInt())
                .isEqualTo(picture(notice, "?at=2026-12-01").at("/history/releases").asInt())
                .isGreaterThanOrEqualTo(5);
        assertThat(picture(notice, "?at=2026-12-01").at("/history/since").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void savingAndDrawingOptionsChangesNoRealDecision() {
        var drawn = postYaml(OFFICER, "/api/v1/options/picture?from=2026-01-01&to=2030-01-01",
                example("kor-notice-2026"));
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        String third = save(example("kor-notice-2026"), ApiFixture.CLASS_III, "dprk");
        picture(third, "?at=2027-06-01");
        // A '+' not written as %2B arrives as a space, and joins them all the same.
        var compared = kor.get(OFFICER, "/api/v1/options/compare?ids=" + third + "+" + widened + "," + notice
                + "&at=2027-06-01");
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        assertThat(compared.json().at("/options/0/options").findValuesAsText("id")).containsExactly(third, widened);

        for (String q : QUESTIONS) {
            assertThat(kor.get(OFFICER, q).body()).as(q).isEqualTo(decidedBefore.get(q));
        }
        assertThat(kor.get(OFFICER, "/api/v1/agreements?at=2027-01-01").body()).isEqualTo(agreementsBefore);
        // A real release asked now is decided on the real agreements: direct, under the GSOMIA.
        String fresh = item(kor, OFFICER, "After the options", ApiFixture.CLASS_II, "dprk");
        JsonNode d = request(kor, OFFICER, fresh, "JPN", 202);
        assertThat(d.at("/decision/decision").asText()).isEqualTo("PERMIT");
        assertThat(texts(d.at("/decision/route"))).containsExactly("KOR", "JPN");
        assertThat(texts(d.at("/decision/basis"))).containsExactly(ApiFixture.KOR_JPN_GSOMIA);
        for (var p : List.of(KOR, JPN, USA)) {
            var events = cluster.client(p).get(p.code().toLowerCase() + ".officer", "/api/v1/agreements/events");
            assertThat(events.json().get("events")).as(p.code()).isEmpty();
        }
    }

    private int count(String user, String path, String field) {
        var r = kor.get(user, path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(field).size();
    }

    @Test
    void aBadOptionFileIsRefusedWithEachProblemOnItsLineAndNothingIsStored() {
        int options = count(OFFICER, "/api/v1/options", "options");
        int items = count(OFFICER, "/api/v1/items", "items");
        String bad = """
                name: A bad option
                changes:
                  - change: event
                    agreement: kor-jpn-gsomia-2061
                    type: TERMINATION_NOTICE
                    date: 2026-03-01
                  - change: scope
                    agreement: tisa-2014
                    from: 1 April 2026
                    topics: [dprk]
                """;
        var r = kor.post(OFFICER, "/api/v1/options", ApiFixture.body("yaml", bad, "level", ApiFixture.CLASS_II,
                "topic", "dprk"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("BAD_REQUEST");
        assertThat(r.json().get("message").asText()).startsWith("the option file has 2 problems: line 4:");
        List<String> reasons = texts(r.json().get("reasons"));
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("line 4: ").contains("kor-jpn-gsomia-2061");
        assertThat(reasons.get(1)).startsWith("line 9: ").contains("1 April 2026");
        // The same as YAML, and not saved but drawn: the same problems on the same lines.
        var drawn = postYaml(OFFICER, "/api/v1/options/picture", bad);
        assertThat(drawn.status()).isEqualTo(400);
        assertThat(texts(drawn.json().get("reasons"))).isEqualTo(reasons);
        // A change that makes no sense on the agreements is refused on the line of its change.
        var impossible = kor.post(OFFICER, "/api/v1/options", ApiFixture.body("yaml", """
                name: Withdraw a notice never given
                changes:
                  - change: event
                    agreement: usa-kor-gsomia-1987
                    type: NOTICE_WITHDRAWN
                    date: 2026-03-01
                """, "level", ApiFixture.CLASS_II, "topic", "dprk"));
        assertThat(impossible.status()).as(impossible.body()).isEqualTo(400);
        assertThat(texts(impossible.json().get("reasons")).getFirst()).startsWith("line 3: ");
        // Not YAML at all, no text, a bad label, an unknown field, too large: each refused, nothing stored.
        assertThat(postYaml(OFFICER, ApiFixture.query("/api/v1/options", "level", ApiFixture.CLASS_II, "topic", "dprk"),
                "name: [unclosed").status()).isEqualTo(400);
        assertThat(kor.post(OFFICER, "/api/v1/options", ApiFixture.body("level", ApiFixture.CLASS_II, "topic", "dprk"))
                .json().get("message").asText()).contains("yaml is required");
        var badLevel = kor.post(OFFICER, "/api/v1/options", ApiFixture.body("yaml", example("kor-notice-2026"),
                "level", "VERY SECRET", "topic", "dprk"));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.json().get("message").asText()).contains("VERY SECRET");
        assertThat(kor.post(OFFICER, "/api/v1/options", "{\"yaml\":\"name: x\",\"colour\":\"red\"}").status())
                .isEqualTo(400);
        var huge = kor.post(OFFICER, "/api/v1/options", ApiFixture.body("yaml", "# " + "x".repeat(1 << 20),
                "level", ApiFixture.CLASS_II, "topic", "dprk"));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(count(OFFICER, "/api/v1/options", "options")).isEqualTo(options);
        assertThat(count(OFFICER, "/api/v1/items", "items")).isEqualTo(items);
    }

    @Test
    void badDatesAndBadComparisonsAreRefusedInWords() {
        var badAt = kor.get(OFFICER, "/api/v1/options/" + notice + "/picture?at=1%20March");
        assertThat(badAt.status()).isEqualTo(400);
        assertThat(badAt.json().get("message").asText()).contains("at: '1 March' is neither a date");
        assertThat(kor.get(OFFICER, "/api/v1/options/" + notice + "/picture?from=2027-01-01&to=2026-01-01")
                .json().get("message").asText()).contains("comes after");
        assertThat(kor.get(OFFICER, "/api/v1/options/" + notice + "/picture?from=2027-01-01").status()).isEqualTo(400);
        assertThat(kor.get(OFFICER, "/api/v1/options/" + notice + "/picture?at=2027-01-01&from=2027-01-01&to=2028-01-01")
                .status()).isEqualTo(400);
        assertThat(kor.get(OFFICER, "/api/v1/options/" + notice + "/picture?from=2000-01-01&to=2199-01-01")
                .json().get("message").asText()).contains("at most a hundred years");
        var one = kor.get(OFFICER, "/api/v1/options/compare?ids=" + notice);
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.json().get("message").asText()).contains("two to four options");
        assertThat(kor.get(OFFICER, "/api/v1/options/compare?ids=" + notice + "," + notice).status()).isEqualTo(400);
        assertThat(kor.get(OFFICER, "/api/v1/options/compare?ids=" + notice + ",nope").status()).isEqualTo(404);
        assertThat(kor.get(OFFICER, "/api/v1/options/nope").status()).isEqualTo(404);
    }

    @Test
    void aPersonWhoMayNotReadTheLabelFindsNoTraceOfTheOption() {
        // The notice is kept at Class II on dprk: the analyst (Class II, dprk) reads it, the guest (no need-to-know)
        // does not, and the China desk officer (need-to-know china) does not either.
        assertThat(kor.get("kor.analyst", "/api/v1/options").json().findValuesAsText("id")).contains(notice, widened);
        for (String user : List.of("kor.guest", "kor.policy")) {
            var list = kor.get(user, "/api/v1/options");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("options")).as(user).isEmpty();
            assertThat(list.body()).doesNotContain("KOR gives notice");
            var one = kor.get(user, "/api/v1/options/" + notice);
            assertThat(one.status()).as(user).isEqualTo(404);
            assertThat(one.body()).doesNotContain("KOR gives notice").doesNotContain("ACCESS_DENIED");
            assertThat(kor.get(user, "/api/v1/options/" + notice + "/picture").status()).isEqualTo(404);
            var compared = kor.get(user, "/api/v1/options/compare?ids=" + notice + "," + widened);
            assertThat(compared.status()).isEqualTo(404);
            assertThat(compared.body()).doesNotContain("KOR gives notice");
        }
        // Its item is the item's business as ever: the guest does not see it among the items either.
        assertThat(kor.get("kor.guest", "/api/v1/items").body()).doesNotContain("KOR gives notice");
    }

    @Test
    void onlyAnOfficerSavesAndOnlyThePersonWhoSavedAnOptionRetractsIt() {
        String mine = save(example("tisa-widened"), ApiFixture.CLASS_III, "dprk");
        var analyst = kor.post("kor.analyst", "/api/v1/options", ApiFixture.body("yaml", example("tisa-widened"),
                "level", ApiFixture.CLASS_III, "topic", "dprk"));
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(kor.post("kor.analyst", "/api/v1/options/" + mine + "/retract", "").status()).isEqualTo(403);
        var created = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"kor.officer2","password":"another-officer-password","clearance":"군사Ⅰ급비밀",
                 "needToKnow":["dprk"],"roles":["officer"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        kor.signIn("kor.officer2", "another-officer-password");
        var other = kor.post("kor.officer2", "/api/v1/options/" + mine + "/retract", "");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("message").asText()).contains("only the person who saved");
        var retracted = kor.post(OFFICER, "/api/v1/options/" + mine + "/retract", "");
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(200);
        assertThat(retracted.json().get("state").asText()).isEqualTo("RETRACTED");
        assertThat(kor.get(OFFICER, "/api/v1/options").json().findValuesAsText("id")).doesNotContain(mine);
        assertThat(kor.get(OFFICER, "/api/v1/options/" + mine).status()).isEqualTo(404);
    }
}
