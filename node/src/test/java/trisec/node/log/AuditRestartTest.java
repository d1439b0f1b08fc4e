package trisec.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.KOR;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.item.Items;
import trisec.scenario.file.ScenarioFiles;

/** A node stopped with entries not yet in its log integrates them on restart: the log and the actions agree. */
class AuditRestartTest {

    @Test
    void entriesPendingAtAStopAreIntegratedOnceAfterTheRestart() {
        try (Cluster c = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), cfg -> cfg)) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.client(KOR).post("kor.officer", "/api/v1/items", """
                        {"title":"t","body":"b","level":"군사Ⅲ급비밀","topic":"dprk.nuclear","relTo":[],"caveats":[]}""")
                        .status()).isEqualTo(201);
            }
            c.stop(KOR);
            c.restart(KOR, cfg -> cfg);
            c.node(KOR).integrateNow();

            var log = c.node(KOR).auditLog();
            long created = log.entries(0, 10_000).stream().filter(e -> e.contains("\"type\":\"ITEM_CREATED\"")).count();
            long items = c.node(KOR).self().store().read(Items::all).size();
            assertThat(created).isEqualTo(items).isEqualTo(5);
            assertThat(log.pending()).isZero();
            assertThat(log.latest().orElseThrow().size()).isEqualTo(log.head().size());
            var report = OfflineVerification.verify(c.node(KOR).self().store(), c.keys(KOR).identity(),
                    trisec.node.Node.logKeys(c.config(KOR).dataDir()).getPublic());
            assertThat(report.problem()).isEmpty();
        }
    }
}
