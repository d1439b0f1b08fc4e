package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.id;

import io.javalin.config.RoutesConfig;
import trisec.interop.LabelBinding;
import trisec.interop.StixExport;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.interop.Exports;

/** An item as a STIX 2.1 bundle and as its label bound to its payload (docs/INTEROP.md). */
final class InteropRoutes implements RouteGroup {
    private final Exports exports;

    InteropRoutes(Exports exports) {
        this.exports = exports;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/items/{id}/stix", ctx -> ctx.status(200).contentType(StixExport.MEDIA_TYPE)
                .result(exports.stix(account(ctx), id(ctx))), Access.SIGNED_IN);
        r.get("/api/v1/items/{id}/binding", ctx -> ctx.status(200).contentType(LabelBinding.MEDIA_TYPE)
                .result(exports.binding(account(ctx), id(ctx))), Access.SIGNED_IN);
    }
}
