package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trisec.node.Cluster;

/**
 * The approval and consent forms, end to end through the pages alone: a Korean item released to the U.S., whose
 * onward release to Japan needs Korea's consent, given by a Korean disclosure official on the dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentFlowTest {
    private static final Pattern APPROVE = Pattern.compile("action=\"(/ui/releases/[0-9a-f-]{36}/approve)\"");
    private static final Pattern CONSENT = Pattern.compile("action=\"(/ui/consents/[0-9a-f-]{36})\"");

    private Cluster cluster;

    @BeforeAll
    void start() {
        cluster = Cluster.trilateral();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private WebTab tab(trisec.party.Party p, String user) {
        return new WebTab(cluster.client(p).base(), "en").signIn(user);
    }

    private static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }

    private int heldBy(trisec.party.Party p, String user, String itemId) {
        return cluster.client(p).get(user, "/api/v1/items/" + itemId).status();
    }

    @Test
    void anOnwardReleaseWaitsForTheOriginatorsConsentGivenOnItsDashboard() {
        // KOR: compose, ask to release to USA, approve by a second person.
        WebTab officer = tab(KOR, "kor.officer");
        var created = officer.submit("/ui/compose", Map.of("title", List.of("Consent flow item"),
                "body", List.of("Body"), "level", List.of("군사Ⅱ급비밀"), "topic", List.of("dprk.missile"),
                "relTo", List.of("USA", "JPN")));
        String item = created.headers().firstValue("Location").orElseThrow();
        String itemId = item.substring(item.lastIndexOf('/') + 1);
        assertThat(officer.submit(item + "/release", Map.of("to", List.of("USA"))).headers().firstValue("Location"))
                .hasValue("/ui?done=release.requested");
        // The requester cannot approve their own release: it is not among their approvals.
        assertThat(officer.get("/ui/fragments/approvals").body()).doesNotContain("/approve\"");
        WebTab korDisclosure = tab(KOR, "kor.disclosure");
        String approve = first(APPROVE, korDisclosure.get("/ui/fragments/approvals").body());
        assertThat(korDisclosure.submit(approve, Map.of()).statusCode()).isEqualTo(302);
        Cluster.eventually(() -> heldBy(USA, "usa.analyst", itemId) == 200, "USA holds the item");

        // USA: the onward release to JPN shows that KOR's consent is needed, before confirming.
        WebTab usaOfficer = tab(USA, "usa.officer");
        String decision = usaOfficer.get(item + "/release?to=JPN").body();
        assertThat(decision).contains("data-testid=\"verdict\">" + new Texts(Lang.EN).t("verdict.CONSENT_REQUIRED"))
                .contains("name=\"to\" value=\"JPN\"");
        assertThat(usaOfficer.submit(item + "/release", Map.of("to", List.of("JPN"))).headers().firstValue("Location"))
                .hasValue("/ui?done=release.consentRequested");

        // KOR: the request reaches the dashboard's consent list; only a disclosure official may answer it.
        Cluster.eventually(() -> CONSENT.matcher(korDisclosure.get("/ui/fragments/consents").body()).find(),
                "KOR lists the consent request");
        String consent = first(CONSENT, korDisclosure.get("/ui/fragments/consents").body());
        var byOfficer = officer.submit(consent, Map.of("grant", List.of("true")));
        assertThat(byOfficer.statusCode()).isEqualTo(403);
        assertThat(korDisclosure.get("/ui/fragments/consents").body()).contains(consent);
        // An answer that is neither yes nor no is not taken for a refusal: it is refused itself, and nothing changes.
        for (String unclear : List.of("", "on", "TRUE", "yes")) {
            assertThat(korDisclosure.submit(consent, Map.of("grant", List.of(unclear))).statusCode()).as(unclear)
                    .isEqualTo(400);
        }
        assertThat(korDisclosure.submit(consent, Map.of()).statusCode()).isEqualTo(400);
        assertThat(korDisclosure.get("/ui/fragments/consents").body()).contains(consent);
        assertThat(korDisclosure.submit(consent, Map.of("grant", List.of("true"))).headers().firstValue("Location"))
                .hasValue("/ui?done=consent.done");
        assertThat(korDisclosure.get("/ui/fragments/consents").body()).doesNotContain(consent);

        // USA: once the consent arrives, a second U.S. official approves and the item reaches JPN.
        WebTab usaDisclosure = tab(USA, "usa.disclosure");
        Cluster.eventually(() -> APPROVE.matcher(usaDisclosure.get("/ui/fragments/approvals").body()).find(),
                "USA's release awaits approval once KOR consented");
        assertThat(usaDisclosure.submit(first(APPROVE, usaDisclosure.get("/ui/fragments/approvals").body()), Map.of())
                .statusCode()).isEqualTo(302);
        Cluster.eventually(() -> heldBy(JPN, "jpn.analyst", itemId) == 200, "JPN holds the item");
        assertThat(new WebTab(cluster.client(JPN).base(), "ja").signIn("jpn.analyst").get("/ui").body())
                .contains("Consent flow item");
    }
}
