package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/**
 * The warnings page: the map with the sea named in the viewer's language, the warning in the table and the page's
 * banner raised to its marking, for a person who may read it; for one who may not, no trace at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningPagesTest {
    private Cluster cluster;
    private URI base;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(), Optional.empty(), c -> c);
        base = cluster.client(Cluster.KOR).base();
        var r = cluster.client(Cluster.KOR).post("kor.officer", "/api/v1/warnings", """
                {"track":"TN-5","sensor":"Green Pine","state":{"at":"2026-12-01T00:00:00Z",
                 "launch":{"lat":39.0,"lon":125.8},"azimuthDeg":75,"apogeeKm":6000,"rangeKm":1000,
                 "flightTimeSeconds":4000,"ellipse":{"semiMajorKm":40,"semiMinorKm":15,"orientationDeg":75},
                 "confidence":0.7,"missileType":"<script>alert(1)</script>"},"level":"군사Ⅱ급비밀"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void aReaderSeesTheWarningOnTheMapInTheirLanguage() {
        for (var lang : List.of(List.of("ko", "동해"), List.of("ja", "日本海"), List.of("en", "East Sea / Sea of Japan"))) {
            var tab = new WebTab(base, lang.get(0)).signIn("kor.analyst");
            var page = tab.get("/ui/warnings");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(lang.get(0)).contains("<svg").contains(lang.get(1)).contains("TN-5")
                    .contains("data-warning=\"KOR/TN-5\"");
            // The page is marked as what it shows; the missile type is text, never markup.
            assertThat(html).containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET");
            assertThat(html).doesNotContain("<script>alert(1)</script>");
            var fragment = tab.get("/ui/warnings/fragment");
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains("<svg").contains("TN-5");
        }
    }

    @Test
    void aPersonWhoMayNotReadItSeesNoTraceOfIt() {
        var tab = new WebTab(base, "en").signIn("kor.guest");
        for (String path : List.of("/ui/warnings", "/ui/warnings/fragment")) {
            var page = tab.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("TN-5").doesNotContain("Green Pine").doesNotContain("군사Ⅱ급비밀")
                    .doesNotContain("data-warning=");
        }
        assertThat(tab.get("/ui/warnings").body()).contains("No warning you may read.");
    }

    @Test
    void everyPageOfAReaderAlertsToTheOpenWarningAndIsMarkedAsIt() {
        var analyst = new WebTab(base, "en").signIn("kor.analyst");
        for (String path : List.of("/ui", "/ui/me", "/ui/agreements")) {
            String html = analyst.get(path).body();
            assertThat(html).as(path).contains("data-testid=\"warning-alert\"").contains("Missile warning TN-5");
            // The alert is drawn from a 군사Ⅱ급비밀 item: the page is marked at least so, whatever else it shows.
            assertThat(html).as(path)
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">SECRET");
        }
        var guest = new WebTab(base, "en").signIn("kor.guest");
        for (String path : List.of("/ui", "/ui/me")) {
            String html = guest.get(path).body();
            assertThat(html).as(path).doesNotContain("warning-alert").doesNotContain("TN-5");
            assertThat(html).as(path)
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
        }
    }

    @Test
    void theOriginatorIsNotOfferedToAcknowledgeItsOwnWarningAndAFormWithoutItsTokenChangesNothing() {
        var officer = new WebTab(base, "en").signIn("kor.officer");
        String html = officer.get("/ui/warnings").body();
        assertThat(html).contains("Acknowledged").doesNotContain("/acknowledge\"");
        assertThat(officer.post("/ui/warnings/KOR/TN-5/acknowledge", java.util.Map.of()).statusCode()).isEqualTo(403);
        // With its token, the service's own rule answers: a warning is acknowledged by the partners it reaches.
        var r = officer.submit("/ui/warnings/KOR/TN-5/acknowledge", java.util.Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not by its originator");
    }
}
