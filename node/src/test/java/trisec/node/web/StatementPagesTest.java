package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;

/**
 * The joint statements' pages: a statement drafted through the form shows its three texts side by side, each
 * marked with its language, in the viewer's language and under an unclassified banner; a disclosure official signs
 * it with the button; a form missing a text is refused and stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementPagesTest {
    private Cluster cluster;
    private URI base;

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral();
        base = cluster.client(Cluster.KOR).base();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private static Map<String, List<String>> form(String ko, String ja, String en) {
        return Map.of("channel", List.of("secretariat"), "meeting", List.of(""), "title", List.of("Seoul statement"),
                "ko", List.of(ko), "ja", List.of(ja), "en", List.of(en));
    }

    @Test
    void aStatementIsDraftedShownSideBySideAndSignedThroughThePages() {
        var officer = new WebTab(base, "en").signIn("kor.officer");
        assertThat(officer.get("/ui/statements").body()).contains("id=\"new-statement\"");
        var drafted = officer.submit("/ui/statements", form("사무국 출범을 환영한다.", "事務局の発足を歓迎する。",
                "We welcome the secretariat <script>alert(1)</script>."));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
        String path = drafted.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        assertThat(path).startsWith("/ui/statements/");

        for (var lang : List.of(List.of("ko", "한국어", "서명 대기"), List.of("ja", "韓国語", "署名待ち"),
                List.of("en", "Korean", "Awaiting the signatures"))) {
            String html = new WebTab(base, lang.get(0)).signIn("kor.guest").get(path).body();
            assertThat(html).as(lang.get(0)).contains("<section lang=\"ko\"").contains("<section lang=\"ja\"")
                    .contains("<section lang=\"en\"").contains("사무국 출범을 환영한다.").contains("事務局の発足を歓迎する。")
                    .contains(lang.get(1)).contains(lang.get(2)).doesNotContain("<script>alert(1)</script>")
                    .containsPattern("data-testid=\"banner-top\">\\s*<span class=\"banner-text\">UNCLASSIFIED");
            // A guest reads it, but neither signs nor revises.
            assertThat(html).doesNotContain("/sign\"").doesNotContain("id=\"revise\"");
        }
        assertThat(officer.get(path).body()).contains("id=\"revise\"");
        var disclosure = new WebTab(base, "en").signIn("kor.disclosure");
        assertThat(disclosure.get(path).body()).contains("Sign revision 1 for this party");
        var signed = disclosure.submit(path + "/sign", Map.of("revision", List.of("1")));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        String after = disclosure.get(path).body();
        assertThat(after).contains("data-testid=\"signatures\"").contains("<td>Korea</td>")
                .doesNotContain("Sign revision 1 for this party");
        // This party signed revision 1: it does not revise it.
        assertThat(officer.get(path).body()).doesNotContain("id=\"revise\"");
        assertThat(disclosure.get("/ui/statements").body()).contains("Seoul statement");
    }

    /**
     * The release policy permits every statement today (an unclassified record without caveats goes anywhere), so a
     * revision kept from a party is put on record here by hand, as the node records a refusal.
     */
    @Test
    void aRevisionTheReleasePolicyKeptFromAPartyIsShownWithItsReasonsAndTheStatementSaysItCannotBeAdopted() {
        var officer = new WebTab(base, "en").signIn("kor.officer");
        var drafted = officer.submit("/ui/statements", form("협의한다.", "協議する。", "We consult."));
        String path = drafted.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        String id = path.substring(path.lastIndexOf('/') + 1);
        String reason = "REL TO USA, KOR does not include JPN; only the originator can widen it, by relabelling";
        cluster.node(Cluster.KOR).self().store().useTransaction(h -> h.createUpdate("""
                INSERT INTO statement_withheld (statement_id, revision, proposed_by, party, what, reasons, decided_at)
                VALUES (:id, 1, 'KOR', 'JPN', 'DRAFT', :reason, :at)""").bind("id", id).bind("reason", reason)
                .bind("at", trisec.node.store.Store.utc(java.time.Instant.now())).execute());
        for (var lang : List.of(List.of("ko", "채택될 수 없습니다", "개정판 1을(를) 일본에 보내지 않았습니다"),
                List.of("ja", "採択できません", "改訂版 1 は 日本 に送られませんでした"),
                List.of("en", "cannot be adopted as it stands", "Revision 1 did not go to Japan."))) {
            String html = new WebTab(base, lang.get(0)).signIn("kor.guest").get(path).body();
            assertThat(html).as(lang.get(0)).contains("data-testid=\"unadoptable\"").contains(lang.get(1))
                    .contains("data-testid=\"withheld\"").contains(lang.get(2))
                    .contains("REL TO USA, KOR does not include JPN");
        }
        var api = cluster.client(Cluster.KOR).get("kor.guest", "/api/v1/statements/" + id).json();
        assertThat(api.get("adoptable").asBoolean()).isFalse();
        assertThat(api.at("/withheld/0/party").asText()).isEqualTo("JPN");
        assertThat(api.at("/withheld/0/what").asText()).isEqualTo("DRAFT");
        assertThat(api.at("/withheld/0/reasons/0").asText()).isEqualTo(reason);
    }

    @Test
    void aFormMissingATextIsRefusedAndStoresNothing() {
        var officer = new WebTab(base, "ja").signIn("kor.officer");
        int before = cluster.client(Cluster.KOR).get("kor.guest", "/api/v1/statements").json().get("statements")
                .size();
        var refused = officer.submit("/ui/statements", form("사무국", "", "Secretariat"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("texts.ja is missing");
        assertThat(cluster.client(Cluster.KOR).get("kor.guest", "/api/v1/statements").json().get("statements"))
                .hasSize(before);
    }
}
