package trisec.node.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.DomainException;
import trisec.node.base.NodeAuth;
import trisec.node.base.Refusal;
import trisec.node.base.SeenRequests;
import trisec.node.base.Self;
import trisec.node.person.Account;
import trisec.node.person.Sessions;
import trisec.party.Party;

/**
 * The node's HTTP server: one route table made of every feature's route groups (the REST API under
 * {@code /api/v1}, the audit log, the federation endpoint, the pages under {@code /ui}), one access manager that
 * enforces the {@link Access} each route declares, and one place that turns a {@link Refusal} into an answer:
 * {@code {"error": CODE, "message": …}} with its status for the API, a page in the viewer's language for the UI.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Requests are at most 8 MiB: an envelope carries a 1 MiB body in base64 with its signature and keys. */
    static final long MAX_REQUEST_BYTES = 8L << 20;
    /**
     * Every response: scripts and styles only from this node, no framing, no sniffing, no referrer; the pages
     * need nothing from anywhere else.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> ASSETS = Map.of("app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    /**
     * @param groups every feature's routes, API and pages
     * @param pages  how the pages sign people in and answer refusals
     */
    public record Parts(Self self, Sessions sessions, List<RouteGroup> groups, PageEdge pages) {}

    private final Parts p;
    private final SeenRequests seen;

    private HttpServer(Parts parts) {
        this.p = parts;
        this.seen = new SeenRequests(parts.self().store());
    }

    public static Javalin create(Parts parts) {
        return new HttpServer(parts).javalin();
    }

    private Javalin javalin() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.concurrency.useVirtualThreads = true;
            var r = config.routes;

            r.before(ctx -> {
                p.pages().prepare(ctx);
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
            });
            r.beforeMatched(this::admit);
            r.after(this::signAnswer);

            r.get("/", ctx -> ctx.redirect("/ui"), Access.PUBLIC);
            r.get("/health", ctx -> Requests.json(ctx, 200, Map.of("status", "ok", "party", p.self().party().code())),
                    Access.PUBLIC);
            r.get("/api/v1/openapi.json", HttpServer::openapi, Access.PUBLIC);
            r.get("/static/{file}", HttpServer::asset, Access.PUBLIC);
            for (RouteGroup group : p.groups()) {
                group.addTo(r);
            }

            r.exception(PageEdge.SignInRequired.class, (e, ctx) -> p.pages().signInRequired(ctx));
            r.exception(Refusal.class, (e, ctx) -> {
                if (ctx.path().startsWith("/ui")) {
                    Requests.ownAnswer(ctx);
                    p.pages().refused(ctx, e);
                } else {
                    Requests.error(ctx, Statuses.of(e), e.code(), e.getMessage(), e.reasons());
                }
            });
            r.exception(DomainException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/ui")) {
                    Requests.ownAnswer(ctx);
                    p.pages().refused(ctx, Refusal.invalid(e.getMessage()));
                } else {
                    Requests.error(ctx, 400, "BAD_REQUEST", e.getMessage(), List.of());
                }
            });
            r.exception(Exception.class, (e, ctx) -> {
                // The message may quote classified input; log only what failed where.
                // A calendar subscription's path holds its secret, which no log line may.
                log.error("{} {} failed: {}", ctx.method(), Requests.loggablePath(ctx.path()),
                        e.getClass().getName());
                Requests.error(ctx, 500, "INTERNAL", "the node could not complete the request", List.of());
            });
            r.error(404, "*", ctx -> {
                // Keep a handler's own 404 (an unknown item, as JSON or as a page in the viewer's language);
                // replace the router's own answer for a path nothing here serves.
                if (ctx.attribute(Requests.OWN_ANSWER) == null) {
                    Requests.error(ctx, 404, "NOT_FOUND", "no such resource: " + ctx.method() + " " + ctx.path(),
                            List.of());
                }
            });
            r.error(405, "*", ctx -> Requests.error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method()
                    + " is not allowed on " + ctx.path(), List.of()));
            r.error(413, "*", ctx -> {
                // A handler's own 413 (an item body over its 1 MiB) states its own limit.
                if (ctx.attribute(Requests.OWN_ANSWER) == null) {
                    Requests.error(ctx, 413, "PAYLOAD_TOO_LARGE", "the request is larger than "
                            + (MAX_REQUEST_BYTES >> 20) + " MiB", List.of());
                }
            });
            // What the HTTP server refuses before any route sees it (a URI it finds ambiguous, headers too large)
            // is answered in the same JSON shape, not with its own HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrors()));
        });
    }

    // ---- the answer to a partner ---------------------------------------------------------------------

    /** A partner's request, its signature verified: what the answer's signature is bound to. */
    private record PartnerRequest(NodeAuth.Signed signed, String method, String target) {}

    private static final String PARTNER_REQUEST = "trisec.partnerRequest";

    /**
     * Signs the answer to a partner's signed request ({@link NodeAuth#answer}: over the request's method, target,
     * time and signature, the status and the body's SHA-384), whatever route, status or refusal it is: the partner
     * checks that the answer is this node's and is the answer to its own request. An answer to a request whose
     * signature did not verify is not signed, as it answers no partner.
     */
    private void signAnswer(Context ctx) throws java.io.IOException {
        PartnerRequest request = ctx.attribute(PARTNER_REQUEST);
        if (request == null) {
            return;
        }
        byte[] body;
        try (var in = ctx.resultInputStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        ctx.result(body);
        ctx.header(NodeAuth.ANSWER_HEADER, NodeAuth.answer(p.self().keys(), request.signed(), request.method(),
                request.target(), ctx.statusCode(), body));
    }

    // ---- the access manager -------------------------------------------------------------------------

    /**
     * Lets a request through to its route only when one of the route's {@link Access}es allows the caller: a
     * person signed in by bearer token (the API) or session cookie (the pages), or a partner node by the
     * signature on its request. A route that declares no access is a programming error, and refused.
     */
    private void admit(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched == null) {
            return;
        }
        Set<Access> accesses = EnumSet.noneOf(Access.class);
        for (RouteRole role : ctx.routeRoles()) {
            accesses.add((Access) role);
        }
        if (accesses.isEmpty()) {
            throw new IllegalStateException("the route " + matched.path + " declares no access");
        }
        if (accesses.contains(Access.PUBLIC)) {
            return;
        }
        if (matched.path.startsWith("/ui")) {
            Account a = p.pages().signedIn(ctx);
            ctx.attribute(Requests.ACCOUNT, a);
            if (accesses.stream().noneMatch(x -> x.allows(a))) {
                p.pages().roleRequired(ctx, accesses);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith(NodeAuth.SCHEME + " ")) {
            String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            // The signature covers the body too, which is read (once; Javalin keeps it for the handler) only for a
            // well-formed, fresh header that names a partner: no one else makes the node read a body.
            boolean plausible = NodeAuth.signed(header).filter(s -> NodeAuth.fresh(s)
                    && p.self().peers().of(s.party()).isPresent()).isPresent();
            java.util.Optional<Party> verified = plausible ? NodeAuth.verify(header, ctx.method().name(), target,
                    ctx.bodyAsBytes(), p.self().peers()) : java.util.Optional.empty();
            if (verified.isEmpty()) {
                ctx.header("WWW-Authenticate", NodeAuth.SCHEME);
                throw Refusal.unauthenticated("the node signature is unknown, stale or invalid");
            }
            Party partner = verified.get();
            NodeAuth.Signed signed = NodeAuth.signed(header).orElseThrow();
            // A signature is good for one request: a captured one sent again within its five minutes is refused,
            // by every instance of the node (the store keeps what was taken).
            if (!seen.firstUse(signed)) {
                ctx.header("WWW-Authenticate", NodeAuth.SCHEME);
                throw Refusal.unauthenticated("this signed request was taken before; a node signs each request anew");
            }
            // From here on the answer is the partner's, and signed for it (signAnswer), refusals included.
            ctx.attribute(PARTNER_REQUEST, new PartnerRequest(signed, ctx.method().name(), target));
            if (!accesses.contains(Access.PARTNER)) {
                throw Refusal.forbidden("partner nodes may only read the audit log and the TAXII server, and ask for "
                        + "the confirmation of copies, here");
            }
            ctx.attribute(Requests.PARTNER, partner);
            return;
        }
        if (header == null || !header.startsWith("Bearer ") || header.length() < 8) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw Refusal.unauthenticated("a bearer token is required (POST /api/v1/auth/token)");
        }
        Account a;
        try {
            a = p.sessions().authenticate(header.substring(7).strip());
        } catch (Refusal e) {
            // A 401 always names the scheme (RFC 7235 §3.1); a bad or expired token says so (RFC 6750 §3.1).
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw e;
        }
        ctx.attribute(Requests.ACCOUNT, a);
        if (accesses.stream().noneMatch(x -> x.allows(a))) {
            String roles = Access.rolesOf(accesses);
            throw Refusal.forbidden(roles.isEmpty() ? "only a partner node may call " + matched.path
                    : "only a person with the role " + roles + " may do this");
        }
    }

    // ---- public resources ---------------------------------------------------------------------------

    private static void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw Refusal.notFound("no such file");
        }
        try (InputStream in = HttpServer.class.getResourceAsStream("/trisec/node/web/static/" + file)) {
            ctx.header("Cache-Control", "public, max-age=300").contentType(type).result(in.readAllBytes());
        }
    }

    private static void openapi(Context ctx) throws IOException {
        try (InputStream in = HttpServer.class.getResourceAsStream("/trisec/node/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the class path");
            }
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
