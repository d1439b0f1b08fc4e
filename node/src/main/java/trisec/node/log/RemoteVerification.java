package trisec.node.log;

import trisec.node.base.Peer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import trisec.DomainException;
import trisec.audit.merkle.Rfc6962;
import trisec.audit.merkle.Verify;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.MlDsaNotes;
import trisec.audit.note.Notes;
import trisec.audit.note.SignedNote;
import trisec.audit.tiles.EntryBundles;
import trisec.audit.tiles.Tiles;
import trisec.envelope.PublicIdentity;
import trisec.node.base.Json;
import trisec.node.base.Peers;

/**
 * Checks a live node's log from outside, as an auditor would: the node's keys are trusted on first use and kept
 * in a state file with the last checkpoint seen; each run verifies the new checkpoint's signatures, proves it
 * consistent with the last one, and checks that a sample of entries (always including the newest) is included.
 */
public final class RemoteVerification {

    public record Report(String origin, long size, long previousSize, int sampled, List<String> checked) {}

    private final URI base;
    private final String token;
    private final Path state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RemoteVerification(URI base, String token, Path state) {
        this.base = base;
        this.token = token;
        this.state = state;
    }

    /** @throws DomainException saying what failed: the verification, or reaching the node */
    public Report verify(int samples, long seed) {
        return verify(samples, seed, List.of());
    }

