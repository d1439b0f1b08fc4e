package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * The UN Command–Rear page: the seven UN-flagged bases on the region map and in a table, in the viewer's language,
 * with the UNC SOFA's status on the date looked at, under an unclassified banner; refused to a track 1.5 participant,
 * since it reads the agreements as the node records them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UncPagesTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private Cluster cluster;
    private URI base;
    /** An option ending the UN forces SOFA on 2025-01-01, kept at Class II on dprk (the guest may not read it). */
    private String sofaEnds;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2025-06-01T09:00:00Z")), c -> c);
        base = cluster.client(Cluster.KOR).base();
        var saved = cluster.client(Cluster.KOR).post("kor.officer", "/api/v1/options", trisec.node.base.Json.write(
                java.util.Map.of("yaml", """
                        name: The UNC SOFA ends on 2025-01-01
                        changes:
                          - change: event
                            agreement: unc-sofa-1954
                            type: TERMINATED
                            date: 2025-01-01
                            by: JPN
                        """, "level", "군사Ⅱ급비밀", "topic", "dprk")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        sofaEnds = saved.json().get("id").asText();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private static List<String> rows(String html) {
        var m = Pattern.compile("<tr data-status=\"([A-Z_]+)\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        var rows = new ArrayList<String>();
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2));
        }
        return rows;
    }

    private static Document map(String html) throws Exception {
        var m = Pattern.compile("<figure class=\"site-map\" data-testid=\"unc-map\">(<svg .*?</svg>)</figure>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the page holds the map").isTrue();
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group(1).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSevenBasesAreShownInEachLanguageWithTheirAgreementInForceUnderAnUnclassifiedBanner() throws Exception {
        for (var lang : List.of(
                List.of("ko", "유엔군사령부 후방기지", "캠프 자마", "오키나와현", "일본", "주일 유엔군 지위협정", "발효 중",
                        "유엔기 게양 기지, 유엔사 후방기지 사령부 (2007년 11월 2일부터)"),
                List.of("ja", "国連軍後方司令部", "キャンプ座間", "沖縄県", "日本", "国連軍地位協定", "発効中",
                        "国連旗を掲げる施設・国連軍後方司令部（2007年11月2日から）"),
                List.of("en", "UN Command–Rear", "Camp Zama", "Okinawa", "Japan",
                        "Agreement on the Status of the United Nations Forces in Japan", "in force",
                        "UN-flagged base; UNC-Rear headquarters (since November 2, 2007)"))) {
            var tab = new WebTab(base, lang.get(0)).signIn("kor.guest");
            var page = tab.get("/ui/unc?at=2024-01-01");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0)).contains("<html lang=\"" + lang.get(0) + "\"")
                    .contains("<h1>" + lang.get(1) + "</h1>")
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED")
                    .contains("data-testid=\"banner-bottom\"");
            List<String> rows = rows(html);
            assertThat(rows).as(lang.get(0)).hasSize(7).allSatisfy(r -> assertThat(r).startsWith("IN_FORCE ")
                    .contains(lang.get(4)).contains(lang.get(5)).contains(lang.get(6)));
            assertThat(rows.getFirst()).contains(lang.get(2));
            assertThat(rows).filteredOn(r -> r.contains(lang.get(3))).hasSize(3);
            assertThat(rows).anySatisfy(r -> assertThat(r).contains(lang.get(7)));

            Document svg = map(html);
            assertThat(svg.getDocumentElement().getAttribute("lang")).isEqualTo(lang.get(0));
            var groups = svg.getElementsByTagNameNS(SVG_NS, "g");
            var markers = new ArrayList<Element>();
            for (int i = 0; i < groups.getLength(); i++) {
                var g = (Element) groups.item(i);
                if (g.getAttribute("class").equals("trisec-site")) {
                    markers.add(g);
                }
            }
            assertThat(markers).as("seven markers").hasSize(7)
                    .allSatisfy(g -> assertThat(g.getAttribute("data-active")).isEqualTo("true"))
                    .anySatisfy(g -> assertThat(g.getAttribute("data-name")).isEqualTo(lang.get(2)));
        }
    }

    @Test
    void beforeTheSofaEnteredIntoForceNoBaseIsCovered() throws Exception {
        String html = new WebTab(base, "en").signIn("kor.guest").get("/ui/unc?at=1954-03-01").body();
        assertThat(rows(html)).hasSize(7).allSatisfy(r -> assertThat(r).startsWith("SIGNED ")
                .contains("signed February 19, 1954, not in force"));
        assertThat(html).contains("0 of 7 bases covered by an agreement in force.");
        Document svg = map(html);
        var groups = svg.getElementsByTagNameNS(SVG_NS, "g");
        int hollow = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (Element) groups.item(i);
            hollow += g.getAttribute("class").equals("trisec-site") && g.getAttribute("data-active").equals("false")
                    ? 1 : 0;
        }
        assertThat(hollow).isEqualTo(7);
        // Without a date, the node's own (2025-06-01): in force.
        String today = new WebTab(base, "en").signIn("kor.guest").get("/ui/unc").body();
        assertThat(today).contains("value=\"2025-06-01\"").contains("7 of 7 bases covered");
    }

    /**
     * A scenario may give a site no position: the page lists it, says it is not on the map and draws the others; the
     * API gives its {@code lat} and {@code lon} as null.
     */
    @Test
    void aSiteWithoutAPositionIsListedButNotDrawnWithOrWithoutAnOption() throws Exception {
        String text = ScenarioFiles.shippedText().replace("    lat: 35.75\n    lon: 139.35\n", "");
        assertThat(text).isNotEqualTo(ScenarioFiles.shippedText());
        var scenario = ScenarioFiles.read("no position for Yokota", text);
        try (Cluster own = Cluster.start(List.of(Cluster.KOR), scenario,
                Optional.of(Instant.parse("2025-06-01T09:00:00Z")), c -> c)) {
            URI uri = own.client(Cluster.KOR).base();
            for (var lang : List.of(List.of("en", "Yokota Air Base", "not on the map: the scenario gives no position"),
                    List.of("ko", "요코타 공군기지", "지도에 없음: 시나리오에 위치가 없습니다"),
                    List.of("ja", "横田飛行場", "地図には表示されません：シナリオに位置がありません"))) {
                var page = new WebTab(uri, lang.get(0)).signIn("kor.guest").get("/ui/unc?at=2024-01-01");
                assertThat(page.statusCode()).isEqualTo(200);
                List<String> rows = rows(page.body());
                assertThat(rows).as(lang.get(0)).hasSize(7);
                assertThat(rows).filteredOn(r -> r.contains("unc-no-position")).singleElement().asString()
                        .contains(lang.get(1)).contains(lang.get(2));
                var groups = map(page.body()).getElementsByTagNameNS(SVG_NS, "g");
                var names = new ArrayList<String>();
                for (int i = 0; i < groups.getLength(); i++) {
                    var g = (Element) groups.item(i);
                    if (g.getAttribute("class").equals("trisec-site")) {
                        names.add(g.getAttribute("data-name"));
                    }
                }
                assertThat(names).as(lang.get(0)).hasSize(6).doesNotContain(lang.get(1));
            }
            var api = own.client(Cluster.KOR).get("kor.guest", "/api/v1/unc?at=2024-01-01");
            assertThat(api.status()).isEqualTo(200);
            var yokota = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
            api.json().get("sites").forEach(n -> {
                if (n.get("name").asText().equals("Yokota Air Base")) {
                    yokota.add(n);
                }
            });
            assertThat(yokota).singleElement().satisfies(n -> {
                assertThat(n.get("lat").isNull()).isTrue();
                assertThat(n.get("lon").isNull()).isTrue();
                assertThat(n.get("covered").asBoolean()).isTrue();
            });
            assertThat(api.json().get("sites")).hasSize(7);

            // Under an option too: the site is in the table with its status under the option, not on the map.
            var saved = own.client(Cluster.KOR).post("kor.officer", "/api/v1/options", trisec.node.base.Json.write(
                    java.util.Map.of("yaml", """
                            name: The UNC SOFA ends on 2020-01-01
                            changes:
                              - change: event
                                agreement: unc-sofa-1954
                                type: TERMINATED
                                date: 2020-01-01
                                by: JPN
                            """, "level", "군사Ⅱ급비밀", "topic", "dprk")));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            String id = saved.json().get("id").asText();
            String html = new WebTab(uri, "en").signIn("kor.officer").get("/ui/unc?option=" + id + "&at=2024-01-01")
                    .body();
            assertThat(rows(html)).hasSize(7).allSatisfy(r -> assertThat(r).contains("data-under=\"TERMINATED\""));
            assertThat(rows(html)).filteredOn(r -> r.contains("unc-no-position")).singleElement().asString()
                    .contains("Yokota Air Base");
            var groups = map(html).getElementsByTagNameNS(SVG_NS, "g");
            var drawn = new ArrayList<String>();
            for (int i = 0; i < groups.getLength(); i++) {
                var g = (Element) groups.item(i);
                if (g.getAttribute("class").equals("trisec-site")) {
                    assertThat(g.getAttribute("data-active")).isEqualTo("false");
                    drawn.add(g.getAttribute("data-name"));
                }
            }
            assertThat(drawn).hasSize(6).doesNotContain("Yokota Air Base");
            var under = own.client(Cluster.KOR).get("kor.officer", "/api/v1/unc?at=2024-01-01&option=" + id);
            assertThat(under.status()).as(under.body()).isEqualTo(200);
            assertThat(under.json().get("sites")).hasSize(7).filteredOn(n -> n.get("lat").isNull()).singleElement()
                    .satisfies(n -> {
                        assertThat(n.get("name").asText()).isEqualTo("Yokota Air Base");
                        assertThat(n.get("lon").isNull()).isTrue();
                        assertThat(n.at("/underOption/covered").asBoolean()).isFalse();
                    });
        }
    }

    @Test
    void aDateThatIsNotOneIsRefusedInTheViewersLanguage() {
        var page = new WebTab(base, "ko").signIn("kor.guest").get("/ui/unc?at=2024-02-30");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("\"2024-02-30\"은(는) 날짜가 아닙니다");
    }

    @Test
    void theStaffFindItInTheNavigationAndATrack15ParticipantIsRefusedIt() {
        var guest = new WebTab(base, "en").signIn("kor.guest");
        var page = guest.get("/ui/unc?at=2024-01-01");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/ui/unc\" aria-current=\"page\"")
                .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
        assertThat(rows(page.body())).hasSize(7);
        // The page reads the agreements as this node records them, events an administrator recorded included,
        // which a participant does not read (the agreements page refuses them too).
        var participant = new WebTab(base, "en").signIn("kor.participant");
        assertThat(participant.get("/ui/unc?at=2024-01-01").statusCode()).isEqualTo(403);
        assertThat(participant.get("/ui/meetings").body()).doesNotContain("href=\"/ui/unc\"");
    }

    @Test
    void underAnOptionEachBaseShowsItsStatusBesideTheRealOneInEachLanguageMarkedAsTheOption() throws Exception {
        for (var lang : List.of(List.of("ko", "옵션 적용 시", "종료"), List.of("ja", "オプションの下で", "終了"),
                List.of("en", "Under the option", "terminated"))) {
            var tab = new WebTab(base, lang.get(0)).signIn("kor.officer");
            // The option's page links to the bases under it, on the date it shows.
            String option = tab.get("/ui/options/" + sofaEnds + "?at=2025-06-01").body();
            assertThat(option).containsPattern("href=\"/ui/unc\\?option=" + sofaEnds
                    + "&amp;at=2025-06-01\" data-testid=\"option-unc\"");
            var page = tab.get("/ui/unc?option=" + sofaEnds + "&at=2025-06-01");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0))
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET")
                    .contains("data-testid=\"unc-option\"").contains("The UNC SOFA ends on 2025-01-01")
                    .contains("<th scope=\"col\">" + lang.get(1) + "</th>")
                    .contains("name=\"option\" value=\"" + sofaEnds + "\"");
            assertThat(rows(html)).hasSize(7).allSatisfy(r -> assertThat(r).startsWith("IN_FORCE ")
                    .contains("data-under=\"TERMINATED\" data-changed=\"true\"").contains(lang.get(2)));
            // The map shows the bases as the option leaves them: none covered.
            Document svg = map(html);
            var groups = svg.getElementsByTagNameNS(SVG_NS, "g");
            int hollow = 0;
            for (int i = 0; i < groups.getLength(); i++) {
                var g = (Element) groups.item(i);
                hollow += g.getAttribute("class").equals("trisec-site") && g.getAttribute("data-active")
                        .equals("false") ? 1 : 0;
            }
            assertThat(hollow).isEqualTo(7);
        }
        String en = new WebTab(base, "en").signIn("kor.officer").get("/ui/unc?option=" + sofaEnds
                + "&at=2025-06-01").body();
        assertThat(en).contains("7 of 7 bases covered by an agreement in force.")
                .contains("Under the option: 0 of 7 bases covered by an agreement in force.");
    }

    @Test
    void anOptionTheViewerMayNotReadIsNoSuchOption() {
        var guest = new WebTab(base, "en").signIn("kor.guest");
        var unreadable = guest.get("/ui/unc?option=" + sofaEnds + "&at=2025-06-01");
        var unknown = guest.get("/ui/unc?option=no-such-option&at=2025-06-01");
        assertThat(unreadable.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unreadable.body()).doesNotContain("SOFA ends").doesNotContain("SECRET");
        assertThat(unreadable.body().replace(sofaEnds, "ID").replaceAll("name=\"csrf\" value=\"[^\"]*\"", ""))
                .isEqualTo(unknown.body().replace("no-such-option", "ID")
                        .replaceAll("name=\"csrf\" value=\"[^\"]*\"", ""));
    }
}
