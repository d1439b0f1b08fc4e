package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
 * The perspectives page: a topic's assessments side by side in the viewer's language, marked as the highest of them,
 * with the comparison and the history; a reader who may read none of them is told there is none, and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerspectivePagesTest {
    private static final String PASSWORD = "china-desk-password";
    private Cluster cluster;
    private URI base;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        base = cluster.client(Cluster.KOR).base();
        Client kor = cluster.client(Cluster.KOR);
        var r = kor.post("kor.admin", "/api/v1/persons", """
                {"username":"kor.china","password":"%s","clearance":"군사Ⅰ급비밀","needToKnow":["china"],
                 "roles":["officer"]}""".formatted(PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        kor.signIn("kor.china", PASSWORD);
        for (var a : List.of(
                List.of("2024-06-01", "Korea 2024 view", "군사Ⅲ급비밀", "LOW", "<script>alert(1)</script>"),
                List.of("2025-03-01", "Korea 2025 view", "군사Ⅱ급비밀", "MODERATE", "patrols closer to Ieodo"))) {
            var made = kor.post("kor.china", "/api/v1/perspectives", """
                    {"topic":"china.maritime","asOf":"%s","title":"%s","summary":"%s","level":"%s",
                     "judgements":[{"key":"gray-zone-coercion","stance":"%s","note":"%s"}]}"""
                    .formatted(a.get(0), a.get(1), a.get(4), a.get(2), a.get(3), a.get(4)));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private WebTab signedIn(String language, String user, String password) {
        var tab = new WebTab(base, language);
        String token = WebTab.csrf(tab.get("/ui/login").body());
        var r = tab.post("/ui/login", Map.of("csrf", List.of(token), "username", List.of(user),
                "password", List.of(password)));
        assertThat(r.statusCode()).isEqualTo(302);
        return tab;
    }

    @Test
    void theRegisterIsShownInEachLanguageMarkedAsTheHighestAssessmentOnIt() {
        for (var lang : List.of(List.of("ko", "관점 등록부", "우려 보통"), List.of("ja", "見解登録簿", "懸念中"),
                List.of("en", "Perspectives register", "moderate concern"))) {
            var page = signedIn(lang.get(0), "kor.china", PASSWORD).get("/ui/perspectives?topic=china.maritime");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0)).contains("<html lang=\"" + lang.get(0) + "\"")
                    .contains("<h1>" + lang.get(1) + "</h1>").contains(lang.get(2))
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET")
                    .contains("data-testid=\"banner-bottom\"");
            // The latest view is 2025's; the history lists both, oldest first.
            assertThat(html).containsPattern(Pattern.compile(
                    "data-party=\"KOR\">.*Korea 2025 view.*data-stance=\"MODERATE\"", Pattern.DOTALL));
            assertThat(html.indexOf("Korea 2024 view")).isLessThan(html.lastIndexOf("Korea 2025 view"));
            assertThat(html).contains("data-key=\"gray-zone-coercion\" data-agreement=\"ONE_VIEW\"");
            // What an officer wrote is text, never markup.
            assertThat(html).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Test
    void aReaderWithoutTheNeedToKnowIsToldThereIsNoneAndSeesNoTitle() {
        var page = signedIn("en", "kor.analyst", "demo").get("/ui/perspectives?topic=china.maritime");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"perspectives-none\"")
                .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED")
                .doesNotContain("Korea 2025 view").doesNotContain("Korea 2024 view")
                .doesNotContain("gray-zone-coercion");
    }

    @Test
    void withoutATopicThePageAsksForOneAndABadTopicIsAnsweredInTheViewersLanguage() {
        var tab = signedIn("ja", "kor.china", PASSWORD);
        var empty = tab.get("/ui/perspectives");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("name=\"topic\"").doesNotContain("Korea 2025 view")
                .contains("href=\"/ui/perspectives\" aria-current=\"page\"");
        var bad = tab.get("/ui/perspectives?topic=China%20Sea");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("テーマではありません");
    }
}
