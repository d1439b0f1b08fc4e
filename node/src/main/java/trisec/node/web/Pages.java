package trisec.node.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.consult.ConsultationDesk;
import trisec.node.http.Access;
import trisec.node.http.PageEdge;
import trisec.node.http.Requests;
import trisec.node.http.Statuses;
import trisec.node.item.Holdings;
import trisec.node.person.Account;
import trisec.node.person.Sessions;
import trisec.node.web.Models.AgreementLine;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * What every page group shares: the session cookie, the form token, the viewer's language, the layout with its
 * marking, and refusals answered as pages. Pages are server-rendered (jte, precompiled), in Korean, Japanese or
 * English; every page is marked top and bottom with the highest classification it shows; every form carries the
 * session's form token; pages a person may not see answer 403 with the reasons in their language, never the
 * content. The page groups call the same services as the API, so the same rules, audit entries and outbox apply.
 */
public final class Pages implements PageEdge {
    private final Self self;
    private final Sessions sessions;
    private final boolean secureCookies;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    private final java.util.function.Function<Account, List<Holdings.View>> alerting;
    private final java.util.function.Supplier<List<ConsultationDesk.Awaiting>> awaiting;

    /**
     * @param alerting the items of the open warnings a person may read, which every page of theirs alerts to
     * @param awaiting the consultations waiting for this party's acknowledgement, which every staff page points to
     */
    public Pages(Self self, Sessions sessions, boolean secureCookies,
                 java.util.function.Function<Account, List<Holdings.View>> alerting,
                 java.util.function.Supplier<List<ConsultationDesk.Awaiting>> awaiting) {
        this.self = self;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        this.alerting = alerting;
        this.awaiting = awaiting;
    }

    Self self() {
        return self;
    }

    Sessions sessions() {
        return sessions;
    }

    // ---- the server's side ---------------------------------------------------------------------------

    @Override
    public void prepare(Context ctx) {
        // Names the node's party on the request: its cookies carry it (see WebSession#sessionCookie).
        ctx.attribute(WebSession.PARTY, self.party().code());
        if (secureCookies) {
            // Every cookie this request sets is marked Secure (the node is served over HTTPS by a proxy).
            ctx.attribute(WebSession.SECURE_COOKIES, Boolean.TRUE);
        }
    }

    @Override
    public Account signedIn(Context ctx) {
        String token = WebSession.token(ctx).orElseThrow(SignInRequired::new);
        try {
            return sessions.authenticate(token);
        } catch (Refusal e) {
            throw new SignInRequired();
        }
    }

    @Override
    public void signInRequired(Context ctx) {
        if (ctx.path().startsWith("/ui/fragments") || ctx.path().startsWith("/ui/banner")
                || ctx.path().endsWith("/proof")) {
            ctx.status(401).result("");
        } else {
            ctx.redirect("/ui/login");
        }
    }

    @Override
    public void roleRequired(Context ctx, Set<Access> accesses) {
        Texts t = texts(ctx);
        String reason = accesses.equals(Set.of(Access.ADMIN)) ? t.t("error.adminOnly")
                : t.t("error.roleRequired", String.join(", ", accesses.stream().flatMap(x -> x.roles().stream())
                        .distinct().sorted().map(r -> t.t("role." + r.id())).toList()));
        problem(ctx, 403, t.t("error.403"), List.of(reason));
    }

    /** A failed page request, answered as a page in the viewer's language. */
    @Override
    public void refused(Context ctx, Refusal e) {
        // The headline in the viewer's language; what the service said, in English, as the detail below it.
        var t = texts(ctx);
        int status = Statuses.of(e);
        String message = switch (e.code()) {
            case "CSRF" -> t.t("error.csrf");
            case "RETRACTED" -> t.t("error.retracted");
            case "NOT_FOUND" -> t.t("error.404");
            default -> switch (status) {
                case 400, 422 -> t.t("error.400");
                case 401, 403 -> t.t("error.403");
                case 409 -> t.t("error.409");
                default -> t.t("error.other");
            };
        };
        boolean ownWords = e.code().equals("CSRF") || e.code().equals("RETRACTED") || e.code().equals("NOT_FOUND");
        List<String> reasons = ownWords ? List.of() : java.util.stream.Stream.concat(
                java.util.stream.Stream.of(t.t("error.detail", e.getMessage())), e.reasons().stream()).toList();
        problem(ctx, status, message, reasons);
    }

    // ---- for the page groups -------------------------------------------------------------------------

    Texts texts(Context ctx) {
        return new Texts(Lang.choose(ctx.cookie(Lang.COOKIE), ctx.header("Accept-Language")));
    }

    /** The person the access manager let through, or on a public page whoever is signed in. */
    Account account(Context ctx) {
        return Requests.admitted(ctx).orElseGet(() -> signedIn(ctx));
    }

    Optional<Account> maybeSignedIn(Context ctx) {
        try {
            return Optional.of(account(ctx));
        } catch (SignInRequired e) {
            return Optional.empty();
        }
    }

    boolean stillSignedIn(String token) {
        try {
            sessions.authenticate(token);
            return true;
        } catch (Refusal e) {
            return false;
        }
    }

