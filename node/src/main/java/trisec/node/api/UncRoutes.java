package trisec.node.api;

import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.DateOrInstant;
import trisec.agreement.AgreementStatus;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.scenario.Scenario;
import trisec.scenario.SiteStatus;

/**
 * UN Command–Rear: the scenario's sites (the seven UN-flagged bases in Japan) with where they are, their host, role
 * and agreement, and that agreement's status on any date, as the node's facts have it (the scenario and the events
 * recorded since). Unclassified public facts, open to every signed-in person like the dialogue's health
 * (docs/OPTIONS.md, "UN Command–Rear").
 */
final class UncRoutes implements RouteGroup {
    private final Self self;

    UncRoutes(Self self) {
        this.self = self;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/unc", this::bases, Access.SIGNED_IN);
    }

    private void bases(Context ctx) {
        String at = ctx.queryParam("at");
        Instant when = at == null || at.isBlank() ? self.clock().instant() : DateOrInstant.parse(at);
        Scenario scenario = self.facts().scenario();
        var m = new LinkedHashMap<String, Object>();
        m.put("at", AgreementStatus.format(when));
        m.put("sites", SiteStatus.of(scenario, when).stream().map(UncRoutes::site).toList());
        json(ctx, 200, m);
    }

    private static Map<String, Object> site(SiteStatus s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", s.site().name());
        m.put("location", s.site().location());
        // null for a site the scenario gives no position
        m.put("lat", s.site().point().map(p -> p.latitude()).orElse(null));
        m.put("lon", s.site().point().map(p -> p.longitude()).orElse(null));
        m.put("host", s.site().host().code());
        m.put("role", s.site().role());
        m.put("since", s.site().since().map(Object::toString).orElse(null));
        m.put("agreement", s.agreement().id());
        m.put("covered", s.covered());
        var status = new LinkedHashMap<String, Object>();
        status.put("code", s.status().code());
        status.put("text", s.status().describe());
        m.put("status", status);
        return m;
    }
}
