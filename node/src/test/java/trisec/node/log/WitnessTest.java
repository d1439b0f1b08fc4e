package trisec.node.log;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.node.Cluster.JPN;
import static trisec.node.Cluster.KOR;
import static trisec.node.Cluster.USA;

import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Cosignatures;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.node.Cluster;
import trisec.node.Node;
import trisec.node.base.Peer;
import trisec.scenario.file.ScenarioFiles;

/** Partners witness each other's logs: they cosign what is consistent and raise an alarm on a fork. */
class WitnessTest {
    private Cluster c;

    @BeforeEach
    void start() {
        // Witnessing is driven by hand (pollAll) so that each step is observed.
        c = Cluster.start(List.of(KOR, JPN, USA), ScenarioFiles.shipped(), Optional.empty(), cfg -> cfg.toBuilder().witness(false).build());
    }

    @AfterEach
    void stop() {
        c.close();
    }

    private Peer korAsSeenBy(trisec.party.Party witness) {
        return c.config(witness).peers().of(KOR).orElseThrow();
    }

    private void activity() {
        c.client(KOR).get("kor.officer", "/api/v1/me");
        c.client(KOR).post("kor.officer", "/api/v1/items", """
                {"title":"t","body":"b","level":"군사Ⅲ급비밀","topic":"dprk.nuclear","relTo":[],"caveats":[]}""");
        c.node(KOR).integrateNow();
    }

    @Test
    void partnersCosignTheCheckpointAndItIsServedWithTheirCosignatures() {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        assertThat(c.node(USA).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);

        SignedNote served = SignedNote.parse(c.client(KOR).get("kor.auditor", "/log/checkpoint").body());
        Checkpoint cp = Checkpoint.parse(served.text());
        for (var witness : List.of(JPN, USA)) {
            String name = Peer.logOrigin(c.keys(witness).identity());
            var sig = served.signatures().stream().filter(s -> s.keyName().equals(name)).findFirst().orElseThrow();
            assertThat(Cosignatures.verify(name, Node.logKeys(c.config(witness).dataDir()).getPublic(), cp, sig)).isTrue();
        }
    }

