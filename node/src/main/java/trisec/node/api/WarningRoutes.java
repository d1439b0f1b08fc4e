package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.geo.Region;
import trisec.geo.cot.WarningCot;
import trisec.geo.geojson.WarningGeoJson;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.warning.WarningDesk;
import trisec.node.warning.WarningDocument;

/** Missile warnings: opened, updated and closed by this party's officers; seen by whoever may read them. */
final class WarningRoutes implements RouteGroup {
    private final WarningDesk desk;

    WarningRoutes(WarningDesk desk) {
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/warnings", ctx -> json(ctx, 200, Map.of("warnings",
                desk.list(account(ctx)).stream().map(WarningRoutes::view).toList())), Access.SIGNED_IN);
        r.post("/api/v1/warnings", ctx -> json(ctx, 201,
                view(desk.open(account(ctx), body(ctx, WarningDesk.NewWarning.class)))), Access.OFFICER);
        r.get("/api/v1/warnings/{party}/{track}", ctx -> json(ctx, 200, detailed(seen(ctx))), Access.SIGNED_IN);
        // The formats users' tools read: GeoJSON (RFC 7946) for GIS, a Cursor-on-Target event for TAK.
        r.get("/api/v1/warnings/{party}/{track}/geojson", ctx -> ctx.status(200).contentType(WarningGeoJson.MEDIA_TYPE)
                .result(WarningGeoJson.of(seen(ctx).warning(), Region.shipped())), Access.SIGNED_IN);
        r.get("/api/v1/warnings/{party}/{track}/cot", ctx -> ctx.status(200).contentType(WarningCot.MEDIA_TYPE)
                .result(WarningCot.event(seen(ctx).warning(), Region.shipped())), Access.SIGNED_IN);
        r.post("/api/v1/warnings/{party}/{track}/acknowledge", ctx -> {
            var a = desk.acknowledge(account(ctx), ctx.pathParam("party"), ctx.pathParam("track"));
            json(ctx, 201, Map.of("by", a.by().code(), "at", a.at().toString()));
        }, Access.SIGNED_IN);
        r.post("/api/v1/warnings/{track}/retract", ctx -> json(ctx, 200, Map.of("track", ctx.pathParam("track"),
                "retractedVersions", desk.retract(account(ctx), ctx.pathParam("track")))), Access.ITEM_AUTHORITY);
        r.post("/api/v1/warnings/{track}/updates", ctx -> json(ctx, 201, view(desk.update(account(ctx),
                ctx.pathParam("track"), body(ctx, WarningDesk.Update.class)))), Access.OFFICER);
        r.post("/api/v1/warnings/{track}/close", ctx -> json(ctx, 201, view(desk.close(account(ctx),
                ctx.pathParam("track"), body(ctx, WarningDocument.ClosureDoc.class)))), Access.OFFICER);
    }

    private WarningDesk.Seen seen(Context ctx) {
        return desk.get(account(ctx), ctx.pathParam("party"), ctx.pathParam("track"));
    }

    static Map<String, Object> view(WarningDesk.Seen s) {
        var w = s.warning();
        var m = new LinkedHashMap<String, Object>();
        m.put("party", w.detectingParty().code());
        m.put("track", w.track().value());
        m.put("status", w.isOpen() ? "OPEN" : "CLOSED");
        m.put("itemId", s.item().item().id());
        m.put("banner", trisec.label.Banner.render(s.item().label()));
        m.put("warning", WarningDocument.of(w));
        var current = w.current();
        var impact = current.flight().impactPoint();
        m.put("impact", Map.of("lat", impact.latitude(), "lon", impact.longitude()));
        var g = s.geography();
        m.put("overflies", g.overflown().stream().map(p -> p.code()).toList());
        // A modelled stand-in for each party's EEZ, named as such: 200 NM from its coast.
        m.put("within200NmOfCoast", g.within200NmOfCoast().stream().map(p -> p.code()).toList());
        return m;
    }

    /** A warning with, for the originator, how its latest version went to each partner and how fast. */
    private Map<String, Object> detailed(WarningDesk.Seen s) {
        var m = view(s);
        m.put("deliveries", desk.deliveries(s).stream().map(d -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("recipient", d.recipient().code());
            x.put("route", d.route().stream().map(p -> p.code()).toList());
            x.put("status", d.status());
            x.put("receivedAt", d.receivedAt().map(Object::toString).orElse(null));
            x.put("delayMillis", d.delayMillis().orElse(null));
            return x;
        }).toList());
        m.put("acknowledgements", desk.acknowledgements(s).stream()
                .map(a -> Map.of("by", a.by().code(), "at", a.at().toString())).toList());
        return m;
    }
}
