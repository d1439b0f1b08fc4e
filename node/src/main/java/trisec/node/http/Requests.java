package trisec.node.http;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.person.Account;
import trisec.party.Party;

/** Reading a request and writing an answer, the same way for every route. */
public final class Requests {
    static final String ACCOUNT = "trisec.account";
    static final String PARTNER = "trisec.partner";
    /** Set when a handler wrote its own error answer, which the router's error handlers then leave alone. */
    static final String OWN_ANSWER = "trisec.ownAnswer";

    /**
     * Where a calendar subscription's calendars are served: the next segment of the path is its secret, which no log
     * line may hold ({@link #loggablePath}).
     */
    public static final String CALENDAR_SUBSCRIPTIONS = "/calendars/";

    private Requests() {}

    /** The request's path as a log line may show it: a calendar subscription's secret left out. */
    public static String loggablePath(String path) {
        if (path == null || !path.startsWith(CALENDAR_SUBSCRIPTIONS)) {
            return path;
        }
        int next = path.indexOf('/', CALENDAR_SUBSCRIPTIONS.length());
        return CALENDAR_SUBSCRIPTIONS + "{key}" + (next < 0 ? "" : path.substring(next));
    }

    /** The signed-in person the access manager let through. */
    public static Account account(Context ctx) {
        Account a = ctx.attribute(ACCOUNT);
        if (a == null) {
            throw Refusal.unauthenticated("not signed in");
        }
        return a;
    }

    /** The signed-in person, when the access manager let one through (not on public routes). */
    public static java.util.Optional<Account> admitted(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(ACCOUNT));
    }

    /** The partner node whose signed request the access manager let through, if it was one. */
    public static java.util.Optional<Party> partner(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(PARTNER));
    }

    /** A path's {@code {id}}; an id too long to be one is no such thing. */
    public static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 100) {
            throw Refusal.notFound("no such id");
        }
        return id;
    }

    public static long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            return Long.parseLong(v == null ? "" : v);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name + " must be a whole number");
        }
    }

    /** The request body as text: UTF-8, strictly (a byte that is not UTF-8 is an error, not a replacement). */
    public static String body(Context ctx) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("the body is not UTF-8 text");
        }
    }

    /** The body read as a JSON request of the given shape (strictly: see {@link Json#read}). */
    public static <T> T body(Context ctx, Class<T> type) {
        return Json.read(body(ctx), type);
    }

    public static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(Json.write(value));
    }

    /** Where the TAXII 2.1 server answers, in TAXII's own shapes. */
    public static final String TAXII = "/taxii2";

    /**
     * The API's error shape: {@code {"error": CODE, "message": …, "reasons": […]}}; under {@link #TAXII}, a TAXII 2.1
     * error message (§3.6.1: {@code title}, {@code description}, {@code error_code}, {@code http_status} as text,
     * {@code details}) with TAXII's media type, whatever refused the request.
     */
    public static void error(Context ctx, int status, String code, String message, List<String> reasons) {
        ctx.attribute(OWN_ANSWER, Boolean.TRUE);
        if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) {
            // A refusal may come before the request's body was read (no token, no role): the server then cannot tell
            // where the next request on the connection starts, and may drop it after answering. Saying so lets the
            // client open a new one instead of sending its next request into a closing connection.
            ctx.header("Connection", "close");
        }
        if (ctx.path().equals(TAXII) || ctx.path().startsWith(TAXII + "/")) {
            var t = new LinkedHashMap<String, Object>();
            t.put("title", code.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            t.put("description", message);
            t.put("error_code", code);
            t.put("http_status", Integer.toString(status));
            if (!reasons.isEmpty()) {
                t.put("details", java.util.Map.of("reasons", reasons));
            }
            ctx.status(status).contentType("application/taxii+json;version=2.1")
                    .result(Json.write(t).getBytes(StandardCharsets.UTF_8));
            return;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("error", code);
        m.put("message", message);
        if (!reasons.isEmpty()) {
            m.put("reasons", reasons);
        }
        json(ctx, status, m);
    }

    /** Marks the answer as the handler's own, so the router's generic error pages leave it alone. */
    public static void ownAnswer(Context ctx) {
        ctx.attribute(OWN_ANSWER, Boolean.TRUE);
    }
}
