package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;
import trisec.node.person.CalendarSubscriptions;

/** Signing in and out, the viewer's language, who the viewer is at this node, and their calendar subscriptions. */
final class PersonPages implements RouteGroup {
    private final Pages pages;
    private final Self self;
    private final CalendarSubscriptions calendars;

    PersonPages(Pages pages, CalendarSubscriptions calendars) {
        this.pages = pages;
        this.self = pages.self();
        this.calendars = calendars;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/login", this::loginForm, Access.PUBLIC);
        r.post("/ui/login", this::login, Access.PUBLIC);
        // Signing out needs the form token only: a session that has already ended must still clear its cookie.
        r.post("/ui/logout", this::logout, Access.PUBLIC);
        // Anyone may choose a language; signed in, the switch is a form like any other (see below).
        r.post("/ui/lang", this::language, Access.PUBLIC);
        r.get("/ui/me", ctx -> me(ctx, "", Pages.notice(ctx, pages.texts(ctx))), Access.SIGNED_IN,
                Access.PARTICIPANT);
        r.post("/ui/me/calendars", this::subscribe, Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/ui/me/calendars/{id}/revoke", ctx -> {
            pages.requireForm(ctx);
            calendars.revokeOwn(pages.account(ctx), ctx.pathParam("id"));
            ctx.redirect("/ui/me?done=me.calendars.revoked");
        }, Access.SIGNED_IN, Access.PARTICIPANT);
    }

    /**
     * A new calendar subscription: its address is shown in this answer and never again (not by a redirect, whose
     * address a browser would keep in its history).
     */
    private void subscribe(Context ctx) {
        pages.requireForm(ctx);
        var made = calendars.create(pages.account(ctx), ctx.formParam("label"));
        me(ctx, calendars.address(ctx.scheme(), ctx.host(), made.secret()), "");
    }

    private void loginForm(Context ctx) {
        Page p = pages.page(ctx, null, "", "login.title");
        pages.render(ctx, 200, "login.jte", new Page(p.t(), p.marking(), p.party(), p.partyName(), "",
                WebSession.loginToken(ctx), "", false, false, p.title(), "/ui/login", List.of(), List.of(), p.scheme()),
                ctx.queryParam("failed") == null ? ""
                : pages.texts(ctx).t("locked".equals(ctx.queryParam("failed")) ? "login.locked" : "login.failed"));
    }

    private void login(Context ctx) {
        if (!WebSession.loginTokenMatches(ctx)) {
            ctx.redirect("/ui/login");
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            var token = pages.sessions().signIn(username.strip(), password);
            WebSession.start(ctx, token.token(), 8 * 3600);
            ctx.redirect("/ui");
        } catch (Refusal e) {
            ctx.redirect("/ui/login?failed=" + (e instanceof Refusal.Locked ? "locked" : "yes"));
        }
    }

    private void logout(Context ctx) {
        pages.requireForm(ctx);
        WebSession.token(ctx).ifPresent(pages.sessions()::revoke);
        WebSession.end(ctx);
        ctx.redirect("/ui/login");
    }

    private void language(Context ctx) {
        if (pages.maybeSignedIn(ctx).isPresent()) {
            pages.requireForm(ctx); // signed in: the switch is a form like any other
        }
        Lang lang = Lang.of(ctx.formParam("lang")).orElse(Lang.EN);
        ctx.cookie(new io.javalin.http.Cookie(Lang.COOKIE, lang.code(), "/", 365 * 24 * 3600,
                WebSession.secure(ctx), true, null, io.javalin.http.SameSite.STRICT));
        String back = Optional.ofNullable(ctx.formParam("back")).orElse("/ui");
        ctx.redirect(back.startsWith("/ui") && !back.startsWith("//") ? back : "/ui");
    }

    private void me(Context ctx, String address, String notice) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var fields = List.of(new Models.Field(t.t("me.party"), t.party(self.party())),
                new Models.Field(t.t("me.nationality"), t.party(a.nationality())),
                new Models.Field(t.t("me.clearance"), a.clearance().name()),
                new Models.Field(t.t("me.needToKnow"), a.needToKnow().topics().isEmpty() ? t.t("me.needToKnow.none")
                        : String.join(", ", a.needToKnow().topics().stream().map(x -> x.path()).toList())),
                new Models.Field(t.t("me.roles"), String.join(", ", a.roles().stream().sorted()
                        .map(r -> t.t("role." + r.id())).toList())));
        var mine = calendars.of(a).stream().map(s -> calendarLine(t, s)).toList();
        pages.render(ctx, 200, "me.jte", pages.page(ctx, a, "me", "me.title"), new Models.Me(fields, mine, address,
                notice));
    }

    static Models.CalendarLine calendarLine(Texts t, CalendarSubscriptions.Subscription s) {
        return new Models.CalendarLine(s.id(), s.username(), s.label(), t.dateTime(s.createdAt()),
                s.lastFetchedAt().map(t::dateTime).orElse(t.t("me.calendars.never")));
    }
}
