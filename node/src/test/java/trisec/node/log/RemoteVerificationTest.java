package trisec.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.node.Cluster.KOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.DomainException;
import trisec.node.Cluster;
import trisec.scenario.file.ScenarioFiles;

/** An auditor checks a live node: keys trusted on first use, then consistency and inclusion each time. */
class RemoteVerificationTest {
    private Cluster c;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        c = Cluster.start(List.of(KOR), ScenarioFiles.shipped(), Optional.empty(), cfg -> cfg);
    }

    @AfterEach
    void stop() {
        c.close();
    }

    private RemoteVerification verifier(Path state) {
        return new RemoteVerification(c.client(KOR).base(), c.client(KOR).token("kor.auditor"), state);
    }

    private void activity(int n) {
        for (int i = 0; i < n; i++) {
            c.client(KOR).get("kor.officer", "/api/v1/agreements?at=2019-09-01");
            c.client(KOR).get("kor.officer", "/api/v1/decide?originator=USA&to=JPN&level=SECRET&topic=dprk&at=2017-03-01");
        }
        c.node(KOR).integrateNow();
    }

    @Test
    void theFirstRunTrustsTheKeysAndLaterRunsProveConsistency() {
        activity(3);
        Path state = dir.resolve("state.json");
        var first = verifier(state).verify(16, 1);
        assertThat(first.previousSize()).isZero();
        assertThat(first.sampled()).isEqualTo(16);
        assertThat(Files.exists(state)).isTrue();

        activity(200);
        var second = verifier(state).verify(16, 2);
        assertThat(second.previousSize()).isEqualTo(first.size());
        assertThat(second.size()).isGreaterThanOrEqualTo(first.size() + 200);
        assertThat(second.checked()).anySatisfy(s -> assertThat(s).contains("consistent with the checkpoint of size "
                + first.size()));
    }

    @Test
    void aCheckpointThatDoesNotExtendTheOneSeenBeforeFails() throws Exception {
        activity(3);
        Path state = dir.resolve("state.json");
        var first = verifier(state).verify(4, 1);
        // Pretend the last checkpoint seen had another root: the node's history would then have been rewritten.
        String text = Files.readString(state);
        Files.writeString(state, text.replaceAll("\"root\":\"[^\"]+\"", "\"root\":\"" + "A".repeat(43) + "=\""));
        activity(2);
        assertThatThrownBy(() -> verifier(state).verify(4, 1)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not consistent with the one of size " + first.size());
    }

    @Test
    void changedKeysAreRefused() throws Exception {
        activity(1);
        Path state = dir.resolve("state.json");
        verifier(state).verify(2, 1);
        Files.writeString(state, Files.readString(state).replaceAll("\"origin\":\"[^\"]+\"", "\"origin\":\"trisec.KOR/0000000000000000\""));
        assertThatThrownBy(() -> verifier(state).verify(2, 1)).hasMessageContaining("keys changed");
    }

    @Test
    void aPersonWhoIsNotAnAuditorCannotRunIt() {
        activity(1);
        var officer = new RemoteVerification(c.client(KOR).base(), c.client(KOR).token("kor.officer"), dir.resolve("s"));
        assertThatThrownBy(() -> officer.verify(2, 1)).hasMessageContaining("403");
    }
}
