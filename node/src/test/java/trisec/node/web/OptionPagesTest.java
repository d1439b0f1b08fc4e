package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.scenario.file.ScenarioFiles;

/**
 * The options pages on Korea's node at 2026-12-01, in the viewer's language and marked as the highest option and item
 * they show: the list with the two shipped examples one click from the form, an option pasted or uploaded and saved,
 * a bad one refused with its problems on their lines, an option's picture (the matrix per pair with the changed
 * cells highlighted, the single points, the history impact), a stretch of time, and two options side by side with a
 * network graph each. A person who may not read an option's label finds no trace of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionPagesTest {
    private Cluster cluster;
    private URI base;
    private Client kor;
    private String notice;
    private String widened;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")), c -> c);
        base = cluster.client(Cluster.KOR).base();
        kor = cluster.client(Cluster.KOR);
        notice = save("kor-notice-2026", "군사Ⅱ급비밀");
        widened = save("tisa-widened", "군사Ⅲ급비밀");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private String example(String name) {
        return kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/" + name).asText();
    }

    private String save(String example, String level) {
        var r = kor.post("kor.officer", "/api/v1/options", Json.write(Map.of("yaml", example(example), "level", level,
                "topic", "dprk")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private int options() {
        return kor.get("kor.officer", "/api/v1/options").json().get("options").size();
    }

    private WebTab tab(String language, String user) {
        return new WebTab(base, language).signIn(user);
    }

    private static String banner(String html) {
        Matcher m = Pattern.compile("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">([^<]*)<").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The SVG of the graph captioned so. */
    private static String graph(String html, String name) {
        Matcher m = Pattern.compile("data-testid=\"option-graph\" data-name=\"" + Pattern.quote(name)
                + "\">.*?(<svg.*?</svg>)", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a graph named " + name).isTrue();
        return m.group(1);
    }

    @Test
    void theListAndTheFormAreInEachLanguageMarkedAsTheHighestOptionShown() {
        for (var lang : List.of(List.of("ko", "옵션: 만약 ~라면?", "예시 불러오기"),
                List.of("ja", "オプション：もしも", "例を読み込む"), List.of("en", "Options: what if?", "Load an example"))) {
            var page = tab(lang.get(0), "kor.officer").get("/ui/options");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0)).contains("<html lang=\"" + lang.get(0) + "\"")
                    .contains("<h1>" + lang.get(1) + "</h1>").contains(lang.get(2))
                    .contains("href=\"/ui/options\" aria-current=\"page\"")
                    .contains("data-option=\"" + notice + "\"").contains("data-option=\"" + widened + "\"")
                    .contains("KOR gives notice on 2026-03-01").contains("TISA widened to all dprk and china topics")
                    .contains("href=\"/ui/options?example=kor-notice-2026#option-form\"")
                    .contains("href=\"/ui/options?example=tisa-widened#option-form\"")
                    .contains("data-testid=\"banner-bottom\"");
            // The notice is kept at Class II: the page is SECRET.
            assertThat(banner(html)).startsWith("SECRET");
        }
    }

    @Test
    void anExampleIsOneClickAwayInTheForm() {
        var page = tab("en", "kor.officer").get("/ui/options?example=kor-notice-2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<textarea id=\"yaml\"[^>]*>[^<]*name: KOR gives notice on 2026-03-01")
                .contains("agreement: kor-jpn-gsomia-2016");
        assertThat(tab("en", "kor.officer").get("/ui/options?example=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void anOfficerUploadsAnOptionFileAndSavesItUnderALabel() {
        WebTab tab = tab("en", "kor.officer");
        String boundary = "----trisec" + UUID.randomUUID();
        var body = new StringBuilder();
        for (var field : List.of(List.of("csrf", tab.formToken()), List.of("yaml", ""), List.of("level", "군사Ⅲ급비밀"),
                List.of("topic", "dprk"))) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.get(0)).append("\"\r\n\r\n").append(field.get(1)).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"tisa-widened.yaml\"\r\nContent-Type: application/yaml\r\n\r\n")
                .append(example("tisa-widened").replace("name: TISA widened", "name: Uploaded TISA widened"))
                .append("\r\n--").append(boundary).append("--\r\n");
        HttpResponse<String> r = tab.send(HttpRequest.newBuilder(base.resolve("/ui/options"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/ui/options/");
        var page = tab.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Uploaded TISA widened to all dprk and china topics</h1>")
                .contains("data-testid=\"option-retract\"");
        assertThat(banner(page.body())).startsWith("CONFIDENTIAL");

        // Retracted from its page by the officer who saved it: gone from the list.
        var retracted = tab.submit(location + "/retract", Map.of());
        assertThat(retracted.statusCode()).isEqualTo(302);
        assertThat(retracted.headers().firstValue("Location")).hasValue("/ui/options?done=options.retracted");
        var list = tab.get("/ui/options?done=options.retracted");
        assertThat(list.body()).contains("The option was retracted.").doesNotContain("Uploaded TISA widened");
    }

    @Test
    void aBadOptionFileComesBackWithEachProblemOnItsLineAndNothingIsStored() {
        int before = options();
        WebTab tab = tab("ja", "kor.officer");
        String bad = "name: Bad\nchanges:\n  - change: event\n    agreement: no-such-agreement\n"
                + "    type: TERMINATION_NOTICE\n    date: 2026-03-01\n";
        var r = tab.submit("/ui/options", Map.of("yaml", List.of(bad), "level", List.of("군사Ⅱ급비밀"),
                "topic", List.of("dprk")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("data-testid=\"option-problems\"").contains("受け付けられません")
                .contains("line 4: ").contains("no-such-agreement")
                // The form keeps what was sent.
                .containsPattern("<textarea id=\"yaml\"[^>]*>name: Bad");
        assertThat(options()).isEqualTo(before);
    }

    @Test
    void theNoticesPictureShowsKoreaAndJapanThroughTheHubOnDprkAndNothingElseOnceTheTermEnds() {
        for (var lang : List.of(List.of("en", "via the hub"), List.of("ko", "허브 경유"), List.of("ja", "ハブ経由"))) {
            var page = tab(lang.get(0), "kor.officer").get("/ui/options/" + notice + "?at=2026-12-01");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).contains(lang.get(1));
            assertThat(banner(html)).startsWith("SECRET");
            Matcher table = Pattern.compile("<table class=\"matrix\" data-pair=\"KOR-JPN\".*?</table>", Pattern.DOTALL)
                    .matcher(html);
            assertThat(table.find()).isTrue();
            String korJpn = table.group();
            assertThat(korJpn).containsPattern(Pattern.compile("data-topic=\"dprk.missile\">.*?class=\"reach "
                    + "reach-VIA_HUB changed\" data-reach=\"VIA_HUB\" data-before=\"DIRECT\"", Pattern.DOTALL));
            assertThat(korJpn).containsPattern(Pattern.compile("data-topic=\"other\">.*?class=\"reach reach-NONE "
                    + "changed\" data-reach=\"NONE\" data-before=\"DIRECT\"", Pattern.DOTALL));
            // Between Korea and the United States nothing changes.
            Matcher korUsa = Pattern.compile("<table class=\"matrix\" data-pair=\"KOR-USA\" data-changed=\"0\"")
                    .matcher(html);
            assertThat(korUsa.find()).isTrue();
            assertThat(html).contains("data-testid=\"option-turns\"").contains("data-from=\"2026-11-23\"")
                    .contains("data-testid=\"option-points\"").contains("data-differs=\"true\"")
                    .contains("data-testid=\"option-history-summary\"");
            // Only the releases since the notice (2026-03-01) are read: the page says so.
            assertThat(html).containsPattern("data-testid=\"option-history-since\">[^<]*2026");
        }
        var before = tab("en", "kor.officer").get("/ui/options/" + notice + "?at=2026-11-22");
        assertThat(before.body()).doesNotContain(" changed\" data-reach");
        // The page draws the agreements as they stand and with the option: the GSOMIA dashed while the notice runs,
        // gone once the term has ended.
        assertThat(graph(before.body(), "KOR gives notice on 2026-03-01"))
                .contains("data-agreement=\"kor-jpn-gsomia-2016\" data-kind=\"SIA\" "
                        + "data-status=\"IN_FORCE_TERMINATION_PENDING\" data-dashed=\"true\"");
        assertThat(graph(before.body(), "real")).contains("data-agreement=\"kor-jpn-gsomia-2016\" data-kind=\"SIA\" "
                + "data-status=\"IN_FORCE\" data-dashed=\"false\"");
        var after = tab("en", "kor.officer").get("/ui/options/" + notice + "?at=2026-12-01");
        assertThat(graph(after.body(), "KOR gives notice on 2026-03-01")).doesNotContain("kor-jpn-gsomia-2016");
        // Over a stretch there is no one date to draw.
        assertThat(tab("en", "kor.officer").get("/ui/options/" + notice + "?from=2026-01-01&to=2027-01-01").body())
                .doesNotContain("data-testid=\"option-graph\"");
    }

    @Test
    void overAStretchOfTimeThePageListsThePeriods() {
        var page = tab("en", "kor.officer").get("/ui/options/" + notice + "?from=2026-01-01&to=2028-01-01");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"option-periods\"")
                .contains("data-from=\"2026-01-01\" data-changed=\"0\"").contains("data-from=\"2026-11-23\"")
                .doesNotContain("class=\"matrix\"");
        var bad = tab("en", "kor.officer").get("/ui/options/" + notice + "?from=2026-01-01");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void anOptionIsDrawnWithoutSavingAndNothingIsStored() {
        int before = options();
        var r = tab("en", "kor.analyst").submit("/ui/options/picture", Map.of("yaml",
                List.of(example("kor-notice-2026")), "at", List.of("2027-01-01")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-testid=\"option-unsaved\"").contains("<h1>KOR gives notice on 2026-03-01</h1>")
                .contains("reach-VIA_HUB changed");
        assertThat(options()).isEqualTo(before);
    }

    @Test
    void twoOptionsSideBySideWithAGraphEach() {
        var page = tab("en", "kor.officer").get("/ui/options/compare?ids=" + notice + "&ids=" + widened
                + "&at=2026-12-01");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(banner(html)).startsWith("SECRET");
        assertThat(html).contains("data-testid=\"options-compare\"")
                .containsPattern(Pattern.compile("data-pair=\"KOR → JPN\" data-topic=\"dprk\">.*?class=\"fate-lost\""
                        + ">loses 군사Ⅱ급비밀, 군사Ⅲ급비밀", Pattern.DOTALL))
                .containsPattern(Pattern.compile("data-pair=\"KOR → JPN\" data-topic=\"dprk.missile\">.*?"
                        + "class=\"fate-rerouted\">군사Ⅱ급비밀, 군사Ⅲ급비밀 now KOR → USA → JPN", Pattern.DOTALL))
                .contains("data-testid=\"option-combine\"").doesNotContain("<script>");
        // The widening's graph draws TISA through the hub, covering dprk and china; the real one, only the threats.
        String wide = graph(html, "TISA widened to all dprk and china topics");
        assertThat(wide).containsPattern("data-agreement=\"tisa-2014\" data-kind=\"HUB_ARRANGEMENT\"[^>]*>"
                + "<polyline class=\"via-hub\" data-route=\"KOR USA JPN\"").contains("dprk, china");
        assertThat(graph(html, "real")).contains("dprk.nuclear, dprk.missile").doesNotContain("dprk, china");
        // Under the notice the GSOMIA has ended by 2026-12-01; in June it is dashed, its notice pending.
        assertThat(graph(html, "KOR gives notice on 2026-03-01")).doesNotContain("kor-jpn-gsomia-2016");
        assertThat(graph(html, "real")).contains("data-agreement=\"kor-jpn-gsomia-2016\" data-kind=\"SIA\" "
                + "data-status=\"IN_FORCE\" data-dashed=\"false\"");
        var june = tab("en", "kor.officer").get("/ui/options/compare?ids=" + notice + "," + widened + "&at=2026-06-01");
        assertThat(graph(june.body(), "KOR gives notice on 2026-03-01")).contains("data-agreement=\"kor-jpn-gsomia-2016\""
                + " data-kind=\"SIA\" data-status=\"IN_FORCE_TERMINATION_PENDING\" data-dashed=\"true\"")
                .contains("stroke-dasharray");

        // Applied one after the other, the hub carries dprk and china between Korea and Japan.
        var both = tab("en", "kor.officer").get("/ui/options/compare?ids=" + notice + "," + notice + "%2B" + widened
                + "&at=2026-12-01");
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.body()).containsPattern(Pattern.compile("data-pair=\"KOR → JPN\" data-topic=\"china\">"
                + "<td[^>]*>.*?</td><td[^>]*>.*?</td><td class=\"fate-rerouted\">군사Ⅱ급비밀, 군사Ⅲ급비밀 now KOR → USA → JPN",
                Pattern.DOTALL)).contains("KOR → JPN: china, dprk, dprk.missile, dprk.missile.warning, dprk.nuclear");
    }

    @Test
    void aPersonWhoMayNotReadTheLabelFindsNoTraceOfTheOption() {
        WebTab guest = tab("en", "kor.guest");
        var list = guest.get("/ui/options");
        assertThat(list.statusCode()).isEqualTo(200);
        // The examples are named in the form; no saved option is.
        assertThat(list.body()).contains("data-testid=\"options-none\"").doesNotContain("data-option=")
                .doesNotContain(notice).doesNotContain(widened).doesNotContain("data-testid=\"option-save\"");
        assertThat(banner(list.body())).isEqualTo("UNCLASSIFIED");
        var one = guest.get("/ui/options/" + notice);
        assertThat(one.statusCode()).isEqualTo(404);
        assertThat(one.body()).doesNotContain("KOR gives notice");
        assertThat(guest.get("/ui/options/compare?ids=" + notice + "," + widened).statusCode()).isEqualTo(404);
        // A track 1.5 participant has no options page at all.
        assertThat(tab("en", "kor.participant").get("/ui/options").statusCode()).isEqualTo(403);
    }
}
