package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.node.Client;
import trisec.node.Cluster;
import trisec.node.store.Databases;
import trisec.party.Party;

/**
 * The warnings' index (the warnings and warning_versions tables) says what the items say: a version opened,
 * updated, closed or retracted here, received from a partner or retracted by its originator's notice, changes it in
 * the same transaction; a store that held warnings before the index is indexed at start-up; and who sees a warning
 * is still decided on its item. On the embedded store, and with KOR's and JPN's stores on PostgreSQL.
 */
class WarningIndexTest {
    private static final Instant DETECTED = Instant.parse("2024-10-30T22:11:30Z");

    private Cluster c;
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
        schemas.forEach(Databases::dropSchema);
    }

    /** KOR, JPN and USA on 2024-10-31, KOR's warnings released by a standing authority; KOR and JPN on PostgreSQL. */
    private void start(boolean postgres) {
        if (postgres) {
            assumeTrue(Databases.postgresMissing().isEmpty(), () -> Databases.postgresMissing().orElse(""));
            schemas.add(Databases.freshPostgresSchema());
            schemas.add(Databases.freshPostgresSchema());
        }
        c = Cluster.start(List.of(KOR, JPN, USA), trisec.scenario.file.ScenarioFiles.shipped(),
                Optional.of(Instant.parse("2024-10-31T00:00:00Z")), cfg -> !postgres || cfg.party().equals(USA) ? cfg
                        : cfg.toBuilder().database(Optional.of(schemas.get(cfg.party().equals(KOR) ? 0 : 1))).build());
        if (postgres) {
            assertThat(c.node(KOR).self().store().isPostgres()).isTrue();
            assertThat(c.node(JPN).self().store().isPostgres()).isTrue();
        }
    }

    private Client kor() {
        return c.client(KOR);
    }

    /** A warning's row in a node's index: its latest version's item, and whether that version is open. */
    private record Indexed(String itemId, boolean open) {}

    private Optional<Indexed> indexed(Party at, String track) {
        return c.node(at).self().store().read(h -> h.createQuery("""
                SELECT item_id, closed_at FROM warnings WHERE party = 'KOR' AND track = :t""").bind("t", track)
                .map((rs, x) -> new Indexed(rs.getString("item_id"), rs.getObject("closed_at") == null)).findOne());
    }

    private long versionsIndexed(Party at, String track) {
        return c.node(at).self().store().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM warning_versions WHERE party = 'KOR' AND track = :t").bind("t", track)
                .mapTo(Long.class).one());
    }

    private static JsonNode listed(Cluster c, Party p, String user, String track) {
        for (JsonNode w : c.client(p).get(user, "/api/v1/warnings").json().get("warnings")) {
            if (w.get("track").asText().equals(track)) {
                return w;
            }
        }
        return null;
    }

    private String post(String path, String body) {
        var r = kor().post("kor.officer", path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("itemId").asText();
    }

    @ParameterizedTest(name = "on PostgreSQL: {0}")
    @ValueSource(booleans = {false, true})
    void theIndexFollowsEveryVersionHereAndAtThePartnersAndARestartedNodeStillListsThem(boolean postgres) {
        start(postgres);
        Fed.secondOfficial(c, KOR);
        Fed.proposeAndApprove(c, KOR, Fed.KOREAN_WARNINGS);

        String opened = post("/api/v1/warnings", """
                {"track":"TN-1","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(DETECTED, MissileWarningTest.state("2024-10-31", DETECTED, 0.6)));
        assertThat(indexed(KOR, "TN-1")).contains(new Indexed(opened, true));
        // Received from KOR: directly at the USA, through the USA (the mechanism's hub) at JPN.
        Cluster.eventually(() -> indexed(JPN, "TN-1").equals(Optional.of(new Indexed(opened, true)))
                && indexed(USA, "TN-1").equals(Optional.of(new Indexed(opened, true))), "the partners index it");

        String updated = post("/api/v1/warnings/TN-1/updates", "{\"state\":"
                + MissileWarningTest.state("2024-10-31", DETECTED.plusSeconds(60), 0.9) + "}");
        assertThat(indexed(KOR, "TN-1")).contains(new Indexed(updated, true));
        String closed = post("/api/v1/warnings/TN-1/close", """
                {"at":"%s","splashdown":{"lat":41.8,"lon":137.2}}""".formatted(DETECTED.plusSeconds(5200)));
        assertThat(indexed(KOR, "TN-1")).contains(new Indexed(closed, false));
        assertThat(versionsIndexed(KOR, "TN-1")).isEqualTo(3);
        Cluster.eventually(() -> indexed(JPN, "TN-1").equals(Optional.of(new Indexed(closed, false))),
                "JPN indexes the closed version");
        assertThat(listed(c, JPN, "jpn.analyst", "TN-1").get("status").asText()).isEqualTo("CLOSED");

        // Access is still the items': a person without need-to-know for dprk sees nothing, here or at a partner.
        assertThat(kor().get("kor.guest", "/api/v1/warnings").json().get("warnings").size()).isZero();
        assertThat(c.client(JPN).get("jpn.guest", "/api/v1/warnings").json().get("warnings").size()).isZero();
        assertThat(c.client(JPN).get("jpn.guest", "/api/v1/warnings/KOR/TN-1").status()).isEqualTo(404);

        // The originator withdraws the close alone: the warning is its update again, here and, told, at JPN.
        assertThat(kor().post("kor.officer", "/api/v1/items/" + closed + "/retract", "").status()).isEqualTo(200);
        assertThat(indexed(KOR, "TN-1")).contains(new Indexed(updated, true));
        assertThat(listed(c, KOR, "kor.analyst", "TN-1").get("status").asText()).isEqualTo("OPEN");
        Cluster.eventually(() -> indexed(JPN, "TN-1").equals(Optional.of(new Indexed(updated, true))),
                "JPN falls back to the update on the retraction's notice");

        // A store that held warnings before the index: JPN's index emptied, then JPN restarted on its store.
        c.node(JPN).self().store().useTransaction(h -> {
            h.execute("DELETE FROM warnings");
            h.execute("DELETE FROM warning_versions");
        });
        c.restart(JPN, cfg -> cfg);
        assertThat(indexed(JPN, "TN-1")).contains(new Indexed(updated, true));
        JsonNode atJapan = listed(c, JPN, "jpn.analyst", "TN-1");
        assertThat(atJapan).isNotNull();
        assertThat(atJapan.at("/warning/states").size()).isEqualTo(2);
        // A version an instance wrote without indexing it (an earlier version, sharing the store): KOR's index lacks
        // the update alone, and the restarted node indexes it.
        c.node(KOR).self().store().useTransaction(h -> {
            h.execute("DELETE FROM warning_versions WHERE item_id = ?", updated);
            h.execute("DELETE FROM warnings WHERE item_id = ?", updated);
        });
        c.restart(KOR, cfg -> cfg);
        assertThat(indexed(KOR, "TN-1")).contains(new Indexed(updated, true));
        assertThat(listed(c, KOR, "kor.analyst", "TN-1").get("itemId").asText()).isEqualTo(updated);

        // Withdrawn whole: gone from every index.
        assertThat(kor().post("kor.officer", "/api/v1/warnings/TN-1/retract", "").status()).isEqualTo(200);
        assertThat(indexed(KOR, "TN-1")).isEmpty();
        assertThat(versionsIndexed(KOR, "TN-1")).isZero();
        Cluster.eventually(() -> indexed(JPN, "TN-1").isEmpty() && indexed(USA, "TN-1").isEmpty(),
                "the partners drop it on the notices");
        assertThat(listed(c, JPN, "jpn.analyst", "TN-1")).isNull();
    }

    @ParameterizedTest(name = "on PostgreSQL: {0}")
    @ValueSource(booleans = {false, true})
    void aReaderWhoMayNotReadTheLatestVersionSeesNoWarningNotAnOlderState(boolean postgres) {
        start(postgres);
        post("/api/v1/warnings", """
                {"track":"TN-2","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(DETECTED, MissileWarningTest.state("2024-10-31", DETECTED, 0.6)));
        String updated = post("/api/v1/warnings/TN-2/updates", "{\"state\":"
                + MissileWarningTest.state("2024-10-31", DETECTED.plusSeconds(60), 0.9) + "}");
        assertThat(listed(c, KOR, "kor.analyst", "TN-2")).isNotNull();

        // The latest version is marked up beyond the analyst's clearance: the index is unchanged, the access is not.
        var up = kor().post("kor.officer", "/api/v1/items/" + updated + "/reclassify", "{\"level\":\"군사Ⅰ급비밀\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(indexed(KOR, "TN-2")).contains(new Indexed(updated, true));
        assertThat(kor().get("kor.analyst", "/api/v1/warnings").body()).doesNotContain("TN-2");
        assertThat(kor().get("kor.analyst", "/api/v1/warnings/KOR/TN-2").status()).isEqualTo(404);
        assertThat(listed(c, KOR, "kor.officer", "TN-2").at("/warning/states").size()).isEqualTo(2);

        // An officer cleared only to Class II does not see TN-2 either, yet cannot open another warning under it:
        // a track number is one warning's, whoever may read it, and the refusal says nothing of its content.
        var r = kor().post("kor.admin", "/api/v1/persons", """
                {"username":"kor.officer2","password":"second-officer","clearance":"군사Ⅱ급비밀",
                 "needToKnow":["dprk"],"roles":["officer"]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        kor().signIn("kor.officer2", "second-officer");
        assertThat(kor().get("kor.officer2", "/api/v1/warnings").body()).doesNotContain("TN-2");
        var again = kor().post("kor.officer2", "/api/v1/warnings", """
                {"track":"TN-2","sensor":"Green Pine","detectedAt":"%s","state":%s,"level":"군사Ⅱ급비밀"}"""
                .formatted(DETECTED.plusSeconds(3600), MissileWarningTest.state("2024-10-31",
                        DETECTED.plusSeconds(3600), 0.6)));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("TN-2").doesNotContain("Hwasong");
        assertThat(indexed(KOR, "TN-2")).contains(new Indexed(updated, true));
        assertThat(listed(c, KOR, "kor.officer", "TN-2").at("/warning/states").size()).isEqualTo(2);
    }
}
