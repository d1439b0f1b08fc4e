package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.DateOrInstant;
import trisec.agreement.Agreement;
import trisec.node.agreement.AgreementDesk;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.agreement.RecordedEvents;

/** The agreements and their status on any date, and the events recorded since the scenario was written. */
final class AgreementRoutes implements RouteGroup {
    private final Self self;
    private final AgreementDesk desk;

    AgreementRoutes(Self self, AgreementDesk desk) {
        this.self = self;
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/agreements", this::agreements, Access.SIGNED_IN);
        r.post("/api/v1/agreements/{id}/events", this::record, Access.ADMIN);
        r.get("/api/v1/agreements/events", ctx -> json(ctx, 200, Map.of("events",
                self.store().read(RecordedEvents::all).stream().map(Views::recorded).toList())), Access.SIGNED_IN);
    }

    private void agreements(Context ctx) {
        String at = ctx.queryParam("at");
        Instant when = at == null ? self.clock().instant() : DateOrInstant.parse(at);
        var scenario = self.facts().scenario();
        List<Object> list = new ArrayList<>();
        for (Agreement a : scenario.agreements()) {
            list.add(Views.agreement(a, scenario.lifecycle(a).statusAt(when), when));
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("at", when.toString());
        m.put("agreements", list);
        json(ctx, 200, m);
    }

    private void record(Context ctx) {
        var in = body(ctx, AgreementDesk.NewEvent.class);
        json(ctx, 201, Views.recorded(desk.record(account(ctx), id(ctx), in)));
    }
}
