package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.node.consult.StatementDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * Joint statements: drafted and revised by this party's officers and disclosure officials, signed for the party by
 * a disclosure official, read by anyone signed in (they are public), and exported once adopted.
 */
final class StatementRoutes implements RouteGroup {
    private final StatementDesk desk;

    StatementRoutes(StatementDesk desk) {
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/statements", ctx -> json(ctx, 200, Map.of("statements",
                desk.list(account(ctx)).stream().map(StatementRoutes::view).toList())), Access.SIGNED_IN,
                Access.PARTICIPANT);
        r.post("/api/v1/statements", ctx -> json(ctx, 201, view(desk.propose(account(ctx),
                body(ctx, StatementDesk.NewStatement.class)))), Access.ITEM_AUTHORITY);
        r.get("/api/v1/statements/{id}", ctx -> json(ctx, 200, view(desk.get(account(ctx), id(ctx)))),
                Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/api/v1/statements/{id}/revisions", ctx -> json(ctx, 201, view(desk.revise(account(ctx), id(ctx),
                body(ctx, StatementDesk.Revised.class)))), Access.ITEM_AUTHORITY);
        r.post("/api/v1/statements/{id}/sign", ctx -> json(ctx, 200, view(desk.sign(account(ctx), id(ctx),
                body(ctx, StatementDesk.Signing.class)))), Access.DISCLOSURE);
        r.get("/api/v1/statements/{id}/document", ctx -> json(ctx, 200, desk.document(account(ctx), id(ctx))),
                Access.SIGNED_IN, Access.PARTICIPANT);
    }

    static Map<String, Object> view(StatementDesk.View v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", v.id());
        m.put("channel", v.channel());
        m.put("meeting", v.meeting().orElse(null));
        m.put("draftedBy", v.draftedBy().code());
        m.put("draftedAt", v.draftedAt().toString());
        m.put("revision", v.latest().revision());
        m.put("revisedBy", v.revisedBy().code());
        m.put("revisedAt", v.revisedAt().toString());
        m.put("title", v.latest().title());
        m.put("texts", v.latest().texts().byLanguage());
        m.put("hash", v.hash());
        m.put("signatures", v.signatures().stream().map(s -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("party", s.party().code());
            x.put("keyId", s.keyId());
            x.put("signedAt", s.signedAt().toString());
            x.put("matches", s.matches());
            return x;
        }).toList());
        m.put("awaiting", v.awaiting().stream().map(p -> p.code()).toList());
        m.put("revisions", v.revisions().stream().map(r -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("revision", r.number());
            x.put("by", r.proposedBy().code());
            return x;
        }).toList());
        m.put("withheld", v.withheld().stream().map(w -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("party", w.party().code());
            x.put("what", w.what());
            x.put("reasons", w.reasons());
            x.put("decidedAt", w.decidedAt().toString());
            return x;
        }).toList());
        m.put("adoptable", v.unreached().isEmpty());
        m.put("adopted", v.adopted());
        m.put("adoptedAt", v.adoptedAt().map(Object::toString).orElse(null));
        return m;
    }
}
