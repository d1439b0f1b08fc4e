package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.DateOrInstant;
import trisec.agreement.AgreementStatus;
import trisec.label.Banner;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.option.OptionDesk;
import trisec.scenario.SiteStatus;
import trisec.scenario.json.OptionTrees;

/**
 * UN Command–Rear: the scenario's sites (the seven UN-flagged bases in Japan) with where they are, their host, role
 * and agreement, and that agreement's status on any date, as the node's facts have it (the scenario and the events
 * recorded since); with {@code option=ID}, beside it the status under a saved option the caller may read
 * (docs/OPTIONS.md, "UN Command–Rear"). Without an option, unclassified public facts; with one, marked as the option.
 */
final class UncRoutes implements RouteGroup {
    private final Self self;
    private final OptionDesk options;

    UncRoutes(Self self, OptionDesk options) {
        this.self = self;
        this.options = options;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/unc", this::bases, Access.SIGNED_IN);
    }

    private void bases(Context ctx) {
        String at = ctx.queryParam("at");
        Instant when = at == null || at.isBlank() ? self.clock().instant() : DateOrInstant.parse(at);
        String id = ctx.queryParam("option");
        var m = new LinkedHashMap<String, Object>();
        List<SiteStatus> real;
        List<SiteStatus> under = null;
        if (id == null) {
            real = SiteStatus.of(self.facts().scenario(), when);
            m.put("banner", Banner.covering(List.of()).toString());
        } else {
            OptionDesk.Applied applied = options.under(account(ctx), id);
            real = SiteStatus.of(applied.real(), when);
            under = SiteStatus.of(applied.changed(), when);
            OptionDesk.Seen s = applied.option();
            m.put("banner", Banner.render(s.item().label()));
            m.put("option", OptionRoutes.saved(s, s.option().orElseThrow()));
        }
        m.put("at", AgreementStatus.format(when));
        var sites = new java.util.ArrayList<Map<String, Object>>();
        for (SiteStatus r : real) {
            Map<String, Object> site = site(r);
            if (under != null) {
                SiteStatus u = r.in(under).orElseThrow();
                var x = new LinkedHashMap<String, Object>();
                x.put("covered", u.covered());
                x.put("status", OptionTrees.status(u.status()));
                x.put("changed", !u.status().equals(r.status()));
                site.put("underOption", x);
            }
            sites.add(site);
        }
        m.put("sites", sites);
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
        m.put("status", OptionTrees.status(s.status()));
        return m;
    }
}