    /**
     * Also checks the served checkpoint against checkpoints of this log held elsewhere (as the witnesses cosigned
     * them): it may not be smaller than any of them, and must be consistent with each.
     */
    public Report verify(int samples, long seed, List<String> witnessedNotes) {
        JsonNode identityJson = json(get("/federation/v1/identity", false));
        var identityEntry = identityJson.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) identityEntry).put("url", base.toString());
        var peer = Peers.peer(identityEntry, base + " identity");
        PublicIdentity identity = peer.identity();
        String logKey = peer.logKey().orElseThrow(() -> new DomainException(base + " publishes no log key"));
        String origin = Peer.logOrigin(identity);
        List<String> checked = new ArrayList<>();

        Map<String, Object> known = readState();
        if (!known.isEmpty()) {
            if (!origin.equals(known.get("origin")) || !logKey.equals(known.get("logKey"))) {
                throw new DomainException("the node's keys changed since " + state + " was written (was "
                        + known.get("origin") + "); verify the new keys out of band, then remove the state file");
            }
        }
        String noteText = get("/log/checkpoint", true);
        SignedNote note;
        Checkpoint cp;
        try {
            note = SignedNote.parse(noteText);
            List<String> signers = Notes.verify(note, List.of(Ed25519Notes.verifierFromVkey(logKey),
                    MlDsaNotes.verifier(origin + AuditLog.ML_DSA_SUFFIX, identity)));
            if (!signers.contains(origin) || !signers.contains(origin + AuditLog.ML_DSA_SUFFIX)) {
                throw new DomainException("the checkpoint lacks one of the node's signatures");
            }
            cp = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            throw new DomainException("the checkpoint does not verify: " + e.getMessage());
        }
        if (!cp.origin().equals(origin)) {
            throw new DomainException("the checkpoint is of another log: " + cp.origin());
        }
        checked.add("checkpoint of size " + cp.size() + " signed by " + origin + " (Ed25519 and ML-DSA-87)");
        long previous = 0;
        if (!known.isEmpty()) {
            previous = ((Number) known.get("size")).longValue();
            byte[] previousRoot = Base64.getDecoder().decode((String) known.get("root"));
            if (cp.size() < previous) {
                throw new DomainException("the log shrank: size " + cp.size() + " after " + previous + " was seen");
            }
            List<byte[]> proof = proof("/api/v1/log/proof/consistency?from=" + previous + "&to=" + cp.size());
            if (!Verify.consistency(previous, cp.size(), previousRoot, cp.root(), proof)) {
                throw new DomainException("the checkpoint of size " + cp.size()
                        + " is not consistent with the one of size " + previous + " seen before");
            }
            checked.add("consistent with the checkpoint of size " + previous + " seen before");
        }
        List<Witnessed> witnessed = Witnessed.read(witnessedNotes, identity, Ed25519Notes.verifierFromVkey(logKey));
        Checkpoint against = cp;
        if (witnessed.stream().anyMatch(w -> w.checkpoint().size() > cp.size())) {
            // /log/checkpoint serves the newest cosigned checkpoint, which may lag the newest signed one that a
            // witness holds by a few seconds: compare with the newest before calling it a rollback.
            Witnessed newest = Witnessed.read(List.of(get("/api/v1/log/checkpoint/latest", true)), identity,
                    Ed25519Notes.verifierFromVkey(logKey)).getFirst();
            if (newest.checkpoint().size() > cp.size()) {
                List<byte[]> proof = proof("/api/v1/log/proof/consistency?from=" + cp.size() + "&to="
                        + newest.checkpoint().size());
                if (cp.size() > 0 && !Verify.consistency(cp.size(), newest.checkpoint().size(), cp.root(),
                        newest.checkpoint().root(), proof)) {
                    throw new DomainException("the node's newest checkpoint is not consistent with the one it serves");
                }
                against = newest.checkpoint();
            }
        }
        for (Witnessed w : witnessed) {
            long size = w.checkpoint().size();
            if (size > against.size()) {
                throw new DomainException("the node's newest checkpoint has size " + against.size()
                        + ", smaller than " + w.describe() + ": its log was rolled back or truncated");
            }
            if (size == 0) {
                continue;
            }
            List<byte[]> proof = size == against.size() ? List.of()
                    : proof("/api/v1/log/proof/consistency?from=" + size + "&to=" + against.size());
            if (!Verify.consistency(size, against.size(), w.checkpoint().root(), against.root(), proof)) {
                throw new DomainException("the node's checkpoint of size " + against.size() + " is not consistent with "
                        + w.describe());
            }
            checked.add("consistent with " + w.describe());
        }
        int sampled = 0;
        if (cp.size() > 0) {
            var random = new SplittableRandom(seed);
            List<Long> indices = new ArrayList<>();
            indices.add(cp.size() - 1);
            for (int i = 1; i < samples; i++) {
                indices.add(random.nextLong(cp.size()));
            }
            for (long index : indices) {
                byte[] entry = entry(index, cp.size());
                byte[] leaf = Rfc6962.leafHash(entry);
                List<byte[]> proof = proof("/api/v1/log/proof/inclusion?index=" + index + "&size=" + cp.size());
                if (!Verify.inclusion(leaf, index, cp.size(), proof, cp.root())) {
                    throw new DomainException("entry " + index + " is not included in the checkpoint of size " + cp.size());
                }
                sampled++;
            }
            checked.add(sampled + " entries, newest included, proven in the checkpoint");
        }
        var next = new LinkedHashMap<String, Object>();
        next.put("origin", origin);
        next.put("logKey", logKey);
        next.put("size", cp.size());
        next.put("root", Base64.getEncoder().encodeToString(cp.root()));
        writeState(next);
        return new Report(origin, cp.size(), previous, sampled, checked);
    }

    /** The entry at {@code index} from its entry bundle (C2SP tlog-tiles), as the log serves it. */
    private byte[] entry(long index, long size) {
        long tile = index / Tiles.WIDTH;
        long full = size / Tiles.WIDTH;
        int width = tile < full ? Tiles.WIDTH : (int) (size % Tiles.WIDTH);
        byte[] bundle = bytes("/log/" + Tiles.entriesPath(tile, width == Tiles.WIDTH ? Tiles.WIDTH : width));
        List<byte[]> entries = EntryBundles.decode(bundle);
        int at = (int) (index % Tiles.WIDTH);
        if (entries.size() <= at) {
            throw new DomainException("the entry bundle " + tile + " lacks entry " + index);
        }
        return entries.get(at);
    }

    private List<byte[]> proof(String path) {
        List<byte[]> hashes = new ArrayList<>();
        json(get(path, true)).path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }

    private String get(String path, boolean authenticated) {
        return new String(fetch(path, authenticated), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path) {
        return fetch(path, true);
    }

    private byte[] fetch(String path, boolean authenticated) {
        try {
            var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
            if (authenticated) {
                b.header("Authorization", "Bearer " + token);
            }
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new DomainException(path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            }
            return r.body();
        } catch (IOException e) {
            throw new DomainException("cannot reach " + base + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("interrupted");
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new DomainException("the node answered something that is not JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readState() {
        if (!Files.exists(state)) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(Files.readString(state), Map.class);
        } catch (IOException e) {
            throw new DomainException("cannot read the state file " + state + ": " + e.getMessage());
        }
    }

    private void writeState(Map<String, Object> value) {
        try {
            if (state.getParent() != null) {
                Files.createDirectories(state.getParent());
            }
            Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(value));
            Files.move(tmp, state, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DomainException("cannot write the state file " + state + ": " + e.getMessage());
        }
    }
}
