package trisec.node.api;

import trisec.node.Labels;
import trisec.node.audit.AuditEntry;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.DateOrInstant;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.node.AgreementDesk;
import trisec.node.Disclosures;
import trisec.node.Holdings;
import trisec.node.Json;
import trisec.node.Self;
import trisec.node.auth.Account;
import trisec.node.auth.Role;
import trisec.node.auth.Sessions;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.Cosignatures;
import trisec.audit.note.Ed25519Notes;
import trisec.audit.note.SignedNote;
import trisec.audit.tiles.Tiles;
import trisec.node.audit.AuditLog;
import trisec.node.audit.Witness;
import trisec.node.federation.NodeAuth;
import trisec.node.federation.Peers;
import trisec.node.federation.Reception;
import trisec.node.store.PersonRow;
import trisec.node.store.Persons;
import trisec.node.store.RecordedEvents;
import trisec.node.web.Pages;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.scenario.file.LabelInput;

/**
 * Every route of the node, in one place: the REST API under {@code /api/v1} (bearer tokens), the federation
 * endpoint partners post envelopes to (authenticated by the envelope's signature), and the few public pages.
 * Handlers are small: they read the request, call one service, and write JSON. Errors are
 * {@code {"error": CODE, "message": …}} with the right status.
 */
public final class Api {
    private static final Logger log = LoggerFactory.getLogger(Api.class);
    private static final String ACCOUNT = "trisec.account";
    /** Paths anyone may call: the sign-in, the API description, the root page, health, the node's public keys. */
    private static final Set<String> PUBLIC = Set.of("/", "/health", "/api/v1/auth/token", "/api/v1/openapi.json",
            "/federation/v1/identity", "/federation/v1/envelopes");
    /** Requests are at most 8 MiB: an envelope carries a 1 MiB body in base64 with its signature and keys. */
    static final long MAX_REQUEST_BYTES = 8L << 20;

    public record Parts(Self self, Sessions sessions, Holdings holdings, Disclosures disclosures,
                        AgreementDesk agreements, Reception reception, AuditLog auditLog, Witness witness,
                        java.security.PublicKey logKey, Pages pages, boolean secureCookies) {}

    /**
     * Every response: scripts and styles only from this node, no framing, no sniffing, no referrer; the pages
     * need nothing from anywhere else.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String PARTNER = "trisec.partner";
    /** Set when a handler wrote its own error answer, which the router's error handlers then leave alone. */
    private static final String OWN_ANSWER = "trisec.ownAnswer";
    /** The only routes a partner node may call with its signature (the log, for witnessing and audits). */
    private static final Set<String> PARTNER_ROUTES = Set.of("/log/checkpoint", "/api/v1/log/checkpoint/latest",
            "/log/tile/<path>",
            "/log/cosignature", "/api/v1/log/proof/inclusion", "/api/v1/log/proof/consistency");

    private final Parts p;

    private Api(Parts parts) {
        this.p = parts;
    }

    public static Javalin create(Parts parts) {
        return new Api(parts).javalin();
    }

    private Javalin javalin() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.concurrency.useVirtualThreads = true;
            var r = config.routes;

            r.before(ctx -> {
                Pages.nodeOf(ctx, p.self().party().code());
                if (p.secureCookies()) {
                    Pages.secureCookies(ctx);
                }
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
            });
            r.beforeMatched(this::authenticate);

