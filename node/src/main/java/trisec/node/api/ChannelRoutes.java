package trisec.node.api;

import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import trisec.node.consult.DialogueHealth;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * The consultation channels' health on a date: unclassified scenario data, so any signed-in person may read it.
 * The answer lists the channels overdue or dormant as the secretariat's alert.
 */
final class ChannelRoutes implements RouteGroup {
    private final DialogueHealth health;

    ChannelRoutes(DialogueHealth health) {
        this.health = health;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/channels", this::all, Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/api/v1/channels/{id}", this::one, Access.SIGNED_IN, Access.PARTICIPANT);
    }

    private void all(Context ctx) {
        var board = health.on(health.date(ctx.queryParam("at")));
        json(ctx, 200, ChannelViews.board(board.at(), board.channels()));
    }

    private void one(Context ctx) {
        var at = health.date(ctx.queryParam("at"));
        String id = ctx.pathParam("id");
        json(ctx, 200, ChannelViews.detailed(health.channel(id, at), health.gaps(id, at)));
    }
}
