package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.Client;

/**
 * Standing release authorities (issue 11): two Korean disclosure officials agree that Korea's missile warnings go
 * to the USA and Japan without an approval per item, under the missile-warning mechanism. From 2023-12-19 a new
 * warning leaves at once, each release decided by the policy and naming its authority; in 2017 the same authority
 * releases nothing and says why. It never widens what the policy allows, and revoking it stops it.
 */
class StandingAuthorityTest {
    static final Instant AFTER_MECHANISM = Instant.parse("2024-10-31T00:00:00Z");
    static final Instant IN_2017 = Instant.parse("2017-11-29T00:00:00Z");
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    private Client kor() {
        return c.client(KOR);
    }

    private void secondOfficial() {
        Fed.secondOfficial(c, KOR);
    }

    private String proposeAndApprove(String body) {
        return Fed.proposeAndApprove(c, KOR, body);
    }

    private static final String WARNINGS = Fed.KOREAN_WARNINGS;

    private String item(String level, String topic, String relTo, String caveats) {
        var r = kor().post("kor.officer", "/api/v1/items", """
                {"title":"launch","body":"warning data","level":"%s","topic":"%s","relTo":%s,"caveats":%s}"""
                .formatted(level, topic, relTo, caveats));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private List<JsonNode> releasesOf(String itemId) {
        return Fed.outbox(c, KOR).stream().filter(r -> r.get("itemId").asText().equals(itemId)).toList();
    }

    /** KOR's log entries of a type: what is pending is integrated first, as the integrator would shortly. */
    private List<JsonNode> log(String type) {
        c.node(KOR).integrateNow();
        var out = new ArrayList<JsonNode>();
        JsonNode page = kor().get("kor.auditor", "/api/v1/log/entries?from=0&limit=1000").json();
        for (JsonNode e : page.get("entries")) {
            if (e.get("entry").path("type").asText().equals(type)) {
                out.add(e.get("entry"));
            }
        }
        return out;
    }

    /** Whether the partner's signed TAXII pull from KOR serves the item's own object. */
    private boolean pulls(trisec.party.Party partner, String itemId) {
        String collections = "/taxii2/trisec/collections/";
        String dprk = null;
        for (JsonNode col : partnerGet(partner, collections).json().get("collections")) {
            if (col.get("title").asText().equals("Topic dprk")) {
                dprk = col.get("id").asText();
            }
        }
        assertThat(dprk).isNotNull();
        boolean served = false;
        for (String type : List.of("report", "note")) {
            var r = partnerGet(partner, collections + dprk + "/objects/"
                    + trisec.interop.StixIds.id(type, "item", itemId) + "/");
            assertThat(r.status()).as(r.body()).isIn(200, 404);
            served |= r.status() == 200;
        }
        return served;
    }

    private trisec.node.Client.Response partnerGet(trisec.party.Party partner, String path) {
        var b = java.net.http.HttpRequest.newBuilder(kor().base().resolve(path)).GET()
                .header("Accept", "application/taxii+json;version=2.1");
        return kor().raw(trisec.node.base.NodeAuth.header(c.keys(partner), "GET", path), b);
    }

    @Test
    void underTheMechanismAWarningGoesToEveryRecipientWithoutAnApproval() {
        c = Cluster.trilateral(AFTER_MECHANISM);
        secondOfficial();
        String authority = proposeAndApprove(WARNINGS);

        String id = item("군사Ⅱ급비밀", "dprk.missile.warning.icbm", "[]", "[]");
        List<JsonNode> releases = releasesOf(id);
        assertThat(releases).extracting(r -> r.get("recipient").asText()).containsExactlyInAnyOrder("USA", "JPN");
        for (JsonNode r : releases) {
            assertThat(r.get("authority").asText()).isEqualTo(authority);
            assertThat(r.get("requestedBy").isNull()).isTrue();
            assertThat(r.get("approvedBy").isNull()).isTrue();
        }
        JsonNode toJapan = releases.stream().filter(r -> r.get("recipient").asText().equals("JPN")).findFirst()
                .orElseThrow();
        assertThat(Fed.textList(toJapan.get("route"))).containsExactly("KOR", "USA", "JPN");
        assertThat(Fed.textList(toJapan.get("basis")).getFirst()).isEqualTo("missile-warning-2023");
        for (JsonNode r : releases) {
            Fed.awaitStatus(c, KOR, r.get("id").asText(), "DELIVERED");
        }
        assertThat(c.client(JPN).get("jpn.analyst", "/api/v1/items/" + id).status()).isEqualTo(200);
        assertThat(c.client(USA).get("usa.analyst", "/api/v1/items/" + id).status()).isEqualTo(200);
        // A pull from KOR serves again only what a release took there directly: USA gets the warning, JPN (which it
        // reached through USA) does not.
        assertThat(pulls(USA, id)).isTrue();
        assertThat(pulls(JPN, id)).isFalse();

        // On record: each release's decision (purpose authority) and an entry naming the authority.
        var authorized = log("RELEASE_AUTHORIZED").stream().filter(e -> e.get("item").asText().equals(id)).toList();
        assertThat(authorized).hasSize(2).allSatisfy(e -> assertThat(e.get("authority").asText()).isEqualTo(authority));
        assertThat(log("DECISION").stream().filter(e -> e.path("item").asText().equals(id)
                && e.get("purpose").asText().equals("authority"))).hasSize(2);
    }

    @Test
    void itNeverWidensWhatThePolicyAllowsAndRevokingItStopsIt() {
        c = Cluster.trilateral(AFTER_MECHANISM);
        secondOfficial();
        String authority = proposeAndApprove(WARNINGS);

        // Releasable to the USA only: Japan gets nothing, and the refusal is on record as a decision.
        String usaOnly = item("군사Ⅱ급비밀", "dprk.missile.warning", "[\"USA\"]", "[]");
        assertThat(releasesOf(usaOnly)).extracting(r -> r.get("recipient").asText()).containsExactly("USA");
        assertThat(log("DECISION").stream().filter(e -> e.path("item").asText().equals(usaOnly)
                && e.get("recipient").asText().equals("JPN"))).singleElement()
                .satisfies(e -> assertThat(e.get("decision").asText()).isEqualTo("DENY"));
        // Korean eyes only, another topic, a higher level: nothing.
        assertThat(releasesOf(item("군사Ⅱ급비밀", "dprk.missile.warning", "[]", "[\"NOFORN\"]"))).isEmpty();
        assertThat(releasesOf(item("군사Ⅱ급비밀", "dprk.nuclear", "[]", "[]"))).isEmpty();
        assertThat(releasesOf(item("군사Ⅰ급비밀", "dprk.missile.warning", "[]", "[]"))).isEmpty();

        var revoked = kor().post("kor.disclosure", "/api/v1/authorities/" + authority + "/revoke", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("state").asText()).isEqualTo("REVOKED");
        assertThat(releasesOf(item("군사Ⅱ급비밀", "dprk.missile.warning", "[]", "[]"))).isEmpty();
        assertThat(kor().post("kor.disclosure2", "/api/v1/authorities/" + authority + "/revoke", "").status())
                .isEqualTo(409);
    }

    @Test
    void beforeTheMechanismTheAuthorityReleasesNothingAndSaysWhy() {
        c = Cluster.trilateral(IN_2017);
        secondOfficial();
        proposeAndApprove(WARNINGS);

        String id = item("군사Ⅱ급비밀", "dprk.missile.warning", "[]", "[]");
        assertThat(releasesOf(id)).isEmpty();
        var coverage = kor().get("kor.officer", "/api/v1/items/" + id + "/authorities");
        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        JsonNode only = coverage.json().get("authorities").get(0);
        assertThat(only.get("covers").asBoolean()).isFalse();
        assertThat(only.get("whyNot").asText()).contains("missile-warning-2023").contains("2017-11-29");
        // An ordinary release still goes: the GSOMIA carries it directly, after a second person's approval.
        JsonNode requested = Fed.request(c, KOR, id, JPN);
        assertThat(Fed.textList(requested.at("/decision/route"))).containsExactly("KOR", "JPN");
        assertThat(requested.at("/release/status").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void twoOfficialsAreNeededAndBadInputChangesNothing() {
        c = Cluster.trilateral(AFTER_MECHANISM);
        var proposed = kor().post("kor.disclosure", "/api/v1/authorities", WARNINGS);
        String id = proposed.json().get("id").asText();
        var self = kor().post("kor.disclosure", "/api/v1/authorities/" + id + "/approve", "");
        assertThat(self.status()).as(self.body()).isEqualTo(403);
        assertThat(self.body()).contains("two-person");
        // Not approved, so a warning goes nowhere by itself.
        assertThat(releasesOf(item("군사Ⅱ급비밀", "dprk.missile.warning", "[]", "[]"))).isEmpty();

        for (String bad : List.of(
                "{\"topic\":\"dprk.missile.warning\",\"highest\":\"TOP SECRET\",\"recipients\":[\"USA\"]}",
                "{\"topic\":\"dprk.missile.warning\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"XXX\"]}",
                "{\"topic\":\"dprk.missile.warning\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"KOR\"]}",
                "{\"topic\":\"dprk.missile.warning\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[]}",
                "{\"topic\":\"Not A Topic\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"USA\"]}",
                "{\"topic\":\"dprk\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"USA\"],\"under\":\"no-such\"}",
                "{\"topic\":\"dprk\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"USA\"],\"validFrom\":\"2024-13-01\"}",
                "{\"topic\":\"dprk\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"USA\"],\"validFrom\":\"2024-01-02\","
                        + "\"validUntil\":\"2024-01-01\"}",
                "{\"topic\":\"dprk\",\"highest\":\"군사Ⅱ급비밀\",\"recipients\":[\"USA\"],\"extra\":1}",
                "not json")) {
            var r = kor().post("kor.disclosure", "/api/v1/authorities", bad);
            assertThat(r.status()).as("%s → %s", bad, r.body()).isEqualTo(400);
        }
        JsonNode all = kor().get("kor.officer", "/api/v1/authorities").json().get("authorities");
        assertThat(StreamSupport.stream(all.spliterator(), false).map(a -> a.get("id").asText())).containsExactly(id);
        assertThat(kor().post("kor.officer", "/api/v1/authorities", WARNINGS).status()).isEqualTo(403);
    }
}
