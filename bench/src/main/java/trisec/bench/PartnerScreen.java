package trisec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A partner's warnings screen without a browser: a reader signed in through the sign-in form, the page's event
 * stream ({@code /ui/events}) read as it arrives, with the arrival time of every event, and the API's list of
 * warnings, fetched as the page fetches its fragment after an {@code inbox} event. Times are this process's
 * {@link System#nanoTime()}, the clock the load generator starts each warning on.
 */
final class PartnerScreen implements AutoCloseable {
    /** One server-sent event: when it was read, and the topic it names ({@code inbox}, {@code outbox}, …). */
    record Event(long nanos, String topic) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** HTTP/1.1 as a browser's EventSource on plain HTTP: no upgrade attempt in front of the stream. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final URI base;
    private final String token;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>(); // guarded by this
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile InputStream stream;
    private Thread reader;

    private PartnerScreen(String name, URI base, String token) {
        this.name = name;
        this.base = base;
        this.token = token;
    }

    /**
     * Signs {@code user} in through the form (password "demo"), opens the event stream with the session cookie
     * and waits until the node says it is connected; {@code token} is the same person's API token, for the list.
     */
    static PartnerScreen open(String name, URI base, String user, String token) throws Exception {
        var s = new PartnerScreen(name, base, token);
        s.signIn(user);
        s.listen();
        return s;
    }

    String name() {
        return name;
    }

    private void signIn(String user) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(base.resolve("/ui/login")).GET()).body());
        if (!m.find()) {
            throw new IllegalStateException(name + ": no form token on the sign-in page");
        }
        String form = "csrf=" + enc(m.group(1)) + "&username=" + enc(user) + "&password=demo";
        var r = send(HttpRequest.newBuilder(base.resolve("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 302 || cookies.keySet().stream().noneMatch(k -> k.startsWith("trisec_session_"))) {
            throw new IllegalStateException(name + ": signing in " + user + " answered " + r.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookieHeader());
        }
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return r;
    }

    private String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private void listen() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(base.resolve("/ui/events")).header("Cookie", cookieHeader())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(name + ": the event stream answered " + r.statusCode());
        }
        stream = r.body();
        // A platform thread: its reads must not wait for a carrier that the nodes' virtual threads are using.
        reader = Thread.ofPlatform().daemon().name("screen-" + name).start(this::read);
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": the event stream never said it was connected");
        }
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = in.readLine()) != null; ) {
                long now = System.nanoTime();
                if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "change".equals(event)) {
                    synchronized (this) {
                        events.add(new Event(now, line.substring(5).strip()));
                        notifyAll();
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException closed) {
            // the stream ends when the screen is closed
        }
    }

    /** The first {@code inbox} event read after {@code after}, waiting for it until {@code deadline}; or -1. */
    synchronized long firstInboxAfter(long after, long deadline) throws InterruptedException {
        while (true) {
            long first = firstInboxAfter(after);
            if (first >= 0) {
                return first;
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return -1;
            }
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
    }

    /** The first {@code inbox} event read after {@code after} so far; or -1. */
    synchronized long firstInboxAfter(long after) {
        for (Event e : events) {
            if (e.nanos() > after && e.topic().equals("inbox")) {
                return e.nanos();
            }
        }
        return -1;
    }

    /** The warnings the reader may see now, as {@code party/track}, from {@code GET /api/v1/warnings}. */
    Set<String> listed() throws IOException, InterruptedException {
        var r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/warnings"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(name + ": the list of warnings answered " + r.statusCode());
        }
        Set<String> out = new HashSet<>();
        for (JsonNode w : JSON.readTree(r.body()).get("warnings")) {
            out.add(w.get("party").asText() + "/" + w.get("track").asText());
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // closing a stream the node may already have ended
        }
        if (reader != null) {
            reader.interrupt();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
