package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.consult.PerspectiveComparison;
import trisec.node.consult.PerspectiveRegister;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * The perspectives register: a topic's assessments side by side, as far as the caller may read them; an officer
 * records this party's assessment as an item.
 */
final class PerspectiveRoutes implements RouteGroup {
    private final PerspectiveRegister register;

    PerspectiveRoutes(PerspectiveRegister register) {
        this.register = register;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/perspectives", ctx -> json(ctx, 200,
                view(register.register(account(ctx), ctx.queryParam("topic")))), Access.SIGNED_IN);
        r.post("/api/v1/perspectives", ctx -> json(ctx, 201, assessment(register.record(account(ctx),
                body(ctx, PerspectiveRegister.NewAssessment.class)))), Access.OFFICER);
    }

    static Map<String, Object> view(PerspectiveRegister.Register reg) {
        var m = new LinkedHashMap<String, Object>();
        m.put("topic", reg.topic().path());
        m.put("parties", reg.histories().keySet().stream().map(party -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("party", party.code());
            x.put("latest", assessment(reg.latest().get(party)));
            x.put("history", reg.histories().get(party).stream().map(PerspectiveRoutes::assessment).toList());
            x.put("shifts", reg.shifts().get(party).stream().map(PerspectiveRoutes::shift).toList());
            return x;
        }).toList());
        m.put("comparison", reg.comparison().stream().map(row -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("key", row.key());
            x.put("agreement", row.agreement().name());
            var stances = new LinkedHashMap<String, String>();
            row.stances().forEach((p, j) -> stances.put(p.code(), j.stance().name()));
            x.put("stances", stances);
            return x;
        }).toList());
        return m;
    }

    static Map<String, Object> assessment(PerspectiveRegister.Seen s) {
        var p = s.perspective();
        var m = new LinkedHashMap<String, Object>();
        m.put("itemId", s.item().item().id());
        m.put("party", p.party().code());
        m.put("topic", p.topic().path());
        m.put("asOf", p.asOf().toString());
        m.put("title", s.item().item().title());
        m.put("banner", trisec.label.Banner.render(s.item().label()));
        m.put("summary", p.summary());
        m.put("judgements", p.judgements().stream().map(j -> Map.of("key", j.key(), "stance", j.stance().name(),
                "note", j.note())).toList());
        return m;
    }

    private static Map<String, Object> shift(PerspectiveComparison.Shift s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("key", s.key());
        m.put("from", s.from().map(Enum::name).orElse(null));
        m.put("to", s.to().name());
        m.put("on", s.on().toString());
        return m;
    }
}
