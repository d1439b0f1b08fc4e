package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * The dialogue page: the channels' health on a date in the viewer's language, the dormant flagged and alerted to,
 * and the timeline an SVG that parses, with a mark for every meeting on record and a shaded gap for the standstill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialoguePagesTest {
    private Cluster cluster;
    private URI base;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        base = cluster.client(Cluster.KOR).base();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private static String row(String html, String channel) {
        var m = Pattern.compile("<tr data-channel=\"" + channel + "\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(channel).isTrue();
        return m.group();
    }

    @Test
    void theHealthIsShownInEachLanguageWithItsBannerAndTheDormantFlaggedOn1October2019() {
        for (var lang : List.of(List.of("ko", "협의체 현황", "휴면", "외교차관"), List.of("ja", "協議体の状況", "休眠", "外務次官"),
                List.of("en", "Dialogue health", "dormant", "Vice foreign ministers"))) {
            var tab = new WebTab(base, lang.get(0)).signIn("kor.guest");
            var page = tab.get("/ui/dialogue?at=2019-10-01");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0)).contains("<html lang=\"" + lang.get(0) + "\"")
                    .contains("<h1>" + lang.get(1) + "</h1>")
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED")
                    .contains("data-testid=\"banner-bottom\"");
            String vfm = row(html, "vice-foreign-ministers");
            assertThat(vfm).as(lang.get(0)).contains("data-status=\"DORMANT\"").contains(lang.get(2))
                    .contains(lang.get(3));
            assertThat(row(html, "defense-trilateral-talks")).contains("data-status=\"MET\"");
            assertThat(row(html, "foreign-ministers")).contains("data-status=\"NO_RECORD\"");
            // The secretariat's alert names the dormant channel, and only it.
            var alert = Pattern.compile("data-testid=\"dialogue-alert\">.*?</div>", Pattern.DOTALL).matcher(html);
            assertThat(alert.find()).isTrue();
            assertThat(alert.group()).contains("data-channel=\"vice-foreign-ministers\"")
                    .doesNotContain("data-channel=\"defense-trilateral-talks\"");
        }
    }

    @Test
    void on1December2024JapanHostsTheDefenseMinistersAndKoreaTheSecretariat() {
        String html = new WebTab(base, "en").signIn("kor.guest").get("/ui/dialogue?at=2024-12-01").body();
        assertThat(row(html, "defense-ministers")).contains("data-status=\"MET\"").contains("<td>Japan</td>")
                .contains("Korea from July 28, 2025");
        assertThat(row(html, "secretariat")).contains("data-status=\"STANDING\"").contains("<td>Korea</td>")
                .contains("United States from November 20, 2026");
        assertThat(row(html, "chiefs-of-defense")).contains("annual (modelled)");
        assertThat(row(html, "leaders")).contains("data-status=\"OVERDUE\"");
    }

    @Test
    void theTimelineIsWellFormedSvgWithEveryMeetingOnRecordTheStandstillShadedAndTheDateAsALine() throws Exception {
        String html = new WebTab(base, "en").signIn("kor.guest").get("/ui/dialogue?at=2019-10-01").body();
        var m = Pattern.compile("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dialogue-timeline\".*?</svg>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
        var groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        int meetings = 0;
        boolean vfmDormant = false;
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("meeting")) {
                meetings++;
            }
            if (g.getAttribute("data-channel").equals("vice-foreign-ministers")) {
                var rects = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
                for (int j = 0; j < rects.getLength(); j++) {
                    var r = (Element) rects.item(j);
                    vfmDormant |= r.getAttribute("class").equals("gap dormant")
                            && r.getAttribute("data-from").equals("2019-01-06");
                }
            }
        }
        long onRecord = ScenarioFiles.shipped().channels().stream().mapToLong(c -> c.meetings().size()).sum();
        assertThat(meetings).isEqualTo((int) onRecord);
        assertThat(vfmDormant).isTrue();
        var lines = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        boolean at = false;
        for (int i = 0; i < lines.getLength(); i++) {
            var l = (Element) lines.item(i);
            at |= l.getAttribute("class").equals("at") && l.getAttribute("data-date").equals("2019-10-01");
        }
        assertThat(at).isTrue();
        assertThat(m.group()).doesNotContain("<script").doesNotContain("<style").doesNotContain(" id=")
                .doesNotContain("href");
    }

    @Test
    void aDateThatIsNotOneIsRefusedInTheViewersLanguage() {
        var tab = new WebTab(base, "ja").signIn("kor.guest");
        var page = tab.get("/ui/dialogue?at=2019-13-01");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("「2019-13-01」は日付ではありません");
    }

    @Test
    void theNavigationLeadsToTheDialoguePage() {
        assertThat(new WebTab(base, "en").signIn("kor.guest").get("/ui").body()).contains("href=\"/ui/dialogue\"");
    }
}
