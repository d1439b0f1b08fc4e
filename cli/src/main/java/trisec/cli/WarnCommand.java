package trisec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trisec.DomainException;
import trisec.party.Classification;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.PublicLaunch;

/**
 * {@code trisec warn}: missile warnings played against a running node, through its API as an officer would: a
 * launch of the public record ({@code replay}) or a made-up one ({@code simulate}) is opened, refined once and
 * closed with its splashdown, at the flight's own pace sped up by {@code --speed}.
 */
@Command(name = "warn", mixinStandardHelpOptions = true, description = "Missile warnings against a running node.",
        subcommands = {WarnCommand.Replay.class, WarnCommand.Simulate.class})
final class WarnCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: replay or simulate");
    }

    /** Where to play and as whom; the defaults are the demo's Korean node and officer. */
    static final class Target {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8081", paramLabel = "URL",
                description = "The detecting party's node (default: the demo's KOR node, ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--user", defaultValue = "kor.officer", paramLabel = "NAME",
                description = "An officer of that node (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password", defaultValue = "demo", paramLabel = "PASSWORD",
                description = "The officer's password (default: the demo's).")
        String password;

        @Option(names = "--level", paramLabel = "LEVEL",
                description = "The warning's level in the node's scheme (default: its SECRET level).")
        String level;

        @Option(names = "--track", paramLabel = "TN",
                description = "The track number (default: made from the date and the time of the run, so runs differ).")
        String track;

        @Option(names = "--speed", defaultValue = "60", paramLabel = "N",
                description = "How many times faster than the flight (default ${DEFAULT-VALUE}: a minute a second).")
        double speed;

        @Option(names = "--at-node-date", description = "Play it even though the node's clock shows another date "
                + "than the launch's and the agreements stood otherwise then: the node decides where the warning goes "
                + "on the agreements of its own date, and this is said first. Without it such a run is refused before "
                + "anything is posted; run the nodes as of the launch (trisec demo --as-of ...) to see it as it was.")
        boolean atNodeDate;

        @Mixin
        ScenarioOption scenario;
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay a launch of the public record (FACTS.md, scenarios/launches.yaml) as warnings from "
                    + "the node: opened a minute after launch, refined half-way, closed at the splashdown. The node "
                    + "sends each version where the agreements of its own date allow: when its date is not the "
                    + "launch's and they stood otherwise then, the replay is refused unless --at-node-date is given.")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DATE", description = "The launch's date, e.g. 2017-11-29.")
        String date;

        @Mixin
        Target target;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new DomainException("DATE is a date such as 2017-11-29, got '" + date + "'");
            }
            var catalogue = LaunchCatalogueFiles.shipped();
            PublicLaunch launch = catalogue.launches().stream().filter(l -> l.date().equals(day)).findFirst()
                    .orElseThrow(() -> new DomainException("no launch on " + day + " in the catalogue; it has "
                            + String.join(", ", catalogue.launches().stream().map(l -> l.date().toString()).toList())));
            // A new track for every run, even two in one second: a track number is a warning's for good.
            String track = "R" + day.toString().replace("-", "") + "-" + (Instant.now().toEpochMilli() % 100_000_000);
            return play(spec, target, json, Optional.of(launch.launchedAt().toInstant()), Optional.of(day),
                    launch.modelledFlight(), launch.missile(), at -> track);
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Play a made-up launch as warnings from the node, like replay.")
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--at", paramLabel = "INSTANT", description = "Launch time (default: the node's clock).")
        String at;

        @Option(names = "--launch", required = true, paramLabel = "LAT,LON", description = "Launch point.")
        String launch;

        @Option(names = "--azimuth", required = true, paramLabel = "DEG", description = "Initial azimuth.")
        double azimuth;

        @Option(names = "--range", required = true, paramLabel = "KM", description = "Ground range.")
        double range;

        @Option(names = "--apogee", required = true, paramLabel = "KM", description = "Predicted apogee.")
        double apogee;

        @Option(names = "--flight-time", required = true, paramLabel = "SECONDS", description = "Launch to impact.")
        long flightTime;

        @Option(names = "--missile", paramLabel = "TYPE", description = "The missile type, if known.")
        String missile;

        @Mixin
        Target target;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Optional<Instant> launchedAt;
            try {
                launchedAt = at == null ? Optional.empty() : Optional.of(Instant.parse(at));
            } catch (DateTimeParseException e) {
                throw new DomainException("--at is an ISO-8601 instant such as 2024-10-31T07:11:00Z, got '" + at + "'");
            }
            String[] ll = launch.split(",", -1);
            GeoPoint from;
            try {
                if (ll.length != 2) {
                    throw new NumberFormatException();
                }
                from = GeoPoint.of(Double.parseDouble(ll[0].strip()), Double.parseDouble(ll[1].strip()));
            } catch (NumberFormatException e) {
                throw new DomainException("--launch is LAT,LON in degrees, e.g. 39.0,125.8, got '" + launch + "'");
            }
            if (flightTime <= 0) {
                throw new DomainException("--flight-time is a positive number of seconds, got " + flightTime);
            }
            var flight = new FlightPrediction(from, azimuth, apogee, range, Duration.ofSeconds(flightTime));
            return play(spec, target, json, launchedAt, Optional.empty(), flight, missile,
                    when -> "S" + (when.getEpochSecond() % 1_000_000));
        }
    }

    /**
     * Opens, refines and closes the warning; prints each step, or one JSON object with all of them.
     *
     * @param launchedAt the launch, or the node's clock when empty
     * @param catalogueDay the launch's date as the public record gives it (local to the launch), if it is one
     */
    static int play(CommandSpec spec, Target t, JsonOption json, Optional<Instant> launchedAt,
                    Optional<LocalDate> catalogueDay, FlightPrediction flight, String missile,
                    Function<Instant, String> defaultTrack) {
        if (!(t.speed >= 1)) {
            throw new DomainException("--speed is at least 1, got " + t.speed);
        }
        PrintWriter out = spec.commandLine().getOut();
        var api = new Api(t.url);
        String token = api.token(t.user, t.password);
        JsonNode me = api.get("/api/v1/me", token);
        Party party = Party.of(me.path("party").asText());
        String level = t.level != null ? t.level : t.scenario.load().scheme(party).levels().stream()
                .filter(l -> l.banner() == Classification.SECRET).findFirst()
                .orElseThrow(() -> new DomainException(party + " has no SECRET level; give --level")).name();
        NodeDate date = NodeDate.of(api, token, launchedAt, catalogueDay);
        date.refuseUnless(t.atNodeDate);
        date.notice().filter(n -> !json.json).ifPresent(n -> out.println("notice: " + n));
        return play(out, api, token, t, json, party, level, date, date.launchedAt(), flight, missile,
                t.track != null ? t.track : defaultTrack.apply(date.launchedAt()));
    }

    private static int play(PrintWriter out, Api api, String token, Target t, JsonOption json, Party party,
                            String level, NodeDate date, Instant launchedAt, FlightPrediction flight, String missile,
                            String track) {
        Duration flightTime = flight.flightTime();
        // A first, rough state a minute in (a third of the way for a short flight); the refined one half-way; the
        // splashdown at the end.
        Instant first = launchedAt.plus(flightTime.dividedBy(3).compareTo(Duration.ofSeconds(60)) < 0
                ? flightTime.dividedBy(3) : Duration.ofSeconds(60));
        Instant half = launchedAt.plus(flightTime.dividedBy(2));
        Instant end = launchedAt.plus(flightTime);
        var rough = new FlightPrediction(flight.launchPoint(), flight.azimuthDeg(), flight.apogeeKm() * 0.9,
                flight.rangeKm() * 0.9, flightTime);
        var steps = new ArrayList<ObjectNode>();
        long started = System.nanoTime();

        wait(started, launchedAt, first, t.speed);
        ObjectNode open = Api.MAPPER.createObjectNode().put("track", track).put("sensor", "trisec replay")
                .put("detectedAt", launchedAt.plus(Duration.between(launchedAt, first).dividedBy(2)).toString())
                .put("level", level);
        open.set("state", state(first, rough, 150, 60, 0.5, missile));
        steps.add(step(out, json, "opened", launchedAt, first, api.post("/api/v1/warnings", token, open)));

        wait(started, launchedAt, half, t.speed);
        ObjectNode update = Api.MAPPER.createObjectNode();
        update.set("state", state(half, flight, 40, 15, 0.85, missile));
        steps.add(step(out, json, "refined", launchedAt, half,
                api.post("/api/v1/warnings/" + track + "/updates", token, update)));

        wait(started, launchedAt, end, t.speed);
        ObjectNode close = Api.MAPPER.createObjectNode().put("at", end.toString());
        close.putObject("splashdown").put("lat", flight.impactPoint().latitude())
                .put("lon", flight.impactPoint().longitude());
        steps.add(step(out, json, "closed", launchedAt, end,
                api.post("/api/v1/warnings/" + track + "/close", token, close)));

        if (json.json) {
            var all = Api.MAPPER.createObjectNode().put("node", t.url.toString()).put("party", party.code())
                    .put("track", track).put("nodeDate", date.nodeDate().toString())
                    .put("launchDate", date.launchDate().toString());
            date.notice().ifPresent(n -> all.put("notice", n));
            all.putArray("steps").addAll(steps);
            JsonOutput.print(out, all);
        }
        out.flush();
        return 0;
    }

    private static ObjectNode state(Instant at, FlightPrediction f, double major, double minor, double confidence,
                                    String missile) {
        ObjectNode s = Api.MAPPER.createObjectNode().put("at", at.toString());
        s.putObject("launch").put("lat", f.launchPoint().latitude()).put("lon", f.launchPoint().longitude());
        s.put("azimuthDeg", f.azimuthDeg()).put("apogeeKm", f.apogeeKm()).put("rangeKm", f.rangeKm())
                .put("flightTimeSeconds", (double) f.flightTime().toSeconds());
        s.putObject("ellipse").put("semiMajorKm", major).put("semiMinorKm", minor)
                .put("orientationDeg", f.azimuthDeg());
        s.put("confidence", confidence);
        if (missile != null) {
            s.put("missileType", missile);
        }
        return s;
    }

    private static ObjectNode step(PrintWriter out, JsonOption json, String what, Instant launchedAt, Instant at,
                                   JsonNode answer) {
        long s = Duration.between(launchedAt, at).toSeconds();
        String tPlus = String.format(Locale.ROOT, "T+%02d:%02d", s / 60, s % 60);
        ObjectNode step = Api.MAPPER.createObjectNode().put("step", what).put("tPlus", tPlus)
                .put("status", answer.path("status").asText());
        step.set("overflies", answer.path("overflies"));
        step.set("within200NmOfCoast", answer.path("within200NmOfCoast"));
        step.set("impact", answer.path("impact"));
        if (!json.json) {
            out.printf("%s  %-7s %s/%s  impact %.2f, %.2f  overflies %s  within 200 NM of %s%n", tPlus, what,
                    answer.path("party").asText(), answer.path("track").asText(),
                    answer.path("impact").path("lat").asDouble(), answer.path("impact").path("lon").asDouble(),
                    list(answer.path("overflies")), list(answer.path("within200NmOfCoast")));
            out.flush();
        }
        return step;
    }

    private static String list(JsonNode a) {
        var out = new ArrayList<String>();
        a.forEach(x -> out.add(x.asText()));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /** Waits until the flight's instant {@code at}, on the replay's clock. */
    private static void wait(long started, Instant launchedAt, Instant at, double speed) {
        long dueNanos = (long) (Duration.between(launchedAt, at).toNanos() / speed);
        long left = dueNanos - (System.nanoTime() - started);
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException("interrupted");
            }
        }
    }

    /**
     * The node's date beside the launch's. A node decides releases on its own clock (agreements in force that day),
     * so a launch played against a node whose clock shows another date goes where that date's agreements send it.
     * The node's clock is read from its agreements' list, which answers as of it, and the agreements are compared
     * as the node knows them (its scenario and the events recorded since) at both instants.
     *
     * @param differing the agreements that stand otherwise on the node's date than at the launch, as
     *                  "id: at the launch → on the node's date"
     */
    record NodeDate(Instant nodeNow, Instant launchedAt, LocalDate launchDate, boolean sameDate,
                    java.util.List<String> differing) {

        static NodeDate of(Api api, String token, Optional<Instant> launch, Optional<LocalDate> catalogueDay) {
            JsonNode now = api.get("/api/v1/agreements", token);
            Instant nodeNow = Instant.parse(now.path("at").asText());
            Instant launchedAt = launch.orElse(nodeNow);
            LocalDate utcDay = LocalDate.ofInstant(launchedAt, java.time.ZoneOffset.UTC);
            LocalDate nodeDay = LocalDate.ofInstant(nodeNow, java.time.ZoneOffset.UTC);
            // The record dates a launch where it happened (KST); the nodes' dates are UTC's. Either is the launch's.
            boolean same = nodeDay.equals(utcDay) || catalogueDay.map(nodeDay::equals).orElse(false);
            var differing = new ArrayList<String>();
            if (!same) {
                JsonNode then = api.get("/api/v1/agreements?at=" + launchedAt, token);
                var before = new java.util.HashMap<String, String>();
                then.path("agreements").forEach(a -> before.put(a.path("id").asText(),
                        a.path("status").path("text").asText()));
                now.path("agreements").forEach(a -> {
                    String id = a.path("id").asText();
                    String onNodeDate = a.path("status").path("text").asText();
                    String atLaunch = before.getOrDefault(id, "unknown");
                    if (!onNodeDate.equals(atLaunch)) {
                        differing.add(id + ": " + atLaunch + " at the launch, " + onNodeDate + " on the node's date");
                    }
                });
            }
            return new NodeDate(nodeNow, launchedAt, catalogueDay.orElse(utcDay), same,
                    java.util.List.copyOf(differing));
        }

        LocalDate nodeDate() {
            return LocalDate.ofInstant(nodeNow, java.time.ZoneOffset.UTC);
        }

        /** What a person must know before reading the result: nothing when the node's date is the launch's. */
        Optional<String> notice() {
            if (sameDate) {
                return Optional.empty();
            }
            String head = "the node's clock shows " + nodeDate() + ", not the launch's date " + launchDate()
                    + ": the node decides where the warning goes on the agreements in force on " + nodeDate()
                    + ", not on " + launchDate();
            return Optional.of(differing.isEmpty()
                    ? head + "; they stand alike on both dates, so it goes where it would have gone then."
                    : head + ", and they differ (" + String.join("; ", differing) + ").");
        }

        /** Refuses, before anything is posted, a run whose result would not be the launch's. */
        void refuseUnless(boolean atNodeDate) {
            if (!sameDate && !differing.isEmpty() && !atNodeDate) {
                throw new DomainException(notice().orElseThrow() + " Nothing was posted: run the nodes as of the"
                        + " launch (trisec demo --as-of " + launchDate() + "T00:00:00Z), or give --at-node-date"
                        + " to play it on the node's date.");
            }
        }
    }

    /** The node's API, as the officer uses it. */
    static final class Api {
        static final ObjectMapper MAPPER = new ObjectMapper();
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Api(URI base) {
            this.base = base;
        }

        String token(String user, String password) {
            ObjectNode body = MAPPER.createObjectNode().put("username", user).put("password", password);
            return send("POST", "/api/v1/auth/token", null, body).path("token").asText();
        }

        JsonNode get(String path, String token) {
            return send("GET", path, token, null);
        }

        JsonNode post(String path, String token, JsonNode body) {
            return send("POST", path, token, body);
        }

        private JsonNode send(String method, String path, String token, JsonNode body) {
            var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new DomainException("cannot reach " + base + ": " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException("interrupted");
            }
            JsonNode answer;
            try {
                answer = MAPPER.readTree(r.body());
            } catch (IOException e) {
                throw new DomainException(method + " " + path + " answered " + r.statusCode() + " with no JSON");
            }
            if (r.statusCode() >= 300) {
                throw new DomainException(method + " " + path + " answered " + r.statusCode() + ": "
                        + answer.path("message").asText(r.body()));
            }
            return answer;
        }
    }
}
