package trisec.node.api;

import static trisec.node.http.Requests.json;
import static trisec.node.http.Requests.longParam;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Cosignatures;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.SignedNote;
import trisec.audit.tiles.Tiles;
import trisec.node.base.Json;
import trisec.node.base.Peer;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.log.AuditLog;
import trisec.node.log.Witness;
import trisec.party.Party;

/**
 * The audit log: the C2SP tlog-tiles layout for tools, JSON proofs for convenience, the cosignatures partners'
 * witnesses post, and the alarms this node's witness raised (docs/AUDIT.md). For partner nodes, by signed request,
 * and this node's admins and auditors.
 */
final class LogRoutes implements RouteGroup {
    private final Self self;
    private final AuditLog auditLog;
    private final Witness witness;

    LogRoutes(Self self, AuditLog auditLog, Witness witness) {
        this.self = self;
        this.auditLog = auditLog;
        this.witness = witness;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/log/checkpoint", ctx -> text(ctx, auditLog.served()
                .orElseThrow(() -> Refusal.notFound("no checkpoint signed yet"))), Access.LOG_READER, Access.PARTNER);
        // The newest signed checkpoint, cosigned or not yet: what the partners' witnesses poll.
        r.get("/api/v1/log/checkpoint/latest", ctx -> text(ctx, auditLog.newest()
                .orElseThrow(() -> Refusal.notFound("no checkpoint signed yet"))), Access.LOG_READER, Access.PARTNER);
        r.get("/log/tile/<path>", this::tile, Access.LOG_READER, Access.PARTNER);
        r.post("/log/cosignature", this::cosignature, Access.PARTNER);
        r.get("/api/v1/log/proof/inclusion", this::inclusion, Access.LOG_READER, Access.PARTNER);
        r.get("/api/v1/log/proof/consistency", this::consistency, Access.LOG_READER, Access.PARTNER);
        r.get("/api/v1/log/entries", this::entries, Access.LOG_READER);
        r.get("/api/v1/log/alarms", this::alarms, Access.LOG_READER);
    }

    private static void text(Context ctx, String note) {
        ctx.contentType("text/plain; charset=utf-8").result(note);
    }

    private void tile(Context ctx) {
        Tiles.TilePath t;
        try {
            t = Tiles.parse("tile/" + ctx.pathParam("path"));
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("not a tile path: " + e.getMessage());
        }
        var bytes = t.entries() ? auditLog.entryBundle(t.index(), t.width())
                : auditLog.tile(t.level(), t.index(), t.width());
        ctx.contentType("application/octet-stream")
                .result(bytes.orElseThrow(() -> Refusal.notFound("no such tile yet")));
    }

    record CosignatureBody(String checkpoint, String cosignature) {}

    private void cosignature(Context ctx) {
        Party partner = Requests.partner(ctx).orElseThrow();
        var in = Requests.body(ctx, CosignatureBody.class);
        var peer = self.peers().of(partner).orElseThrow();
        if (in.checkpoint() == null || in.cosignature() == null || peer.logKey().isEmpty()) {
            throw Refusal.invalid("checkpoint and cosignature are required, from a partner with a log key");
        }
        Checkpoint cp;
        SignedNote.Signature sig;
        try {
            cp = Checkpoint.parse(in.checkpoint());
            sig = SignedNote.Signature.parseLine(in.cosignature());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("malformed cosignature: " + e.getMessage());
        }
        // Exactly the checkpoint this node signed (same text, extension lines included), else the stored
        // cosignature would not verify against the note served with it.
        var ours = auditLog.checkpointAt(cp.size())
                .filter(c -> c.note().startsWith(cp.text() + "\n") && cp.origin().equals(auditLog.origin()));
        String witnessName = Peer.logOrigin(peer.identity());
        if (ours.isEmpty() || !sig.keyName().equals(witnessName)
                || !Cosignatures.verify(witnessName, Ed25519Notes.publicKey(peer.logKey().get()), cp, sig)) {
            throw Refusal.unacceptable("INVALID_COSIGNATURE", "the cosignature is not " + partner
                    + "'s on a checkpoint this node signed");
        }
        // Stored in canonical form (a witness may send the line with its newline): the served note must parse.
        auditLog.addCosignature(cp.size(), witnessName, sig.line());
        json(ctx, 201, Map.of("size", cp.size(), "witness", witnessName));
    }

    private void inclusion(Context ctx) {
        proof(ctx, "index", "size", auditLog::inclusion);
    }

    private void consistency(Context ctx) {
        proof(ctx, "from", "to", auditLog::consistency);
    }

    /** A proof between two whole-number parameters; out-of-range ones are the caller's mistake. */
    private static void proof(Context ctx, String first, String second,
                              java.util.function.BiFunction<Long, Long, List<byte[]>> prover) {
        long a = longParam(ctx, first);
        long b = longParam(ctx, second);
        try {
            json(ctx, 200, proof(first, a, b, prover.apply(a, b)));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    private static Map<String, Object> proof(String first, long a, long size, List<byte[]> hashes) {
        var m = new LinkedHashMap<String, Object>();
        m.put(first, a);
        m.put(first.equals("from") ? "to" : "size", size);
        m.put("hashes", hashes.stream().map(Base64.getEncoder()::encodeToString).toList());
        return m;
    }

    private void entries(Context ctx) {
        long from = ctx.queryParam("from") == null ? 0 : longParam(ctx, "from");
        long limit = ctx.queryParam("limit") == null ? 100 : longParam(ctx, "limit");
        if (from < 0 || limit < 1 || limit > 1000) {
            throw Refusal.invalid("from is 0 or more, limit 1 to 1000");
        }
        List<Object> list = new ArrayList<>();
        long i = from;
        for (String e : auditLog.entries(from, (int) limit)) {
            var m = new LinkedHashMap<String, Object>();
            m.put("index", i++);
            try {
                m.put("entry", Json.MAPPER.readTree(e));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                m.put("entry", e);
            }
            list.add(m);
        }
        json(ctx, 200, Map.of("size", auditLog.head().size(), "entries", list));
    }

    private void alarms(Context ctx) {
        json(ctx, 200, Map.of("alarms", witness.alarms().stream().map(a -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", a.id());
            m.put("party", a.party());
            m.put("origin", a.origin());
            m.put("detail", a.detail());
            m.put("accepted", a.accepted());
            m.put("conflicting", a.conflicting());
            m.put("proof", a.proof());
            m.put("raisedAt", a.raisedAt().toString());
            return m;
        }).toList()));
    }
}
