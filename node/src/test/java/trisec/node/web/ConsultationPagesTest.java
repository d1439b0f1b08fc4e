package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * The consultation pages in Korean, Japanese and English: no button before Camp David, and the reason; a room
 * with the other parties' acknowledgements and the three drafts side by side; the subject's title and marking
 * only for a reader of it; a notice on every staff page while a consultation awaits the party's acknowledgement;
 * the opener's officer closes the room, and every node shows it closed.
 */
class ConsultationPagesTest {
    private static final String TITLE = "launch assessment";
    private Cluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void beforeCampDavidThereIsNoButtonAndThePageSaysWhy() {
        cluster = Cluster.start(List.of(KOR), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2023-08-01T00:00:00Z")), c -> c);
        var base = cluster.client(KOR).base();
        for (var lang : List.of(List.of("en", "not yet signed"), List.of("ko", "협의를 개시할 수 없습니다"),
                List.of("ja", "協議を開始できません"))) {
            String html = new WebTab(base, lang.get(0)).signIn("kor.officer").get("/ui/consultations").body();
            assertThat(html).as(lang.get(0)).doesNotContain("data-testid=\"open-consultation\"")
                    .contains("data-testid=\"why-no-consultation\"").contains("camp-david-commitment-2023")
                    .contains(lang.get(1));
        }
        // Nor does a form posted without the button open one.
        var tab = new WebTab(base, "en").signIn("kor.officer");
        var r = tab.submit("/ui/consultations", Map.of("subject", List.of(java.util.UUID.randomUUID().toString())));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("camp-david-commitment-2023 is not yet signed on 2023-08-01");
    }

    @Test
    void theRoomShowsTheAcknowledgementsAndTheThreeDraftsSideBySideAndTheTitleOnlyToAReader() throws Exception {
        cluster = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        var item = cluster.client(KOR).post("kor.officer", "/api/v1/items", """
                {"title":"%s","body":"the body","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}"""
                .formatted(TITLE));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        var officer = new WebTab(cluster.client(KOR).base(), "ko").signIn("kor.officer");
        assertThat(officer.get("/ui/consultations").body()).contains("data-testid=\"open-consultation\"");
        var opened = officer.submit("/ui/consultations", Map.of("subject", List.of(item.json().get("id").asText())));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        String room = opened.headers().firstValue("Location").orElseThrow();
        String id = room.substring(room.lastIndexOf('/') + 1);
        for (Party p : List.of(JPN, USA)) {
            var tab = new WebTab(cluster.client(p).base(), p.equals(JPN) ? "ja" : "en")
                    .signIn(p.code().toLowerCase(java.util.Locale.ROOT) + ".officer");
            String html = await(p, () -> tab.get(room).body(), h -> h.contains("data-testid=\"acknowledge\""));
            assertThat(html).doesNotContain(TITLE);
            var ack = tab.submit(room + "/acknowledge", Map.of());
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(302);
            var draft = tab.submit(room + "/drafts", Map.of("text", List.of("Statement of " + p.code())));
            assertThat(draft.statusCode()).as(draft.body()).isEqualTo(302);
        }
        assertThat(officer.submit(room + "/drafts", Map.of("text", List.of("Statement of KOR"))).statusCode())
                .isEqualTo(302);
        String html = await(KOR, () -> officer.get(room).body(), h -> h.contains("Statement of JPN")
                && h.contains("Statement of USA") && !h.contains("아직 확인하지 않음"));
        assertThat(html).contains(TITLE).containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">"
                + "SECRET");
        String drafts = html.substring(html.indexOf("data-testid=\"drafts\""));
        assertThat(drafts).contains("data-party=\"USA\"", "data-party=\"KOR\"", "data-party=\"JPN\"");
        // A Korean guest, without need-to-know: the room, but no title and no marking of the subject.
        var guest = new WebTab(cluster.client(KOR).base(), "en").signIn("kor.guest").get(room).body();
        assertThat(guest).doesNotContain(TITLE).contains("An item you may not read here")
                .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
        // Every node shows the three drafts.
        for (Party p : List.of(JPN, USA)) {
            var tab = new WebTab(cluster.client(p).base(), "en").signIn(p.code().toLowerCase(java.util.Locale.ROOT)
                    + ".analyst");
            await(p, () -> tab.get(room).body(), h -> h.contains("Statement of KOR") && h.contains("Statement of JPN")
                    && h.contains("Statement of USA"));
        }
        assertThat(id).hasSize(36);
    }

