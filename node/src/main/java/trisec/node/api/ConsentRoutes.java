package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.id;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.consent.ConsentDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/** Consents under the third-party rule: those asked of this node and those it asked. */
final class ConsentRoutes implements RouteGroup {
    private final Self self;
    private final ConsentDesk consents;

    ConsentRoutes(Self self, ConsentDesk consents) {
        this.self = self;
        this.consents = consents;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/consents", ctx -> {
            var names = Views.usernames(self);
            json(ctx, 200, Map.of("consents",
                    consents.consents(account(ctx)).stream().map(c -> Views.consent(c, names)).toList()));
        }, Access.RELEASE_DESK);
        r.post("/api/v1/consents/{id}", this::decide, Access.DISCLOSURE);
    }

    record ConsentBody(Boolean grant) {}

    private void decide(Context ctx) {
        var in = body(ctx, ConsentBody.class);
        if (in.grant() == null) {
            throw Refusal.invalid("grant (true or false) is required");
        }
        json(ctx, 200, Views.consent(consents.decide(account(ctx), id(ctx), in.grant()), Views.usernames(self)));
    }
}
