package trisec.node.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import trisec.node.consult.ChannelCalendar;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * The channels' meetings as iCalendar (RFC 5545) for calendar clients: every channel's, or one channel's. Any
 * signed-in person, by the API's bearer token like every other route (docs/CONSULTATION.md, "Calendars").
 */
final class CalendarRoutes implements RouteGroup {
    private final ChannelCalendar calendar;

    CalendarRoutes(ChannelCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/channels/calendar.ics", ctx -> ics(ctx, "channels", calendar.all()), Access.SIGNED_IN);
        r.get("/api/v1/channels/{id}/calendar.ics", ctx -> ics(ctx, ctx.pathParam("id"),
                calendar.channel(ctx.pathParam("id"))), Access.SIGNED_IN);
    }

    private static void ics(Context ctx, String name, String body) {
        // A file name for a browser that saves it; the id is the scenario's, found above, so it is safe to name.
        ctx.status(200).contentType(ChannelCalendar.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"").result(body);
    }
}
