package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import trisec.party.Party;

/**
 * The web pages in a real browser (Debian's headless Chromium, driven by Playwright) against what {@code trisec
 * demo} runs, in this JVM (three nodes on free ports, witnessing each other, with the demo persons): a Korean officer composes a 군사Ⅱ급비밀 item, sees the decision before
 * releasing it to Japan, a Korean disclosure official approves it, it appears in a Japanese analyst's inbox
 * without reloading, a Japanese guest is refused with the reasons, the languages switch, and the agreements
 * timeline shows the 2019 notice, and the dashboard names the partners that cosigned the log. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserFlowTest {
    static final String TITLE = "Launch assessment, browser test";

    private DemoBrowser demo;
    private String itemUrl;

    @BeforeAll
    void start() throws Exception {
        demo = DemoBrowser.start(Optional.empty());
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private String url(Party p, String path) {
        return demo.url(p, path);
    }

    private Page signIn(Party party, String user, String locale) {
        return demo.signIn(party, user, locale);
    }

    private static void shot(Page page, String name) {
        DemoBrowser.shot(page, name);
    }

    private static String bannerTop(Page page) {
        return DemoBrowser.bannerTop(page);
    }

    @Test
    @Order(1)
    void anOfficerComposesAnItemWithALiveBannerAndSeesTheDecisionBeforeReleasing() {
        Page page = signIn(KOR, "kor.officer", "en-US");
        assertThat(bannerTop(page)).startsWith("UNCLASSIFIED");
        shot(page, "01-kor-officer-dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New item")).click();
        page.locator("#title").fill(TITLE);
        page.locator("#level").selectOption("군사Ⅱ급비밀");
        page.locator("#topic").fill("dprk.missile");
        page.locator("input[name=relTo][value=JPN]").check();
        page.locator("input[name=relTo][value=USA]").check();
        page.waitForFunction("() => document.getElementById('preview').textContent.startsWith('SECRET//REL TO USA, JPN, KOR')");
        assertThat(page.locator("[data-testid=preview]").getAttribute("class")).contains("banner-s");
        page.locator("#body").fill("Observed launch, trajectory and impact estimate.");
        shot(page, "02-compose-with-banner-preview");
        page.locator("#compose button[type=submit]").click();
        page.waitForURL("**/ui/items/*");
        itemUrl = page.url().substring(page.url().indexOf("/ui/items/"));
        assertThat(bannerTop(page)).isEqualTo("SECRET//REL TO USA, JPN, KOR 군사Ⅱ급비밀");
        assertThat(page.locator("[data-testid=banner-bottom]").innerText()).contains("SECRET");

        page.locator("#to").selectOption("JPN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the decision")).click();
        assertThat(page.locator("[data-testid=verdict]").innerText()).isEqualTo("Permitted");
        assertThat(page.locator("[data-testid=route]").innerText()).isEqualTo("KOR → JPN");
        assertThat(page.locator("[data-testid=basis]").innerText()).isEqualTo("kor-jpn-gsomia-2016");
        assertThat(page.locator("[data-testid=recipient-level]").innerText()).isEqualTo("極秘");
        assertThat(page.locator("[data-testid=decision] .reasons li").first().innerText()).contains("kor-jpn-gsomia-2016");
        shot(page, "03-decision-before-release");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request this release")).click();
        page.waitForURL("**/ui?done=*");
        assertThat(page.locator("[data-testid=outbox]").innerText()).contains("awaiting approval");
        page.context().close();
    }

    @Test
    @Order(2)
    void anApprovalAtKoreaAppearsInTheAnalystsInboxAtJapanWithoutReloading() {
        Page analyst = signIn(JPN, "jpn.analyst", "en-US");
        assertThat(analyst.locator("[data-testid=inbox]").innerText()).doesNotContain(TITLE);
        assertThat(bannerTop(analyst)).startsWith("UNCLASSIFIED");
        // The page subscribes to server-sent events; give it a moment to connect before the delivery happens.
        analyst.waitForTimeout(500);

        Page disclosure = signIn(KOR, "kor.disclosure", "en-US");
        assertThat(disclosure.locator("[data-testid=approvals]").innerText()).contains("JPN").contains("kor.officer");
        shot(disclosure, "04-kor-disclosure-approvals");
        disclosure.locator("[data-testid=approvals] button").first().click();
        disclosure.waitForURL("**/ui?done=*");

        analyst.locator("[data-testid=inbox] a", new Page.LocatorOptions().setHasText(TITLE))
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(20_000));
        assertThat(analyst.url()).endsWith("/ui");
        // The page's banners rose with what it now shows, top and bottom, still without a reload.
        assertThat(bannerTop(analyst)).isEqualTo("SECRET//REL TO USA, JPN, KOR 極秘");
        assertThat(analyst.locator("[data-testid=banner-bottom]").getAttribute("class")).contains("banner-s");
        shot(analyst, "05-jpn-analyst-inbox-live");
        analyst.locator("[data-testid=inbox] a", new Page.LocatorOptions().setHasText(TITLE)).click();
        assertThat(bannerTop(analyst)).isEqualTo("SECRET//REL TO USA, JPN, KOR 極秘");
        assertThat(analyst.locator("dl.fields").innerText()).contains("極秘 (KOR)");
        shot(analyst, "06-jpn-analyst-reads-item");

        // The history's inclusion check runs in the browser: it passes for the log's own proof once the entry is in
        // a signed checkpoint (the integrator signs one each round), and fails for a proof whose root was altered.
        var check = analyst.locator("button[data-proof]").first();
        var result = analyst.locator(".proof-result").first();
        String ok = "";
        for (int i = 0; i < 40 && !ok.contains("included"); i++) {
            result.evaluate("e => e.textContent = ''");
            check.click();
            analyst.waitForFunction("e => e.textContent.length > 0", result.elementHandle());
            ok = result.innerText();
            if (!ok.contains("included")) {
                analyst.waitForTimeout(250);
            }
        }
        assertThat(ok).contains("is included in the checkpoint");
        analyst.route("**/proof?**", route -> {
            var real = route.fetch();
            try {
                var proof = (com.fasterxml.jackson.databind.node.ObjectNode) trisec.node.base.Json.MAPPER.readTree(real.text());
                byte[] root = java.util.Base64.getDecoder().decode(proof.get("root").asText());
                root[0] ^= 1;
                proof.put("root", java.util.Base64.getEncoder().encodeToString(root));
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setResponse(real)
                        .setBody(proof.toString()));
            } catch (java.io.IOException e) {
                route.abort();
            }
        });
        result.evaluate("e => e.textContent = ''");
        check.click();
        analyst.waitForFunction("e => e.textContent.length > 0", result.elementHandle());
        assertThat(result.innerText()).contains("does not match");
        analyst.context().close();
        disclosure.context().close();
    }

    @Test
    @Order(3)
    void aGuestIsRefusedWithTheReasonsInTheirLanguageAndNeverSeesTheContent() {
        Page guest = signIn(JPN, "jpn.guest", "ja-JP");
        var response = guest.navigate(url(JPN, itemUrl));
        assertThat(response.status()).isEqualTo(403);
        String reasons = guest.locator("[data-testid=reasons]").innerText();
        assertThat(reasons).contains("秘").contains("極秘").containsPattern("[ぁ-んァ-ン]");
        assertThat(guest.content()).doesNotContain("Observed launch").doesNotContain(TITLE);
        shot(guest, "07-jpn-guest-refused-ja");
        guest.context().close();
    }

    @Test
    @Order(4)
    void theLanguageFollowsTheBrowserAndCanBeSwitched() {
        Page page = signIn(JPN, "jpn.analyst", "ko-KR");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ko");
        assertThat(page.locator("h1").innerText()).containsPattern("[가-힣]");
        shot(page, "08-dashboard-ko");
        page.locator("#lang").selectOption("ja");
        page.waitForFunction("() => document.documentElement.lang === 'ja'");
        assertThat(page.locator("h1").innerText()).containsPattern("[ぁ-んァ-ン一-龯]");
        shot(page, "09-dashboard-ja");
        page.locator("#lang").selectOption("en");
        page.waitForFunction("() => document.documentElement.lang === 'en'");
        assertThat(page.locator("h1").innerText()).isEqualTo("Dashboard");
        page.context().close();
    }

    @Test
    @Order(5)
    void theAgreementsTimelineShowsThe2019NoticeAndItsSuspension() {
        Page page = signIn(KOR, "kor.analyst", "en-US");
        page.navigate(url(KOR, "/ui/agreements?at=2019-09-01"));
        var row = page.locator("[data-testid=agreement-status] tr[data-agreement=kor-jpn-gsomia-2016]");
        assertThat(row.innerText()).contains("termination effective");
        var gsomia = page.locator("svg[data-testid=timeline] g.row[data-agreement=kor-jpn-gsomia-2016]");
        assertThat(gsomia.locator("[data-event=ev-notice]").count()).isGreaterThanOrEqualTo(1);
        assertThat(gsomia.locator("[data-event=ev-suspended]").count()).isGreaterThanOrEqualTo(1);
        assertThat(gsomia.last().locator("[data-event=ev-notice] title").textContent()).contains("2019");
        shot(page, "10-agreements-timeline-2019");

        // The dashboard names the partners that cosigned this node's latest checkpoint (they witness every second).
        String log = "";
        for (int i = 0; i < 40 && !(log.contains("Japan") && log.contains("United States")); i++) {
            page.navigate(url(KOR, "/ui"));
            log = page.locator("[data-testid=log]").innerText();
            if (!(log.contains("Japan") && log.contains("United States"))) {
                page.waitForTimeout(250);
            }
        }
        assertThat(log).contains("Japan").contains("United States");
        page.context().close();
    }
}
