package trisec.node.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import trisec.node.base.Json;
import trisec.party.Party;

/**
 * What users do while nodes crash: officers create items and ask to release them, disclosure officials approve,
 * some items are retracted, an administrator records agreement events. Any call may meet a dead node; it is then
 * simply not done (or done, unknown to the caller), which is what the checks afterwards must cope with: they read
 * the nodes' own records, not this class's.
 */
final class Traffic {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String AMENDED_AGREEMENT = "tisa-2014";

    private final Map<Party, URI> urls;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Instant asOf;
    private final AtomicInteger eventSeq = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger approved = new AtomicInteger();
    final AtomicInteger retracted = new AtomicInteger();
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger failedCalls = new AtomicInteger();

    Traffic(Map<Party, URI> urls, Instant asOf) {
        this.urls = urls;
        this.asOf = asOf;
    }

    /** One user action, chosen by {@code random}; a dead node makes it a no-op. */
    void step(Random random, List<Party> parties) {
        Party from = parties.get(random.nextInt(parties.size()));
        Party to = parties.get(random.nextInt(parties.size()));
        if (to.equals(from)) {
            return;
        }
        try {
            if (random.nextInt(30) == 0) {
                amend(random);
                return;
            }
            String level = from.code().equals("KOR") ? "군사Ⅱ급비밀" : from.code().equals("JPN") ? "極秘" : "SECRET";
            Optional<JsonNode> item = post(from, "officer", "/api/v1/items", """
                    {"title":"track %d","body":"crash test item","level":"%s","topic":"dprk.missile",
                     "relTo":[],"caveats":[]}""".formatted(random.nextInt(1_000_000), level), 201);
            if (item.isEmpty()) {
                return;
            }
            created.incrementAndGet();
            String itemId = item.get().get("id").asText();
            Optional<JsonNode> requested = post(from, "officer", "/api/v1/items/" + itemId + "/releases",
                    "{\"to\":\"" + to.code() + "\"}", 202);
            if (requested.isEmpty() || !requested.get().at("/decision/decision").asText().equals("PERMIT")) {
                return;
            }
            String releaseId = requested.get().at("/release/id").asText();
            if (post(from, "disclosure", "/api/v1/releases/" + releaseId + "/approve", "", 200).isEmpty()) {
                return;
            }
            approved.incrementAndGet();
            if (random.nextInt(8) == 0) {
                if (post(from, "officer", "/api/v1/items/" + itemId + "/retract", "", 200).isPresent()) {
                    retracted.incrementAndGet();
                }
            }
        } catch (IOException e) {
            failedCalls.incrementAndGet();
        }
    }

    /** An amendment of the hub arrangement, recorded at KOR and sent to JPN and USA as signed notes. */
    private void amend(Random random) throws IOException {
        int n = eventSeq.incrementAndGet();
        String date = asOf.minus(Duration.ofDays(30)).plusSeconds(n).toString();
        if (post(Party.of("KOR"), "admin", "/api/v1/agreements/" + AMENDED_AGREEMENT + "/events", """
                {"type":"AMENDED","date":"%s","note":"crash test amendment %d"}""".formatted(date, n), 201)
                .isPresent()) {
            events.incrementAndGet();
        }
    }

    private Optional<JsonNode> post(Party p, String role, String path, String body, int expected) throws IOException {
        String user = p.code().toLowerCase(Locale.ROOT) + "." + role;
        HttpResponse<String> r = send(p, user, HttpRequest.newBuilder(urls.get(p).resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != expected) {
            failedCalls.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(Json.MAPPER.readTree(r.body()));
    }

    /** A GET as {@code <party>.<role>}; empty when the node does not answer 200. */
    Optional<String> get(Party p, String role, String path) {
        String user = p.code().toLowerCase(Locale.ROOT) + "." + role;
        try {
            HttpResponse<String> r = send(p, user, HttpRequest.newBuilder(urls.get(p).resolve(path)).GET());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(Party p, String user, HttpRequest.Builder request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String token = token(p, user);
            HttpResponse<String> r;
            try {
                r = HTTP.send(request.copy().timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (r.statusCode() == 401 && attempt == 0) {
                tokens.remove(p.code() + user);
                continue;
            }
            return r;
        }
    }

    private String token(Party p, String user) throws IOException {
        String cached = tokens.get(p.code() + user);
        if (cached != null) {
            return cached;
        }
        try {
            var r = HTTP.send(HttpRequest.newBuilder(urls.get(p).resolve("/api/v1/auth/token"))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + user + "\",\"password\":\"demo\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("sign-in of " + user + " answered " + r.statusCode());
            }
            String token = Json.MAPPER.readTree(r.body()).get("token").asText();
            tokens.put(p.code() + user, token);
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