    @Test
    void aGrownLogIsAcceptedOnlyAfterItsConsistencyProofAndAnUnchangedOneIsLeftAlone() {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.UNCHANGED);
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        assertThat(c.node(JPN).witness().alarms()).isEmpty();
    }

    /** A checkpoint of KOR's log at {@code size} with a made-up root, signed with KOR's own keys. */
    private String forged(long size) {
        var dir = c.config(KOR).dataDir();
        String origin = Peer.logOrigin(c.keys(KOR).identity());
        byte[] root = new byte[32];
        root[0] = 42;
        String text = new Checkpoint(origin, size, root, List.of()).text();
        return Notes.sign(text, List.of(Ed25519Notes.signer(origin, Node.logKeys(dir).getPrivate()),
                MlDsaNotes.signer(origin + AuditLog.ML_DSA_SUFFIX, c.keys(KOR)))).format();
    }

    @Test
    void aForkedCheckpointRaisesAnAlarmWithBothCheckpointsAsEvidence() {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        long size = c.node(KOR).auditLog().head().size();
        String fork = forged(size);

        assertThat(c.node(JPN).witness().observe(korAsSeenBy(JPN), fork)).isEqualTo(Witness.Outcome.FORK);

        var alarms = c.client(JPN).get("jpn.auditor", "/api/v1/log/alarms").json().get("alarms");
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).get("party").asText()).isEqualTo("KOR");
        assertThat(alarms.get(0).get("conflicting").asText()).isEqualTo(fork);
        assertThat(Checkpoint.parse(SignedNote.parse(alarms.get(0).get("accepted").asText()).text()).size()).isEqualTo(size);
        c.node(JPN).integrateNow();
        assertThat(c.client(JPN).get("jpn.auditor", "/api/v1/log/entries?limit=1000").json().get("entries").toString())
                .contains("\"type\":\"ALARM\"");
    }

    @Test
    void aForkServedOverTheWireIsCaughtByThePollingWitness() throws Exception {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        long size = c.node(KOR).auditLog().head().size();
        String fork = forged(size + 5);
        int port = c.config(KOR).port();
        c.stop(KOR);
        // KOR's node is replaced by one that shows JPN another history: a bigger tree that does not extend the old.
        // It holds KOR's keys (KOR itself misbehaving), so it signs its answers as KOR's node does.
        Javalin impostor = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v1/log/checkpoint/latest", ctx -> signed(ctx, fork));
            cfg.routes.get("/api/v1/log/proof/consistency", ctx -> signed(ctx, "{\"hashes\":[]}"));
        }).start("127.0.0.1", port);
        try {
            assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.FORK);
        } finally {
            impostor.stop();
        }
        assertThat(c.node(JPN).witness().alarms()).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("not consistent"));
    }

    @Test
    void aCheckpointNotSignedByThePartnerIsNotAcceptedNorAlarmed() {
        activity();
        String origin = Peer.logOrigin(c.keys(KOR).identity());
        var stranger = trisec.node.keys.LogKeyFiles.loadOrCreate(c.config(JPN).dataDir().resolve("other"), "k");
        String text = new Checkpoint(origin, 1, new byte[32], List.of()).text();
        String note = Notes.sign(text, List.of(Ed25519Notes.signer(origin, stranger.getPrivate()))).format();
        assertThat(c.node(JPN).witness().observe(korAsSeenBy(JPN), note)).isEqualTo(Witness.Outcome.UNVERIFIED);
        assertThat(c.node(JPN).witness().alarms()).isEmpty();
    }

    @Test
    void aCheckpointSignedWithOnlyOneOfThePartnersKeysIsNotAccepted() {
        activity();
        String served = c.client(KOR).get("kor.auditor", "/log/checkpoint").body();
        var note = SignedNote.parse(served);
        String origin = Peer.logOrigin(c.keys(KOR).identity());
        var edOnly = Notes.sign(note.text(), List.of(Ed25519Notes.signer(origin,
                Node.logKeys(c.config(KOR).dataDir()).getPrivate()))).format();
        assertThat(c.node(JPN).witness().observe(korAsSeenBy(JPN), edOnly)).isEqualTo(Witness.Outcome.UNVERIFIED);
        assertThat(c.node(JPN).witness().observe(korAsSeenBy(JPN), served)).isEqualTo(Witness.Outcome.ACCEPTED);
    }

    @Test
    void anAnswerNotSignedByThePartnerIsNoAnswer() throws Exception {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        long size = c.node(KOR).auditLog().head().size();
        String fork = forged(size + 5);
        int port = c.config(KOR).port();
        c.stop(KOR);
        // Whoever answers in KOR's place without KOR's node key: even a checkpoint signed with KOR's log keys is not
        // taken from it, as the answer is not KOR's node's answer to JPN's request.
        Javalin impostor = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v1/log/checkpoint/latest", ctx -> ctx.result(fork));
            cfg.routes.get("/api/v1/log/proof/consistency", ctx -> ctx.result("{\"hashes\":[]}"));
        }).start("127.0.0.1", port);
        try {
            assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.UNREACHABLE)
                    .doesNotContain(Witness.Outcome.FORK);
        } finally {
            impostor.stop();
        }
        assertThat(c.node(JPN).witness().alarms()).isEmpty();
    }

    @Test
    void aProofThatIsNotAProofIsNoFork() throws Exception {
        activity();
        assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.ACCEPTED);
        activity();
        String grown = c.client(KOR).get("kor.auditor", "/api/v1/log/checkpoint/latest").body();
        int port = c.config(KOR).port();
        c.stop(KOR);
        // KOR's node answers the proof request with an error page, status 200, signed as its answers are (an
        // unsigned page, as a proxy's, is not taken as KOR's answer at all).
        Javalin proxy = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v1/log/checkpoint/latest", ctx -> signed(ctx, grown));
            cfg.routes.get("/api/v1/log/proof/consistency", ctx -> signed(ctx, "<html>bad gateway</html>"));
        }).start("127.0.0.1", port);
        try {
            assertThat(c.node(JPN).witness().pollAll()).contains(Witness.Outcome.UNREACHABLE)
                    .doesNotContain(Witness.Outcome.FORK);
        } finally {
            proxy.stop();
        }
        assertThat(c.node(JPN).witness().alarms()).isEmpty();
    }

    @Test
    void aCosignatureSentWithItsNewlineLeavesTheServedCheckpointReadable() {
        activity();
        String served = c.client(KOR).get("kor.auditor", "/log/checkpoint").body();
        var cp = Checkpoint.parse(SignedNote.parse(served).text());
        String jpn = Peer.logOrigin(c.keys(JPN).identity());
        var line = Cosignatures.cosign(jpn, Node.logKeys(c.config(JPN).dataDir()).getPrivate(), cp,
                java.time.Instant.now().getEpochSecond()).line();
        var body = trisec.node.base.Json.MAPPER.createObjectNode().put("checkpoint", cp.text()).put("cosignature", line + "\n");
        var posted = c.client(KOR).raw(trisec.node.base.NodeAuth.header(c.keys(JPN), "POST", "/log/cosignature",
                        body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.net.http.HttpRequest.newBuilder(c.client(KOR).base().resolve("/log/cosignature"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        var reread = SignedNote.parse(c.client(KOR).get("kor.auditor", "/log/checkpoint").body());
        assertThat(reread.signatures()).extracting(SignedNote.Signature::keyName).contains(jpn);
    }

    /** Answers as KOR's node would: the body, signed for the partner's request with KOR's keys. */
    private void signed(io.javalin.http.Context ctx, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.header(trisec.node.base.NodeAuth.ANSWER_HEADER, trisec.node.base.NodeAuth.answer(c.keys(KOR),
                trisec.node.base.NodeAuth.signed(ctx.header("Authorization")).orElseThrow(), ctx.method().name(),
                target, 200, bytes));
        ctx.result(bytes);
    }
}
