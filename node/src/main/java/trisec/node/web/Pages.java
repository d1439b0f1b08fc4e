package trisec.node.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.agreement.LifecycleEvent;
import trisec.label.Banner;
import trisec.label.ConfidentialityLabel;
import trisec.label.NationalMarking;
import trisec.node.AgreementDesk;
import trisec.node.Disclosures;
import trisec.node.Holdings;
import trisec.node.Json;
import trisec.node.Labels;
import trisec.node.Self;
import trisec.node.api.ApiException;
import trisec.node.audit.AuditEntry;
import trisec.node.audit.AuditLog;
import trisec.node.auth.Account;
import trisec.node.auth.Role;
import trisec.node.auth.Sessions;
import trisec.node.store.ConsentRow;
import trisec.node.store.Consents;
import trisec.node.store.ItemRow;
import trisec.node.store.Persons;
import trisec.node.store.ReleaseRow;
import trisec.node.store.ReleaseStatus;
import trisec.node.store.Releases;
import trisec.node.web.Models.AgreementLine;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.scenario.Scenario;
import trisec.scenario.file.LabelInput;

/**
 * The web pages of a node, server-rendered (jte, precompiled), in Korean, Japanese or English. Every page is
 * marked top and bottom with the highest classification it shows; every form carries the session's form token;
 * pages a person may not see answer 403 with the reasons in their language, never the content. The pages call
 * the same services as the API, so the same rules, audit entries and outbox apply.
 */
public final class Pages {
    private final Self self;
    private final Sessions sessions;
    private final Holdings holdings;
    private final Disclosures disclosures;
    private final AgreementDesk agreements;
    private final AuditLog auditLog;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public Pages(Self self, Sessions sessions, Holdings holdings, Disclosures disclosures, AgreementDesk agreements,
                 AuditLog auditLog) {
        this.self = self;
        this.sessions = sessions;
        this.holdings = holdings;
        this.disclosures = disclosures;
        this.agreements = agreements;
        this.auditLog = auditLog;
    }

    /** Names the node's party on the request: its cookies carry it (see WebSession#sessionCookie). */
    public static void nodeOf(Context ctx, String party) {
        ctx.attribute(WebSession.PARTY, party);
    }

    /** Every cookie this request sets is marked {@code Secure} (the node is served over HTTPS by a proxy). */
    public static void secureCookies(Context ctx) {
        ctx.attribute(WebSession.SECURE_COOKIES, Boolean.TRUE);
    }

    /** Thrown when a page needs a signed-in person; answered with a redirect to the sign-in page. */
    public static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("sign in required", null, false, false);
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    public Texts texts(Context ctx) {
        return new Texts(Lang.choose(ctx.cookie(Lang.COOKIE), ctx.header("Accept-Language")));
    }

    private Account account(Context ctx) {
        String token = WebSession.token(ctx).orElseThrow(SignInRequired::new);
        try {
            return sessions.authenticate(token);
        } catch (ApiException e) {
            throw new SignInRequired();
        }
    }

    private boolean signedIn(String token) {
        try {
            sessions.authenticate(token);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private void requireForm(Context ctx) {
        String token = WebSession.token(ctx).orElseThrow(SignInRequired::new);
        if (!WebSession.csrfMatches(ctx, token)) {
            throw new ApiException(403, "CSRF", "error.csrf");
        }
    }

    private Page page(Context ctx, Account a, String nav, String title) {
        Texts t = texts(ctx);
        String csrf = WebSession.token(ctx).map(WebSession::csrf).orElse("");
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return new Page(t, Marking.of(List.of(), self.scheme()), self.party().code(), t.party(self.party()),
                a == null ? "" : a.username(), csrf, nav, a != null && a.is(Role.ADMIN), t.t(title),
                here.startsWith("/ui") ? here : "/ui");
    }

    private void render(Context ctx, int status, String template, Page page, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(template, page, model));
    }

    private String html(String template, Page page, Object model) {
        var out = new StringOutput();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page);
        if (model != null) {
            params.put("m", model);
        }
        templates.render(template, params, out);
        return out.toString();
    }

    private static Marking.Shown shown(Holdings.View v) {
        return new Marking.Shown(v.label(), v.heldLevel());
    }

    private Marking marking(List<Holdings.View> views) {
        return Marking.of(views.stream().map(Pages::shown).toList(), self.scheme());
    }

