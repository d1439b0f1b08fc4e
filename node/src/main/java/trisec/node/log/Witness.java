package trisec.node.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.audit.merkle.Verify;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Cosignatures;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.audit.note.NoteVerifier;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.node.base.Json;
import trisec.node.base.Peer;
import trisec.node.base.PeerClient;
import trisec.node.base.Peers;
import trisec.node.store.Store;
import trisec.party.Party;

/**
 * This node as a witness of its partners' logs. It polls each partner's checkpoint, checks the partner's
 * signatures, proves the new checkpoint consistent with the last one it accepted from that partner, and cosigns it
 * (C2SP tlog-cosignature), posting the cosignature back so that the partner serves it with its checkpoint. Two
 * checkpoints that cannot both be true — a fork — raise an alarm: an entry in this node's own log, and both signed
 * checkpoints kept as evidence.
 */
public final class Witness implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Witness.class);
    static final Duration PERIOD = Duration.ofSeconds(1);

    /** What a witness made of one partner checkpoint. */
    public enum Outcome { ACCEPTED, UNCHANGED, STALE, FORK, UNVERIFIED, UNREACHABLE }

    /**
     * A fork, with its evidence: the partner's checkpoint this node had accepted, the one that contradicts it, and
     * the consistency proof the partner served between them (empty when the two have the same size).
     */
    public record Alarm(String id, String party, String origin, String detail, String accepted, String conflicting,
                        List<String> proof, Instant raisedAt) {}

    private final Store store;
    private final Peers peers;
    private final String ownOrigin;
    private final PrivateKey cosigningKey;
    private final java.time.InstantSource clock;
    private final PeerClient client;
    private final ReceiptAudit receipts;
    private final trisec.node.base.Worker worker = new trisec.node.base.Worker("witness", PERIOD, () -> {
        pollAll();
        return false;
    }, log);

    private final java.util.function.Consumer<Party> answers;

    /**
     * @param resend  sends a message again whose receipt names nothing in the partner's log
     * @param answers told of each partner that served its checkpoint, i.e. is up and answering
     */
    public Witness(Store store, Peers peers, String ownOrigin, PrivateKey cosigningKey,
                   java.time.InstantSource clock, PeerClient client, Resend resend,
                   java.util.function.Consumer<Party> answers) {
        this.answers = answers;
        this.client = client;
        this.receipts = new ReceiptAudit(store, clock, client, resend);
        this.store = store;
        this.peers = peers;
        this.ownOrigin = ownOrigin;
        this.cosigningKey = cosigningKey;
        this.clock = clock;
    }

    public void start() {
        worker.start();
    }

    /** One round over every partner whose log key this node knows. */
    public List<Outcome> pollAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Peer p : peers.all()) {
            if (p.logKey().isPresent()) {
                try {
                    outcomes.add(poll(p));
                } catch (RuntimeException e) {
                    log.warn("witnessing {} failed: {}", p.identity().party(), e.toString());
                    outcomes.add(Outcome.UNREACHABLE);
                }
            }
        }
        return outcomes;
    }

    Outcome poll(Peer peer) {
        // The newest checkpoint, not the cosigned one /log/checkpoint serves: witnessing is what moves that on.
        Optional<String> note = get(peer, "/api/v1/log/checkpoint/latest");
        note.ifPresent(n -> answers.accept(peer.identity().party()));
        Outcome outcome = note.map(n -> observe(peer, n)).orElse(Outcome.UNREACHABLE);
        if (outcome == Outcome.ACCEPTED || outcome == Outcome.UNCHANGED) {
            receipts.check(peer);
        }
        return outcome;
    }

    /** Judges a checkpoint a partner served, and acts on it. */
    Outcome observe(Peer peer, String noteText) {
        Party party = peer.identity().party();
        String origin = Peer.logOrigin(peer.identity());
        SignedNote note;
        Checkpoint cp;
        try {
            note = SignedNote.parse(noteText);
            List<String> verified = Notes.verify(note, verifiers(peer));
            // Both of the partner's keys: the ML-DSA-87 line keeps the checkpoint authentic should Ed25519 fall.
            if (!verified.contains(origin) || !verified.contains(origin + AuditLog.ML_DSA_SUFFIX)) {
                throw new IllegalArgumentException("not signed by both of " + origin + "'s keys");
            }
            cp = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            log.warn("a checkpoint served as {}'s does not verify: {}", party, e.getMessage());
            return Outcome.UNVERIFIED;
        }
        if (!cp.origin().equals(origin)) {
            log.warn("{} served a checkpoint of another log ({})", party, cp.origin());
            return Outcome.UNVERIFIED;
        }
        Optional<Accepted> previous = accepted(origin);
        if (previous.isEmpty()) {
            return accept(peer, party, cp, note) ? Outcome.ACCEPTED : Outcome.STALE;
        }
        Accepted prev = previous.get();
        if (cp.size() == prev.size()) {
            if (java.util.Arrays.equals(cp.root(), prev.root())) {
                return Outcome.UNCHANGED;
            }
            return fork(party, origin, prev, noteText, List.of(),
                    "two checkpoints of size " + cp.size() + " with different roots");
        }
        long from = Math.min(cp.size(), prev.size());
        long to = Math.max(cp.size(), prev.size());
        byte[] fromRoot = cp.size() < prev.size() ? cp.root() : prev.root();
        byte[] toRoot = cp.size() < prev.size() ? prev.root() : cp.root();
        Optional<List<byte[]>> proof = consistencyProof(peer, from, to);
        if (proof.isEmpty()) {
            return Outcome.UNREACHABLE;
        }
        if (!Verify.consistency(from, to, fromRoot, toRoot, proof.get())) {
            return fork(party, origin, prev, noteText, proof.get(), "checkpoints of sizes " + from + " and " + to
                    + " are not consistent");
        }
        if (cp.size() < prev.size()) {
            return Outcome.STALE;
        }
        return accept(peer, party, cp, note) ? Outcome.ACCEPTED : Outcome.STALE;
    }

    private List<NoteVerifier> verifiers(Peer peer) {
        String origin = Peer.logOrigin(peer.identity());
        List<NoteVerifier> v = new ArrayList<>();
        v.add(Ed25519Notes.verifierFromVkey(peer.logKey().orElseThrow()));
        v.add(MlDsaNotes.verifier(origin + AuditLog.ML_DSA_SUFFIX, peer.identity()));
        return v;
    }

    private record Accepted(long size, byte[] root, String note) {}

    private Optional<Accepted> accepted(String origin) {
        return store.read(h -> h.createQuery("SELECT size, root, note FROM witnessed WHERE origin = :o")
                .bind("o", origin).map((rs, c) -> new Accepted(rs.getLong("size"), rs.getBytes("root"),
                        rs.getString("note"))).findOne());
    }

    /**
     * Records the checkpoint as the latest accepted and cosigns it, unless a tree at least as large was accepted
     * meanwhile (by another instance sharing the store): a witness never cosigns a smaller tree after a larger.
     */
    private boolean accept(Peer peer, Party party, Checkpoint cp, SignedNote note) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String origin = cp.origin();
        boolean recorded = store.inTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE witnessed SET size = :s, root = :r, note = :n, accepted_at = :at
                    WHERE origin = :o AND size < :s""")
                    .bind("s", cp.size()).bind("r", cp.root()).bind("n", note.format()).bind("at", now)
                    .bind("o", origin).execute();
            if (updated > 0) {
                return true;
            }
            if (h.createQuery("SELECT COUNT(*) FROM witnessed WHERE origin = :o").bind("o", origin)
                    .mapTo(Integer.class).one() > 0) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO witnessed (origin, party, size, root, note, accepted_at)
                    VALUES (:o, :p, :s, :r, :n, :at)""")
                    .bind("o", origin).bind("p", party.code()).bind("s", cp.size()).bind("r", cp.root())
                    .bind("n", note.format()).bind("at", now).execute();
            return true;
        });
        if (!recorded) {
            return false;
        }
        SignedNote.Signature cosig = Cosignatures.cosign(ownOrigin, cosigningKey, cp, clock.instant().getEpochSecond());
        String line = cosig.line();
        var body = new LinkedHashMap<String, String>();
        body.put("checkpoint", cp.text());
        body.put("cosignature", line);
        post(peer, "/log/cosignature", Json.write(body));
        return true;
    }

    /**
     * Raises the alarm for a fork once. The fork is named by the checkpoint accepted before it: whatever the partner
     * serves after that, as long as it contradicts that checkpoint, is the same fork, and is not raised again.
     */
    private Outcome fork(Party party, String origin, Accepted prev, String conflicting, List<byte[]> proof,
                         String detail) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String forkOf = origin + " " + prev.size() + " " + Base64.getEncoder().encodeToString(prev.root());
        String proofJson = Json.write(proof.stream().map(Base64.getEncoder()::encodeToString).toList());
        boolean raised;
        try {
            raised = store.inTransaction(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM audit_alarms WHERE fork_of = :f").bind("f", forkOf)
                        .mapTo(Integer.class).one() > 0) {
                    return false;
                }
                h.createUpdate("""
                        INSERT INTO audit_alarms (id, party, origin, detail, accepted, conflicting, raised_at, fork_of, proof)
                        VALUES (:id, :p, :o, :d, :a, :c, :at, :f, :pr)""")
                        .bind("id", id).bind("p", party.code()).bind("o", origin).bind("d", detail).bind("a", prev.note())
                        .bind("c", conflicting).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .bind("f", forkOf).bind("pr", proofJson).execute();
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.ALARM, now, party.code()).with("alarm", id)
                        .with("origin", origin).with("detail", detail));
                return true;
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Another instance sharing the store raised this fork between the check and the insert.
            if (!trisec.node.store.Store.isUniqueViolation(e)) {
                throw e;
            }
            raised = false;
        }
        if (raised) {
            log.error("FORK in {}'s log: {}", party, detail);
        }
        return Outcome.FORK;
    }

    public List<Alarm> alarms() {
        return store.read(h -> h.createQuery("SELECT * FROM audit_alarms ORDER BY raised_at, id")
                .map((rs, c) -> new Alarm(rs.getString("id"), rs.getString("party"), rs.getString("origin"),
                        rs.getString("detail"), rs.getString("accepted"), rs.getString("conflicting"),
                        proofOf(rs.getString("proof")), trisec.node.store.Store.instant(rs, "raised_at")))
                .list());
    }

    private static List<String> proofOf(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<String> hashes = new ArrayList<>();
            Json.MAPPER.readTree(json).forEach(n -> hashes.add(n.asText()));
            return List.copyOf(hashes);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The partner's consistency proof, or nothing when it could not be had: an answer that is not a proof (an
     * error page from a proxy, say) says nothing about the log, and must not be taken for a fork.
     */
    private Optional<List<byte[]>> consistencyProof(Peer peer, long from, long to) {
        return hashes(get(peer, "/api/v1/log/proof/consistency?from=" + from + "&to=" + to));
    }

    /** The hashes of a proof the partner served, or nothing when the answer is not a proof. */
    static Optional<List<byte[]>> hashes(Optional<String> answer) {
        return answer.flatMap(body -> {
            try {
                JsonNode hashes = Json.MAPPER.readTree(body).path("hashes");
                if (!hashes.isArray()) {
                    return Optional.empty();
                }
                List<byte[]> proof = new ArrayList<>();
                for (JsonNode n : hashes) {
                    if (!n.isTextual()) {
                        return Optional.empty();
                    }
                    proof.add(Base64.getDecoder().decode(n.asText()));
                }
                return Optional.of(proof);
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> get(Peer peer, String pathAndQuery) {
        return client.get(peer, pathAndQuery).filter(a -> a.status() == 200).map(PeerClient.Answer::body);
    }

    private void post(Peer peer, String path, String body) {
        if (client.post(peer, path, body).isEmpty()) {
            log.info("could not post a cosignature to {}", peer.identity().party());
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
