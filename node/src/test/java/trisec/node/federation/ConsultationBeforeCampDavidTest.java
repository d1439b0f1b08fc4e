package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;

/** Before 2023-08-18 there is no Commitment to Consult: no consultation is opened, and the answer says why. */
class ConsultationBeforeCampDavidTest {
    private Cluster c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
    }

    @Test
    void beforeCampDavidAConsultationIsRefusedNamingTheCommitmentAndItsStatus() {
        c = Cluster.trilateral(Instant.parse("2023-08-01T00:00:00Z"));
        String item = Fed.createItem(c, KOR, "군사Ⅱ급비밀", "dprk.missile");
        var r = c.client(KOR).post("kor.officer", "/api/v1/consultations", "{\"item\":\"" + item + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("COMMITMENT_NOT_IN_FORCE");
        assertThat(r.json().get("message").asText())
                .isEqualTo("camp-david-commitment-2023 is not yet signed on 2023-08-01: a consultation cannot be "
                        + "opened under it");
        var list = c.client(KOR).get("kor.officer", "/api/v1/consultations").json();
        assertThat(list.get("consultations")).isEmpty();
        assertThat(list.get("commitment").get("inForce").asBoolean()).isFalse();
        assertThat(list.get("commitment").get("status").asText()).isEqualTo("NOT_YET_SIGNED");
        assertThat(c.node(KOR).auditLog().entries(0, 10_000)).noneMatch(e -> e.contains("CONSULTATION"));
    }
}