    /** Answers a refused or failed page in the viewer's language. */
    public void problem(Context ctx, int status, String message, List<String> reasons) {
        Account a = null;
        try {
            a = account(ctx);
        } catch (SignInRequired e) {
            // the problem page also works signed out
        }
        Texts t = texts(ctx);
        Page p = page(ctx, a, "", t.has("error.title." + status) ? "error.title." + status : "error.title.other");
        render(ctx, status, "error.jte", p, new Models.Problem(String.valueOf(status), message, reasons));
    }

    // ---- sign-in ------------------------------------------------------------------------------------

    public void loginForm(Context ctx) {
        Page p = page(ctx, null, "", "login.title");
        render(ctx, 200, "login.jte", new Page(p.t(), p.marking(), p.party(), p.partyName(), "",
                WebSession.loginToken(ctx), "", false, p.title(), "/ui/login"), ctx.queryParam("failed") == null ? ""
                : texts(ctx).t("locked".equals(ctx.queryParam("failed")) ? "login.locked" : "login.failed"));
    }

    public void login(Context ctx) {
        if (!WebSession.loginTokenMatches(ctx)) {
            ctx.redirect("/ui/login");
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            var token = sessions.signIn(username.strip(), password);
            WebSession.start(ctx, token.token(), 8 * 3600);
            ctx.redirect("/ui");
        } catch (ApiException e) {
            ctx.redirect("/ui/login?failed=" + ("LOCKED".equals(e.code()) ? "locked" : "yes"));
        }
    }

    public void logout(Context ctx) {
        requireForm(ctx);
        WebSession.token(ctx).ifPresent(sessions::revoke);
        WebSession.end(ctx);
        ctx.redirect("/ui/login");
    }

    public void language(Context ctx) {
        boolean signedIn;
        try {
            account(ctx);
            signedIn = true;
        } catch (SignInRequired e) {
            signedIn = false;
        }
        if (signedIn) {
            requireForm(ctx); // signed in: the switch is a form like any other
        }
        Lang lang = Lang.of(ctx.formParam("lang")).orElse(Lang.EN);
        ctx.cookie(new io.javalin.http.Cookie(Lang.COOKIE, lang.code(), "/", 365 * 24 * 3600,
                WebSession.secure(ctx), true, null, io.javalin.http.SameSite.STRICT));
        String back = Optional.ofNullable(ctx.formParam("back")).orElse("/ui");
        ctx.redirect(back.startsWith("/ui") && !back.startsWith("//") ? back : "/ui");
    }

    // ---- dashboard ----------------------------------------------------------------------------------

    public void dashboard(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        List<Holdings.View> inbox = holdings.inbox(a);
        List<Holdings.View> own = ownItems(a);
        List<Holdings.View> all = new ArrayList<>(inbox);
        all.addAll(own);
        Scenario scenario = self.facts().scenario();
        Instant now = self.clock().instant();
        List<AgreementLine> lines = scenario.agreements().stream().map(ag -> agreementLine(t, scenario, ag, now)).toList();
        var checkpoint = auditLog.latest();
        // The newest checkpoint the partners have cosigned (the node signs a new one every round; they catch up).
        long cosigned = self.store().read(h -> h.createQuery("SELECT COALESCE(MAX(size), 0) FROM audit_cosignatures")
                .mapTo(Long.class).one());
        List<String> witnesses = cosigned == 0 ? List.of() : self.store().read(h -> h.createQuery(
                "SELECT witness FROM audit_cosignatures WHERE size = :s ORDER BY witness").bind("s", cosigned)
                .mapTo(String.class).list());
        var model = new Models.Dashboard(itemLines(t, inbox), itemLines(t, own), releaseLines(t, a, false),
                releaseLines(t, a, true), a.is(Role.DISCLOSURE), consentLines(t, a), a.is(Role.DISCLOSURE),
                lines, checkpoint.map(c -> t.t("dashboard.log.checkpoint", c.size())).orElse(t.t("dashboard.log.none")),
                witnesses.stream().map(w -> w.replaceAll("^trisec\\.([A-Z]{3})/.*", "$1")).map(t::partyCode).toList(),
                t.t("dashboard.log.witnesses", cosigned),
                notice(ctx, t));
        render(ctx, 200, "dashboard.jte", page(ctx, a, "dashboard", "dashboard.title").withMarking(marking(all)), model);
    }

