package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import trisec.node.demo.Demo;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * {@code trisec warn replay} against what {@code trisec demo} runs (three nodes in this JVM on free ports), watched
 * in a real browser (Debian's headless Chromium, driven by Playwright) on the three nodes' warnings pages, opened
 * before the replay and never reloaded. On 2024-10-31, under the missile-warning mechanism, the warning reaches
 * the three maps at once, in Korean at KOR, Japanese at JPN and English at the USA, with the sea named as each
 * writes it and the flags of the launch; every other page of those who may read it alerts to it; a Japanese watch
 * officer acknowledges it with the page's button and the Korean page shows who acknowledged when; a Japanese guest
 * sees no trace of it, not even in the fragments the page fetches as it arrives. A replay of 2022-10-04, which flew
 * over Japan, is flagged so beside it. On 2017-11-29, before the
 * mechanism, it stays at KOR until a Korean officer asks for a release to Japan and a second person approves it;
 * only then does it appear on Japan's map. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarnReplayBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Party KOR = Party.of("KOR");
    static final Party JPN = Party.of("JPN");
    static final Party USA = Party.of("USA");
    static final String MAP = "figure[data-testid=warning-map] svg";

    private Playwright playwright;
    private Browser browser;
    private Demo demo;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("TRISEC_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("TRISEC_REQUIRE_BROWSER is set but there is no Chromium at " + CHROMIUM);
            }
            System.out.println("Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterEach
    void closeDemo() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The demo with its clock running from {@code asOf}, as {@code trisec demo --as-of} starts it. */
    private void startDemo(String asOf) throws Exception {
        var ports = new LinkedHashMap<Party, Integer>();
        var sockets = new ArrayList<ServerSocket>();
        for (Party p : List.of(KOR, JPN, USA)) {
            var socket = new ServerSocket(0);
            sockets.add(socket);
            ports.put(p, socket.getLocalPort());
        }
        for (var socket : sockets) {
            socket.close();
        }
        demo = Demo.start(Optional.empty(), Optional.of(Instant.parse(asOf)), ScenarioFiles.shipped(), ports);
    }

    private String url(Party p, String path) {
        return demo.node(p).url().resolve(path).toString();
    }

    /** A fresh browser session signed in as {@code user}, in {@code locale}, on the warnings page. */
    private Page warningsPage(Party party, String user, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 1000));
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(url(party, "/ui/login"));
        page.getByLabel(Pattern.compile("Username|사용자|ユーザー")).fill(user);
        page.locator("#password").fill("demo");
        page.locator("form.card button[type=submit]").click();
        page.waitForURL("**/ui");
        page.navigate(url(party, "/ui/warnings"));
        // A mark the page keeps until it is reloaded: everything after the replay starts must happen without one.
        page.evaluate("() => { window.notReloaded = true; }");
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Every text the map draws (sea and land names, legend, T+ marks), apart from its title and description. */
    private static String mapTexts(Page page) {
        return (String) page.evaluate("() => Array.from(document.querySelectorAll('" + MAP + " text'))"
                + ".map(t => t.textContent).join('|')");
    }

    private static String desc(Page page) {
        return page.locator(MAP + " > desc").textContent();
    }

    private static Locator track(Page page, String trackPrefix) {
        return page.locator(MAP + " g.trisec-warning[data-party=KOR][data-track^=" + trackPrefix + "]");
    }

    private static Locator row(Page page, String trackPrefix) {
        return page.locator("[data-testid=warnings] tr[data-warning^='KOR/" + trackPrefix + "']");
    }

    private static void waitForTrack(Page page, String trackPrefix) {
        track(page, trackPrefix).locator("path.trisec-track")
                .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
    }

    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
    }

    private static void assertEmptyMap(Page page, String noWarning) {
        assertThat(page.locator(MAP + " g.trisec-warning").count()).isZero();
        assertThat(page.locator("[data-testid=warnings]").count()).isZero();
        assertThat(page.locator("p.empty").innerText()).isEqualTo(noWarning);
    }

    private static String bannerTop(Page page) {
        return page.locator("[data-testid=banner-top]").innerText().replaceAll("\\s+", " ").strip();
    }

    /** The cells of a warning's row: track, marking, detected, status, impact, overflies, within 200 NM, acks. */
    private static List<String> cells(Page page, String trackPrefix) {
        return row(page, trackPrefix).locator("td").allInnerTexts().stream().map(String::strip).toList();
    }

    @Test
    @Order(1)
    void in2024TheReplayReachesTheThreeMapsLiveInTheirLanguagesIsAcknowledgedAndLeavesNoTraceForAGuest()
            throws Exception {
        startDemo("2024-10-31T00:00:00Z");
        Page kor = warningsPage(KOR, "kor.analyst", "ko-KR");
        Page jpn = warningsPage(JPN, "jpn.analyst", "ja-JP");
        Page usa = warningsPage(USA, "usa.analyst", "en-US");
        // Before the replay: the region's map, in each node's language, with the sea named as each writes it.
        for (var c : List.of(List.of(kor, "ko", "동해", "미사일 경보 지도", "열람할 수 있는 경보가 없습니다."),
                List.of(jpn, "ja", "日本海", "ミサイル警報地図", "閲覧できる警報はありません。"),
                List.of(usa, "en", "East Sea / Sea of Japan", "Missile warning map", "No warning you may read."))) {
            Page p = (Page) c.get(0);
            assertThat(p.locator("html").getAttribute("lang")).isEqualTo(c.get(1));
            assertThat(p.locator(MAP).getAttribute("lang")).isEqualTo(c.get(1));
            assertThat(p.locator(MAP + " > title").textContent()).isEqualTo(c.get(3));
            assertThat(mapTexts(p)).contains((String) c.get(2));
            assertEmptyMap(p, (String) c.get(4));
        }
        assertThat(mapTexts(kor)).doesNotContain("日本海").doesNotContain("Sea of Japan");
        assertThat(mapTexts(jpn)).doesNotContain("동해").doesNotContain("East Sea");

        // One page in all three languages through the switch: the map's sea name and language follow it.
        Page officer = warningsPage(JPN, "jpn.officer", "ko-KR");
        assertThat(mapTexts(officer)).contains("동해");
        for (var c : List.of(List.of("en", "East Sea / Sea of Japan"), List.of("ja", "日本海"))) {
            officer.locator("#lang").selectOption(c.get(0));
            officer.waitForFunction("l => document.documentElement.lang === l", c.get(0));
            assertThat(officer.locator(MAP).getAttribute("lang")).isEqualTo(c.get(0));
            assertThat(mapTexts(officer)).contains(c.get(1));
        }
        officer.evaluate("() => { window.notReloaded = true; }");

        // A Japanese guest (no clearance, no need-to-know) on the same page, and every fragment it fetches.
        Page guest = warningsPage(JPN, "jpn.guest", "ja-JP");
        List<Response> guestFragments = new CopyOnWriteArrayList<>();
        guest.onResponse(r -> {
            if (r.url().contains("/ui/warnings/fragment")) {
                guestFragments.add(r);
            }
        });
        // The pages subscribe to server-sent events; give them a moment to connect before the warning arrives.
        kor.waitForTimeout(700);

        // What `trisec warn replay 2024-10-31` runs, at 300 times the flight's pace: opened at once, refined after
        // some 9 s and closed after some 17 s of the 86-minute flight, long enough to see the open warning's alerts.
        CompletableFuture<Cli> replay = CompletableFuture.supplyAsync(() -> Cli.run("warn", "replay", "2024-10-31",
                "--url", url(KOR, "/").replaceAll("/$", ""), "--speed", "300"));
        String tn = "R20241031-";
        for (var c : List.of(List.of(kor, "상공 통과: 북한;", "일본", "추적 중", "동해"),
                List.of(jpn, "上空通過：北朝鮮。", "日本", "追尾中", "日本海"),
                List.of(usa, "overflies North Korea;", "Japan", "tracking", "East Sea / Sea of Japan"))) {
            Page p = (Page) c.get(0);
            waitForTrack(p, tn);
            assertNotReloaded(p);
            // The track, its launch point, impact and ellipse, in KOR's colour; the sea still named in the page's
            // language; the description says what it overflies: North Korea only, not Japan.
            var g = track(p, tn);
            assertThat(g.locator("path.trisec-track").getAttribute("stroke")).isEqualTo("#0072B2");
            assertThat(g.locator("path.trisec-launch").count()).isEqualTo(1);
            assertThat(g.locator("path.trisec-ellipse").count()).isEqualTo(1);
            assertThat(mapTexts(p)).contains((String) c.get(4)).contains((String) c.get(3)).contains("Hwasong-19");
            assertThat(desc(p)).contains("R20241031-").contains((String) c.get(1));
            // The table: overflies North Korea only; within 200 NM of Japan's coast (the modelled stand-in).
            List<String> cells = cells(p, tn);
            assertThat(cells.get(5)).doesNotContain((String) c.get(2));
            assertThat(cells.get(6)).contains((String) c.get(2));
            assertThat(bannerTop(p)).startsWith("SECRET");
        }
        shot(kor, "warn-01-kor-ko-2024-live");
        shot(jpn, "warn-02-jpn-ja-2024-live");
        shot(usa, "warn-03-usa-en-2024-live");

        // Every other page of those who may read it alerts to the open warning and is marked at least as it.
        for (var c : List.of(List.of(kor, KOR), List.of(jpn, JPN), List.of(usa, USA))) {
            Page other = ((Page) c.get(0)).context().newPage();
            other.navigate(url((Party) c.get(1), "/ui/me"));
            assertThat(other.locator("[data-testid=warning-alert]").innerText()).contains("Missile warning R20241031-");
            assertThat(bannerTop(other)).startsWith("SECRET");
            other.close();
        }

        // The Japanese watch officer acknowledges it with the page's button; Korea's page shows who, and when.
        waitForTrack(officer, tn);
        assertNotReloaded(officer);
        assertThat(row(jpn, tn).locator("button").innerText()).isEqualTo("受領を確認");
        row(officer, tn).locator("button").click();
        row(officer, tn).locator("[data-testid=acknowledgements] .ack")
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        assertThat(row(officer, tn).locator("[data-testid=acknowledgements]").innerText()).contains("日本")
                .contains("2024");
        assertThat(row(officer, tn).locator("button").count()).isZero();
        var korAck = row(kor, tn).locator("[data-testid=acknowledgements] .ack");
        korAck.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertNotReloaded(kor);
        assertThat(korAck.innerText()).startsWith("일본 ").contains("2024").endsWith("UTC");
        assertThat(row(kor, tn).locator("button").count()).as("the originator is not offered to acknowledge").isZero();
        shot(kor, "warn-04-kor-sees-jpn-acknowledgement");

        // The guest saw nothing of it: not on the page, not in what the page fetched as it arrived, not in an alert.
        assertNotReloaded(guest);
        assertEmptyMap(guest, "閲覧できる警報はありません。");
        assertThat(guestFragments).as("the guest's page refreshed as the warning arrived at JPN").isNotEmpty();
        for (Response r : guestFragments) {
            assertThat(r.text()).doesNotContain("R20241031").doesNotContain("trisec-warning")
                    .doesNotContain("data-warning").doesNotContain("warning-alert").doesNotContain("極秘")
                    .contains("閲覧できる警報はありません。");
        }
        assertThat(guest.locator("[data-testid=warning-alert]").count()).isZero();
        assertThat(guest.content()).doesNotContain("R20241031").doesNotContain("Hwasong");
        guest.navigate(url(JPN, "/ui"));
        assertThat(guest.locator("[data-testid=warning-alert]").count()).isZero();
        assertThat(bannerTop(guest)).startsWith("UNCLASSIFIED");
        shot(guest, "warn-05-jpn-guest-no-trace");
        guest.navigate(url(JPN, "/ui/warnings"));
        guestFragments.clear();

        // The replay ends with the splashdown, which each map shows as it comes, still without a reload.
        Cli done = replay.get(90, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.err()).isZero();
        assertThat(done.out()).contains("opened").contains("refined").contains("closed");
        for (var c : List.of(List.of(kor, "낙하"), List.of(jpn, "落下"), List.of(usa, "splashdown"))) {
            Page p = (Page) c.get(0);
            track(p, tn).locator("path.trisec-splashdown").waitFor(new Locator.WaitForOptions().setTimeout(20_000));
            assertNotReloaded(p);
            assertThat(mapTexts(p)).contains((String) c.get(1));
        }
        Page after = usa.context().newPage();
        after.navigate(url(USA, "/ui/me"));
        assertThat(after.locator("[data-testid=warning-alert]").count()).as("a closed warning no longer alerts").isZero();

        // A launch that did fly over Japan (2022-10-04, over Aomori) is flagged so on every map and in every table,
        // beside the 2024 one, which is not.
        var overJapan = Cli.run("warn", "replay", "2022-10-04", "--url", url(KOR, "/").replaceAll("/$", ""),
                "--speed", "1000000", "--at-node-date");
        assertThat(overJapan.status()).as(overJapan.err()).isZero();
        for (var c : List.of(List.of(kor, "상공 통과: 일본, 북한;", "일본"), List.of(jpn, "上空通過：日本、北朝鮮。", "日本"),
                List.of(usa, "overflies Japan, North Korea;", "Japan"))) {
            Page p = (Page) c.get(0);
            waitForTrack(p, "R20221004-");
            assertNotReloaded(p);
            assertThat(p.locator(MAP + " g.trisec-warning").count()).isEqualTo(2);
            assertThat(desc(p)).contains((String) c.get(1));
            assertThat(cells(p, "R20221004-").get(5)).contains((String) c.get(2));
            assertThat(cells(p, tn).get(5)).doesNotContain((String) c.get(2));
        }
        shot(jpn, "warn-06-jpn-ja-2024-and-2022");
        assertEmptyMap(guest, "閲覧できる警報はありません。");
        assertThat(guestFragments).isNotEmpty();
        for (Response r : guestFragments) {
            assertThat(r.text()).doesNotContain("R2022").doesNotContain("R2024").doesNotContain("trisec-warning");
        }
    }

    @Test
    @Order(2)
    void in2017TheReplayReachesJapanOnlyAfterASecondPersonApprovesARelease() throws Exception {
        startDemo("2017-11-29T00:00:00Z");
        Page kor = warningsPage(KOR, "kor.analyst", "ko-KR");
        Page jpn = warningsPage(JPN, "jpn.analyst", "ja-JP");
        Page usa = warningsPage(USA, "usa.analyst", "en-US");
        kor.waitForTimeout(700);

        var run = Cli.run("warn", "replay", "2017-11-29", "--url", url(KOR, "/").replaceAll("/$", ""), "--speed",
                "1000000", "--json").ok();
        String tn = run.json().get("track").asText();
        waitForTrack(kor, tn);
        assertNotReloaded(kor);
        assertThat(desc(kor)).contains("Hwasong-15").contains("상공 통과: 북한;");
        assertThat(cells(kor, tn).get(5)).doesNotContain("일본");
        assertThat(cells(kor, tn).get(6)).contains("일본");

        // The mechanism is not in force in 2017, so the standing authority under it releases nothing: neither
        // Japan nor the United States has it.
        jpn.waitForTimeout(2_000);
        assertEmptyMap(jpn, "閲覧できる警報はありません。");
        assertEmptyMap(usa, "No warning you may read.");

        // A Korean officer asks for a release of its latest version to Japan and sees the decision first.
        Page officer = warningsPage(KOR, "kor.officer", "en-US");
        String item = row(officer, tn).locator("a").getAttribute("href");
        officer.navigate(url(KOR, item + "/release"));
        officer.locator("#to").selectOption("JPN");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the decision")).click();
        assertThat(officer.locator("[data-testid=verdict]").innerText()).isEqualTo("Permitted");
        assertThat(officer.locator("[data-testid=route]").innerText()).isEqualTo("KOR → JPN");
        assertThat(officer.locator("[data-testid=basis]").innerText()).isEqualTo("kor-jpn-gsomia-2016");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request this release")).click();
        officer.waitForURL("**/ui?done=*");
        assertThat(officer.locator("[data-testid=outbox]").innerText()).contains("awaiting approval");
        // Nobody approves their own release.
        assertThat(officer.locator("[data-testid=approvals] button").count()).isZero();
        jpn.waitForTimeout(1_000);
        assertEmptyMap(jpn, "閲覧できる警報はありません。");

        // A second person approves it; it appears on Japan's map as it arrives.
        Page disclosure = warningsPage(KOR, "kor.disclosure", "en-US");
        disclosure.navigate(url(KOR, "/ui"));
        assertThat(disclosure.locator("[data-testid=approvals]").innerText()).contains("JPN").contains("kor.officer");
        disclosure.locator("[data-testid=approvals] button").first().click();
        disclosure.waitForURL("**/ui?done=*");

        waitForTrack(jpn, tn);
        assertNotReloaded(jpn);
        assertThat(mapTexts(jpn)).contains("日本海").contains("落下");
        assertThat(desc(jpn)).contains(tn).contains("上空通過：北朝鮮。");
        assertThat(cells(jpn, tn).get(5)).doesNotContain("日本");
        assertThat(cells(jpn, tn).get(6)).contains("日本");
        shot(jpn, "warn-07-jpn-ja-2017-after-approval");
        // Released to Japan only: the United States still has nothing.
        assertEmptyMap(usa, "No warning you may read.");
    }
}
