package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import trisec.interop.LabelBinding;
import trisec.interop.StixExport;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.interop.Exports;

/**
 * The item page's downloads: the item as a STIX 2.1 bundle and as its label bound to its payload, as the API gives
 * them, for the page's session (a browser holds no bearer token, so the page cannot link to the API).
 */
final class InteropPages implements RouteGroup {
    private final Pages pages;
    private final Exports exports;

    InteropPages(Pages pages, Exports exports) {
        this.pages = pages;
        this.exports = exports;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/items/{id}/stix", this::stix, Access.SIGNED_IN);
        r.get("/ui/items/{id}/binding", this::binding, Access.SIGNED_IN);
    }

    private void stix(Context ctx) {
        String id = ctx.pathParam("id");
        byte[] bundle = exports.stix(pages.account(ctx), id);
        attachment(ctx, "item-" + id + ".stix.json");
        ctx.status(200).contentType(StixExport.MEDIA_TYPE).result(bundle);
    }

    private void binding(Context ctx) {
        String id = ctx.pathParam("id");
        byte[] binding = exports.binding(pages.account(ctx), id);
        // .bdoj: the file extension registered for the JSON binding data object.
        attachment(ctx, "item-" + id + ".bdoj");
        ctx.status(200).contentType(LabelBinding.MEDIA_TYPE).result(binding);
    }

    private static void attachment(Context ctx, String name) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9.-]", "") + "\"");
    }
}