    private static String notice(Context ctx, Texts t) {
        String key = ctx.queryParam("done");
        return key == null || !key.matches("[a-zA-Z.]+") || !t.has(key) ? "" : t.t(key);
    }

    private List<Holdings.View> ownItems(Account a) {
        return holdings.list(a).stream().filter(v -> v.item().receivedFrom().isEmpty()).toList();
    }

    /**
     * A fragment of the dashboard, for live updates without reloading (after a server-sent event). It carries the
     * dashboard's marking as it now stands, which the page's banners take on: an item arriving in the inbox raises
     * them with it.
     */
    public void fragment(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        String name = ctx.pathParam("name");
        List<Holdings.View> inbox = holdings.inbox(a);
        var model = switch (name) {
            case "inbox" -> (Object) itemLines(t, inbox);
            case "items" -> itemLines(t, ownItems(a));
            case "outbox" -> releaseLines(t, a, false);
            case "approvals" -> releaseLines(t, a, true);
            case "consents" -> consentLines(t, a);
            default -> throw ApiException.notFound("no fragment " + name);
        };
        List<Holdings.View> all = new ArrayList<>(inbox);
        all.addAll(ownItems(a));
        Page p = page(ctx, a, "dashboard", "dashboard.title").withMarking(marking(all));
        ctx.contentType("text/html; charset=utf-8")
                .result(html("fragment/" + name + ".jte", p, model) + html("fragment/marking.jte", p, null));
    }

    private List<Models.ItemLine> itemLines(Texts t, List<Holdings.View> views) {
        return views.stream().map(v -> new Models.ItemLine(v.item().id(), v.item().title(), Banner.render(v.label()),
                Marking.of(List.of(shown(v)), self.scheme()).css(), NationalMarking.of(v.label(), v.heldLevel()),
                v.item().receivedFrom().map(t::partyCode).orElse(""),
                v.item().receivedAt().map(t::dateTime).orElse(t.dateTime(v.item().createdAt())))).toList();
    }

    /** How many releases a page lists at most. */
    static final int PAGE = 500;

    private List<Models.ReleaseLine> releaseLines(Texts t, Account a, boolean awaitingMe) {
        if (!a.is(Role.OFFICER) && !a.is(Role.DISCLOSURE) && !a.is(Role.ADMIN)) {
            return List.of();
        }
        Map<String, String> names = new java.util.HashMap<>();
        self.store().read(Persons::all).forEach(p -> names.put(p.id(), p.username()));
        // The newest releases (a page's worth), or every one awaiting an approval, however old (few, by nature).
        var page = awaitingMe ? disclosures.outbox(a, java.util.Set.of(ReleaseStatus.AWAITING_APPROVAL), Integer.MAX_VALUE)
                : disclosures.outbox(a, java.util.Set.of(), PAGE);
        return page.releases().stream()
                .filter(r -> !awaitingMe || (r.status() == ReleaseStatus.AWAITING_APPROVAL
                        && !r.requestedBy().orElse("").equals(a.id())))
                .map(r -> new Models.ReleaseLine(r.id(), r.itemId(), t.partyCode(r.recipient()),
                        String.join(" → ", r.route()), t.releaseStatus(r.status()), r.status().name(),
                        r.requestedBy().map(id -> names.getOrDefault(id, id))
                                .orElse(r.originParty().map(p -> t.partyCode(p)).orElse("")),
                        t.dateTime(r.requestedAt())))
                .toList();
    }

    private List<Models.ConsentLine> consentLines(Texts t, Account a) {
        if (!a.is(Role.DISCLOSURE)) {
            return List.of();
        }
        return disclosures.consents(a).stream()
                .filter(c -> ConsentRow.IN.equals(c.direction()) && ConsentRow.PENDING.equals(c.state()))
                .map(c -> new Models.ConsentLine(c.id(), c.itemId(), t.partyCode(c.holder()), t.partyCode(c.recipient()),
                        t.dateTime(c.requestedAt()))).toList();
    }

