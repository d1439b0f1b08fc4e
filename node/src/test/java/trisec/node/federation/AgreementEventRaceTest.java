package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import trisec.node.Cluster;
import trisec.node.federation.Messages.EventNote;
import trisec.scenario.file.ScenarioFiles;

/**
 * Agreement events that each fit the facts alone but not together — here termination notices of the same
 * agreement, from the node's own administrator and in partners' notes, all at once — are checked one after
 * another: exactly one is recorded, and the node starts again on what it stored.
 */
class AgreementEventRaceTest {
    static final String GSOMIA = "kor-jpn-gsomia-2016";
    static final int LOCAL = 4;
    static final int NOTES = 16;

    @Test
    void concurrentNoticesOfOneAgreementRecordOnlyOne() throws Exception {
        try (Cluster c = Cluster.start(List.of(KOR, JPN), ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2026-09-01T00:00:00Z")), cfg -> cfg)) {
            // Sealed beforehand, so that the requests themselves arrive together.
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < NOTES; i++) {
                var note = new EventNote(UUID.randomUUID().toString(), GSOMIA, "TERMINATION_NOTICE",
                        "2026-08-%02dT00:00:00Z".formatted(i + 1), "JPN", "2026-11-23T00:00:00Z", "note " + i);
                notes.add(Wire.encode(Fed.seal(c.keys(JPN), c.keys(KOR).identity(), Messages.EVENT_NOTE,
                        UUID.randomUUID(), Postbox.UNCLASSIFIED_HEADER, note)));
            }
            var start = new CountDownLatch(1);
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < LOCAL; i++) {
                String body = """
                        {"type":"TERMINATION_NOTICE","date":"2026-08-0%d","by":"KOR","effective":"2026-11-23",
                         "note":"local %d"}""".formatted(i + 1, i);
                attempts.add(() -> {
                    start.await();
                    return c.client(KOR).post("kor.admin", "/api/v1/agreements/" + GSOMIA + "/events", body).status();
                });
            }
            for (String envelope : notes) {
                attempts.add(() -> {
                    start.await();
                    return Fed.post(c, KOR, envelope).status();
                });
            }
            List<Future<Integer>> answers = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                attempts.forEach(a -> answers.add(pool.submit(a)));
                start.countDown();
            }
            for (var a : answers) {
                assertThat(a.get()).isIn(200, 201, 422);
            }

            var notices = Fed.recordedEvents(c.node(KOR)).stream()
                    .filter(r -> r.agreementId().equals(GSOMIA) && r.type().equals("TERMINATION_NOTICE")).toList();
            assertThat(notices).hasSize(1);
            String status = c.client(KOR).get("kor.analyst", "/api/v1/agreements?at=2026-09-01").body();
            c.restart(KOR, cfg -> cfg);
            assertThat(c.client(KOR).get("kor.analyst", "/api/v1/agreements?at=2026-09-01").body()).isEqualTo(status);
        }
    }
}
