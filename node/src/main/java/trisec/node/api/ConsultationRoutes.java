package trisec.node.api;

import static trisec.node.http.Requests.account;
import static trisec.node.http.Requests.body;
import static trisec.node.http.Requests.json;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import trisec.node.consult.ConsultationDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;

/**
 * Commitment-to-Consult consultations: opened, drafted, given actions and (at the opener) closed by officers;
 * acknowledged by a party's watch, its officers and disclosure officials; read by any signed-in person, who sees the
 * subject item's title only when they may read it here.
 */
final class ConsultationRoutes implements RouteGroup {
    private final ConsultationDesk desk;

    ConsultationRoutes(ConsultationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/api/v1/consultations", ctx -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("commitment", commitment(desk.commitment()));
            m.put("consultations", desk.list(account(ctx)).stream().map(ConsultationRoutes::view).toList());
            json(ctx, 200, m);
        }, Access.SIGNED_IN);
        r.post("/api/v1/consultations", ctx -> json(ctx, 201, view(desk.open(account(ctx),
                body(ctx, ConsultationDesk.Opening.class)))), Access.OFFICER);
        r.get("/api/v1/consultations/{id}", ctx -> json(ctx, 200, view(desk.room(account(ctx),
                ctx.pathParam("id")))), Access.SIGNED_IN);
        // The party's watch acknowledges for it: those who act for the party, not its readers or auditors.
        r.post("/api/v1/consultations/{id}/acknowledge", ctx -> json(ctx, 201, view(desk.acknowledge(account(ctx),
                ctx.pathParam("id")))), Access.ITEM_AUTHORITY);
        r.post("/api/v1/consultations/{id}/drafts", ctx -> json(ctx, 201, view(desk.draft(account(ctx),
                ctx.pathParam("id"), body(ctx, ConsultationDesk.NewDraft.class)))), Access.OFFICER);
        r.post("/api/v1/consultations/{id}/actions", ctx -> json(ctx, 201, action(desk.addAction(account(ctx),
                ctx.pathParam("id"), body(ctx, ConsultationDesk.NewAction.class)))), Access.OFFICER);
        // The outcome is optional: no body, {} or {"outcome": null} close without one.
        r.post("/api/v1/consultations/{id}/close", ctx -> json(ctx, 200, view(desk.close(account(ctx),
                ctx.pathParam("id"), body(ctx).isBlank() ? null : body(ctx, ConsultationDesk.Closing.class)))),
                Access.OFFICER);
        // An action's id names it and its consultation alike.
        r.post("/api/v1/consultations/actions/{id}", ctx -> json(ctx, 200, action(desk.setStatus(account(ctx),
                ctx.pathParam("id"), body(ctx, ConsultationDesk.StatusChange.class)))), Access.OFFICER);
    }

    private static Map<String, Object> commitment(ConsultationDesk.Commitment c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("agreement", c.agreementId());
        m.put("inForce", c.inForce());
        m.put("status", c.statusCode());
        m.put("describe", c.status());
        m.put("at", c.at().toString());
        m.put("parties", c.parties().stream().map(p -> p.code()).toList());
        return m;
    }

    static Map<String, Object> view(ConsultationDesk.Room r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("agreement", r.agreementId());
        m.put("opener", r.opener().code());
        m.put("openedAt", r.openedAt().toString());
        m.put("sinceOpeningSeconds", r.sinceOpening().toSeconds());
        m.put("awaitingOurAcknowledgement", r.awaitingOurAck());
        m.put("closed", r.closed().map(c -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("at", c.at().toString());
            x.put("by", c.by());
            x.put("outcome", c.outcome().orElse(null));
            return x;
        }).orElse(null));
        var subject = new LinkedHashMap<String, Object>();
        // The item, its title and marking only to whoever may read it here: an id would let anyone ask the items
        // route, whose refusal names the level and topic of an item held, and nothing else tells whether it is held.
        r.subject().ifPresent(v -> {
            subject.put("itemId", r.subjectItem());
            subject.put("title", v.item().title());
            subject.put("banner", trisec.label.Banner.render(v.label()));
        });
        m.put("subject", subject);
        m.put("parties", r.parties().stream().map(p -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("party", p.party().code());
            x.put("opener", p.opener());
            x.put("acknowledgedAt", p.acknowledgedAt().map(Object::toString).orElse(null));
            x.put("afterMillis", p.after().map(d -> d.toMillis()).orElse(null));
            x.put("holds", p.holds());
            x.put("mayReceive", p.mayReceive().orElse(null));
            x.put("reasons", p.reasons());
            x.put("withheld", p.withheld().map(w -> {
                var y = new LinkedHashMap<String, Object>();
                y.put("steps", w.steps());
                y.put("lastStep", w.step());
                y.put("at", w.at().toString());
                y.put("reasons", w.reasons());
                return y;
            }).orElse(null));
            return x;
        }).toList());
        m.put("drafts", r.drafts().stream().map(d -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("party", d.party().code());
            x.put("text", d.text().orElse(null));
            x.put("at", d.at().map(Object::toString).orElse(null));
            x.put("afterMillis", d.after().map(a -> a.toMillis()).orElse(null));
            return x;
        }).toList());
        m.put("actions", r.actions().stream().map(ConsultationRoutes::action).toList());
        return m;
    }

    static Map<String, Object> action(ConsultationDesk.ActionLine a) {
        var x = new LinkedHashMap<String, Object>();
        x.put("id", a.id());
        x.put("proposer", a.proposer().code());
        x.put("title", a.title());
        x.put("owner", a.owner().code());
        x.put("due", a.due());
        x.put("status", a.status());
        x.put("at", a.at().toString());
        x.put("afterMillis", a.after().toMillis());
        return x;
    }
}