    private static AgreementLine agreementLine(Texts t, Scenario scenario, Agreement ag, Instant at) {
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

    // ---- items --------------------------------------------------------------------------------------

    public void item(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        Holdings.View v = holdings.inspect(a, ctx.pathParam("id"));
        if (!v.access().granted()) {
            problem(ctx, 403, t.t("error.403"), v.access().failed().stream().map(t::check).toList());
            return;
        }
        ItemRow i = v.item();
        ConfidentialityLabel l = v.label();
        var fields = new ArrayList<Models.Field>();
        fields.add(new Models.Field(t.t("item.banner"), Banner.render(l)));
        fields.add(new Models.Field(t.t("item.originator"), t.party(l.originator())));
        fields.add(new Models.Field(t.t("item.originLevel"), l.level().name()));
        fields.add(new Models.Field(t.t("item.marking"), NationalMarking.of(l, v.heldLevel())));
        fields.add(new Models.Field(t.t("item.topic"), l.topic().path()));
        fields.add(new Models.Field(t.t("item.relTo"), String.join(", ", l.releasableTo().stream().map(Party::code).toList())));
        fields.add(new Models.Field(t.t("item.caveats"), String.join(", ", l.caveatsInOrder().stream().map(Enum::name).toList())));
        fields.add(new Models.Field(t.t("item.created"), t.dateTime(i.createdAt())));
        i.receivedFrom().ifPresent(f -> fields.add(new Models.Field(t.t("item.receivedFrom"),
                t.partyCode(f) + " · " + i.receivedAt().map(t::dateTime).orElse(""))));
        List<Models.ReleaseInfo> releases = self.store().read(h -> Releases.ofItem(h, i.id())).stream()
                .map(r -> releaseInfo(t, l, r)).toList();
        var view = new Models.ItemView(i.id(), i.title(), i.body(), Banner.render(l),
                Marking.of(List.of(shown(v)), self.scheme()).css(), fields,
                v.access().checks().stream().map(t::check).toList(), releases, history(t, a, i.id()),
                a.is(Role.OFFICER), a.is(Role.OFFICER) && l.originator().equals(self.party()),
                recipients(t, ""));
        render(ctx, 200, "item.jte", page(ctx, a, "dashboard", "item.title").withMarking(marking(List.of(v))), view);
    }

    private Models.ReleaseInfo releaseInfo(Texts t, ConfidentialityLabel l, ReleaseRow r) {
        String receipt = r.receipt().map(json -> {
            try {
                var node = Json.MAPPER.readTree(json).path("receipt");
                return t.t("item.receipt.signed", t.partyCode(node.path("signer").asText())) + " · "
                        + node.path("outcome").asText() + " · " + t.dateTime(Instant.parse(node.path("at").asText()));
            } catch (Exception e) {
                return "";
            }
        }).orElse("");
        String marking = r.recipientLevel().map(lv -> lv + " (" + l.originator().code() + ")").orElse("");
        return new Models.ReleaseInfo(t.partyCode(r.recipient()), String.join(" → ", r.route()), String.join(", ", r.basis()),
                marking, t.releaseStatus(r.status()), receipt, r.refusal().orElse(""));
    }

    /** The item's entries in the audit log (ids only, never content), newest last. */
    /**
     * Whether an entry of an item's log belongs in what this person sees of the item's history: everything for
     * an admin or auditor; for others, not who else read the item or was refused it (and why).
     */
    private static boolean shownTo(Account a, com.fasterxml.jackson.databind.JsonNode entry) {
        String type = entry.path("type").asText();
        // Reads, refusals and the decisions a release page previews (opening it is a read) say who looked.
        boolean someonesAccess = type.equals(AuditEntry.Type.ITEM_READ.name()) || type.equals(AuditEntry.Type.ITEM_DENIED.name())
                || (type.equals(AuditEntry.Type.DECISION.name()) && entry.path("query").asBoolean(false));
        return !someonesAccess || a.is(Role.ADMIN) || a.is(Role.AUDITOR) || entry.path("actor").asText().equals(a.username());
    }

    private List<Models.HistoryLine> history(Texts t, Account a, String itemId) {
        if (!itemId.matches("[0-9a-f-]{36}")) {
            return List.of();
        }
        // Entries are stored as UTF-8 bytes; each database decodes them under its own name.
        String text = self.store().isPostgres() ? "convert_from(entry, 'UTF8')" : "CAST(entry AS TEXT)";
        List<Map.Entry<Long, String>> rows = self.store().read(h -> h.createQuery(
                "SELECT idx, entry FROM audit_entries WHERE " + text + " LIKE :p ORDER BY idx")
                .bind("p", "%\"" + itemId + "\"%")
                .map((rs, c) -> Map.entry(rs.getLong("idx"), new String(rs.getBytes("entry"), StandardCharsets.UTF_8)))
                .list());
        List<Models.HistoryLine> out = new ArrayList<>();
        for (var row : rows) {
            try {
                var e = Json.MAPPER.readTree(row.getValue());
                if (!shownTo(a, e)) {
                    continue;
                }
                var detail = new StringBuilder();
                for (String k : List.of("decision", "outcome", "recipient", "route", "reason")) {
                    if (e.has(k)) {
                        detail.append(detail.isEmpty() ? "" : " · ").append(e.get(k).isArray()
                                ? String.join(" → ", java.util.stream.StreamSupport.stream(e.get(k).spliterator(), false)
                                        .map(n -> n.asText()).toList()) : word(t, k, e.get(k).asText()));
                    }
                }
                String type = e.path("type").asText();
                out.add(new Models.HistoryLine(row.getKey(), t.dateTime(Instant.parse(e.path("time").asText())),
                        t.has("audit.type." + type) ? t.t("audit.type." + type) : type,
                        t.partyCode(e.path("actor").asText()), detail.toString()));
            } catch (Exception ex) {
                out.add(new Models.HistoryLine(row.getKey(), "", "?", "", ""));
            }
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String entry) {
        try {
            return Json.MAPPER.readTree(entry);
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** A recorded verdict or outcome in the viewer's words, anything else as recorded. */
    private static String word(Texts t, String field, String value) {
        String key = switch (field) {
            case "decision" -> "verdict." + value;
            case "outcome" -> "audit.outcome." + value;
            case "recipient" -> "party." + value;
            default -> "";
        };
        return !key.isEmpty() && t.has(key) ? t.t(key) : value;
    }

    /**
     * An inclusion proof of one of the item's entries, with the checkpoint it is checked against, for the check
     * the viewer runs in the browser (the browser recomputes the root; the node has verified the checkpoint's
     * signatures when it signed it).
     */
    public void proof(Context ctx) {
        Account a = account(ctx);
        Holdings.View v = holdings.inspect(a, ctx.pathParam("id"));
        if (!v.access().granted()) {
            throw ApiException.forbidden("access denied");
        }
        long index;
        try {
            index = Long.parseLong(Optional.ofNullable(ctx.queryParam("index")).orElse(""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("index");
        }
        String entry = auditLog.entry(index).filter(e -> e.contains("\"" + v.item().id() + "\"") && shownTo(a, parse(e)))
                .orElseThrow(() -> ApiException.notFound("no such entry of this item"));
        var cp = auditLog.latest().orElseThrow(() -> ApiException.notFound("no checkpoint"));
        if (index >= cp.size()) {
            throw ApiException.notFound("not in a signed checkpoint yet");
        }
        var b64 = Base64.getEncoder();
        var m = new LinkedHashMap<String, Object>();
        m.put("index", index);
        m.put("size", cp.size());
        m.put("root", b64.encodeToString(cp.root()));
        m.put("entry", entry);
        m.put("hashes", auditLog.inclusion(index, cp.size()).stream().map(b64::encodeToString).toList());
        ctx.contentType("application/json").result(Json.write(m));
    }

    public void retract(Context ctx) {
        requireForm(ctx);
        Account a = account(ctx);
        holdings.retract(a, ctx.pathParam("id"));
        ctx.redirect("/ui?done=error.retracted");
    }

    // ---- compose ------------------------------------------------------------------------------------

    public void composeForm(Context ctx) {
        Account a = account(ctx);
        Holdings.require(a, Role.OFFICER, "create items");
        Texts t = texts(ctx);
        render(ctx, 200, "compose.jte", page(ctx, a, "compose", "compose.title"),
                new Models.Compose(levels(""), relTo(t, List.of()), caveats(List.of()), "dprk.missile", "", "", ""));
    }

    public void compose(Context ctx) {
        requireForm(ctx);
        Account a = account(ctx);
        Texts t = texts(ctx);
        List<String> rel = ctx.formParams("relTo");
        List<String> caveats = ctx.formParams("caveat");
        var in = new Holdings.NewItem(ctx.formParam("title"), Optional.ofNullable(ctx.formParam("body")).orElse(""),
                ctx.formParam("level"), ctx.formParam("topic"), rel, caveats);
        try {
            var v = holdings.create(a, in);
            ctx.redirect("/ui/items/" + v.item().id());
        } catch (ApiException e) {
            // The form comes back as it was sent, every choice kept, and the page is marked at the level chosen for
            // what it shows again (the highest of the scheme when that level is not one).
            // Its dissemination controls (REL TO, NOFORN) as chosen, when the choices make a label.
            String level = Optional.ofNullable(ctx.formParam("level")).orElse("");
            Marking marking;
            try {
                var label = LabelInput.parse(self.facts().scenario(), self.party().code(), level, "preview", rel,
                        caveats);
                marking = Marking.of(List.of(new Marking.Shown(label, label.level())), self.scheme());
            } catch (DomainException | IllegalArgumentException notALabel) {
                Level shown = self.scheme().find(level).orElse(self.scheme().highest());
                marking = new Marking(shown.banner().banner(), shown.name(), shown.banner());
            }
            render(ctx, e.status(), "compose.jte", page(ctx, a, "compose", "compose.title").withMarking(marking),
                    new Models.Compose(levels(level), relTo(t, rel), caveats(caveats),
                            Optional.ofNullable(ctx.formParam("topic")).orElse(""),
                            Optional.ofNullable(ctx.formParam("title")).orElse(""),
                            Optional.ofNullable(ctx.formParam("body")).orElse(""),
                            t.t("compose.failed", e.getMessage())));
        }
    }

    private List<Models.Option> relTo(Texts t, List<String> chosen) {
        return self.facts().scenario().parties().stream().filter(p -> !p.equals(self.party()))
                .map(p -> new Models.Option(p.code(), t.party(p) + " (" + p.code() + ")", chosen.contains(p.code())))
                .toList();
    }

    private static List<Models.Option> caveats(List<String> chosen) {
        return java.util.stream.Stream.of("ORCON", "NOFORN")
                .map(c -> new Models.Option(c, c, chosen.contains(c))).toList();
    }

    /** The banner of a label being composed, for the live preview. */
    public void bannerPreview(Context ctx) {
        account(ctx);
        var m = new LinkedHashMap<String, Object>();
        try {
            var label = LabelInput.parse(self.facts().scenario(), self.party().code(),
                    Optional.ofNullable(ctx.queryParam("level")).orElse(""), "preview",
                    ctx.queryParams("relTo"), ctx.queryParams("caveat"));
            m.put("banner", Banner.render(label));
            m.put("marking", label.level().name());
            m.put("css", Marking.of(List.of(new Marking.Shown(label, label.level())), self.scheme()).css());
        } catch (DomainException | IllegalArgumentException e) {
            m.put("error", e.getMessage());
        }
        ctx.contentType("application/json").result(Json.write(m));
    }

    private List<Models.Option> levels(String selected) {
        return self.scheme().levels().stream()
                .map(l -> new Models.Option(l.name(), l.name(), l.name().equals(selected))).toList();
    }

    private List<Models.Option> recipients(Texts t, String selected) {
        return self.facts().scenario().parties().stream().filter(p -> !p.equals(self.party()))
                .map(p -> new Models.Option(p.code(), t.party(p) + " (" + p.code() + ")", p.code().equals(selected)))
                .toList();
    }

    // ---- releases -----------------------------------------------------------------------------------

    /** The decision, route, basis and reasons, shown before the officer confirms the release. */
    public void releaseForm(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        Holdings.View v = holdings.inspect(a, ctx.pathParam("id"));
        if (!v.access().granted()) {
            problem(ctx, 403, t.t("error.403"), v.access().failed().stream().map(t::check).toList());
            return;
        }
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("");
        Models.Decision decision = null;
        if (Party.isCode(to) && self.facts().scenario().has(Party.of(to)) && !Party.of(to).equals(self.party())) {
            Instant now = self.clock().instant();
            boolean consent = self.store().read(h -> Consents.granted(h, v.item().id(), to).isPresent());
            ReleaseDecision d = self.facts().policy().decide(new ReleaseRequest(v.label(), self.party(), Party.of(to),
                    now, consent));
            self.store().useTransaction(h -> AuditLog.append(h, AuditEntry.of(AuditEntry.Type.DECISION, now,
                    a.username()).with("query", true).with("item", v.item().id()).with("recipient", to)
                    .with("decision", d.verdict()).with("route", Labels.codes(d.route())).with("basis", d.basis())));
            decision = decision(t, d);
        }
        render(ctx, 200, "release.jte", page(ctx, a, "dashboard", "release.title").withMarking(marking(List.of(v))),
                new Models.Release(v.item().id(), v.item().title(), recipients(t, to), to, decision,
                        decision != null && !"DENY".equals(decision.verdictCode()) && a.is(Role.OFFICER), ""));
    }

    private static Models.Decision decision(Texts t, ReleaseDecision d) {
        return new Models.Decision(t.t("verdict." + d.verdict().name()), d.verdict().name(),
                String.join(" → ", d.route().stream().map(Party::code).toList()), String.join(", ", d.basis()),
                d.recipientLevel().map(Level::name).orElse(""), d.reasons().stream().map(t::reason).toList());
    }

    public void release(Context ctx) {
        requireForm(ctx);
        Account a = account(ctx);
        String id = ctx.pathParam("id");
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("");
        Disclosures.Requested r;
        try {
            r = disclosures.request(a, id, to);
        } catch (ApiException e) {
            if ("RELEASE_DENIED".equals(e.code())) {
                // Refused since the decision was shown (an agreement changed): show the decision again, with its reasons.
                ctx.redirect("/ui/items/" + id + "/release?to=" + (Party.isCode(to) ? to : ""));
                return;
            }
            throw e; // access, role, no route to the partner: a page with the reasons
        }
        ctx.redirect("/ui?done=" + (r.decision().verdict().name().equals("PERMIT")
                ? "release.requested" : "release.consentRequested"));
    }

    public void approve(Context ctx) {
        requireForm(ctx);
        disclosures.approve(account(ctx), ctx.pathParam("id"));
        ctx.redirect("/ui?done=approve.done");
    }

    public void consent(Context ctx) {
        requireForm(ctx);
        String grant = Optional.ofNullable(ctx.formParam("grant")).orElse("");
        if (!grant.equals("true") && !grant.equals("false")) {
            throw ApiException.badRequest("grant must be true or false");
        }
        disclosures.decideConsent(account(ctx), ctx.pathParam("id"), grant.equals("true"));
        ctx.redirect("/ui?done=consent.done");
    }

    // ---- agreements ---------------------------------------------------------------------------------

    public void agreements(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        Scenario scenario = self.facts().scenario();
        Instant at;
        try {
            at = ctx.queryParam("at") == null || ctx.queryParam("at").isBlank() ? self.clock().instant()
                    : DateOrInstant.parse(ctx.queryParam("at"));
        } catch (DomainException e) {
            problem(ctx, 400, t.t("agreements.badDate", ctx.queryParam("at")), List.of());
            return;
        }
        Instant when = at;
        List<AgreementLine> lines = scenario.agreements().stream().map(ag -> agreementLine(t, scenario, ag, when)).toList();
        render(ctx, 200, "agreements.jte", page(ctx, a, "agreements", "agreements.title"),
                Timeline.of(t, scenario, self.clock().instant(), when, lines));
    }

    // ---- me and admin -------------------------------------------------------------------------------

    public void me(Context ctx) {
        Account a = account(ctx);
        Texts t = texts(ctx);
        var fields = List.of(new Models.Field(t.t("me.party"), t.party(self.party())),
                new Models.Field(t.t("me.nationality"), t.party(a.nationality())),
                new Models.Field(t.t("me.clearance"), a.clearance().name()),
                new Models.Field(t.t("me.needToKnow"), a.needToKnow().topics().isEmpty() ? t.t("me.needToKnow.none")
                        : String.join(", ", a.needToKnow().topics().stream().map(x -> x.path()).toList())),
                new Models.Field(t.t("me.roles"), String.join(", ", a.roles().stream().sorted()
                        .map(r -> t.t("role." + r.id())).toList())));
        render(ctx, 200, "me.jte", page(ctx, a, "me", "me.title"), new Models.Me(fields));
    }

    public void admin(Context ctx) {
        Account a = account(ctx);
        if (!a.is(Role.ADMIN)) {
            problem(ctx, 403, texts(ctx).t("error.403"), List.of(texts(ctx).t("error.adminOnly")));
            return;
        }
        renderAdmin(ctx, a, notice(ctx, texts(ctx)));
    }

    private void renderAdmin(Context ctx, Account a, String notice) {
        Texts t = texts(ctx);
        var persons = self.store().read(Persons::all).stream().map(p -> new Models.PersonLine(p.username(), p.clearance(),
                String.join(", ", p.needToKnow()), String.join(", ", p.roles().stream().map(r -> t.t("role." + r)).toList())))
                .toList();
        var roles = java.util.Arrays.stream(Role.values()).map(r -> new Models.Option(r.id(), t.t("role." + r.id()), false)).toList();
        var ags = self.facts().scenario().agreements().stream().filter(ag -> ag.parties().contains(self.party()))
                .map(ag -> new Models.Option(ag.id(), ag.id() + " · " + t.agreementName(ag), false)).toList();
        var types = java.util.Arrays.stream(LifecycleEvent.EventType.values())
                .map(e -> new Models.Option(e.name(), t.t("event." + e.name()), false)).toList();
        render(ctx, 200, "admin.jte", page(ctx, a, "admin", "admin.title"),
                new Models.Admin(persons, levels(""), roles, ags, types, notice));
    }

    public void createPerson(Context ctx) {
        requireForm(ctx);
        Account a = account(ctx);
        Texts t = texts(ctx);
        if (!a.is(Role.ADMIN)) {
            problem(ctx, 403, t.t("error.403"), List.of(t.t("error.adminOnly")));
            return;
        }
        try {
            String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
            if (password.length() < 12) {
                throw ApiException.badRequest("a password has at least 12 characters");
            }
            List<Role> roles = ctx.formParams("role").stream().map(r -> Role.parse(r)
                    .orElseThrow(() -> ApiException.badRequest("unknown role " + r))).toList();
            String ntk = Optional.ofNullable(ctx.formParam("needToKnow")).orElse("").strip();
            var row = sessions.create(Optional.ofNullable(ctx.formParam("username")).orElse("").strip(),
                    password.toCharArray(), self.party(), Optional.ofNullable(ctx.formParam("clearance")).orElse(""),
                    ntk.isEmpty() ? List.of() : List.of(ntk.split("\\s*,\\s*")), roles);
            renderAdmin(ctx, a, t.t("admin.created", row.username()));
        } catch (ApiException e) {
            renderAdmin(ctx, a, t.t("admin.failed", e.getMessage()));
        }
    }

    public void recordEvent(Context ctx) {
        requireForm(ctx);
        Account a = account(ctx);
        Texts t = texts(ctx);
        try {
            String effective = Optional.ofNullable(ctx.formParam("effective")).filter(s -> !s.isBlank()).orElse(null);
            agreements.record(a, Optional.ofNullable(ctx.formParam("agreement")).orElse(""),
                    new AgreementDesk.NewEvent(ctx.formParam("type"), ctx.formParam("date"), self.party().code(),
                            effective, Optional.ofNullable(ctx.formParam("note")).orElse("")));
            renderAdmin(ctx, a, t.t("admin.event.recorded"));
        } catch (DomainException e) {
            renderAdmin(ctx, a, t.t("admin.failed", e.getMessage()));
        } catch (ApiException e) {
            if (e.status() == 403 && !a.is(Role.ADMIN)) {
                problem(ctx, 403, t.t("error.403"), List.of(t.t("error.adminOnly")));
                return;
            }
            renderAdmin(ctx, a, t.t("admin.failed", e.getMessage()));
        }
    }

    // ---- live updates -------------------------------------------------------------------------------

    /** Server-sent events: the name of what changed (inbox, outbox, consents), never content. */
    public void events(SseClient client) {
        Context ctx = client.ctx();
        String token;
        try {
            account(ctx);
            token = WebSession.token(ctx).orElseThrow(SignInRequired::new);
        } catch (SignInRequired e) {
            client.close();
            return;
        }
        client.keepAlive();
        // The session is checked again before each event: once it has ended (signed out, expired, revoked) the
        // stream is closed rather than telling anyone else what changed.
        AutoCloseable subscription = self.changes().subscribe(topic -> {
            if (signedIn(token)) {
                client.sendEvent("change", topic);
            } else {
                client.sendEvent("ended", "session");  // the page stops reconnecting
                client.close();
            }
        });
        client.onClose(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                // nothing to release
            }
        });
        client.sendComment("connected");
    }
}
