package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.web.DemoBrowser.KOR;
import static trisec.node.web.DemoBrowser.shot;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The change builder in a real browser on what {@code trisec demo} runs (docs/UI.md, "Options"): Korea's officer
 * builds "KOR gives notice on 2026-03-01" and "TISA widened to all dprk and china topics" with the builder's fields
 * and buttons, without typing a line of YAML, and saves each; each draws on 2026-12-01 the matrices its shipped
 * example draws. Pages only; screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionBuilderBrowserTest {
    private static final Pattern SAVED = Pattern.compile(".*/ui/options/(?!changes$)[^/?]+$");
    private DemoBrowser demo;

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

    private void openOptions(Page page) {
        page.navigate(demo.url(KOR, "/ui/options"));
    }

    /** Saves what the form holds under a label, as the "Save" button does; the new option's id. */
    private static String save(Page page) {
        page.locator("#level").selectOption("군사Ⅱ급비밀");
        page.locator("#topic").fill("dprk");
        page.locator("[data-testid=option-save]").click();
        page.waitForURL(SAVED);
        String path = URI.create(page.url()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Every matrix of an option's page on 2026-12-01, as drawn. */
    private List<String> matrices(Page page, String id) {
        page.navigate(demo.url(KOR, "/ui/options/" + id + "?at=2026-12-01"));
        return page.locator("table.matrix").all().stream().map(t -> (String) t.evaluate("e => e.outerHTML")).toList();
    }

    private String example(Page page, String name) {
        page.navigate(demo.url(KOR, "/ui/options?example=" + name));
        return save(page);
    }

    @Test
    void theOfficerBuildsBothOptionsWithTheFormAndTheyDrawAsTheExamples() {
        Page page = demo.signIn(KOR, "kor.officer", "en-US");

        openOptions(page);
        page.locator("#b-name").fill("KOR gives notice on 2026-03-01");
        page.locator("#b-event-agreement").selectOption("kor-jpn-gsomia-2016");
        page.locator("#b-event-type").selectOption("TERMINATION_NOTICE");
        page.locator("#b-event-date").fill("2026-03-01");
        page.locator("#b-event-by").selectOption("KOR");
        page.locator("[data-testid=builder-add-event]").click();
        page.waitForURL("**/ui/options/changes");
        assertThat(page.locator("[data-testid=builder-added]").innerText()).contains("lines 3–7");
        assertThat(page.locator("#yaml").inputValue()).startsWith("name: KOR gives notice on 2026-03-01\n")
                .contains("type: TERMINATION_NOTICE").contains("date: 2026-03-01");
        shot(page, "option-builder-01-notice-added");
        String notice = save(page);
        assertThat(page.locator("h1").innerText()).isEqualTo("KOR gives notice on 2026-03-01");

        openOptions(page);
        page.locator("#b-name").fill("TISA widened to all dprk and china topics");
        page.locator("details[data-kind=scope] > summary").click();
        page.locator("#b-scope-agreement").selectOption("tisa-2014");
        page.locator("#b-scope-from").fill("2026-04-01");
        page.locator("input[name='scope.topic'][value='dprk']").check();
        page.locator("#b-scope-more").fill("china");
        page.locator("[data-testid=builder-add-scope]").click();
        page.waitForURL("**/ui/options/changes");
        assertThat(page.locator("#yaml").inputValue()).contains("agreement: tisa-2014").contains("- china");
        shot(page, "option-builder-02-widening-added");
        String widened = save(page);

        assertThat(matrices(page, notice)).isEqualTo(matrices(page, example(page, "kor-notice-2026")))
                .anyMatch(m -> m.contains("data-reach=\"VIA_HUB\" data-before=\"DIRECT\""));
        assertThat(matrices(page, widened)).isEqualTo(matrices(page, example(page, "tisa-widened")));
        page.context().close();
    }
}
