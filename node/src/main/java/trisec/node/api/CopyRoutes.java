package trisec.node.api;

import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.interop.Confirmations;

/**
 * What a partner node asks before it stores copies of this node's items it imports from a STIX bundle: this node's
 * signed word on each, as their originator (docs/INTEROP.md, "STIX import"). Partner nodes only, by signed request.
 */
final class CopyRoutes implements RouteGroup {
    private final Confirmations confirmations;

    CopyRoutes(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.post(Confirmations.PATH, this::confirm, Access.PARTNER);
    }

    private void confirm(Context ctx) {
        var partner = Requests.partner(ctx).orElseThrow();
        json(ctx, 200, confirmations.answer(partner, Requests.body(ctx, Confirmations.Request.class)));
    }
}