    /** Every form that changes something carries the session's form token. */
    void requireForm(Context ctx) {
        String token = WebSession.token(ctx).orElseThrow(SignInRequired::new);
        if (!WebSession.csrfMatches(ctx, token)) {
            throw Refusal.forbidden("CSRF", "error.csrf");
        }
    }

    Page page(Context ctx, Account a, String nav, String title) {
        Texts t = texts(ctx);
        String csrf = WebSession.token(ctx).map(WebSession::csrf).orElse("");
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        // A participant reads no warning item, and the strip is not drawn for them even if one were mislabelled.
        List<Holdings.View> open = a == null || a.participant() ? List.of() : alerting.apply(a);
        List<String> alerts = open.stream().map(v -> v.item().title()).toList();
        List<Marking.Shown> alertShown = open.stream().map(Pages::shown).toList();
        // The consultations are staff business: a participant's pages point to none.
        List<Page.Notice> consultations = a == null || a.participant() ? List.of() : awaiting.get().stream()
                .map(w -> new Page.Notice("/ui/consultations/" + w.id(), t.t("consult.notice.line",
                        t.party(w.opener()), t.dateTime(w.openedAt())))).toList();
        return new Page(t, Marking.of(alertShown, self.scheme()), self.party().code(), t.party(self.party()),
                a == null ? "" : a.username(), csrf, nav, a != null && Access.ADMIN.allows(a),
                a != null && a.participant(), t.t(title), here.startsWith("/ui") ? here : "/ui", alerts, alertShown,
                self.scheme(), consultations);
    }

    void render(Context ctx, int status, String template, Page page, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(template, page, model));
    }

    String html(String template, Page page, Object model) {
        var out = new StringOutput();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page);
        if (model != null) {
            params.put("m", model);
        }
        templates.render(template, params, out);
        return out.toString();
    }

    /** A release's route as the pages draw it: {@code KOR → USA → JPN}. */
    static String route(trisec.item.Release r) {
        return String.join(" → ", r.route().stream().map(trisec.party.Party::code).toList());
    }

    static Marking.Shown shown(Holdings.View v) {
        return new Marking.Shown(v.label(), v.heldLevel());
    }

    Marking marking(List<Holdings.View> views) {
        return Marking.of(views.stream().map(Pages::shown).toList(), self.scheme());
    }

    /** What these items contribute to a page's marking. */
    static List<Marking.Shown> shownAll(List<Holdings.View> views) {
        return views.stream().map(Pages::shown).toList();
    }

    /** Answers a refused or failed page in the viewer's language. */
    void problem(Context ctx, int status, String message, List<String> reasons) {
        Requests.ownAnswer(ctx);
        Account a = maybeSignedIn(ctx).orElse(null); // the problem page also works signed out
        Texts t = texts(ctx);
        Page p = page(ctx, a, "", t.has("error.title." + status) ? "error.title." + status : "error.title.other");
        render(ctx, status, "error.jte", p, new Models.Problem(String.valueOf(status), message, reasons));
    }

    /**
     * The item a page is about, when the viewer may read it. Otherwise the page is answered here: 403 with every
     * check that failed, in the viewer's language, and never the content. The access is on record either way.
     */
    Optional<Holdings.View> readable(Context ctx, Account a, Holdings holdings, String id) {
        Holdings.View v = holdings.inspect(a, id);
        if (!v.access().granted()) {
            Texts t = texts(ctx);
            problem(ctx, 403, t.t("error.403"), v.access().failed().stream().map(t::check).toList());
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The notice a redirect after a form asks the next page to show ({@code ?done=key}). */
    static String notice(Context ctx, Texts t) {
        String key = ctx.queryParam("done");
        return key == null || !key.matches("[a-zA-Z.]+") || !t.has(key) ? "" : t.t(key);
    }

    List<Models.Option> levels(String selected) {
        return self.scheme().levels().stream()
                .map(l -> new Models.Option(l.name(), l.name(), l.name().equals(selected))).toList();
    }

    /** The other parties, as options; those in {@code chosen} selected. */
    List<Models.Option> parties(Texts t, List<String> chosen) {
        return self.facts().scenario().parties().stream().filter(p -> !p.equals(self.party()))
                .map(p -> new Models.Option(p.code(), t.party(p) + " (" + p.code() + ")", chosen.contains(p.code())))
                .toList();
    }

    static AgreementLine agreementLine(Texts t, Scenario scenario, Agreement ag, Instant at) {
        AgreementStatus s = scenario.lifecycle(ag).statusAt(at);
        String css = switch (s) {
            case AgreementStatus.InForce f -> f.terminationEffective().isPresent() ? "st-pending"
                    : f.noticeSuspended() ? "st-suspended" : "st-in-force";
            case AgreementStatus.Terminated x -> "st-terminated";
            default -> "st-not-in-force";
        };
        return new AgreementLine(ag.id(), t.agreementName(ag), t.t("kind." + ag.kind().name()),
                String.join(", ", ag.parties().stream().map(Party::code).toList()), t.status(s), css);
    }
}