    @Test
    void anOfficerOpensAConsultationFromTheItemsPageWithTheSubjectFilledIn() {
        cluster = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        var item = cluster.client(KOR).post("kor.officer", "/api/v1/items", """
                {"title":"%s","body":"the body","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}"""
                .formatted(TITLE));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        String id = item.json().get("id").asText();
        var officer = new WebTab(cluster.client(KOR).base(), "en").signIn("kor.officer");
        assertThat(officer.get("/ui/items/" + id).body())
                .contains("href=\"/ui/consultations?subject=" + id + "\" data-testid=\"consult-on-item\"");
        assertThat(officer.get("/ui/consultations?subject=" + id).body())
                .containsPattern("name=\"subject\"[^>]*value=\"" + id + "\"");
        // What the address proposes is only put in the form, escaped; nothing is looked up before it is sent.
        assertThat(officer.get("/ui/consultations?subject=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").body())
                .doesNotContain("<script>alert(1)").contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\"");
        var opened = officer.submit("/ui/consultations", Map.of("subject", List.of(id)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        // A reader may not open one: no link.
        var analyst = new WebTab(cluster.client(KOR).base(), "en").signIn("kor.analyst");
        assertThat(analyst.get("/ui/items/" + id).body()).contains(TITLE).doesNotContain("consult-on-item");
    }

    /** Korea opens a consultation on an item of its own; the room's address. */
    private String openInKorea() {
        var item = cluster.client(KOR).post("kor.officer", "/api/v1/items", """
                {"title":"%s","body":"the body","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}"""
                .formatted(TITLE));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        var r = cluster.client(KOR).post("kor.officer", "/api/v1/consultations",
                "{\"item\":\"" + item.json().get("id").asText() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "/ui/consultations/" + r.json().get("id").asText();
    }

    @Test
    void whileAConsultationAwaitsThisPartysAcknowledgementEveryStaffPageSaysSoAndLinksToTheRoom() throws Exception {
        cluster = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        String room = openInKorea();
        var officer = new WebTab(cluster.client(JPN).base(), "ja").signIn("jpn.officer");
        await(JPN, () -> officer.get("/ui").body(), h -> h.contains("data-testid=\"consultation-notice\""));
        for (String page : List.of("/ui", "/ui/agreements", "/ui/warnings", "/ui/meetings", "/ui/statements",
                "/ui/consultations", "/ui/me")) {
            String html = officer.get(page).body();
            assertThat(html).as(page).contains("data-testid=\"consultation-notice\"")
                    .contains("自国の確認を待っている協議（1件）").contains("href=\"" + room + "\"");
        }
        // A reader of Japan's staff is told too, in English here, but acknowledging is the watch's.
        var analyst = new WebTab(cluster.client(JPN).base(), "en").signIn("jpn.analyst");
        assertThat(analyst.get("/ui/agreements").body()).contains("Consultations awaiting this party's "
                + "acknowledgement (1)").contains("href=\"" + room + "\"");
        assertThat(analyst.get(room).body()).doesNotContain("data-testid=\"acknowledge\"");
        assertThat(analyst.submit(room + "/acknowledge", Map.of()).statusCode()).isEqualTo(403);
        // Not a track 1.5 participant, and not the opener's own staff.
        assertThat(new WebTab(cluster.client(JPN).base(), "ja").signIn("jpn.participant").get("/ui/meetings").body())
                .doesNotContain("consultation-notice").doesNotContain(room);
        assertThat(new WebTab(cluster.client(KOR).base(), "ko").signIn("kor.officer").get("/ui").body())
                .doesNotContain("consultation-notice");
        // Once Japan's watch acknowledges, the notice is gone from Japan's pages.
        assertThat(officer.submit(room + "/acknowledge", Map.of()).statusCode()).isEqualTo(302);
        assertThat(officer.get("/ui/agreements").body()).doesNotContain("consultation-notice");
        assertThat(analyst.get("/ui").body()).doesNotContain("consultation-notice");
    }

    @Test
    void theOpenersOfficerClosesTheRoomWithAnOutcomeAndEveryNodeShowsItClosed() throws Exception {
        cluster = Cluster.trilateral(Instant.parse("2024-10-31T00:00:00Z"));
        String room = openInKorea();
        var japan = new WebTab(cluster.client(JPN).base(), "ja").signIn("jpn.officer");
        String before = await(JPN, () -> japan.get(room).body(), h -> h.contains("data-testid=\"acknowledge\""));
        // Only the opener's officers see the button, and a form posted elsewhere closes nothing.
        assertThat(before).doesNotContain("data-testid=\"close\"");
        assertThat(japan.submit(room + "/close", Map.of("outcome", List.of("closed by Japan"))).statusCode())
                .isEqualTo(403);
        var korea = new WebTab(cluster.client(KOR).base(), "ko").signIn("kor.officer");
        assertThat(korea.get(room).body()).contains("data-testid=\"close\"").contains("협의 종료");
        var closed = korea.submit(room + "/close", Map.of("outcome", List.of("공동 성명 발표")));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
        String html = korea.get(room).body();
        assertThat(html).contains("data-testid=\"closed\"").contains("kor.officer").contains("공동 성명 발표")
                .doesNotContain("data-testid=\"close\"").doesNotContain("name=\"text\"");
        assertThat(korea.get("/ui/consultations").body()).contains("종료함").contains("공동 성명 발표");
        // Japan's room says it was closed, by Korea, in Japanese; nothing is left to acknowledge, and no notice.
        String there = await(JPN, () -> japan.get(room).body(), h -> h.contains("data-testid=\"closed\""));
        assertThat(there).contains("終了").contains("韓国").contains("공동 성명 발표")
                .doesNotContain("data-testid=\"acknowledge\"").doesNotContain("consultation-notice");
        // A form posted after the closing is refused with the reason, in the viewer's language.
        var late = japan.submit(room + "/drafts", Map.of("text", List.of("late")));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("was closed at");
    }

    private String await(Party p, java.util.function.Supplier<String> page, java.util.function.Predicate<String> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            for (Party q : List.of(KOR, JPN, USA)) {
                cluster.node(q).deliverNow();
            }
            String html = page.get();
            if (until.test(html)) {
                return html;
            }
            assertThat(System.nanoTime()).as(p + " never showed it").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