            r.get("/", ctx -> ctx.redirect("/ui"));
            r.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "party", p.self().party().code())));
            r.get("/api/v1/openapi.json", this::openapi);
            r.post("/api/v1/auth/token", this::token);
            r.get("/api/v1/me", this::me);

            r.get("/api/v1/items", ctx -> json(ctx, 200, Map.of("items",
                    p.holdings().list(account(ctx)).stream().map(Views::itemSummary).toList())));
            r.post("/api/v1/items", this::createItem);
            r.get("/api/v1/items/{id}", ctx -> json(ctx, 200, Views.item(p.holdings().read(account(ctx), id(ctx)))));
            r.post("/api/v1/items/{id}/releases", this::requestRelease);
            r.post("/api/v1/items/{id}/retract", this::retract);
            r.post("/api/v1/items/{id}/reclassify", this::reclassify);
            r.post("/api/v1/items/{id}/compromise", this::compromise);
            r.get("/api/v1/items/{id}/reports", ctx -> json(ctx, 200, Map.of("reports",
                    p.holdings().reports(account(ctx), id(ctx)).stream().map(Views::report).toList())));

            r.post("/api/v1/releases/{id}/approve", ctx -> json(ctx, 200,
                    Views.release(p.disclosures().approve(account(ctx), id(ctx)), usernames())));
            r.get("/api/v1/inbox", ctx -> json(ctx, 200, Map.of("items",
                    p.holdings().inbox(account(ctx)).stream().map(Views::itemSummary).toList())));
            r.get("/api/v1/outbox", ctx -> {
                long limit = ctx.queryParam("limit") == null ? 500 : longParam(ctx, "limit");
                if (limit < 1 || limit > 1000) {
                    throw ApiException.badRequest("limit is 1 to 1000");
                }
                var statuses = new java.util.LinkedHashSet<trisec.node.store.ReleaseStatus>();
                for (String s : ctx.queryParams("status")) {
                    for (String one : s.split(",", -1)) {
                        try {
                            statuses.add(trisec.node.store.ReleaseStatus.valueOf(one.trim()));
                        } catch (IllegalArgumentException e) {
                            throw ApiException.badRequest("'" + one + "' is not a release status");
                        }
                    }
                }
                var page = p.disclosures().outbox(account(ctx), statuses, (int) limit);
                var names = usernames();
                json(ctx, 200, Map.of("releases", page.releases().stream().map(x -> Views.release(x, names)).toList(),
                        "more", page.more()));
            });
            r.get("/api/v1/consents", ctx -> {
                var names = usernames();
                json(ctx, 200, Map.of("consents",
                        p.disclosures().consents(account(ctx)).stream().map(c -> Views.consent(c, names)).toList()));
            });
            r.post("/api/v1/consents/{id}", this::decideConsent);

            r.get("/api/v1/decide", this::decide);
            r.get("/api/v1/agreements", this::agreements);
            r.post("/api/v1/agreements/{id}/events", this::recordEvent);
            r.get("/api/v1/agreements/events", this::recordedEvents);

            r.get("/api/v1/persons", this::persons);
            r.post("/api/v1/persons", this::createPerson);

            r.get("/federation/v1/identity", ctx -> json(ctx, 200, Peers.export(p.self().keys().identity(),
                    java.util.Optional.empty(), java.util.Optional.of(Ed25519Notes.vkey(p.auditLog().origin(), p.logKey())))));

            // The audit log: C2SP tlog-tiles layout for tools, JSON proofs for convenience (docs/AUDIT.md).
            r.get("/log/checkpoint", this::checkpoint);
            r.get("/api/v1/log/checkpoint/latest", this::newestCheckpoint);
            r.get("/log/tile/<path>", this::tile);
            r.post("/log/cosignature", this::cosignature);
            r.get("/api/v1/log/proof/inclusion", this::inclusion);
            r.get("/api/v1/log/proof/consistency", this::consistency);
            r.get("/api/v1/log/entries", this::entries);
            r.get("/api/v1/log/alarms", this::alarms);
            r.post("/federation/v1/envelopes", ctx -> {
                // A body that is not UTF-8 is a malformed envelope, counted and throttled like any other.
                java.util.Optional<String> text;
                try {
                    text = java.util.Optional.of(body(ctx));
                } catch (ApiException e) {
                    text = java.util.Optional.empty();
                }
                Reception.Answer a = p.reception().receive(text, ctx.ip());
                ctx.status(a.status()).contentType("application/json").result(a.body());
            });

            // The web pages, served by every node (docs/UI.md); signed in by a session cookie, not a bearer token.
            Pages pages = p.pages();
            r.get("/ui", pages::dashboard);
            r.get("/ui/login", pages::loginForm);
            r.post("/ui/login", pages::login);
            r.post("/ui/logout", pages::logout);
            r.post("/ui/lang", pages::language);
            r.get("/ui/compose", pages::composeForm);
            r.post("/ui/compose", pages::compose);
            r.get("/ui/banner", pages::bannerPreview);
            r.get("/ui/items/{id}", pages::item);
            r.get("/ui/items/{id}/proof", pages::proof);
            r.post("/ui/items/{id}/retract", pages::retract);
            r.get("/ui/items/{id}/release", pages::releaseForm);
            r.post("/ui/items/{id}/release", pages::release);
            r.post("/ui/releases/{id}/approve", pages::approve);
            r.post("/ui/consents/{id}", pages::consent);
            r.get("/ui/agreements", pages::agreements);
            r.get("/ui/me", pages::me);
            r.get("/ui/admin", pages::admin);
            r.post("/ui/admin/persons", pages::createPerson);
            r.post("/ui/admin/events", pages::recordEvent);
            r.get("/ui/fragments/{name}", pages::fragment);
            r.sse("/ui/events", pages::events);
            r.get("/static/{file}", this::asset);

            r.exception(Pages.SignInRequired.class, (e, ctx) -> {
                if (ctx.path().startsWith("/ui/fragments") || ctx.path().startsWith("/ui/banner")
                        || ctx.path().endsWith("/proof")) {
                    ctx.status(401).result("");
                } else {
                    ctx.redirect("/ui/login");
                }
            });
            r.exception(ApiException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/ui")) {
                    pageProblem(ctx, e);
                } else {
                    error(ctx, e.status(), e.code(), e.getMessage(), e.reasons());
                }
            });
            r.exception(DomainException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/ui")) {
                    pageProblem(ctx, ApiException.badRequest(e.getMessage()));
                } else {
                    error(ctx, 400, "BAD_REQUEST", e.getMessage(), List.of());
                }
            });
            r.exception(Exception.class, (e, ctx) -> {
                // The message may quote classified input; log only what failed where.
                log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getClass().getName());
                error(ctx, 500, "INTERNAL", "the node could not complete the request", List.of());
            });
            r.error(404, "*", ctx -> {
                // Keep a handler's own 404 (an unknown item, as JSON or as a page in the viewer's language);
                // replace the router's own answer for a path nothing here serves.
                if (ctx.attribute(OWN_ANSWER) == null) {
                    error(ctx, 404, "NOT_FOUND", "no such resource: " + ctx.method() + " " + ctx.path(), List.of());
                }
            });
            r.error(405, "*", ctx -> error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on "
                    + ctx.path(), List.of()));
            r.error(413, "*", ctx -> {
                // A handler's own 413 (an item body over its 1 MiB) states its own limit.
                if (ctx.attribute(OWN_ANSWER) == null) {
                    error(ctx, 413, "PAYLOAD_TOO_LARGE", "the request is larger than " + (MAX_REQUEST_BYTES >> 20)
                            + " MiB", List.of());
                }
            });
            // What the HTTP server refuses before any route sees it (a URI it finds ambiguous, headers too large)
            // is answered in the same JSON shape, not with its own HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrors()));
        });
    }

    // ---- authentication -----------------------------------------------------------------------------

    private void authenticate(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched == null || PUBLIC.contains(matched.path) || matched.path.startsWith("/ui")
                || matched.path.startsWith("/static/")) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith(NodeAuth.SCHEME + " ")) {
            String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            Party partner = NodeAuth.verify(header, ctx.method().name(), target, p.self().peers())
                    .orElseThrow(() -> ApiException.unauthenticated("the node signature is unknown, stale or invalid"));
            if (!PARTNER_ROUTES.contains(matched.path)) {
                throw ApiException.forbidden("partner nodes may only read the audit log here");
            }
            ctx.attribute(PARTNER, partner);
            return;
        }
        if (header == null || !header.startsWith("Bearer ") || header.length() < 8) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.unauthenticated("a bearer token is required (POST /api/v1/auth/token)");
        }
        try {
            ctx.attribute(ACCOUNT, p.sessions().authenticate(header.substring(7).strip()));
        } catch (ApiException e) {
            // A 401 always names the scheme (RFC 7235 §3.1); a bad or expired token says so (RFC 6750 §3.1).
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw e;
        }
    }

    private static Account account(Context ctx) {
        Account a = ctx.attribute(ACCOUNT);
        if (a == null) {
            throw ApiException.unauthenticated("not signed in");
        }
        return a;
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 100) {
            throw ApiException.notFound("no such id");
        }
        return id;
    }

    // ---- handlers -----------------------------------------------------------------------------------

    record TokenRequest(String username, String password) {}

    private void token(Context ctx) {
        var in = Json.read(body(ctx), TokenRequest.class);
        if (in.username() == null || in.password() == null) {
            throw ApiException.badRequest("username and password are required");
        }
        var t = p.sessions().signIn(in.username(), in.password());
        json(ctx, 200, Map.of("token", t.token(), "expiresAt", t.expiresAt().toString()));
    }

    private void me(Context ctx) {
        Account a = account(ctx);
        var m = new LinkedHashMap<String, Object>();
        m.put("username", a.username());
        m.put("party", p.self().party().code());
        m.put("nationality", a.nationality().code());
        m.put("clearance", a.clearance().name());
        m.put("needToKnow", a.needToKnow().topics().stream().map(t -> t.path()).toList());
        m.put("roles", a.roles().stream().map(Role::id).sorted().toList());
        json(ctx, 200, m);
    }

    private void createItem(Context ctx) {
        var in = Json.read(body(ctx), Holdings.NewItem.class);
        var v = p.holdings().create(account(ctx), in);
        ctx.header("Location", "/api/v1/items/" + v.item().id());
        json(ctx, 201, Views.item(v));
    }

    record ReleaseBody(String to) {}

    private void requestRelease(Context ctx) {
        var in = Json.read(body(ctx), ReleaseBody.class);
        Disclosures.Requested r = p.disclosures().request(account(ctx), id(ctx), in.to());
        var m = new LinkedHashMap<String, Object>();
        m.put("decision", Views.decision(r.decision()));
        m.put("release", r.release().map(x -> Views.release(x, usernames())).orElse(null));
        json(ctx, 202, m);
    }

    private void retract(Context ctx) {
        var notTold = p.holdings().retract(account(ctx), id(ctx));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", id(ctx));
        answer.put("state", "RETRACTED");
        if (!notTold.isEmpty()) {
            // Reached only through the hub, which does not pass notices on: someone must tell them otherwise.
            answer.put("notTold", Labels.codes(notTold));
        }
        json(ctx, 200, answer);
    }

    record ReclassifyBody(String level) {}

    private void reclassify(Context ctx) {
        var in = Json.read(body(ctx), ReclassifyBody.class);
        if (in.level() == null) {
            throw ApiException.badRequest("level is required");
        }
        json(ctx, 200, Views.item(p.holdings().reclassify(account(ctx), id(ctx), in.level())));
    }

    record CompromiseBody(String detail) {}

    private void compromise(Context ctx) {
        var in = Json.read(body(ctx), CompromiseBody.class);
        json(ctx, 201, Views.report(p.holdings().reportCompromise(account(ctx), id(ctx), in.detail())));
    }

    record ConsentBody(Boolean grant) {}

    private void decideConsent(Context ctx) {
        var in = Json.read(body(ctx), ConsentBody.class);
        if (in.grant() == null) {
            throw ApiException.badRequest("grant (true or false) is required");
        }
        json(ctx, 200, Views.consent(p.disclosures().decideConsent(account(ctx), id(ctx), in.grant()), usernames()));
    }

    /** The CLI's {@code decide}, with the same inputs as query parameters and the same JSON. */
    private void decide(Context ctx) {
        account(ctx);
        var scenario = p.self().facts().scenario();
        String at = ctx.queryParam("at");
        Instant when = at == null ? p.self().clock().instant() : DateOrInstant.parse(at);
        var label = LabelInput.parse(scenario, ctx.queryParam("originator"), ctx.queryParam("level"),
                ctx.queryParam("topic"), LabelInput.split(ctx.queryParams("relTo")), ctx.queryParams("caveat"));
        String holder = ctx.queryParam("holder");
        String to = ctx.queryParam("to");
        if (to == null) {
            throw ApiException.badRequest("to is required");
        }
        Party h = holder == null ? label.originator() : scenario.party(holder);
        Party r = scenario.party(to);
        ReleaseDecision d = p.self().facts().policy().decide(new ReleaseRequest(label, h, r, when,
                "true".equalsIgnoreCase(ctx.queryParam("consent"))));
        p.self().store().useTransaction(tx -> AuditLog.append(tx, AuditEntry.of(AuditEntry.Type.DECISION,
                p.self().clock().instant(), account(ctx).username()).with("query", true)
                .with("originator", label.originator().code()).with("level", label.level().name())
                .with("topic", label.topic().path()).with("holder", h.code()).with("recipient", r.code())
                .with("at", when.toString()).with("decision", d.verdict()).with("route", Labels.codes(d.route()))
                .with("basis", d.basis())));
        json(ctx, 200, Views.decision(d));
    }

    private void agreements(Context ctx) {
        account(ctx);
        String at = ctx.queryParam("at");
        Instant when = at == null ? p.self().clock().instant() : DateOrInstant.parse(at);
        var scenario = p.self().facts().scenario();
        List<Object> list = new ArrayList<>();
        for (Agreement a : scenario.agreements()) {
            list.add(Views.agreement(a, scenario.lifecycle(a).statusAt(when), when));
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("at", when.toString());
        m.put("agreements", list);
        json(ctx, 200, m);
    }

    private void recordEvent(Context ctx) {
        var in = Json.read(body(ctx), AgreementDesk.NewEvent.class);
        json(ctx, 201, Views.recorded(p.agreements().record(account(ctx), id(ctx), in)));
    }

    private void recordedEvents(Context ctx) {
        account(ctx);
        json(ctx, 200, Map.of("events", p.self().store().read(RecordedEvents::all).stream().map(Views::recorded).toList()));
    }

    private void persons(Context ctx) {
        requireAdmin(account(ctx));
        json(ctx, 200, Map.of("persons", p.self().store().read(Persons::all).stream().map(Api::person).toList()));
    }

    record NewPerson(String username, String password, String clearance, List<String> needToKnow, List<String> roles) {}

    private void createPerson(Context ctx) {
        requireAdmin(account(ctx));
        var in = Json.read(body(ctx), NewPerson.class);
        if (in.username() == null || in.password() == null || in.clearance() == null || in.roles() == null) {
            throw ApiException.badRequest("username, password, clearance and roles are required");
        }
        if (in.password().length() < 12) {
            throw ApiException.badRequest("a password has at least 12 characters");
        }
        List<Role> roles = new ArrayList<>();
        for (String r : in.roles()) {
            roles.add(Role.parse(r).orElseThrow(() -> ApiException.badRequest("'" + r
                    + "' is not a role (officer, disclosure, reader, admin)")));
        }
        PersonRow row = p.sessions().create(in.username(), in.password().toCharArray(), p.self().party(),
                in.clearance(), in.needToKnow() == null ? List.of() : in.needToKnow(), roles);
        json(ctx, 201, person(row));
    }

    private static void requireAdmin(Account a) {
        if (!a.is(Role.ADMIN)) {
            throw ApiException.forbidden("only an admin manages persons");
        }
    }

    private static Map<String, Object> person(PersonRow r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("username", r.username());
        m.put("nationality", r.nationality());
        m.put("clearance", r.clearance());
        m.put("needToKnow", r.needToKnow());
        m.put("roles", r.roles());
        m.put("locked", r.lockedUntil().isPresent());
        return m;
    }

    private Function<String, String> usernames() {
        Map<String, String> names = new java.util.HashMap<>();
        p.self().store().read(Persons::all).forEach(x -> names.put(x.id(), x.username()));
        return id -> names.getOrDefault(id, id);
    }

    /** A failed page request, answered as a page in the viewer's language. */
    private void pageProblem(Context ctx, ApiException e) {
        ctx.attribute(OWN_ANSWER, Boolean.TRUE);
        // The headline in the viewer's language; what the service said, in English, as the detail below it.
        var t = p.pages().texts(ctx);
        String message = switch (e.code()) {
            case "CSRF" -> t.t("error.csrf");
            case "RETRACTED" -> t.t("error.retracted");
            case "NOT_FOUND" -> t.t("error.404");
            default -> switch (e.status()) {
                case 400, 422 -> t.t("error.400");
                case 401, 403 -> t.t("error.403");
                case 409 -> t.t("error.409");
                default -> t.t("error.other");
            };
        };
        boolean ownWords = e.code().equals("CSRF") || e.code().equals("RETRACTED") || e.code().equals("NOT_FOUND");
        List<String> reasons = ownWords ? List.of() : java.util.stream.Stream.concat(
                java.util.stream.Stream.of(t.t("error.detail", e.getMessage())), e.reasons().stream()).toList();
        p.pages().problem(ctx, e.status(), message, reasons);
    }

    private static final Map<String, String> ASSETS = Map.of("app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw ApiException.notFound("no such file");
        }
        try (InputStream in = Api.class.getResourceAsStream("/trisec/node/web/static/" + file)) {
            ctx.header("Cache-Control", "public, max-age=300").contentType(type).result(in.readAllBytes());
        }
    }


    private void openapi(Context ctx) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/trisec/node/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the class path");
            }
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    // ---- the audit log ------------------------------------------------------------------------------

    /** Partner nodes (signed requests) and this node's admins and auditors may read the log. */
    private static void requireLogReader(Context ctx) {
        if (ctx.attribute(PARTNER) != null) {
            return;
        }
        Account a = account(ctx);
        if (!a.is(Role.ADMIN) && !a.is(Role.AUDITOR)) {
            throw ApiException.forbidden("the audit log is for partner nodes, admins and auditors");
        }
    }

    private void checkpoint(Context ctx) {
        requireLogReader(ctx);
        String note = p.auditLog().served().orElseThrow(() -> ApiException.notFound("no checkpoint signed yet"));
        ctx.contentType("text/plain; charset=utf-8").result(note);
    }

    /** The newest signed checkpoint, cosigned or not yet: what the partners' witnesses poll. */
    private void newestCheckpoint(Context ctx) {
        requireLogReader(ctx);
        String note = p.auditLog().newest().orElseThrow(() -> ApiException.notFound("no checkpoint signed yet"));
        ctx.contentType("text/plain; charset=utf-8").result(note);
    }

    private void tile(Context ctx) {
        requireLogReader(ctx);
        Tiles.TilePath t;
        try {
            t = Tiles.parse("tile/" + ctx.pathParam("path"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("not a tile path: " + e.getMessage());
        }
        var bytes = t.entries() ? p.auditLog().entryBundle(t.index(), t.width())
                : p.auditLog().tile(t.level(), t.index(), t.width());
        ctx.contentType("application/octet-stream").result(bytes.orElseThrow(() -> ApiException.notFound("no such tile yet")));
    }

    record CosignatureBody(String checkpoint, String cosignature) {}

    private void cosignature(Context ctx) {
        Party partner = ctx.attribute(PARTNER);
        if (partner == null) {
            throw ApiException.forbidden("only a partner node posts cosignatures");
        }
        var in = Json.read(body(ctx), CosignatureBody.class);
        var peer = p.self().peers().of(partner).orElseThrow();
        if (in.checkpoint() == null || in.cosignature() == null || peer.logKey().isEmpty()) {
            throw ApiException.badRequest("checkpoint and cosignature are required, from a partner with a log key");
        }
        Checkpoint cp;
        SignedNote.Signature sig;
        try {
            cp = Checkpoint.parse(in.checkpoint());
            sig = SignedNote.Signature.parseLine(in.cosignature());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed cosignature: " + e.getMessage());
        }
        // Exactly the checkpoint this node signed (same text, extension lines included), else the stored
        // cosignature would not verify against the note served with it.
        var ours = p.auditLog().checkpointAt(cp.size())
                .filter(c -> c.note().startsWith(cp.text() + "\n") && cp.origin().equals(p.auditLog().origin()));
        String witness = AuditLog.originOf(peer.identity());
        if (ours.isEmpty() || !sig.keyName().equals(witness)
                || !Cosignatures.verify(witness, Ed25519Notes.publicKey(peer.logKey().get()), cp, sig)) {
            throw new ApiException(422, "INVALID_COSIGNATURE", "the cosignature is not " + partner
                    + "'s on a checkpoint this node signed");
        }
        // Stored in canonical form (a witness may send the line with its newline): the served note must parse.
        p.auditLog().addCosignature(cp.size(), witness, sig.line());
        json(ctx, 201, Map.of("size", cp.size(), "witness", witness));
    }

    private static long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            return Long.parseLong(v == null ? "" : v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number");
        }
    }

    private void inclusion(Context ctx) {
        requireLogReader(ctx);
        long index = longParam(ctx, "index");
        long size = longParam(ctx, "size");
        try {
            json(ctx, 200, proof("index", index, size, p.auditLog().inclusion(index, size)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void consistency(Context ctx) {
        requireLogReader(ctx);
        long from = longParam(ctx, "from");
        long to = longParam(ctx, "to");
        try {
            json(ctx, 200, proof("from", from, to, p.auditLog().consistency(from, to)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static Map<String, Object> proof(String first, long a, long size, List<byte[]> hashes) {
        var m = new LinkedHashMap<String, Object>();
        m.put(first, a);
        m.put(first.equals("from") ? "to" : "size", size);
        m.put("hashes", hashes.stream().map(java.util.Base64.getEncoder()::encodeToString).toList());
        return m;
    }

    private void entries(Context ctx) {
        requireLogReader(ctx);
        long from = ctx.queryParam("from") == null ? 0 : longParam(ctx, "from");
        long limit = ctx.queryParam("limit") == null ? 100 : longParam(ctx, "limit");
        if (from < 0 || limit < 1 || limit > 1000) {
            throw ApiException.badRequest("from is 0 or more, limit 1 to 1000");
        }
        List<Object> list = new ArrayList<>();
        long i = from;
        for (String e : p.auditLog().entries(from, (int) limit)) {
            var m = new LinkedHashMap<String, Object>();
            m.put("index", i++);
            try {
                m.put("entry", Json.MAPPER.readTree(e));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                m.put("entry", e);
            }
            list.add(m);
        }
        var head = p.auditLog().head();
        json(ctx, 200, Map.of("size", head.size(), "entries", list));
    }

    private void alarms(Context ctx) {
        requireLogReader(ctx);
        json(ctx, 200, Map.of("alarms", p.witness().alarms().stream().map(a -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", a.id());
            m.put("party", a.party());
            m.put("origin", a.origin());
            m.put("detail", a.detail());
            m.put("accepted", a.accepted());
            m.put("conflicting", a.conflicting());
            m.put("proof", a.proof());
            m.put("raisedAt", a.raisedAt().toString());
            return m;
        }).toList()));
    }

    // ---- output -------------------------------------------------------------------------------------

    /** The request body as text: UTF-8, strictly (a byte that is not UTF-8 is an error, not a replacement). */
    static String body(Context ctx) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("the body is not UTF-8 text");
        }
    }

    static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(Json.write(value));
    }

    private static void error(Context ctx, int status, String code, String message, List<String> reasons) {
        ctx.attribute(OWN_ANSWER, Boolean.TRUE);
        var m = new LinkedHashMap<String, Object>();
        m.put("error", code);
        m.put("message", message);
        if (!reasons.isEmpty()) {
            m.put("reasons", reasons);
        }
        json(ctx, status, m);
    }
}
