package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trisec.node.consult.MeetingDesk;
import trisec.node.consult.MeetingDocument;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * Meetings of the consultation channels: planned and kept by this party's officers, seen by whoever may read their
 * records, shared with the channel's parties through the release policy.
 */
final class MeetingRoutes implements RouteGroup {
    private final MeetingDesk desk;

    MeetingRoutes(MeetingDesk desk) {
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/meetings", ctx -> json(ctx, 200, Map.of("meetings",
                desk.list(account(ctx)).stream().map(MeetingRoutes::view).toList())), Access.SIGNED_IN,
                Access.PARTICIPANT);
        r.post("/api/v1/meetings", ctx -> json(ctx, 201,
                view(desk.plan(account(ctx), body(ctx, MeetingDesk.NewMeeting.class)))), Access.OFFICER);
        r.get("/api/v1/meetings/{id}", ctx -> json(ctx, 200, view(desk.get(account(ctx), id(ctx)))),
                Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/api/v1/meetings/{id}/held", ctx -> json(ctx, 201, view(desk.hold(account(ctx), id(ctx),
                body(ctx, MeetingDesk.Held.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/cancel", ctx -> json(ctx, 201, view(desk.cancel(account(ctx), id(ctx),
                body(ctx, MeetingDesk.Cancellation.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/reschedule", ctx -> json(ctx, 201, view(desk.reschedule(account(ctx),
                id(ctx), body(ctx, MeetingDesk.Reschedule.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/actions", ctx -> json(ctx, 201, view(desk.addAction(account(ctx), id(ctx),
                body(ctx, MeetingDesk.NewAction.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/follow-ups", ctx -> json(ctx, 201, view(desk.followUp(account(ctx),
                id(ctx), body(ctx, MeetingDesk.FollowUp.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/reports", ctx -> {
            var done = desk.report(account(ctx), id(ctx), body(ctx, MeetingDesk.NewReport.class));
            json(ctx, 201, Map.of("report", report(done.report()), "shared", shared(done.shared())));
        }, Access.OFFICER);
        r.post("/api/v1/meetings/{id}/annexes", ctx -> json(ctx, 201, annex(desk.addAnnex(account(ctx), id(ctx),
                body(ctx, MeetingDesk.NewAnnex.class)))), Access.OFFICER);
        r.post("/api/v1/meetings/{id}/share", ctx -> json(ctx, 200, Map.of("shared", shared(
                desk.share(account(ctx), id(ctx), ctx.body().isBlank() ? new MeetingDesk.Share(null)
                        : body(ctx, MeetingDesk.Share.class))))), Access.OFFICER);
    }

    private static List<Map<String, Object>> shared(List<MeetingDesk.Shared> shared) {
        return shared.stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("to", s.to().code());
            m.put("verdict", s.verdict());
            m.put("release", s.release().orElse(null));
            m.put("status", s.status().orElse(null));
            m.put("reasons", s.reasons());
            return (Map<String, Object>) m;
        }).toList();
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    static Map<String, Object> view(MeetingDesk.Seen s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.meeting().id());
        m.put("itemId", s.item().item().id());
        m.put("banner", trisec.label.Banner.render(s.item().label()));
        m.put("meeting", MeetingDocument.of(s.meeting()));
        m.put("annexes", s.annexes().stream().map(MeetingRoutes::annex).toList());
        m.put("reports", s.reports().stream().map(MeetingRoutes::report).toList());
        return m;
    }

    private static Map<String, Object> report(MeetingDesk.Report r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("itemId", r.item().item().id());
        m.put("number", r.doc().number());
        m.put("reportedBy", r.doc().reportedBy());
        m.put("status", r.doc().status());
        m.put("followUp", r.doc().followUp());
        m.put("banner", trisec.label.Banner.render(r.item().label()));
        m.put("at", r.item().label().created().map(Object::toString).orElse(null));
        return m;
    }

    private static Map<String, Object> annex(MeetingDesk.Annex a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("itemId", a.item().item().id());
        m.put("title", a.item().item().title());
        m.put("banner", trisec.label.Banner.render(a.item().label()));
        m.put("text", a.doc().text());
        return m;
    }
}
