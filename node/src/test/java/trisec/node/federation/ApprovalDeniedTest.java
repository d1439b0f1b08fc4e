package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.federation.Fed.createItem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;

/**
 * The agreement a release rested on ends between the request and the approval: the approval is refused (409
 * RELEASE_DENIED), the decision that refused it is on record, and nothing is sent. The decision's entry was once
 * written in a "second" transaction opened inside the first, which JDBI joins to the first on the same thread, so
 * the refusal rolled the entry back with everything else.
 */
class ApprovalDeniedTest {
    private Cluster c;

    @BeforeEach
    void start() {
        c = Cluster.trilateral();
    }

    @AfterEach
    void stop() {
        c.close();
    }

    @Test
    void aReleaseWhoseAgreementEndedBeforeApprovalIsDeniedAndTheDecisionRecorded() {
        // Below the need-to-know of KOR's officers (dprk) but outside the TISA hub's scope: only the GSOMIA carries it.
        String id = createItem(c, KOR, "군사Ⅱ급비밀", "dprk.leadership");
        var requested = Fed.request(c, KOR, id, JPN);
        assertThat(requested.at("/decision/decision").asText()).isEqualTo("PERMIT");
        String release = requested.at("/release/id").asText();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var ended = c.client(KOR).post("kor.admin", "/api/v1/agreements/kor-jpn-gsomia-2016/events",
                "{\"type\":\"TERMINATED\",\"date\":\"" + today + "\",\"by\":\"KOR\",\"note\":\"test\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(201);
        long itemsOutBefore = Fed.outboxRows(c.node(KOR)).stream().filter(r -> r.kind().equals("ITEM")).count();

        var approved = c.client(KOR).post("kor.disclosure", "/api/v1/releases/" + release + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(409);
        assertThat(approved.error()).isEqualTo("RELEASE_DENIED");
        assertThat(Fed.status(c, KOR, release)).isEqualTo("AWAITING_APPROVAL");
        assertThat(Fed.outboxRows(c.node(KOR)).stream().filter(r -> r.kind().equals("ITEM")).count())
                .isEqualTo(itemsOutBefore);

        c.node(KOR).integrateNow();
        assertThat(c.node(KOR).auditLog().entries(0, 1000)).anySatisfy(e -> assertThat(e)
                .contains("\"type\":\"DECISION\"").contains("\"purpose\":\"approval\"").contains(release));
    }
}
