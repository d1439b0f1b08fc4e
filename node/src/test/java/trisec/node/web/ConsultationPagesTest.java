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
 * only for a reader of it.
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
