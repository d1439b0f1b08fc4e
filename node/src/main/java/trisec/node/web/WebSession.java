package trisec.node.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The web session: the API's bearer token kept in a cookie the page's scripts cannot read (HttpOnly) and the
 * browser sends only from this site (SameSite=Strict), and a form token derived from it for every form (CSRF).
 * The sign-in form has its own token, in a short-lived cookie.
 */
final class WebSession {
    static final String SESSION = "trisec_session";
    static final String LOGIN = "trisec_login";
    /** The request attribute naming this node's party, which every cookie name of the node carries. */
    static final String PARTY = "trisec.party";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSession() {}

    /** Marks this request's cookies {@code Secure} whatever its scheme (the node is behind a TLS proxy). */
    static final String SECURE_COOKIES = "trisec.secureCookies";

    /** Whether cookies set on this request carry {@code Secure}: reached over HTTPS, or told so by configuration. */
    static boolean secure(Context ctx) {
        return "https".equals(ctx.scheme()) || Boolean.TRUE.equals(ctx.attribute(SECURE_COOKIES));
    }

    /**
     * This node's session cookie, e.g. {@code trisec_session_kor}: browsers keep cookies per host, not per port, so
     * with several nodes on one host (the demo) one name would let signing in at one sign the person out of another.
     */
    static String sessionCookie(String party) {
        return SESSION + "_" + party.toLowerCase(java.util.Locale.ROOT);
    }

    static String loginCookie(String party) {
        return LOGIN + "_" + party.toLowerCase(java.util.Locale.ROOT);
    }

    private static String party(Context ctx) {
        return java.util.Objects.requireNonNull(ctx.attribute(PARTY), "the node's party is set on every request");
    }

    static Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.cookie(sessionCookie(party(ctx)))).filter(t -> !t.isBlank());
    }

    static void start(Context ctx, String token, int maxAgeSeconds) {
        ctx.cookie(cookie(sessionCookie(party(ctx)), token, maxAgeSeconds, ctx));
    }

    static void end(Context ctx) {
        ctx.cookie(cookie(sessionCookie(party(ctx)), "", 0, ctx));
    }

    private static Cookie cookie(String name, String value, int maxAge, Context ctx) {
        // name, value, path, max age, secure (on HTTPS), HttpOnly, domain (this host only), SameSite
        return new Cookie(name, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
    }

    /** The form token of a session: unguessable without the session token, and the same for all its forms. */
    static String csrf(String sessionToken) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("trisec form token v1\n" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean csrfMatches(Context ctx, String sessionToken) {
        String sent = ctx.formParam("csrf");
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                csrf(sessionToken).getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh token for the sign-in form, set in its cookie. */
    static String loginToken(Context ctx) {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        String t = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ctx.cookie(cookie(loginCookie(party(ctx)), t, 600, ctx));
        return t;
    }

    /** Whether the sign-in form's token came back as it was given; either way it is used up. */
    static boolean loginTokenMatches(Context ctx) {
        String cookie = ctx.cookie(loginCookie(party(ctx)));
        String sent = ctx.formParam("csrf");
        ctx.cookie(cookie(loginCookie(party(ctx)), "", 0, ctx));
        return cookie != null && sent != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }
}
