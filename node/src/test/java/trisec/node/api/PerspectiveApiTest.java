package trisec.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.party.Party;

/**
 * The perspectives register over the API, on three nodes: each party records its assessment of china.maritime as an
 * item, Japan and the United States release theirs to Korea, and Korea's register shows them side by side with where
 * they agree and differ and how Korea's own view moved. A Korean reader without the need-to-know, or without the
 * clearance for one of them, sees nothing of what they may not read; bad assessments are refused and store nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerspectiveApiTest {
    private static final String PASSWORD = "china-desk-password";
    private Cluster cluster;
    private String usaTitle;
    private String korTitle;

    private static String user(Party p, String name) {
        return p.code().toLowerCase(Locale.ROOT) + "." + name;
    }

    /** A person of the China desk: need-to-know china, the given clearance and role. */
    private void person(Party p, String name, String clearance, String role) {
        Client c = cluster.client(p);
        var r = c.post(user(p, "admin"), "/api/v1/persons", """
                {"username":"%s","password":"%s","clearance":"%s","needToKnow":["china"],"roles":["%s"]}"""
                .formatted(user(p, name), PASSWORD, clearance, role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        c.signIn(user(p, name), PASSWORD);
    }

    private String record(Party p, String asOf, String title, String level, String judgements) {
        var r = cluster.client(p).post(user(p, "china"), "/api/v1/perspectives", """
                {"topic":"china.maritime","asOf":"%s","title":"%s","summary":"%s's view of the maritime situation",
                 "judgements":%s,"level":"%s"}""".formatted(asOf, title, p.code(), judgements, level));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("party").asText()).isEqualTo(p.code());
        return r.json().get("itemId").asText();
    }

    /** Released to Korea by the China desk: asked by its officer, approved by its disclosure official. */
    private void releaseToKorea(Party p, String itemId) {
        Client c = cluster.client(p);
        var asked = c.post(user(p, "china"), "/api/v1/items/" + itemId + "/releases", "{\"to\":\"KOR\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().at("/decision/decision").asText()).isEqualTo("PERMIT");
        String release = asked.json().at("/release/id").asText();
        var approved = c.post(user(p, "chinadesk"), "/api/v1/releases/" + release + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Cluster.eventually(() -> cluster.client(KOR).get(user(KOR, "china"), "/api/v1/items/" + itemId)
                .status() == 200, itemId + " reaches Korea");
    }

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral();
        person(KOR, "china", "군사Ⅰ급비밀", "officer");
        person(KOR, "china3", "군사Ⅲ급비밀", "reader");
        person(JPN, "china", "機密", "officer");
        person(JPN, "chinadesk", "機密", "disclosure");
        person(USA, "china", "TOP SECRET", "officer");
        person(USA, "chinadesk", "TOP SECRET", "disclosure");
        String jpn = record(JPN, "2025-02-01", "Japan on the East China Sea", "秘", """
                [{"key":"gray-zone-coercion","stance":"HIGH","note":"coast guard incursions near the Senkakus"}]""");
        usaTitle = "US pacing-challenge assessment";
        String usa = record(USA, "2025-02-15", usaTitle, "SECRET", """
                [{"key":"gray-zone-coercion","stance":"HIGH"},{"key":"taiwan-strait","stance":"HIGH"}]""");
        // Korea's 2025 view is entered before its 2024 one: the register orders by the date each speaks for.
        korTitle = "Korea's 2025 maritime assessment";
        record(KOR, "2025-03-01", korTitle, "군사Ⅲ급비밀", """
                [{"key":"gray-zone-coercion","stance":"MODERATE"},{"key":"economic-coercion","stance":"LOW"}]""");
        record(KOR, "2024-06-01", "Korea's 2024 maritime assessment", "군사Ⅲ급비밀", """
                [{"key":"gray-zone-coercion","stance":"LOW"}]""");
        releaseToKorea(JPN, jpn);
        releaseToKorea(USA, usa);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private JsonNode register(String username) {
        var r = cluster.client(KOR).get(username, "/api/v1/perspectives?topic=china.maritime");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static JsonNode row(JsonNode register, String key) {
        for (JsonNode r : register.get("comparison")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no key " + key + " in " + register);
    }

    @Test
    void theThreeLatestViewsStandSideBySideWithWhereTheyAgreeAndDiffer() {
        JsonNode reg = register(user(KOR, "china"));
        assertThat(texts(reg.get("parties"), "party")).containsExactly("JPN", "KOR", "USA");
        JsonNode kor = reg.get("parties").get(1);
        assertThat(kor.at("/latest/asOf").asText()).isEqualTo("2025-03-01");
        assertThat(kor.at("/latest/title").asText()).isEqualTo(korTitle);
        assertThat(reg.get("parties").get(2).at("/latest/banner").asText()).startsWith("SECRET");
        assertThat(texts(reg.get("comparison"), "key"))
                .containsExactly("economic-coercion", "gray-zone-coercion", "taiwan-strait");
        JsonNode grayZone = row(reg, "gray-zone-coercion");
        assertThat(grayZone.get("agreement").asText()).isEqualTo("PARTLY");
        assertThat(grayZone.at("/stances/JPN").asText()).isEqualTo("HIGH");
        assertThat(grayZone.at("/stances/KOR").asText()).isEqualTo("MODERATE");
        assertThat(grayZone.at("/stances/USA").asText()).isEqualTo("HIGH");
        assertThat(row(reg, "taiwan-strait").get("agreement").asText()).isEqualTo("ONE_VIEW");
    }

    @Test
    void aPartysHistoryIsInTheOrderOfTheDatesItSpeaksForWithEachShiftOfStance() {
        JsonNode kor = register(user(KOR, "china")).get("parties").get(1);
        assertThat(texts(kor.get("history"), "asOf")).containsExactly("2024-06-01", "2025-03-01");
        JsonNode shifts = kor.get("shifts");
        assertThat(shifts).hasSize(3);
        assertThat(shifts.get(0).get("key").asText()).isEqualTo("gray-zone-coercion");
        assertThat(shifts.get(0).get("from").isNull()).isTrue();
        assertThat(shifts.get(0).get("to").asText()).isEqualTo("LOW");
        assertThat(shifts.get(1).get("from").asText()).isEqualTo("LOW");
        assertThat(shifts.get(1).get("to").asText()).isEqualTo("MODERATE");
        assertThat(shifts.get(1).get("on").asText()).isEqualTo("2025-03-01");
        assertThat(shifts.get(2).get("key").asText()).isEqualTo("economic-coercion");
    }

    @Test
    void aReaderWithoutTheNeedToKnowSeesNothingOfAnyAssessmentNotEvenHowMany() {
        // kor.analyst is cleared to Class II but knows only dprk.
        var r = cluster.client(KOR).get(user(KOR, "analyst"), "/api/v1/perspectives?topic=china.maritime");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("parties")).isEmpty();
        assertThat(r.json().get("comparison")).isEmpty();
        assertThat(r.body()).doesNotContain(korTitle).doesNotContain(usaTitle).doesNotContain("gray-zone");
    }

    @Test
    void aReaderWithoutTheClearanceForOneAssessmentSeesTheOthersAndNoTraceOfIt() {
        // Class III clears Japan's 秘 (Class III here) and Korea's own, not the United States' SECRET (Class II).
        var r = cluster.client(KOR).get(user(KOR, "china3"), "/api/v1/perspectives?topic=china.maritime");
        assertThat(r.status()).isEqualTo(200);
        assertThat(texts(r.json().get("parties"), "party")).containsExactly("JPN", "KOR");
        assertThat(texts(r.json().get("comparison"), "key")).containsExactly("economic-coercion",
                "gray-zone-coercion");
        assertThat(row(r.json(), "gray-zone-coercion").get("stances").has("USA")).isFalse();
        assertThat(r.body()).doesNotContain(usaTitle).doesNotContain("taiwan-strait").doesNotContain("USA");
    }

    private int items() {
        var r = cluster.client(KOR).get(user(KOR, "china"), "/api/v1/items");
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("items").size();
    }

    private void refused(String body, String says) {
        var r = cluster.client(KOR).post(user(KOR, "china"), "/api/v1/perspectives", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.json().get("message").asText()).contains(says);
    }

    @Test
    void aBadAssessmentIsRefusedWithWhatIsWrongAndNothingIsStored() {
        int before = items();
        String good = """
                {"topic":"china.maritime","asOf":"2025-01-01","summary":"s","level":"군사Ⅲ급비밀","judgements":%s}""";
        refused(good.formatted("[{\"key\":\"gray-zone-coercion\",\"stance\":\"SEVERE\"}]"),
                "judgements[0].stance is HIGH, MODERATE or LOW");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"},{\"key\":\"a\",\"stance\":\"HIGH\"}]"),
                "judgements[1].key a is given twice");
        refused(good.formatted("[{\"key\":\"Gray Zone\",\"stance\":\"LOW\"}]"), "judgements[0].key is 1 to 64");
        refused(good.formatted("[]"), "judgements: an assessment states 1 to 50");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"}]").replace("2025-01-01", "2999-01-01"),
                "is after today");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"}]").replace("2025-01-01", "1 March"),
                "asOf is a date written as 2025-03-01");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"}]").replace("china.maritime", "China Sea"),
                "topic is dot-separated lower-case words");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"}]").replace("\"summary\":\"s\"",
                "\"summary\":\" \""), "summary is the party's position");
        refused(good.formatted("[{\"key\":\"a\",\"stance\":\"LOW\"}]").replace("군사Ⅲ급비밀", "VERY SECRET"),
                "VERY SECRET");
        refused("{\"topic\":\"china.maritime\",\"party\":\"USA\"}", "party");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aRegisterIsAskedForByTopic() {
        var none = cluster.client(KOR).get(user(KOR, "china"), "/api/v1/perspectives");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("message").asText()).contains("topic is required");
        var bad = cluster.client(KOR).get(user(KOR, "china"), "/api/v1/perspectives?topic=China%20Sea");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void onlyAnOfficerRecordsAnAssessment() {
        var r = cluster.client(KOR).post(user(KOR, "china3"), "/api/v1/perspectives", "{}");
        assertThat(r.status()).isEqualTo(403);
    }
}
