package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.agreement.LifecycleEvent;
import trisec.node.agreement.AgreementDesk;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;
import trisec.node.person.CalendarSubscriptions;
import trisec.node.person.Role;
import trisec.node.person.Persons;

/**
 * The node's administration: its persons (and disabling one), the calendar subscriptions of its persons (and
 * revoking one), and the agreement events its party records.
 */
final class AdminPages implements RouteGroup {
    private final Pages pages;
    private final Self self;
    private final AgreementDesk agreements;
    private final CalendarSubscriptions calendars;

    AdminPages(Pages pages, AgreementDesk agreements, CalendarSubscriptions calendars) {
        this.pages = pages;
        this.self = pages.self();
        this.agreements = agreements;
        this.calendars = calendars;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/admin", ctx -> render(ctx, pages.account(ctx), Pages.notice(ctx, pages.texts(ctx))), Access.ADMIN);
        r.post("/ui/admin/persons", this::createPerson, Access.ADMIN);
        r.post("/ui/admin/events", this::recordEvent, Access.ADMIN);
        r.post("/ui/admin/persons/{id}/disable", ctx -> {
            pages.requireForm(ctx);
            Account a = pages.account(ctx);
            Texts t = pages.texts(ctx);
            try {
                var row = pages.sessions().disable(a, ctx.pathParam("id"));
                render(ctx, a, t.t("admin.disabled.done", row.username()));
            } catch (Refusal e) {
                render(ctx, a, t.t("admin.failed", e.getMessage()));
            }
        }, Access.ADMIN);
        r.post("/ui/admin/calendars/{id}/revoke", ctx -> {
            pages.requireForm(ctx);
            calendars.revokeAny(pages.account(ctx), ctx.pathParam("id"));
            ctx.redirect("/ui/admin?done=admin.calendars.revoked");
        }, Access.ADMIN);
    }

    private void render(Context ctx, Account a, String notice) {
        Texts t = pages.texts(ctx);
        var persons = self.store().read(Persons::all).stream().map(p -> new Models.PersonLine(p.id(), p.username(),
                p.clearance(), String.join(", ", p.needToKnow()),
                String.join(", ", p.roles().stream().map(r -> t.t("role." + r)).toList()), p.disabledAt().isPresent()))
                .toList();
        var subscriptions = calendars.all().stream().map(s -> PersonPages.calendarLine(t, s)).toList();
        var roles = java.util.Arrays.stream(Role.values())
                .map(r -> new Models.Option(r.id(), t.t("role." + r.id()), false)).toList();
        var ags = self.facts().scenario().agreements().stream().filter(ag -> ag.parties().contains(self.party()))
                .map(ag -> new Models.Option(ag.id(), ag.id() + " · " + t.agreementName(ag), false)).toList();
        var types = java.util.Arrays.stream(LifecycleEvent.EventType.values())
                .map(e -> new Models.Option(e.name(), t.t("event." + e.name()), false)).toList();
        pages.render(ctx, 200, "admin.jte", pages.page(ctx, a, "admin", "admin.title"),
                new Models.Admin(persons, pages.levels(""), roles, ags, types, subscriptions, notice));
    }

    private void createPerson(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        try {
            String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
            if (password.length() < 12) {
                throw Refusal.invalid("a password has at least 12 characters");
            }
            List<Role> roles = ctx.formParams("role").stream().map(r -> Role.parse(r)
                    .orElseThrow(() -> Refusal.invalid("unknown role " + r))).toList();
            String ntk = Optional.ofNullable(ctx.formParam("needToKnow")).orElse("").strip();
            var row = pages.sessions().create(Optional.ofNullable(ctx.formParam("username")).orElse("").strip(),
                    password.toCharArray(), self.party(), Optional.ofNullable(ctx.formParam("clearance")).orElse(""),
                    ntk.isEmpty() ? List.of() : List.of(ntk.split("\\s*,\\s*")), roles);
            render(ctx, a, t.t("admin.created", row.username()));
        } catch (Refusal e) {
            render(ctx, a, t.t("admin.failed", e.getMessage()));
        }
    }

    private void recordEvent(Context ctx) {
        pages.requireForm(ctx);
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        try {
            String effective = Optional.ofNullable(ctx.formParam("effective")).filter(s -> !s.isBlank()).orElse(null);
            agreements.record(a, Optional.ofNullable(ctx.formParam("agreement")).orElse(""),
                    new AgreementDesk.NewEvent(ctx.formParam("type"), ctx.formParam("date"), self.party().code(),
                            effective, Optional.ofNullable(ctx.formParam("note")).orElse("")));
            render(ctx, a, t.t("admin.event.recorded"));
        } catch (DomainException | Refusal e) {
            render(ctx, a, t.t("admin.failed", e.getMessage()));
        }
    }
}
