package trisec.node.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import trisec.node.demo.Demo;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * What the browser tests share: what {@code trisec demo} runs (three nodes in this JVM on free ports, with the demo
 * persons), and Debian's headless Chromium driven by Playwright. Without Chromium the tests are skipped, saying so,
 * unless {@code TRISEC_REQUIRE_BROWSER} is set (as CI sets it), where its absence fails them.
 */
final class DemoBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Party KOR = Party.of("KOR");
    static final Party JPN = Party.of("JPN");
    static final Party USA = Party.of("USA");

    private final Demo demo;
    private final Playwright playwright;
    private final Browser browser;

    private DemoBrowser(Demo demo, Playwright playwright, Browser browser) {
        this.demo = demo;
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The demo with its clock from {@code asOf} (the real clock when empty), and a browser; or the test skipped. */
    static DemoBrowser start(Optional<Instant> asOf) throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("TRISEC_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("TRISEC_REQUIRE_BROWSER is set but there is no Chromium at " + CHROMIUM);
            }
            System.out.println("Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        Files.createDirectories(SHOTS);
        Demo demo = Demo.start(Optional.empty(), asOf, ScenarioFiles.shipped(), freePorts());
        try {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            return new DemoBrowser(demo, playwright, browser);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private static Map<Party, Integer> freePorts() throws IOException {
        var ports = new LinkedHashMap<Party, Integer>();
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (Party p : List.of(KOR, JPN, USA)) {
                var socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(p, socket.getLocalPort());
            }
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }

    Demo demo() {
        return demo;
    }

    String url(Party p, String path) {
        return demo.node(p).url().resolve(path).toString();
    }

    /** A fresh browser session signed in as {@code user} at {@code party}'s node, in {@code locale}. */
    Page signIn(Party party, String user, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 900));
        Page page = context.newPage();
        page.navigate(url(party, "/ui/login"));
        page.getByLabel(Pattern.compile("Username|사용자|ユーザー")).fill(user);
        page.locator("#password").fill("demo");
        page.locator("form.card button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/ui(/meetings)?$"));
        return page;
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static String bannerTop(Page page) {
        return page.locator("[data-testid=banner-top]").innerText().replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        demo.close();
    }
}
