package trisec.node.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.http.Access;
import trisec.node.http.Requests;
import trisec.node.http.RouteGroup;
import trisec.node.interop.taxii.TaxiiServer;
import trisec.node.interop.taxii.TaxiiServer.Requester;

/**
 * The TAXII 2.1 server's routes (docs/INTEROP.md): discovery at {@code /taxii2/}, where the specification places it,
 * and one API root. A person by bearer token or a partner node by its signed request; each answer is the requester's
 * own ({@link TaxiiServer}). Errors are TAXII error messages ({@link Requests#error}).
 */
final class TaxiiRoutes implements RouteGroup {
    private static final String ROOT = "/taxii2/" + TaxiiServer.ROOT;
    private static final String COLLECTION = ROOT + "/collections/{id}";
    private static final String OBJECT = COLLECTION + "/objects/{objectId}";

    private final TaxiiServer taxii;

    TaxiiRoutes(TaxiiServer taxii) {
        this.taxii = taxii;
    }

    @Override
    public void addTo(RoutesConfig r) {
        Access[] who = {Access.SIGNED_IN, Access.PARTNER};
        r.get("/taxii2/", ctx -> resource(ctx, () -> taxii.discovery(base(ctx))), who);
        r.get(ROOT + "/", ctx -> resource(ctx, taxii::apiRoot), who);
        r.get(ROOT + "/collections/", ctx -> resource(ctx, () -> taxii.collections(requester(ctx))), who);
        r.get(COLLECTION + "/", ctx -> resource(ctx, () -> taxii.collection(requester(ctx), Requests.id(ctx))), who);
        r.get(COLLECTION + "/objects/", ctx -> answer(ctx, () -> taxii.objects(requester(ctx), Requests.id(ctx),
                query(ctx))), who);
        r.get(COLLECTION + "/manifest/", ctx -> answer(ctx, () -> taxii.manifest(requester(ctx), Requests.id(ctx),
                query(ctx))), who);
        r.get(OBJECT + "/", ctx -> answer(ctx, () -> taxii.object(requester(ctx), Requests.id(ctx), objectId(ctx),
                query(ctx))), who);
        // Adding objects makes items, so it is for those who may create them, as the API's import; never a partner.
        r.post(COLLECTION + "/objects/", this::add, Access.OFFICER);
        r.get(ROOT + "/status/{id}/", ctx -> resource(ctx, () -> taxii.status(requester(ctx), Requests.id(ctx))),
                who);
        r.get(OBJECT + "/versions/", ctx -> answer(ctx, () -> taxii.versions(requester(ctx), Requests.id(ctx),
                objectId(ctx), query(ctx))), who);
    }

    /**
     * Adds objects (TAXII 2.1 §5.5): 202 with the status resource. What the answer may be and what the request is are
     * checked before anything is read: 406, 415 for a body that is not TAXII 2.1's media type, 413 over the API
     * root's {@code max_content_length}.
     */
    private void add(Context ctx) {
        if (!acceptable(ctx)) {
            return;
        }
        if (!taxiiContent(ctx.header("Content-Type"))) {
            Requests.error(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "objects are added as an envelope of "
                    + TaxiiServer.MEDIA_TYPE + ", not '" + (ctx.header("Content-Type") == null ? ""
                    : ctx.header("Content-Type")) + "'", List.of());
            return;
        }
        if (ctx.bodyAsBytes().length > TaxiiServer.MAX_CONTENT_LENGTH) {
            throw Refusal.tooLarge("a request is at most " + (TaxiiServer.MAX_CONTENT_LENGTH >> 20) + " MiB (the API "
                    + "root's max_content_length)");
        }
        Map<String, Object> status = taxii.add(Requests.account(ctx), Requests.id(ctx), Requests.body(ctx));
        ctx.status(202).contentType(TaxiiServer.MEDIA_TYPE).result(utf8(status));
    }

    /** {@code application/taxii+json;version=2.1}, or without the version (the latest, 2.1), as Accept takes it. */
    static boolean taxiiContent(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv.length == 2 ? kv[1].strip() : "";
            if (key.equals("version") && !value.equals("2.1")) {
                return false;
            }
        }
        return true;
    }

    private static String objectId(Context ctx) {
        String id = ctx.pathParam("objectId");
        if (id.length() > 200) {
            throw Refusal.notFound("no such object");
        }
        return id;
    }

    private static Map<String, List<String>> query(Context ctx) {
        return ctx.queryParamMap();
    }

    private static Requester requester(Context ctx) {
        return Requests.partner(ctx).<Requester>map(Requester.Partner::new)
                .orElseGet(() -> new Requester.Person(Requests.account(ctx)));
    }

    /** The node as the client reached it: the discovery resource names the API root by a full URL. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /**
     * The media type is checked before anything is served: a request answered 406 reads nothing, so it leaves no
     * {@code ITEM_READ} entry in the audit log for objects it never got.
     */
    private static void resource(Context ctx, Supplier<Map<String, Object>> serve) {
        if (!acceptable(ctx)) {
            return;
        }
        Map<String, Object> body = serve.get();
        ctx.status(200).contentType(TaxiiServer.MEDIA_TYPE).result(utf8(body));
    }

    private static void answer(Context ctx, Supplier<TaxiiServer.Answer> serve) {
        if (!acceptable(ctx)) {
            return;
        }
        TaxiiServer.Answer a = serve.get();
        a.firstAdded().ifPresent(t -> ctx.header("X-TAXII-Date-Added-First", t));
        a.lastAdded().ifPresent(t -> ctx.header("X-TAXII-Date-Added-Last", t));
        ctx.status(200).contentType(TaxiiServer.MEDIA_TYPE).result(utf8(a.body()));
    }

    /** JSON is UTF-8 (RFC 8259 §8.1); TAXII's media type names no charset, so the bytes are written, not text. */
    private static byte[] utf8(Object body) {
        return Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * TAXII 2.1 §1.6.8: the client asks for {@code application/taxii+json;version=2.1}; a node also takes the type
     * without its version (the latest, 2.1), {@code application/*} and {@code *}{@code /*}, and no Accept at all.
     * Anything else is answered 406, and false returned.
     */
    static boolean acceptable(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            String version = null;
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String key = kv[0].strip().toLowerCase(Locale.ROOT);
                String value = kv.length == 2 ? kv[1].strip() : "";
                if (key.equals("version")) {
                    version = value;
                } else if (key.equals("q") && value.matches("0(\\.0*)?")) {
                    refused = true;
                }
            }
            if (refused) {
                continue;
            }
            if (type.equals("*/*") || type.equals("application/*")
                    || type.equals("application/taxii+json") && (version == null || version.equals("2.1"))) {
                return true;
            }
        }
        Requests.error(ctx, 406, "NOT_ACCEPTABLE", "this node answers " + TaxiiServer.MEDIA_TYPE
                + "; the request accepts none of it", List.of());
        return false;
    }
}
