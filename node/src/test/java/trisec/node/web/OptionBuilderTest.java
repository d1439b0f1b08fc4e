package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.base.Json;
import trisec.option.Change;
import trisec.option.Option;
import trisec.scenario.file.OptionFiles;
import trisec.scenario.file.ScenarioFiles;

/**
 * The change builder of the options page on Korea's node at 2026-12-01: a newcomer builds the two options of issue 13
 * with the form's fields alone, no YAML typed, saves them, and their pictures are those of the shipped example files;
 * every kind of change can be built; bad input is refused in the viewer's language and leaves the option file as it
 * was; and only an officer, who may save an option, may use it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionBuilderTest {
    private static final Pattern TEXTAREA = Pattern.compile("<textarea id=\"yaml\"[^>]*>(.*?)</textarea>",
            Pattern.DOTALL);
    private Cluster cluster;
    private Client kor;

    @BeforeAll
    void start() {
        cluster = Cluster.start(List.of(Cluster.KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")), c -> c);
        kor = cluster.client(Cluster.KOR);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private WebTab tab(String language, String user) {
        return new WebTab(kor.base(), language).signIn(user);
    }

    /** The option file in the page's text area, as a browser would send it back. */
    private static String text(String html) {
        Matcher m = TEXTAREA.matcher(html);
        assertThat(m.find()).as("the option file's text area").isTrue();
        return unescape(m.group(1));
    }

    private static String unescape(String html) {
        var out = new StringBuilder();
        Matcher m = Pattern.compile("&(#(\\d+)|amp|lt|gt|quot|apos);").matcher(html);
        while (m.find()) {
            String r = m.group(2) != null ? String.valueOf((char) Integer.parseInt(m.group(2)))
                    : switch (m.group(1)) {
                        case "amp" -> "&";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "quot" -> "\"";
                        default -> "'";
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The form as the page sends it when a change's "Add" button is pressed: the text, the label, the fields. */
    private static Map<String, List<String>> form(String yaml, String kind, Map<String, List<String>> fields) {
        var form = new LinkedHashMap<String, List<String>>();
        form.put("yaml", List.of(yaml));
        form.put("at", List.of("2026-12-01"));
        form.put("level", List.of("군사Ⅱ급비밀"));
        form.put("topic", List.of("dprk"));
        form.put("add", List.of(kind));
        form.putAll(fields);
        return form;
    }

    private HttpResponse<String> add(WebTab tab, String yaml, String kind, Map<String, List<String>> fields) {
        return tab.submit("/ui/options/changes", form(yaml, kind, fields));
    }

    /** Saves the text of the form under a label, as the page's "Save" button does; the option's id. */
    private static String save(WebTab tab, String yaml) {
        var r = tab.submit("/ui/options", Map.of("yaml", List.of(yaml), "level", List.of("군사Ⅱ급비밀"),
                "topic", List.of("dprk")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().substring("/ui/options/".length());
    }

    private String saveExample(String name) {
        String yaml = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/" + name).asText();
        var r = kor.post("kor.officer", "/api/v1/options", Json.write(Map.of("yaml", yaml, "level", "군사Ⅱ급비밀",
                "topic", "dprk")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /**
     * A saved option's picture, less what is the saved item's own (its id, description and label, which differ between
     * a built option and a shipped file): the matrices, their changes, the single points, the sites, the history and
     * the option's changes in sentences.
     */
    private String picture(String id) {
        var r = kor.get("kor.officer", "/api/v1/options/" + id + "/picture?at=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ObjectNode tree = (ObjectNode) r.json();
        assertThat(tree.at("/options/0/id").asText()).isEqualTo(id);
        ArrayNode changes = tree.arrayNode();
        tree.get("options").forEach(o -> changes.add(o.get("changes")));
        tree.set("options", changes);
        return tree.toString();
    }

    private static Map<String, List<String>> notice() {
        return Map.of("option.name", List.of("KOR gives notice on 2026-03-01"),
                "option.description", List.of("Korea gives written notice of termination of the Korea–Japan GSOMIA."),
                "event.agreement", List.of("kor-jpn-gsomia-2016"), "event.type", List.of("TERMINATION_NOTICE"),
                "event.date", List.of("2026-03-01"), "event.by", List.of("KOR"));
    }

    private static Map<String, List<String>> widening() {
        return Map.of("option.name", List.of("TISA widened to all dprk and china topics"),
                "scope.agreement", List.of("tisa-2014"), "scope.from", List.of("2026-04-01"),
                "scope.topic", List.of("dprk"), "scope.more", List.of("china"));
    }

    @Test
    void aNewcomerBuildsTheTwoOptionsWithTheFormAloneAndTheyDrawAsTheShippedExamples() {
        WebTab tab = tab("en", "kor.officer");
        var page = tab.get("/ui/options");
        assertThat(page.body()).contains("data-testid=\"option-builder\"")
                .contains("<option value=\"kor-jpn-gsomia-2016\">kor-jpn-gsomia-2016 — Korea–Japan GSOMIA</option>")
                .contains("name=\"scope.topic\" value=\"dprk.missile\"").contains("name=\"event.date\" type=\"date\"");

        // KOR gives notice on 2026-03-01: an agreement event, from an empty text.
        var built = add(tab, "", "event", notice());
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        assertThat(built.body()).contains("data-testid=\"builder-added\"").contains("lines 4–8")
                .doesNotContain("data-testid=\"builder-problems\"");
        String noticeText = text(built.body());
        assertThat(noticeText).startsWith("name: KOR gives notice on 2026-03-01\n")
                .contains("  - change: event\n    agreement: kor-jpn-gsomia-2016\n    type: TERMINATION_NOTICE\n"
                        + "    date: 2026-03-01\n    by: KOR\n");
        // The label chosen and the date come back as they were sent.
        assertThat(built.body()).contains("<option value=\"군사Ⅱ급비밀\" selected>").contains("value=\"2026-12-01\"");

        // TISA widened to all dprk and china topics: a scope change, in Japanese this time.
        WebTab ja = tab("ja", "kor.officer");
        var widened = add(ja, "", "scope", widening());
        assertThat(widened.statusCode()).as(widened.body()).isEqualTo(200);
        assertThat(widened.body()).contains("変更をオプションファイルの");
        String widenedText = text(widened.body());
        assertThat(widenedText).contains("topics:\n      - dprk\n      - china\n").doesNotContain("highest");

        // Saved, they draw exactly as the shipped files do.
        String builtNotice = save(tab, noticeText);
        String builtWidened = save(tab, widenedText);
        assertThat(picture(builtNotice)).isEqualTo(picture(saveExample("kor-notice-2026")));
        assertThat(picture(builtWidened)).isEqualTo(picture(saveExample("tisa-widened")));
        assertThat(picture(builtNotice)).isNotEqualTo(picture(builtWidened));

        // A second change is added after the first, and the name stays.
        var both = add(tab, noticeText, "scope", Map.of("option.name", List.of("KOR gives notice on 2026-03-01"),
                "scope.agreement", List.of("tisa-2014"), "scope.from", List.of("2026-04-01"),
                "scope.topic", List.of("dprk"), "scope.more", List.of("china")));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        String bothText = text(both.body());
        assertThat(bothText).startsWith(noticeText);
        Option option = OptionFiles.read("built", bothText, ScenarioFiles.shipped());
        assertThat(option.changes()).hasExactlyElementsOfTypes(Change.AgreementEvent.class, Change.ScopeChange.class);
        assertThat(option.name()).isEqualTo("KOR gives notice on 2026-03-01");
    }

    @Test
    void everyKindOfChangeCanBeBuiltAndWhatTheTextAddsCanBeNamedNext() {
        WebTab tab = tab("en", "kor.officer");
        var party = add(tab, "", "party", Map.of("option.name", List.of("Australia joins"),
                "party.code", List.of("AUS"), "party.name", List.of("Australia"),
                "party.level.TOP_SECRET", List.of("TOP SECRET"), "party.level.SECRET", List.of("SECRET"),
                "party.level.CONFIDENTIAL", List.of(""), "party.level.UNCLASSIFIED", List.of("")));
        assertThat(party.statusCode()).as(party.body()).isEqualTo(200);
        // Australia, added by the text, is now a party the next change may name.
        assertThat(party.body()).contains("name=\"agreement.party\" value=\"AUS\"");
        var sia = add(tab, text(party.body()), "agreement", Map.of("agreement.id", List.of("usa-aus-sia-2026"),
                "agreement.kind", List.of("SIA"), "agreement.party", List.of("USA", "AUS"),
                "agreement.signed", List.of("2026-01-01"), "agreement.inForce", List.of("2026-01-01"),
                "agreement.term", List.of("P1Y"), "agreement.notice", List.of("P90D")));
        assertThat(sia.statusCode()).as(sia.body()).isEqualTo(200);
        // The equivalence table pairs the levels by banner word.
        assertThat(text(sia.body())).contains("    equivalence:\n      - USA:\n          - TOP SECRET\n"
                + "        AUS:\n          - TOP SECRET\n      - USA:\n          - SECRET\n");
        assertThat(sia.body()).contains("<option value=\"usa-aus-sia-2026\">");
        var notice = add(tab, text(sia.body()), "event", Map.of("event.agreement", List.of("usa-aus-sia-2026"),
                "event.type", List.of("TERMINATION_NOTICE"), "event.date", List.of("2026-06-01"),
                "event.by", List.of("AUS")));
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        var outage = add(tab, text(notice.body()), "outage", Map.of("outage.hub", List.of("USA"),
                "outage.from", List.of("2026-06-01"), "outage.until", List.of("2026-06-03")));
        assertThat(outage.statusCode()).as(outage.body()).isEqualTo(200);
        var scope = add(tab, text(outage.body()), "scope", Map.of("scope.agreement", List.of("tisa-2014"),
                "scope.from", List.of("2026-07-01"), "scope.highest.USA", List.of("TOP SECRET"),
                "scope.highest.KOR", List.of("군사Ⅰ급비밀"), "scope.highest.JPN", List.of("機密")));
        assertThat(scope.statusCode()).as(scope.body()).isEqualTo(200);
        assertThat(scope.body()).doesNotContain("data-testid=\"builder-problems\"");
        Option option = OptionFiles.read("built", text(scope.body()), ScenarioFiles.shipped());
        assertThat(option.changes()).hasExactlyElementsOfTypes(Change.NewParty.class, Change.NewAgreement.class,
                Change.AgreementEvent.class, Change.HubOutage.class, Change.ScopeChange.class);
        assertThat(((Change.NewAgreement) option.changes().get(1)).agreement().equivalence().rows()).hasSize(2);
    }

    @Test
    void aBrowsersMultipartFormWorksTooAndAnUploadedFileIsWhatTheChangeIsAddedTo() {
        // A browser sends the options form as multipart/form-data (it has a file field); the "Add" button's name and
        // value come with it. A file chosen is the option file, as for "Save" and "Draw".
        WebTab tab = tab("en", "kor.officer");
        String file = kor.get("kor.officer", "/api/v1/options/examples").json().at("/examples/kor-notice-2026")
                .asText();
        String boundary = "----trisec" + java.util.UUID.randomUUID();
        var body = new StringBuilder();
        var fields = new java.util.ArrayList<List<String>>(List.of(List.of("csrf", tab.formToken()),
                List.of("yaml", ""), List.of("level", "군사Ⅱ급비밀"), List.of("topic", "dprk"), List.of("add", "outage"),
                List.of("outage.hub", "USA"), List.of("outage.from", "2026-06-01"),
                List.of("outage.until", "2026-06-03"), List.of("scope.topic", "dprk"),
                List.of("scope.topic", "dprk.nuclear")));
        for (var field : fields) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.get(0)).append("\"\r\n\r\n").append(field.get(1)).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"kor-notice-2026.yaml\"\r\nContent-Type: application/yaml\r\n\r\n")
                .append(file).append("\r\n--").append(boundary).append("--\r\n");
        HttpResponse<String> r = tab.send(java.net.http.HttpRequest.newBuilder(kor.base()
                        .resolve("/ui/options/changes"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString(),
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String text = text(r.body());
        // The file's comments stay; the outage follows its change.
        assertThat(text).startsWith(file).endsWith("  - change: outage\n    hub: USA\n    from: 2026-06-01\n"
                + "    until: 2026-06-03\n");
        // The other kinds' fields come back as they were sent.
        assertThat(r.body()).contains("value=\"dprk\" checked").contains("value=\"dprk.nuclear\" checked");
    }

    /** Sends a bad change on top of the notice's text and checks it is refused with the text as it was. */
    private String refused(String language, String kind, Map<String, List<String>> fields) {
        WebTab tab = tab(language, "kor.officer");
        String yaml = text(add(tab, "", "event", notice()).body());
        var r = add(tab, yaml, kind, fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("data-testid=\"builder-problems\"").doesNotContain("data-testid=\"builder-added\"");
        assertThat(text(r.body())).isEqualTo(yaml);
        return r.body();
    }

    @Test
    void badInputIsRefusedInTheViewersLanguageAndTheTextStaysAsItWas() {
        var unknown = new LinkedHashMap<>(notice());
        unknown.put("event.agreement", List.of("kor-jpn-gsomia-2099"));
        assertThat(refused("en", "event", unknown))
                .contains("There is no agreement \"kor-jpn-gsomia-2099\" in the scenario or in the option.");
        assertThat(refused("ko", "event", unknown)).contains("시나리오에도 옵션에도 \"kor-jpn-gsomia-2099\" 협정이 없습니다.");

        for (String date : List.of("2200-01-01", "1899-12-31", "2026-02-30", "")) {
            var late = new LinkedHashMap<>(notice());
            late.put("event.date", List.of(date));
            // What was typed comes back in its field.
            assertThat(refused("en", "event", late)).contains("Date: a date from 1900-01-01 to 2199-12-31 is needed.")
                    .contains("name=\"event.date\" type=\"date\" value=\"" + date + "\"");
        }
        assertThat(refused("ja", "outage", Map.of("outage.hub", List.of("USA"), "outage.from", List.of("2026-06-01"),
                "outage.until", List.of("2300-06-03")))).contains("終了日（含まない）：1900-01-01から2199-12-31までの日付が必要です。");

        var noTopic = Map.of("scope.agreement", List.of("tisa-2014"), "scope.from", List.of("2026-04-01"));
        assertThat(refused("en", "scope", noTopic)).contains("A scope change names the topics it covers");
        assertThat(refused("ja", "scope", noTopic)).contains("範囲の変更には、対象とする主題");

        var outside = Map.of("scope.agreement", List.of("tisa-2014"), "scope.from", List.of("2026-04-01"),
                "scope.topic", List.of("dprk.missile", "dprk.bogus"));
        assertThat(refused("en", "scope", outside)).contains("\"dprk.bogus\" is not a topic of the scenario")
                // The ticked topic stays ticked.
                .contains("value=\"dprk.missile\" checked");
        assertThat(refused("en", "scope", Map.of("scope.agreement", List.of("tisa-2014"), "scope.from",
                List.of("2026-04-01"), "scope.more", List.of("China Sea")))).contains("is not a topic: dot-separated");

        // A change the option file reader refuses: a second notice while the first is pending.
        var second = new LinkedHashMap<>(notice());
        second.put("event.date", List.of("2026-04-01"));
        assertThat(refused("en", "event", second)).contains("with it the option file would have these problems")
                .contains("a termination notice is already pending");
    }

    @Test
    void aTextTheBuilderCannotAddToIsLeftAsItWas() {
        WebTab tab = tab("en", "kor.officer");
        String flow = "name: Flow\nchanges: [{change: outage, hub: USA, from: 2026-06-01, until: 2026-06-03}]\n";
        var r = add(tab, flow, "event", notice());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("cannot be added to the option file as it is written").contains("line 2: ");
        assertThat(text(r.body())).isEqualTo(flow);
        // A text with a problem of its own elsewhere takes the change, and the page says what is left to mend.
        String nameless = "changes:\n  - change: outage\n    hub: USA\n    from: 2026-06-01\n    until: 2026-06-03\n";
        var added = add(tab, nameless, "event", Map.of("event.agreement", List.of("kor-jpn-gsomia-2016"),
                "event.type", List.of("TERMINATION_NOTICE"), "event.date", List.of("2026-03-01")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("data-testid=\"builder-added\"").contains("still has these problems")
                .contains("line 1: ").contains("name");
        assertThat(text(added.body())).startsWith(nameless).contains("  - change: event\n");
        // The builder's fields and the name come back as sent.
        assertThat(r.body()).contains("name=\"option.name\" value=\"KOR gives notice on 2026-03-01\"")
                .contains("<option value=\"kor-jpn-gsomia-2016\" selected>");
    }

    @Test
    void onlyAnOfficerMayUseTheBuilderAsOnlyAnOfficerMaySave() {
        WebTab guest = tab("en", "kor.guest");
        assertThat(guest.get("/ui/options").body()).doesNotContain("data-testid=\"option-builder\"");
        var r = add(guest, "", "event", notice());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("<textarea id=\"yaml\"");
        assertThat(add(tab("en", "kor.participant"), "", "event", notice()).statusCode()).isEqualTo(403);
        assertThat(add(tab("en", "kor.analyst"), "", "event", notice()).statusCode()).isEqualTo(403);
        // And like every form, it needs the session's form token.
        var forged = tab("en", "kor.officer").post("/ui/options/changes", form("", "event", notice()));
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
