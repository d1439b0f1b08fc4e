package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;
import static trisec.node.http.Requests.longParam;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import trisec.DateOrInstant;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.release.Decisions;
import trisec.node.release.Disclosures;
import trisec.node.release.ReleaseStatus;
import trisec.party.Party;
import trisec.scenario.file.LabelInput;

/** Releases: the officer's request, the second person's approval, the outbox, and the policy's answer. */
final class ReleaseRoutes implements RouteGroup {
    private final Self self;
    private final Disclosures disclosures;
    private final Decisions decisions;

    ReleaseRoutes(Self self, Disclosures disclosures, Decisions decisions) {
        this.self = self;
        this.disclosures = disclosures;
        this.decisions = decisions;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.post("/api/v1/items/{id}/releases", this::request, Access.OFFICER);
        r.post("/api/v1/releases/{id}/approve", ctx -> json(ctx, 200,
                Views.release(disclosures.approve(account(ctx), id(ctx)), Views.usernames(self))), Access.DISCLOSURE);
        r.get("/api/v1/outbox", this::outbox, Access.RELEASE_DESK);
        r.get("/api/v1/decide", this::decide, Access.SIGNED_IN);
    }

    record ReleaseBody(String to) {}

    private void request(Context ctx) {
        var in = body(ctx, ReleaseBody.class);
        Disclosures.Requested r = disclosures.request(account(ctx), id(ctx), in.to());
        var m = new LinkedHashMap<String, Object>();
        m.put("decision", Views.decision(r.decision()));
        m.put("release", r.release().map(x -> Views.release(x, Views.usernames(self))).orElse(null));
        json(ctx, 202, m);
    }

    private void outbox(Context ctx) {
        long limit = ctx.queryParam("limit") == null ? 500 : longParam(ctx, "limit");
        if (limit < 1 || limit > 1000) {
            throw Refusal.invalid("limit is 1 to 1000");
        }
        var statuses = new LinkedHashSet<ReleaseStatus>();
        for (String s : ctx.queryParams("status")) {
            for (String one : s.split(",", -1)) {
                try {
                    statuses.add(ReleaseStatus.valueOf(one.trim()));
                } catch (IllegalArgumentException e) {
                    throw Refusal.invalid("'" + one + "' is not a release status");
                }
            }
        }
        var page = disclosures.outbox(account(ctx), statuses, (int) limit);
        var names = Views.usernames(self);
        json(ctx, 200, Map.of("releases", page.releases().stream().map(x -> Views.release(x, names)).toList(),
                "more", page.more()));
    }

    /** The CLI's {@code decide}, with the same inputs as query parameters and the same JSON. */
    private void decide(Context ctx) {
        var scenario = self.facts().scenario();
        String at = ctx.queryParam("at");
        Instant when = at == null ? self.clock().instant() : DateOrInstant.parse(at);
        var label = LabelInput.parse(scenario, ctx.queryParam("originator"), ctx.queryParam("level"),
                ctx.queryParam("topic"), LabelInput.split(ctx.queryParams("relTo")), ctx.queryParams("caveat"));
        String holder = ctx.queryParam("holder");
        String to = ctx.queryParam("to");
        if (to == null) {
            throw Refusal.invalid("to is required");
        }
        Party h = holder == null ? label.originator() : scenario.party(holder);
        Party recipient = scenario.party(to);
        var d = decisions.decide(account(ctx).username(), Decisions.Purpose.QUERY, new Decisions.Question(label, h,
                recipient, when, "true".equalsIgnoreCase(ctx.queryParam("consent")), Optional.empty(),
                Optional.empty()));
        json(ctx, 200, Views.decision(d));
    }
}
