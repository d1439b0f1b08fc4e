package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trisec.node.base.Refusal;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.interop.Imports;

/** A STIX 2.1 bundle imported into items, with what was done to each object (docs/INTEROP.md, "STIX import"). */
final class StixImportRoutes implements RouteGroup {
    private final Imports imports;

    StixImportRoutes(Imports imports) {
        this.imports = imports;
    }

    @Override
    public void addTo(RoutesConfig r) {
        // Importing makes items, so it is for those who may create them.
        r.post("/api/v1/stix/bundles", this::importBundle, Access.OFFICER);
    }

    private void importBundle(Context ctx) {
        mediaType(ctx.header("Content-Type"));
        if (ctx.bodyAsBytes().length > Imports.MAX_BUNDLE_BYTES) {
            throw Refusal.tooLarge("a bundle is at most " + (Imports.MAX_BUNDLE_BYTES >> 20) + " MiB");
        }
        var outcomes = imports.importBundle(account(ctx), Requests.body(ctx),
                Optional.ofNullable(ctx.queryParam("topic")));
        var objects = outcomes.stream().map(o -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", o.id());
            m.put("type", o.type());
            m.put("outcome", o.outcome());
            o.item().ifPresent(i -> m.put("item", i));
            o.reason().ifPresent(x -> m.put("reason", x));
            return m;
        }).toList();
        long imported = outcomes.stream().filter(o -> o.outcome().equals(Imports.IMPORTED)).count();
        json(ctx, imported > 0 ? 201 : 200, Map.of("objects", objects));
    }

    /** {@code application/stix+json} of STIX 2.1, or plain {@code application/json}. */
    private static void mediaType(String header) {
        String[] parts = (header == null ? "" : header.toLowerCase(Locale.ROOT)).split(";");
        String base = parts[0].strip();
        boolean stix = base.equals("application/stix+json");
        for (int i = 1; i < parts.length; i++) {
            // The version parameter, when there is one, is exactly 2.1 (not 2.10, not 2.1x).
            String[] kv = parts[i].split("=", 2);
            if (kv[0].strip().equals("version") && !(kv.length == 2 && kv[1].strip().equals("2.1"))) {
                stix = false;
            }
        }
        if (!stix && !base.equals("application/json")) {
            throw Refusal.invalid("a STIX bundle is sent as application/stix+json;version=2.1 or application/json, "
                    + "not '" + (header == null ? "" : header) + "'");
        }
    }
}
