package trisec.node.log;

import trisec.node.base.Peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trisec.envelope.NodeKeys;
import trisec.node.Node;
import trisec.node.store.Store;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * A log rebuilt offline from the store detects any changed byte in an entry, a tile or a checkpoint, and names
 * the first bad index; an interrupted integration leaves the log and the actions in agreement.
 */
class TamperTest {
    private static final Party KOR = Party.of("KOR");
    private Path dir;
    private Store store;
    private AuditLog log;
    private NodeKeys keys;

    @BeforeEach
    void log() throws Exception {
        dir = Files.createTempDirectory("trisec-audit-");
        keys = Node.keys(dir, KOR);
        var logKeys = Node.logKeys(dir);
        store = Store.embedded(dir);
        String origin = Peer.logOrigin(keys.identity());
        log = new AuditLog(store, java.time.InstantSource.system(), origin, List.of(
                trisec.audit.note.Ed25519Notes.signer(origin, logKeys.getPrivate()),
                trisec.audit.note.MlDsaNotes.signer(origin + AuditLog.ML_DSA_SUFFIX, keys)));
        // 700 entries over three checkpoints: tiles at two levels are not needed, but partial tiles are.
        for (int round = 0; round < 3; round++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 250 - 20 * round; i++) {
                batch.add(AuditEntry.of(AuditEntry.Type.LOGIN, Instant.parse("2026-01-01T00:00:00Z"), "user" + round + "." + i).json());
            }
            store.useTransaction(h -> AuditLog.appendAll(h, batch));
            log.integrate(10_000);
            assertThat(log.checkpoint()).isPresent();
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OfflineVerification.Report verify() {
        return OfflineVerification.verify(store, keys.identity(), Node.logKeys(dir).getPublic());
    }

    @Test
    void anUntouchedLogVerifies() {
        var report = verify();
        assertThat(report.problem()).isEmpty();
        assertThat(report.entries()).isEqualTo(690);
        assertThat(report.checkpoints()).isEqualTo(3);
    }

    @Test
    void oneChangedByteInAnEntryIsFoundAndNamed() {
        store.useTransaction(h -> {
            byte[] entry = h.createQuery("SELECT entry FROM audit_entries WHERE idx = 267").mapTo(byte[].class).one();
            entry[entry.length / 2] ^= 1;
            h.createUpdate("UPDATE audit_entries SET entry = :e WHERE idx = 267").bind("e", entry).execute();
        });
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("entry 267:"));
    }

    @Test
    void oneChangedByteInAStoredHashIsFoundAndNamed() {
        store.useTransaction(h -> {
            byte[] tile = h.createQuery("SELECT hashes FROM audit_tiles WHERE level = 0 AND idx = 1").mapTo(byte[].class).one();
            tile[32 * 5 + 7] ^= 1;
            h.createUpdate("UPDATE audit_tiles SET hashes = :h WHERE level = 0 AND idx = 1").bind("h", tile).execute();
        });
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("entry 261:"));
    }

    @Test
    void aChangedCheckpointFailsVerification() {
        store.useTransaction(h -> {
            String note = h.createQuery("SELECT note FROM audit_checkpoints WHERE size = 480").mapTo(String.class).one();
            h.createUpdate("UPDATE audit_checkpoints SET note = :n WHERE size = 480")
                    .bind("n", note.replace("\n480\n", "\n481\n")).execute();
        });
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("checkpoint of size 480"));
    }

    @Test
    void aMissingTileIsFoundAndNamed() {
        store.useTransaction(h -> h.execute("DELETE FROM audit_tiles WHERE level = 0 AND idx = 1"));
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).isEqualTo(
                "tile 0/1 (from entry 256) is missing"));
    }

    @Test
    void ofSeveralBadPlacesTheLowestEntryIsNamed() {
        store.useTransaction(h -> {
            byte[] entry = h.createQuery("SELECT entry FROM audit_entries WHERE idx = 600").mapTo(byte[].class).one();
            entry[entry.length / 2] ^= 1;
            h.createUpdate("UPDATE audit_entries SET entry = :e WHERE idx = 600").bind("e", entry).execute();
            byte[] tile = h.createQuery("SELECT hashes FROM audit_tiles WHERE level = 1 AND idx = 0").mapTo(byte[].class).one();
            tile[3] ^= 1;
            h.createUpdate("UPDATE audit_tiles SET hashes = :h WHERE level = 1 AND idx = 0").bind("h", tile).execute();
        });
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("tile 1/0 (from entry 0)"));
    }

    @Test
    void aMissingEntryIsFoundAndNamed() {
        store.useTransaction(h -> h.execute("DELETE FROM audit_entries WHERE idx = 400"));
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("entry 400 is missing"));
    }

    @Test
    void anInterruptedIntegrationChangesNothingAndTheNextOneCompletesIt() {
        var before = log.head();
        store.useTransaction(h -> AuditLog.appendAll(h, List.of("{\"type\":\"A\"}", "{\"type\":\"B\"}")));
        // Something already at the next index makes the integration fail half-way: it must roll back whole.
        store.useTransaction(h -> h.execute("INSERT INTO audit_entries (idx, entry) VALUES (" + before.size() + ", X'78')"));
        try {
            log.integrate(10_000);
        } catch (RuntimeException expected) {
            // the integration failed
        }
        assertThat(log.head().size()).isEqualTo(before.size());
        assertThat(log.pending()).isEqualTo(2);
        store.useTransaction(h -> h.execute("DELETE FROM audit_entries WHERE idx = " + before.size()));
        assertThat(log.integrate(10_000)).isEqualTo(2);
        assertThat(log.head().size()).isEqualTo(before.size() + 2);
        assertThat(log.checkpoint()).isPresent();
        assertThat(verify().problem()).isEmpty();
    }

    @Test
    void anActionThatRollsBackLeavesNoEntry() {
        long pending = log.pending();
        try {
            store.useTransaction(h -> {
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.ITEM_CREATED, Instant.now(), "x"));
                throw new IllegalStateException("the action failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(log.pending()).isEqualTo(pending);
    }

    @Test
    void aNodeNeverSignsACheckpointInconsistentWithItsLast() {
        // Rewrite history under the node (entry 512's hash, in the partial tile the root is computed from): the
        // integrator then refuses to sign what no longer extends the last checkpoint.
        store.useTransaction(h -> AuditLog.appendAll(h, List.of("{\"type\":\"C\"}")));
        store.useTransaction(h -> {
            byte[] tile = h.createQuery("SELECT hashes FROM audit_tiles WHERE level = 0 AND idx = 2").mapTo(byte[].class).one();
            java.util.Arrays.fill(tile, 0, 32, (byte) 0);
            h.createUpdate("UPDATE audit_tiles SET hashes = :h WHERE level = 0 AND idx = 2").bind("h", tile).execute();
        });
        log.integrate(10_000);
        assertThat(log.checkpoint()).isEmpty();
        assertThat(log.latest().orElseThrow().size()).isEqualTo(690);
    }
}
