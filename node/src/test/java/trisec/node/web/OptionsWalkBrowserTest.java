package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.web.DemoBrowser.JPN;
import static trisec.node.web.DemoBrowser.KOR;
import static trisec.node.web.DemoBrowser.bannerTop;
import static trisec.node.web.DemoBrowser.shot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Options analysis as a newcomer walks it on what {@code trisec demo} runs, in a real browser (docs/OPTIONS.md):
 * Korea's officer writes "KOR gives notice on 2026-03-01" and "TISA widened to all dprk and china topics" into the
 * form on the options page and saves each under a label, and saves the two one-click examples too; the notice's page
 * shows nothing changed while its term runs (the GSOMIA dashed in the graph, its notice pending) and, from the day the
 * term ends, Korea and Japan reaching each other on {@code dprk.missile} and {@code dprk.nuclear} only through the
 * U.S. hub and on every other topic not at all; the widening changes no cell while the GSOMIA stands; side by side,
 * the notice loses or reroutes what the widening keeps on the same route, and the two applied one after the other
 * show the hub then carrying {@code china} and {@code dprk}; the examples give what the form gave. A guest finds no
 * trace of the options, a track 1.5 participant has no options page, and the options stay on Korea's node. Pages only: no API call drives the walk. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptionsWalkBrowserTest {
    static final String NOTICE_NAME = "KOR gives notice on 2026-03-01";
    static final String WIDENED_NAME = "TISA widened to all dprk and china topics";
    static final String GSOMIA = "kor-jpn-gsomia-2016";
    /** What a newcomer writes, by the format of docs/OPTIONS.md: no comments, no notes, unlike the shipped files. */
    static final String NOTICE = """
            name: KOR gives notice on 2026-03-01
            description: Korea gives written notice of termination of the Korea–Japan GSOMIA on 2026-03-01.
            changes:
              - change: event
                agreement: kor-jpn-gsomia-2016
                type: TERMINATION_NOTICE
                date: 2026-03-01
                by: KOR
            """;
    static final String WIDENED = """
            name: TISA widened to all dprk and china topics
            description: The U.S. hub forwards every North Korea and every China topic from 2026-04-01.
            changes:
              - change: scope
                agreement: tisa-2014
                from: 2026-04-01
                topics: [dprk, china]
            """;
    /** The levels the Korea–Japan GSOMIA covers (Art. 4), on each side. */
    static final Map<String, List<String>> GSOMIA_LEVELS = Map.of("KOR-JPN", List.of("군사Ⅱ급비밀", "군사Ⅲ급비밀"),
            "JPN-KOR", List.of("極秘", "特定秘密", "秘"));
    /** What TISA carries as the scenario has it. */
    static final List<String> TISA_TOPICS = List.of("dprk.missile", "dprk.nuclear");

    private DemoBrowser demo;
    private String notice;
    private String widened;
    private String exampleNotice;
    private String exampleWidened;

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

    private static String idOf(Page page) {
        String path = URI.create(page.url()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Opens the options page from the navigation, as a newcomer finds it. */
    private void openOptions(Page page) {
        page.navigate(demo.url(KOR, "/ui"));
        page.locator("nav a[href='/ui/options']").click();
        page.waitForURL("**/ui/options");
    }

    /** Saves what the form holds under the label given, and returns the new option's id. */
    private static String save(Page page, String level, String topic) {
        page.locator("#level").selectOption(level);
        page.locator("#topic").fill(topic);
        page.locator("[data-testid=option-save]").click();
        page.waitForURL("**/ui/options/*");
        return idOf(page);
    }

    /** Shows the option's picture on {@code date} with the date form of its page. */
    private static void showOn(Page page, String date) {
        page.locator("#at").fill(date);
        page.locator("form:has(#at) button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*\\?at=" + date + "$"));
    }

    /** The matrix of one ordered pair as the page draws it: topic → level → the cell. */
    private static Map<String, Map<String, Locator>> matrix(Page page, String pair) {
        Locator table = page.locator("table.matrix[data-pair='" + pair + "']");
        List<String> levels = table.locator("thead th").allInnerTexts().stream().skip(1).map(String::strip).toList();
        var out = new LinkedHashMap<String, Map<String, Locator>>();
        Locator rows = table.locator("tbody tr");
        for (int i = 0; i < rows.count(); i++) {
            Locator row = rows.nth(i);
            var cells = new LinkedHashMap<String, Locator>();
            for (int j = 0; j < levels.size(); j++) {
                cells.put(levels.get(j), row.locator("td").nth(j));
            }
            out.put(row.getAttribute("data-topic"), cells);
        }
        return out;
    }

    private static Locator graph(Page page, String name) {
        Locator figure = page.locator("figure[data-testid=option-graph][data-name='" + name + "']");
        assertThat(figure.count()).as("a graph named " + name).isEqualTo(1);
        assertThat(figure.locator("svg.option-graph").count()).isEqualTo(1);
        return figure;
    }

    @Test
    @Order(1)
    void theOfficerWritesBothOptionsIntoTheFormAndSavesEachUnderALabel() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        assertThat(page.locator("[data-testid=option-save]").count()).isEqualTo(1);
        page.locator("#yaml").fill(NOTICE);
        notice = save(page, "군사Ⅱ급비밀", "dprk");
        assertThat(page.locator("h1").innerText()).isEqualTo(NOTICE_NAME);
        assertThat(page.locator("[data-testid=option-changes]").innerText()).contains(GSOMIA)
                .contains("2026-03-01");
        assertThat(page.locator("[data-testid=option-banner]").innerText()).startsWith("SECRET");
        assertThat(bannerTop(page)).startsWith("SECRET");
        shot(page, "options-walk-01-notice-saved");

        openOptions(page);
        page.locator("#yaml").fill(WIDENED);
        widened = save(page, "군사Ⅲ급비밀", "dprk");
        assertThat(page.locator("h1").innerText()).isEqualTo(WIDENED_NAME);
        assertThat(bannerTop(page)).startsWith("CONFIDENTIAL");

        // Both are listed, each marked as its label, and the list page as the higher of the two.
        openOptions(page);
        assertThat(page.locator("tr[data-option='" + notice + "'] .chip").innerText()).startsWith("SECRET");
        assertThat(page.locator("tr[data-option='" + widened + "'] .chip").innerText()).startsWith("CONFIDENTIAL");
        assertThat(bannerTop(page)).startsWith("SECRET");
        assertThat(page.locator("[data-testid=banner-bottom]").count()).isEqualTo(1);
        page.context().close();
    }

    @Test
    @Order(2)
    void theOneClickExamplesFillTheFormWithTheShippedFiles() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        page.locator("[data-testid=option-examples] a[data-example=kor-notice-2026]").click();
        page.waitForURL("**/ui/options?example=kor-notice-2026*");
        assertThat(page.locator("#yaml").inputValue()).contains("name: " + NOTICE_NAME)
                .contains("agreement: " + GSOMIA).contains("date: 2026-03-01");
        exampleNotice = save(page, "군사Ⅱ급비밀", "dprk");
        openOptions(page);
        page.locator("[data-testid=option-examples] a[data-example=tisa-widened]").click();
        page.waitForURL("**/ui/options?example=tisa-widened*");
        assertThat(page.locator("#yaml").inputValue()).contains("name: " + WIDENED_NAME)
                .contains("agreement: tisa-2014");
        exampleWidened = save(page, "군사Ⅲ급비밀", "dprk");
        assertThat(List.of(exampleNotice, exampleWidened)).doesNotContain(notice, widened);
        page.context().close();
    }

    @Test
    @Order(3)
    void whileTheTermRunsNothingChangesAndTheGraphDrawsTheGsomiaDashed() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        page.locator("tr[data-option='" + notice + "'] a[href='/ui/options/" + notice + "']").click();
        page.waitForURL("**/ui/options/" + notice);
        showOn(page, "2026-06-01");
        assertThat(bannerTop(page)).startsWith("SECRET");
        assertThat(page.locator("table.matrix").count()).isEqualTo(6);
        for (String changed : page.locator("table.matrix").all().stream().map(t -> t.getAttribute("data-changed"))
                .toList()) {
            assertThat(changed).isEqualTo("0");
        }
        assertThat(page.locator("td.reach.changed").count()).isZero();
        // Korea and Japan still reach each other directly, under the GSOMIA, at the levels it covers.
        var korJpn = matrix(page, "KOR-JPN");
        for (String topic : List.of("dprk", "dprk.missile", "dprk.nuclear", "other")) {
            for (String level : GSOMIA_LEVELS.get("KOR-JPN")) {
                Locator cell = korJpn.get(topic).get(level);
                assertThat(cell.getAttribute("data-reach")).as(topic + " " + level).isEqualTo("DIRECT");
                assertThat(cell.innerText().strip()).isEqualTo("direct");
            }
        }
        // In the graph with the option the GSOMIA is dashed: its notice is pending. As things stand it is not.
        Locator gsomia = graph(page, NOTICE_NAME).locator("g.edge[data-agreement='" + GSOMIA + "']");
        assertThat(gsomia.getAttribute("data-status")).isEqualTo("IN_FORCE_TERMINATION_PENDING");
        assertThat(gsomia.getAttribute("data-dashed")).isEqualTo("true");
        assertThat(gsomia.locator("line").getAttribute("stroke-dasharray")).isNotBlank();
        Locator real = graph(page, "real").locator("g.edge[data-agreement='" + GSOMIA + "']");
        assertThat(real.getAttribute("data-dashed")).isEqualTo("false");
        assertThat(real.locator("line").getAttribute("stroke-dasharray")).isNull();
        shot(page, "options-walk-02-notice-june");
        page.context().close();
    }

    @Test
    @Order(4)
    void onceTheTermEndsKoreaAndJapanHaveTheHubOnDprkThreatsAndNothingElse() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        page.navigate(demo.url(KOR, "/ui/options/" + notice));
        // The page says when the option changes something: the day the term ends (Art. 21: 90 days' notice).
        Locator turn = page.locator("[data-testid=option-turns] li[data-from='2026-11-23'] a");
        assertThat(turn.count()).isEqualTo(1);
        turn.click();
        page.waitForURL("**/ui/options/" + notice + "?at=2026-11-23");
        assertThat(page.locator("#at").inputValue()).isEqualTo("2026-11-23");

        for (String pair : List.of("KOR-JPN", "JPN-KOR")) {
            var m = matrix(page, pair);
            assertThat(m).containsKeys("dprk", "dprk.missile", "dprk.missile.warning", "dprk.nuclear", "other");
            int changed = 0;
            for (var row : m.entrySet()) {
                String topic = row.getKey();
                boolean threat = TISA_TOPICS.stream().anyMatch(t -> topic.equals(t) || topic.startsWith(t + "."));
                for (var c : row.getValue().entrySet()) {
                    Locator cell = c.getValue();
                    String was = cell.getAttribute("data-before");
                    String now = cell.getAttribute("data-reach");
                    String what = pair + " " + topic + " " + c.getKey();
                    if (GSOMIA_LEVELS.get(pair).contains(c.getKey())) {
                        // What the GSOMIA carried goes through the hub on the threats TISA covers, else nowhere.
                        assertThat(now).as(what).isEqualTo(threat ? "VIA_HUB" : "NONE");
                        assertThat(cell.innerText().strip()).as(what).endsWith(threat ? "via the hub" : "none");
                        if ("DIRECT".equals(was)) {
                            changed++;
                            assertThat(cell.getAttribute("class")).as(what).contains("changed");
                            assertThat(cell.locator("s").innerText()).as(what).isEqualTo("direct");
                        }
                    } else {
                        assertThat(now).as(what).isEqualTo(was);
                        assertThat(cell.getAttribute("class")).as(what).doesNotContain("changed");
                    }
                }
            }
            assertThat(page.locator("table.matrix[data-pair='" + pair + "']").getAttribute("data-changed"))
                    .isEqualTo(String.valueOf(changed));
            assertThat(changed).as(pair).isPositive();
        }
        // The warnings went through the U.S. already: unchanged.
        assertThat(matrix(page, "KOR-JPN").get("dprk.missile.warning").get("군사Ⅱ급비밀").getAttribute("class"))
                .doesNotContain("changed");
        // Nothing between either of them and the United States changes.
        for (String pair : List.of("KOR-USA", "USA-KOR", "JPN-USA", "USA-JPN")) {
            assertThat(page.locator("table.matrix[data-pair='" + pair + "']").getAttribute("data-changed")).as(pair)
                    .isEqualTo("0");
        }
        // The tooltip of a rerouted cell names the route through the hub and what it rests on.
        assertThat(matrix(page, "KOR-JPN").get("dprk.missile").get("군사Ⅱ급비밀").getAttribute("title"))
                .startsWith("KOR → USA → JPN").contains("tisa-2014");
        // With the option the GSOMIA is gone from the graph; TISA's routes through the U.S. remain.
        Locator withOption = graph(page, NOTICE_NAME);
        assertThat(withOption.locator("g.edge[data-agreement='" + GSOMIA + "']").count()).isZero();
        assertThat(withOption.locator("g.edge[data-agreement=tisa-2014] polyline.via-hub[data-route='KOR USA JPN']")
                .count()).isEqualTo(1);
        assertThat(graph(page, "real").locator("g.edge[data-agreement='" + GSOMIA + "']").count()).isEqualTo(1);
        assertThat(bannerTop(page)).startsWith("SECRET");
        shot(page, "options-walk-03-notice-after-term");
        page.context().close();
    }

    @Test
    @Order(5)
    void theWideningAloneChangesNoCellWhileTheGsomiaStands() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        page.locator("tr[data-option='" + widened + "'] a").click();
        page.waitForURL("**/ui/options/" + widened);
        showOn(page, "2026-12-01");
        assertThat(bannerTop(page)).startsWith("CONFIDENTIAL");
        assertThat(page.locator("td.reach.changed").count()).isZero();
        // china is a row now, and Korea and Japan reach each other on it directly.
        assertThat(matrix(page, "KOR-JPN").get("china").get("군사Ⅱ급비밀").getAttribute("data-reach"))
                .isEqualTo("DIRECT");
        // The graph writes what TISA then covers.
        assertThat(graph(page, WIDENED_NAME).locator("text.carries").allTextContents())
                .anyMatch(s -> s.startsWith("tisa-2014") && s.contains("dprk, china"));
        assertThat(graph(page, "real").locator("text.carries").allTextContents())
                .anyMatch(s -> s.startsWith("tisa-2014") && s.contains("dprk.nuclear, dprk.missile"));
        shot(page, "options-walk-04-widened");
        page.context().close();
    }

    /** Each option column's fate (kept, rerouted, lost, gained) in a row of the side-by-side table: class, text. */
    private static List<List<String>> fates(Page page, String pair, String topic) {
        Locator cells = page.locator("[data-testid=options-compare] tr[data-pair='" + pair + "'][data-topic='"
                + topic + "'] td");
        var out = new ArrayList<List<String>>();
        for (int i = 2; i < cells.count(); i++) {
            out.add(List.of(cells.nth(i).getAttribute("class"), cells.nth(i).innerText().strip()));
        }
        return out;
    }

    /** The options compared, in the order of the columns. */
    private static List<String> columns(Page page) {
        return page.locator("[data-testid=options-compare] thead th[data-ref]").all().stream()
                .map(h -> h.getAttribute("data-ref")).toList();
    }

    @Test
    @Order(6)
    void sideBySideTheTwoAppliedOneAfterTheOtherShowWhatTheHubThenCarries() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        page.locator("input[name=ids][value='" + notice + "']").check();
        page.locator("input[name=ids][value='" + widened + "']").check();
        page.locator("#cmp-at").fill("2026-12-01");
        page.locator("form[action='/ui/options/compare'] button[type=submit]").click();
        page.waitForURL("**/ui/options/compare?*");
        assertThat(bannerTop(page)).startsWith("SECRET");
        // The columns come in the list's order (the newest option first).
        List<String> refs = columns(page);
        assertThat(refs).containsExactlyInAnyOrder(notice, widened);
        int n = refs.indexOf(notice);
        int w = refs.indexOf(widened);
        // The notice loses dprk and every other topic between Korea and Japan and reroutes the threats through the
        // U.S.; the widening alone keeps everything.
        for (String topic : List.of("dprk", "other", "china")) {
            var f = fates(page, "KOR → JPN", topic);
            assertThat(f.get(n).get(0)).as(topic).isEqualTo("fate-lost");
            assertThat(f.get(w).get(0)).as(topic).isEqualTo("fate-kept");
        }
        for (String topic : TISA_TOPICS) {
            var f = fates(page, "KOR → JPN", topic);
            assertThat(f.get(n).get(0)).as(topic).isEqualTo("fate-rerouted");
            assertThat(f.get(n).get(1)).as(topic).contains("KOR → USA → JPN");
            assertThat(f.get(w).get(0)).as(topic).isEqualTo("fate-kept");
        }
        Locator totals = page.locator("[data-testid=options-totals] td");
        int noticeLost = Integer.parseInt(totals.nth(n).getAttribute("data-lost"));
        assertThat(noticeLost).isPositive();
        assertThat(totals.nth(w).getAttribute("data-lost")).isEqualTo("0");
        assertThat(totals.nth(w).getAttribute("data-rerouted")).isEqualTo("0");
        shot(page, "options-walk-05-compare");

        // The page offers the second applied after the first: both options at once.
        page.locator("[data-testid=option-combine]").click();
        page.waitForURL("**/ui/options/compare?*");
        assertThat(columns(page)).containsExactly(refs.get(0), refs.get(0) + "+" + refs.get(1));
        // Under both, the hub carries china and dprk between Korea and Japan; only the topics outside stay lost.
        for (String topic : List.of("china", "dprk", "dprk.missile", "dprk.nuclear")) {
            var f = fates(page, "KOR → JPN", topic);
            assertThat(f.get(1).get(0)).as(topic).isEqualTo("fate-rerouted");
            assertThat(f.get(1).get(1)).as(topic).contains("KOR → USA → JPN");
        }
        assertThat(fates(page, "KOR → JPN", "other").get(1).get(0)).isEqualTo("fate-lost");
        Locator viaHub = page.locator("[data-testid=options-via-hub] td");
        assertThat(viaHub.nth(1).innerText()).contains("KOR → JPN").contains("china").contains("dprk.nuclear");
        assertThat(viaHub.nth(0).innerText()).doesNotContain("china");
        Locator both = page.locator("[data-testid=options-totals] td");
        assertThat(Integer.parseInt(both.nth(1).getAttribute("data-lost"))).isPositive().isLessThan(noticeLost);
        // Its graph draws TISA through the U.S. covering dprk and china, and no GSOMIA.
        Locator combined = page.locator("figure[data-testid=option-graph]").nth(2);
        assertThat(combined.locator("text.carries").allTextContents())
                .anyMatch(s -> s.startsWith("tisa-2014") && s.contains("dprk, china"));
        assertThat(combined.locator("g.edge[data-agreement='" + GSOMIA + "']").count()).isZero();
        shot(page, "options-walk-06-compare-combined");
        page.context().close();
    }

    @Test
    @Order(7)
    void theOneClickExamplesGiveWhatTheFormGave() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");
        openOptions(page);
        for (String id : List.of(notice, widened, exampleNotice, exampleWidened)) {
            page.locator("input[name=ids][value='" + id + "']").check();
        }
        page.locator("#cmp-at").fill("2026-12-01");
        page.locator("form[action='/ui/options/compare'] button[type=submit]").click();
        page.waitForURL("**/ui/options/compare?*");
        List<String> refs = columns(page);
        assertThat(refs).containsExactlyInAnyOrder(notice, widened, exampleNotice, exampleWidened);
        // Each written option against the example of the same name: column by column.
        var same = Map.of(refs.indexOf(notice), refs.indexOf(exampleNotice), refs.indexOf(widened),
                refs.indexOf(exampleWidened));
        Locator totals = page.locator("[data-testid=options-totals] td");
        Locator rows = page.locator("[data-testid=options-compare] tr[data-topic]");
        assertThat(rows.count()).isPositive();
        same.forEach((mine, example) -> {
            for (String count : List.of("data-kept", "data-rerouted", "data-lost", "data-gained")) {
                assertThat(totals.nth(example).getAttribute(count)).as(count)
                        .isEqualTo(totals.nth(mine).getAttribute(count));
            }
        });
        for (int i = 0; i < rows.count(); i++) {
            Locator row = rows.nth(i);
            String what = row.getAttribute("data-pair") + " " + row.getAttribute("data-topic");
            var f = fates(page, row.getAttribute("data-pair"), row.getAttribute("data-topic"));
            same.forEach((mine, example) -> assertThat(f.get(example)).as(what).isEqualTo(f.get(mine)));
        }
        // And the same graph (the first figure is the agreements as they stand).
        Locator figures = page.locator("figure[data-testid=option-graph] svg");
        same.forEach((mine, example) -> assertThat(figures.nth(example + 1).innerHTML())
                .isEqualTo(figures.nth(mine + 1).innerHTML()));
        page.context().close();
    }

    @Test
    @Order(8)
    void aGuestFindsNoTraceAParticipantHasNoOptionsAndTheOptionsStayHome() {
        Page guest = demo.signIn(KOR, "kor.guest", "en-US");
        openOptions(guest);
        assertThat(guest.locator("[data-testid=options-none]").count()).isEqualTo(1);
        assertThat(guest.locator("tr[data-option]").count()).isZero();
        assertThat(guest.locator("[data-testid=option-save]").count()).isZero();
        assertThat(bannerTop(guest)).startsWith("UNCLASSIFIED").doesNotContain("SECRET");
        for (String path : List.of("/ui/options/" + notice, "/ui/options/" + notice + "?at=2026-12-01",
                "/ui/options/compare?ids=" + notice + "," + widened + "&at=2026-12-01")) {
            var answer = guest.navigate(demo.url(KOR, path));
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(guest.content()).as(path).doesNotContain(NOTICE_NAME).doesNotContain(WIDENED_NAME);
        }
        guest.context().close();

        Page participant = demo.signIn(KOR, "kor.participant", "en-US");
        assertThat(participant.locator("nav a[href='/ui/options']").count()).isZero();
        for (String path : List.of("/ui/options", "/ui/options/" + notice, "/ui/options/compare?ids=" + notice
                + "," + widened)) {
            var answer = participant.navigate(demo.url(KOR, path));
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(participant.content()).as(path).doesNotContain(NOTICE_NAME);
        }
        participant.context().close();

        // An option is Korea's own "what if": no standing authority sends it to a partner.
        Page japan = demo.signIn(JPN, "jpn.officer", "en-US");
        japan.navigate(demo.url(JPN, "/ui/options"));
        assertThat(japan.locator("tr[data-option]").count()).isZero();
        assertThat(japan.content()).doesNotContain(notice).doesNotContain(widened);
        japan.context().close();
    }
}
