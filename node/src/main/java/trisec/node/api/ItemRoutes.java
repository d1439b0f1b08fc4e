package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.node.base.Refusal;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.item.Holdings;
import trisec.node.item.Labels;

/** Items: the party's own, the copies partners sent, retraction, reclassification, reports of compromise. */
final class ItemRoutes implements RouteGroup {
    private final Holdings holdings;

    ItemRoutes(Holdings holdings) {
        this.holdings = holdings;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/items", ctx -> json(ctx, 200, Map.of("items",
                holdings.list(account(ctx)).stream().map(Views::itemSummary).toList())), Access.SIGNED_IN);
        r.post("/api/v1/items", this::create, Access.OFFICER);
        r.get("/api/v1/items/{id}", ctx -> json(ctx, 200, Views.item(holdings.read(account(ctx), id(ctx)))),
                Access.SIGNED_IN);
        r.post("/api/v1/items/{id}/retract", this::retract, Access.ITEM_AUTHORITY);
        r.post("/api/v1/items/{id}/reclassify", this::reclassify, Access.ITEM_AUTHORITY);
        r.post("/api/v1/items/{id}/compromise", this::compromise, Access.SIGNED_IN);
        r.get("/api/v1/items/{id}/reports", ctx -> json(ctx, 200, Map.of("reports",
                holdings.reports(account(ctx), id(ctx)).stream().map(Views::report).toList())), Access.SIGNED_IN);
        r.get("/api/v1/inbox", ctx -> json(ctx, 200, Map.of("items",
                holdings.inbox(account(ctx)).stream().map(Views::itemSummary).toList())), Access.SIGNED_IN);
    }

    private void create(Context ctx) {
        var in = body(ctx, Holdings.NewItem.class);
        var v = holdings.create(account(ctx), in);
        ctx.header("Location", "/api/v1/items/" + v.item().id());
        json(ctx, 201, Views.item(v));
    }

    private void retract(Context ctx) {
        var told = holdings.retract(account(ctx), id(ctx));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", id(ctx));
        answer.put("state", "RETRACTED");
        if (!told.relayed().isEmpty()) {
            // Told by the holder the copy came through (the hub), which passes the originator's signed notice on.
            answer.put("relayed", Labels.codes(told.relayed()));
        }
        if (!told.notTold().isEmpty()) {
            // Reached by no route this node or a holder can tell: someone must tell them otherwise.
            answer.put("notTold", Labels.codes(told.notTold()));
        }
        json(ctx, 200, answer);
    }

    record ReclassifyBody(String level) {}

    private void reclassify(Context ctx) {
        var in = body(ctx, ReclassifyBody.class);
        if (in.level() == null) {
            throw Refusal.invalid("level is required");
        }
        json(ctx, 200, Views.item(holdings.reclassify(account(ctx), id(ctx), in.level())));
    }

    record CompromiseBody(String detail) {}

    private void compromise(Context ctx) {
        var in = body(ctx, CompromiseBody.class);
        json(ctx, 201, Views.report(holdings.reportCompromise(account(ctx), id(ctx), in.detail())));
    }
}
