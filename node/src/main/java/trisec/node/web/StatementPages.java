package trisec.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import trisec.node.consult.StatementDesk;
import trisec.node.http.Access;
import trisec.node.http.RouteGroup;
import trisec.node.person.Account;

/**
 * Joint statements: the list, a statement's three texts side by side with who signed when, and the forms to draft,
 * revise and sign. Statements are public, so the pages are marked only by what every page carries (its alerts).
 */
final class StatementPages implements RouteGroup {
    private final Pages pages;
    private final StatementDesk desk;

    StatementPages(Pages pages, StatementDesk desk) {
        this.pages = pages;
        this.desk = desk;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.get("/ui/statements", this::index, Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/ui/statements", this::propose, Access.ITEM_AUTHORITY);
        r.get("/ui/statements/{id}", this::detail, Access.SIGNED_IN, Access.PARTICIPANT);
        r.post("/ui/statements/{id}/revisions", this::revise, Access.ITEM_AUTHORITY);
        r.post("/ui/statements/{id}/sign", this::sign, Access.DISCLOSURE);
        r.get("/ui/statements/{id}/document", this::document, Access.SIGNED_IN, Access.PARTICIPANT);
    }

    /**
     * The adopted statement's signed document, as the API gives it, for the page's session: a browser holds no
     * bearer token, so the page's link cannot point at the API. A file to keep and to check offline
     * ({@code trisec statement verify}).
     */
    private void document(Context ctx) {
        String id = id(ctx);
        var document = desk.document(pages.account(ctx), id);
        ctx.header("Content-Disposition", "attachment; filename=\"statement-" + id.replaceAll("[^A-Za-z0-9-]", "")
                + ".json\"");
        trisec.node.http.Requests.json(ctx, 200, document);
    }

    private void index(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var lines = desk.list(a).stream().map(v -> new StatementModels.Line(v.id(), v.latest().title(), v.channel(),
                v.latest().revision(), state(t, v), v.adopted())).toList();
        // A meeting's page links here with its channel and id, to draft a statement out of it: only put in the form.
        String channel = ctx.queryParam("channel");
        String meeting = ctx.queryParam("meeting");
        var channels = Access.ITEM_AUTHORITY.allows(a) ? desk.channels().stream()
                .map(c -> new Models.Option(c.id(), c.name(), c.id().equals(channel))).toList()
                : List.<Models.Option>of();
        pages.render(ctx, 200, "statements.jte", pages.page(ctx, a, "statements", "statements.title"),
                new StatementModels.Index(lines, channels, meeting == null || meeting.length() > 100 ? "" : meeting,
                        Pages.notice(ctx, t)));
    }

    private void detail(Context ctx) {
        Account a = pages.account(ctx);
        Texts t = pages.texts(ctx);
        var v = desk.get(a, id(ctx));
        var r = v.latest();
        var texts = List.of(new StatementModels.Text("ko", t.t("statements.lang.ko"), r.texts().ko()),
                new StatementModels.Text("ja", t.t("statements.lang.ja"), r.texts().ja()),
                new StatementModels.Text("en", t.t("statements.lang.en"), r.texts().en()));
        var signed = v.signatures().stream().map(s -> new StatementModels.Signed(t.party(s.party()),
                t.dateTime(s.signedAt()), s.matches())).toList();
        String awaiting = String.join(", ", v.awaiting().stream().map(t::party).toList());
        boolean mayRevise = !v.adopted() && Access.ITEM_AUTHORITY.allows(a) && !v.signedBy(pages.self().party());
        boolean maySign = !v.adopted() && Access.DISCLOSURE.allows(a) && !v.signedBy(pages.self().party());
        var withheld = v.withheld().stream().map(w -> new StatementModels.Withheld(w.party().code(), w.draft()
                ? t.t("statements.withheld.draft", r.revision(), t.party(w.party()))
                : t.t("statements.withheld.signature", t.party(w.party())), w.reasons())).toList();
        String unadoptable = v.adopted() || v.unreached().isEmpty() ? "" : t.t("statements.unadoptable",
                String.join(", ", v.unreached().stream().map(t::party).toList()), r.revision());
        var m = new StatementModels.Detail(v.id(), r.title(), v.channel(), v.meeting().orElse(""), r.revision(),
                t.t("statements.drafted", t.party(v.draftedBy()), t.dateTime(v.draftedAt())),
                t.t("statements.revised", r.revision(), t.party(v.revisedBy()), t.dateTime(v.revisedAt())),
                v.hash(), texts, signed, awaiting, v.adoptedAt().map(t::dateTime), maySign, mayRevise, withheld,
                unadoptable, Pages.notice(ctx, t));
        pages.render(ctx, 200, "statement.jte", pages.page(ctx, a, "statements", "statements.title"), m);
    }

    private void propose(Context ctx) {
        pages.requireForm(ctx);
        var v = desk.propose(pages.account(ctx), new StatementDesk.NewStatement(ctx.formParam("channel"),
                Optional.ofNullable(ctx.formParam("meeting")).filter(x -> !x.isBlank()).orElse(null),
                ctx.formParam("title"), texts(ctx)));
        ctx.redirect("/ui/statements/" + v.id() + "?done=statements.done.proposed");
    }

    private void revise(Context ctx) {
        pages.requireForm(ctx);
        var v = desk.revise(pages.account(ctx), id(ctx), new StatementDesk.Revised(ctx.formParam("title"),
                texts(ctx)));
        ctx.redirect("/ui/statements/" + v.id() + "?done=statements.done.revised");
    }

    private void sign(Context ctx) {
        pages.requireForm(ctx);
        Integer revision;
        try {
            revision = Integer.valueOf(String.valueOf(ctx.formParam("revision")));
        } catch (NumberFormatException e) {
            revision = null;
        }
        String hash = Optional.ofNullable(ctx.formParam("hash")).filter(x -> !x.isBlank()).orElse(null);
        var v = desk.sign(pages.account(ctx), id(ctx), new StatementDesk.Signing(revision, hash));
        ctx.redirect("/ui/statements/" + v.id() + "?done=statements.done.signed");
    }

    private static StatementDesk.Texts texts(Context ctx) {
        return new StatementDesk.Texts(ctx.formParam("ko"), ctx.formParam("ja"), ctx.formParam("en"));
    }

    private static String id(Context ctx) {
        return trisec.node.http.Requests.id(ctx);
    }

    private static String state(Texts t, StatementDesk.View v) {
        return v.adopted() ? t.t("statements.adopted", t.dateTime(v.adoptedAt().get()))
                : t.t("statements.awaiting", String.join(", ", v.awaiting().stream().map(t::party).toList()));
    }
}
