package trisec.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser tab without a browser: a cookie jar and an Accept-Language, redirects not followed. */
final class WebTab {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new LinkedHashMap<>();
    private final URI base;
    private final String language;

    WebTab(URI base, String language) {
        this.base = base;
        this.language = language;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, List<String>> form) {
        String body = form.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(v -> enc(e.getKey()) + "=" + enc(v))).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form with this session's form token, as the page's own form would. */
    HttpResponse<String> submit(String path, Map<String, List<String>> form) {
        var withToken = new LinkedHashMap<String, List<String>>(form);
        withToken.put("csrf", List.of(formToken()));
        return post(path, withToken);
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        b.header("Accept-Language", language);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || c.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            return r;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Signs in through the form, as a browser would (every demo person's password is "demo"). */
    WebTab signIn(String user) {
        return signIn(user, "demo");
    }

    WebTab signIn(String user, String password) {
        String token = csrf(get("/ui/login").body());
        var r = post("/ui/login", Map.of("csrf", List.of(token), "username", List.of(user),
                "password", List.of(password)));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/ui");
        assertThat(cookies.keySet()).anyMatch(k -> k.startsWith(WebSession.SESSION + "_"));
        return this;
    }

    /** The session's form token, read from a page as a browser has it. */
    String formToken() {
        return csrf(get("/ui/me").body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form token in the page").isTrue();
        return m.group(1);
    }
}
