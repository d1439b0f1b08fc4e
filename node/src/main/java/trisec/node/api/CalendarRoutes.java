package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.consult.ChannelCalendar;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.person.CalendarSubscriptions;

/**
 * The channels' meetings as iCalendar (RFC 5545) for calendar clients: every channel's, or one channel's, as the
 * person would see them (docs/CONSULTATION.md, "Calendars"). By the API's bearer token, or, for a client that sends
 * none, by a calendar subscription's address, which serves these two calendars and nothing else; and the routes by
 * which a person makes, lists and revokes their subscriptions, and an administrator anyone's.
 */
final class CalendarRoutes implements RouteGroup {
    /** Where a subscription's calendars are: its secret is the path's {@code {key}} (see Requests#loggablePath). */
    static final String SUBSCRIBED = Requests.CALENDAR_SUBSCRIPTIONS;
    /** One answer for every secret that serves nothing: unknown, revoked, or its person's disabled. */
    private static final String NO_SUBSCRIPTION = "no such calendar subscription";

    private final ChannelCalendar calendar;
    private final CalendarSubscriptions subscriptions;

    CalendarRoutes(ChannelCalendar calendar, CalendarSubscriptions subscriptions) {
        this.calendar = calendar;
        this.subscriptions = subscriptions;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/channels/calendar.ics", ctx -> ics(ctx, "channels", calendar.all(account(ctx))),
                Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/api/v1/channels/{id}/calendar.ics", ctx -> ics(ctx, ctx.pathParam("id"),
                calendar.channel(account(ctx), ctx.pathParam("id"))), Access.SIGNED_IN, Access.PARTICIPANT);
        // The subscription's secret authenticates these two itself: public to the access manager, as the sign-in is.
        r.get(SUBSCRIBED + "{key}/channels/calendar.ics", ctx -> subscribed(ctx, Optional.empty()), Access.PUBLIC);
        r.get(SUBSCRIBED + "{key}/channels/{id}/calendar.ics", ctx -> subscribed(ctx,
                Optional.of(ctx.pathParam("id"))), Access.PUBLIC);

        r.get("/api/v1/me/calendars", ctx -> json(ctx, 200, Map.of("subscriptions", subscriptions
                .of(account(ctx)).stream().map(CalendarRoutes::view).toList())), Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/api/v1/me/calendars", this::create, Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/api/v1/me/calendars/{id}/revoke", ctx -> {
            subscriptions.revokeOwn(account(ctx), ctx.pathParam("id"));
            json(ctx, 200, Map.of("revoked", ctx.pathParam("id")));
        }, Access.SIGNED_IN, Access.PARTICIPANT);
        r.get("/api/v1/calendars", ctx -> json(ctx, 200, Map.of("subscriptions", subscriptions.all().stream()
                .map(CalendarRoutes::view).toList())), Access.ADMIN);
        r.post("/api/v1/calendars/{id}/revoke", ctx -> {
            subscriptions.revokeAny(account(ctx), ctx.pathParam("id"));
            json(ctx, 200, Map.of("revoked", ctx.pathParam("id")));
        }, Access.ADMIN);
    }

    record NewSubscription(String label) {}

    private void create(Context ctx) {
        var in = ctx.body().isBlank() ? new NewSubscription(null) : Json.read(Requests.body(ctx),
                NewSubscription.class);
        var made = subscriptions.create(account(ctx), in.label());
        var m = view(made.subscription());
        String path = SUBSCRIBED + made.secret() + "/channels/calendar.ics";
        m.put("secret", made.secret());
        m.put("path", path);
        // As this request reached the node: the person copies it into their calendar client.
        m.put("address", subscriptions.address(ctx.scheme(), ctx.host(), made.secret()));
        json(ctx, 201, m);
    }

    /**
     * A subscription's calendar: whatever the secret's failure, the same 404, so that an address says nothing of
     * whether it ever worked. Each fetch served is on record.
     */
    private void subscribed(Context ctx, Optional<String> channel) {
        var s = subscriptions.authenticate(ctx.pathParam("key")).orElseThrow(() -> Refusal.notFound(NO_SUBSCRIPTION));
        ChannelCalendar.Written written = channel.map(id -> calendar.channel(s.account(), id))
                .orElseGet(() -> calendar.all(s.account()));
        subscriptions.fetched(s, channel, written.events());
        ics(ctx, channel.orElse("channels"), written);
    }

    private static Map<String, Object> view(CalendarSubscriptions.Subscription s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("username", s.username());
        m.put("label", s.label());
        m.put("createdAt", s.createdAt().toString());
        m.put("lastFetchedAt", s.lastFetchedAt().map(Object::toString).orElse(null));
        return m;
    }

    private static void ics(Context ctx, String name, ChannelCalendar.Written written) {
        // A file name for a browser that saves it; the id is the scenario's, found above, so it is safe to name.
        ctx.status(200).contentType(ChannelCalendar.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"").result(written.ics());
    }
}
