package trisec.bench;

import static trisec.bench.NodeApi.get;
import static trisec.bench.NodeApi.post;
import static trisec.bench.NodeApi.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.node.Node;
import trisec.node.NodeConfig;
import trisec.node.base.Peer;
import trisec.node.base.Peers;
import trisec.node.federation.Outbox;
import trisec.node.federation.OutboxRow;
import trisec.node.federation.Wire;
import trisec.node.person.Passwords;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.scenario.file.ScenarioFiles;
import trisec.warning.FlightPrediction;

/**
 * Missile-warning latency end to end (issue 11, part 7): KOR, JPN and USA nodes in this process on the embedded
 * store, as of 2024-10-31, when the missile-warning mechanism is in force. At KOR a standing authority, proposed and
 * approved by two disclosure officials, releases {@code dprk.missile.warning} up to 군사Ⅱ급비밀 to the USA and Japan
 * under {@code missile-warning-2023}. Warnings are opened at KOR through {@code POST /api/v1/warnings}; each is timed
 * from just before that call to the moment each partner's screen is told: the {@code inbox} event on the event
 * stream ({@code /ui/events}) of an analyst signed in there, and the first {@code GET /api/v1/warnings} that shows
 * it, fetched on the event as the warnings page fetches its fragment ({@link PartnerScreen}). The USA is reached
 * directly, Japan through the U.S. hub (KOR → USA → JPN), as the mechanism routes it.
 *
 * <p>The scenarios: unloaded (one warning at a time, the next once the last is settled everywhere), and a burst
 * (by default 100 warnings in one second, one every 10 ms, each call on its own thread whatever the earlier ones
 * are doing), run twice: with the screens only listening, and with them fetching their list on each event as the
 * page does. The nodes' own stamps ({@link WarningStamps}) show where the time goes.
 *
 * <p>Beside them, in the same process, what the path cannot avoid ({@link PathBaseline}): the cryptography, and one
 * durable commit on the nodes' disk. Until the USA's screen is told, two commits follow one another (KOR's item
 * with its envelopes, the USA's copy); until Japan's, three (KOR's item, the USA's hub leg with the onward envelope,
 * Japan's copy): on the fast path no round claims an envelope with a commit of its own. Durability before signature
 * (DESIGN §5.6) makes each wait for the disk.
 *
 * <pre>bench/warnings [unloaded warnings] [burst warnings] [burst seconds]</pre>   (defaults: 200 100 1)
 */
public final class WarningLoad {
    static final Party KOR = Party.of("KOR");
    static final Party JPN = Party.of("JPN");
    static final Party USA = Party.of("USA");
    /** The day of the 2024 launch of the public record; the mechanism is in force from 2023-12-19. */
    private static final Instant AS_OF = Instant.parse("2024-10-31T00:00:00Z");
    private static final Instant DETECTED = Instant.parse("2024-10-30T22:11:30Z");
    private static final int WARM_UP = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WarningLoad() {}

    public static void main(String[] args) throws Exception {
        int unloadedCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int burstCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        double burstSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;

        Path root = Files.createTempDirectory("trisec-warnings-");
        var scenario = ScenarioFiles.shipped();
        Map<Party, Integer> ports = new LinkedHashMap<>();
        Map<Party, Peer> entries = new LinkedHashMap<>();
        Map<Party, NodeKeys> keys = new LinkedHashMap<>();
        for (Party p : List.of(KOR, JPN, USA)) {
            ports.put(p, freePort());
            keys.put(p, Node.keys(dir(root, p), p));
            entries.put(p, Node.peerOf(dir(root, p), p, URI.create("http://127.0.0.1:" + ports.get(p))));
        }
        String hash = Passwords.hash("demo".toCharArray());
        Map<Party, Node> nodes = new LinkedHashMap<>();
        try {
            for (Party p : List.of(KOR, JPN, USA)) {
                var peers = entries.entrySet().stream().filter(e -> !e.getKey().equals(p)).map(Map.Entry::getValue)
                        .toList();
                // As a node runs: delivering, and witnessing its partners' logs, on its own clock from the day.
                Node n = Node.start(NodeConfig.builder(p, dir(root, p), scenario).port(ports.get(p))
                        .peers(new Peers(peers)).asOf(Optional.of(AS_OF)).build());
                n.seedDemoPersons(hash);
                nodes.put(p, n);
            }
            run(root, nodes, keys, unloadedCount, burstCount, burstSeconds);
        } finally {
            for (Node n : nodes.values()) {
                n.close();
            }
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(Path root, Map<Party, Node> nodes, Map<Party, NodeKeys> keys, int unloadedCount,
                            int burstCount, double burstSeconds) throws Exception {
        URI kor = nodes.get(KOR).url();
        standingAuthority(kor);
        String officer = token(kor, "kor.officer", "demo");
        List<PartnerScreen> screens = new ArrayList<>();
        try {
            screens.add(PartnerScreen.open("USA", nodes.get(USA).url(), "usa.analyst",
                    token(nodes.get(USA).url(), "usa.analyst", "demo")));
            screens.add(PartnerScreen.open("JPN", nodes.get(JPN).url(), "jpn.analyst",
                    token(nodes.get(JPN).url(), "jpn.analyst", "demo")));
            var clocks = new NodeClocks(nodes);

            System.out.printf(Locale.ROOT, "load average at the start: %s; warming up (%d warnings, one at a time)…%n",
                    WarningReport.loadAverage(), WARM_UP);
            unloaded(kor, officer, screens, "WARM", WARM_UP);
            byte[] payload = warningPayload(nodes.get(KOR), keys);
            PathBaseline before = PathBaseline.measure(keys, payload, root, 300);
            double listBefore = listCost(screens.get(1), 20);

            System.out.printf(Locale.ROOT, "measuring %d warnings, one at a time…%n", unloadedCount);
            List<Timeline> unloaded = unloaded(kor, officer, screens, "U", unloadedCount);

            String burst = burstCount + " in " + WarningReport.trim(burstSeconds) + " s";
            System.out.printf(Locale.ROOT, "measuring a burst of %s, the screens listening…%n", burst);
            List<Timeline> listening = burst(kor, officer, screens, "B", burstCount, burstSeconds, false);
            awaitQuiet(kor, officer, screens);
            List<String> listed = new ArrayList<>();
            for (PartnerScreen s : screens) {
                Set<String> now = s.listed();
                long shown = listening.stream().filter(t -> now.contains(t.key())).count();
                listed.add(String.format(Locale.ROOT, "%s lists %d of the %d afterwards", s.name(), shown,
                        listening.size()));
            }
            System.out.printf(Locale.ROOT, "measuring a burst of %s, the screens fetching their list on each event…%n",
                    burst);
            List<Timeline> fetching = burst(kor, officer, screens, "S", burstCount, burstSeconds, true);
            awaitQuiet(kor, officer, screens);
            PathBaseline after = PathBaseline.measure(keys, payload, root, 300);
            double listAfter = listCost(screens.get(1), 20);

            List<String> itemIds = new ArrayList<>();
            for (var timelines : List.of(unloaded, listening, fetching)) {
                timelines.forEach(t -> itemIds.add(t.itemId()));
            }
            Map<String, WarningStamps> stamps = WarningStamps.of(nodes, keys, clocks, itemIds);
            var scenarios = List.of(
                    new WarningReport.Scenario("unloaded, " + unloadedCount + " one at a time", unloaded, true,
                            List.of()),
                    new WarningReport.Scenario("burst, " + burst + ", screens listening",
                            placeBurstEvents(listening, stamps, screens), false, listed),
                    new WarningReport.Scenario("burst, " + burst + ", screens fetching",
                            placeBurstEvents(fetching, stamps, screens), false, List.of()));
            new WarningReport(scenarios, stamps, PathBaseline.mean(before, after), payload.length,
                    Map.of(WARM_UP, listBefore, WARM_UP + unloadedCount + 2 * burstCount, listAfter), WARM_UP)
                    .print();
        } finally {
            screens.forEach(PartnerScreen::close);
        }
    }

    // ---- set-up, through the API as people would -------------------------------------------------------------

    /**
     * A second disclosure official, then the standing authority: proposed by one, approved by the other, for
     * {@code dprk.missile.warning} up to 군사Ⅱ급비밀 to the USA and Japan, under the mechanism.
     */
    private static void standingAuthority(URI kor) throws Exception {
        String admin = token(kor, "kor.admin", "demo");
        post(kor, admin, "/api/v1/persons", """
                {"username":"kor.disclosure2","password":"second-official","clearance":"군사Ⅰ급비밀",
                 "needToKnow":["dprk"],"roles":["disclosure"]}""", 201);
        String proposer = token(kor, "kor.disclosure", "demo");
        String approver = token(kor, "kor.disclosure2", "second-official");
        JsonNode proposed = post(kor, proposer, "/api/v1/authorities", """
                {"topic":"dprk.missile.warning","highest":"군사Ⅱ급비밀","recipients":["USA","JPN"],
                 "validFrom":"2024-01-01","under":"missile-warning-2023"}""", 201);
        post(kor, approver, "/api/v1/authorities/" + proposed.get("id").asText() + "/approve", "", 200);
    }

    /** A warning of the 2024-10-31 launch as the shipped catalogue models it, under its own track number. */
    private static String warning(String track, int k) {
        FlightPrediction f = LaunchCatalogueFiles.shipped().on(LocalDate.parse("2024-10-31")).modelledFlight();
        Instant at = DETECTED.plusSeconds(k);
        return String.format(Locale.ROOT, """
                {"track":"%s","sensor":"Green Pine","detectedAt":"%s","level":"군사Ⅱ급비밀","state":{"at":"%s",
                 "launch":{"lat":%.4f,"lon":%.4f},"azimuthDeg":%.2f,"apogeeKm":%.1f,"rangeKm":%.1f,
                 "flightTimeSeconds":%d,"ellipse":{"semiMajorKm":40,"semiMinorKm":15,"orientationDeg":%.1f},
                 "confidence":0.6,"missileType":"Hwasong-19"}}""", track, at, at, f.launchPoint().latitude(),
                f.launchPoint().longitude(), f.azimuthDeg(), f.apogeeKm(), f.rangeKm(), f.flightTime().toSeconds(),
                f.azimuthDeg());
    }

    /** The payload of a real warning's envelope: KOR's latest sealed delivery to the USA, opened with its key. */
    private static byte[] warningPayload(Node kor, Map<Party, NodeKeys> keys) {
        List<OutboxRow> rows = kor.self().store().read(Outbox::all);
        for (OutboxRow row : rows.reversed()) {
            if (row.kind().equals("ITEM") && row.peer().equals(USA.code())) {
                return Envelopes.open(keys.get(USA), keys.get(KOR).identity(), Wire.decode(row.envelope())).payload();
            }
        }
        throw new IllegalStateException("no warning was sealed for the USA");
    }

    // ---- unloaded ---------------------------------------------------------------------------------------------

    /**
     * One warning at a time: the call, then at each partner the first {@code inbox} event after the call began
     * (the only warning in flight, so that event is its arrival), and the list fetched at once, and again after each
     * later event, until it shows the warning. The next warning starts once the originator's outbox has both
     * releases delivered (the hub's relayed receipt included) and the streams have been quiet for 20 ms.
     */
    private static List<Timeline> unloaded(URI kor, String officer, List<PartnerScreen> screens, String prefix,
                                           int n) throws Exception {
        List<Timeline> timelines = new ArrayList<>();
        try (var watchers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String track = String.format(Locale.ROOT, "W-%s%04d", prefix, i);
                String body = warning(track, i);
                long t0 = System.nanoTime();
                JsonNode opened = post(kor, officer, "/api/v1/warnings", body, 201);
                long returned = System.nanoTime();
                Map<String, Future<Timeline.Seen>> watched = new LinkedHashMap<>();
                for (PartnerScreen s : screens) {
                    watched.put(s.name(), watchers.submit(() -> seen(s, "KOR/" + track, t0)));
                }
                Map<String, Timeline.Seen> seen = new LinkedHashMap<>();
                for (var w : watched.entrySet()) {
                    seen.put(w.getKey(), w.getValue().get());
                }
                String itemId = opened.get("itemId").asText();
                timelines.add(new Timeline(itemId, "KOR/" + track, t0, returned, seen));
                settle(kor, officer, itemId, screens);
            }
        }
        return timelines;
    }

    /** What a partner's screen saw of the one warning in flight, called {@code t0}. */
    private static Timeline.Seen seen(PartnerScreen s, String key, long t0) throws Exception {
        long deadline = t0 + PATIENCE.toNanos();
        long event = s.firstInboxAfter(t0, deadline);
        long after = event < 0 ? t0 : event;
        boolean early = false;
        while (System.nanoTime() < deadline) {
            long fetch = System.nanoTime();
            if (s.listed().contains(key)) {
                return new Timeline.Seen(event, System.nanoTime(), early);
            }
            // Listed only after a later event, or a poll: an arrival that never signalled would show here.
            early = true;
            long next = s.firstInboxAfter(Math.max(after, fetch), Math.min(deadline, System.nanoTime()
                    + 100_000_000L));
            after = Math.max(after, next < 0 ? fetch : next);
        }
        throw new IllegalStateException(s.name() + " never listed " + key);
    }

    /** Waits until the warning's releases are delivered at the originator and the streams are quiet. */
    private static void settle(URI kor, String officer, String itemId, List<PartnerScreen> screens) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            int delivered = 0;
            for (JsonNode r : get(kor, officer, "/api/v1/outbox?limit=10").get("releases")) {
                if (r.get("itemId").asText().equals(itemId) && r.get("status").asText().equals("DELIVERED")) {
                    delivered++;
                }
            }
            if (delivered == 2) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the releases of item " + itemId + " were not delivered");
            }
            Thread.sleep(2);
        }
        quiet(screens, Duration.ofMillis(20));
    }

    private static void quiet(List<PartnerScreen> screens, Duration d) throws InterruptedException {
        for (PartnerScreen s : screens) {
            while (true) {
                long since = System.nanoTime();
                if (s.firstInboxAfter(since, since + d.toNanos()) < 0) {
                    break;
                }
            }
        }
    }

    // ---- a burst ----------------------------------------------------------------------------------------------

    /** Where a burst warning's screen stood: the start of the last fetch that did not show it, and when one did. */
    private record Followed(long lastFetchWithout, long listed) {}

    /**
     * A burst: warning {@code i} is called at {@code i × seconds / n}, each call on its own thread. The screens
     * either only listen, or also fetch their list as the page does: on an inbox event the list is fetched (once
     * more if events came during the fetch), and a warning counts as listed when the first list showing it comes
     * back. A fetch is work for the partner's node, as much as a page's would be, so the two are run apart. A
     * coalesced event names no warning: each warning's event is placed once the nodes' stamps are known
     * ({@link #placeBurstEvents}).
     */
    private static List<Timeline> burst(URI kor, String officer, List<PartnerScreen> screens, String prefix, int n,
                                        double seconds, boolean fetching) throws Exception {
        Map<String, long[]> calls = new ConcurrentHashMap<>();
        Map<String, String> items = new ConcurrentHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(String.format(Locale.ROOT, "KOR/W-%s%04d", prefix, i));
        }
        Map<String, Map<String, Followed>> followed = new LinkedHashMap<>();
        try (var followers = Executors.newVirtualThreadPerTaskExecutor()) {
            long begin = System.nanoTime() + 50_000_000L;
            Map<String, Future<Map<String, Followed>>> following = new LinkedHashMap<>();
            for (PartnerScreen s : screens) {
                if (fetching) {
                    Set<String> before = s.listed();
                    following.put(s.name(), followers.submit(() -> follow(s, Set.copyOf(keys), before, begin)));
                }
            }
            long step = (long) (seconds * 1e9 / n);
            try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < n; i++) {
                    String key = keys.get(i);
                    String body = warning(key.substring("KOR/".length()), (fetching ? 2_000 : 1_000) + i);
                    LockSupport.parkNanos(begin + i * step - System.nanoTime());
                    callers.submit(() -> {
                        long t0 = System.nanoTime();
                        JsonNode opened = post(kor, officer, "/api/v1/warnings", body, 201);
                        calls.put(key, new long[] {t0, System.nanoTime()});
                        items.put(key, opened.get("itemId").asText());
                        return null;
                    });
                }
            }
            for (var f : following.entrySet()) {
                followed.put(f.getKey(), f.getValue().get());
            }
        }
        List<Timeline> timelines = new ArrayList<>();
        for (String key : keys) {
            Map<String, Timeline.Seen> seen = new LinkedHashMap<>();
            long t0 = calls.get(key)[0];
            // Until placed, the event is the earliest it can be: the start of the last fetch not showing it.
            for (PartnerScreen s : screens) {
                Followed f = fetching ? followed.get(s.name()).get(key) : new Followed(t0, -1);
                seen.put(s.name(), new Timeline.Seen(f.lastFetchWithout(), f.listed(), false));
            }
            timelines.add(new Timeline(items.get(key), key, t0, calls.get(key)[1], seen));
        }
        return timelines;
    }

    private static Map<String, Followed> follow(PartnerScreen s, Set<String> keys, Set<String> before, long begin)
            throws Exception {
        Map<String, Followed> seen = new HashMap<>();
        long previousFetch = begin;
        long deadline = begin + PATIENCE.toNanos() * 2;
        while (seen.size() < keys.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(s.name() + " listed " + seen.size() + " of " + keys.size()
                        + " warnings of the burst");
            }
            s.firstInboxAfter(previousFetch, Math.min(deadline, System.nanoTime() + 100_000_000L));
            long fetch = System.nanoTime();
            Set<String> now = s.listed();
            long fetched = System.nanoTime();
            for (String key : now) {
                if (keys.contains(key) && !before.contains(key) && !seen.containsKey(key)) {
                    seen.put(key, new Followed(previousFetch, fetched));
                }
            }
            previousFetch = fetch;
        }
        return seen;
    }

    /**
     * A burst warning's event at a partner: the first inbox event after both the partner's handler was done with it
     * (its receipt's time, before its commit and so before its event) and the start of the last list that did not
     * yet show it. No earlier event can be its own, so this is a lower bound; it is its own unless another warning's
     * event came in the few milliseconds between its handler's end and its commit. When a list showed it first,
     * there is no event to count ({@code -1}).
     */
    private static List<Timeline> placeBurstEvents(List<Timeline> timelines, Map<String, WarningStamps> stamps,
                                                   List<PartnerScreen> screens) {
        List<Timeline> out = new ArrayList<>();
        for (Timeline t : timelines) {
            WarningStamps st = stamps.get(t.itemId());
            Map<String, Timeline.Seen> seen = new LinkedHashMap<>();
            for (PartnerScreen s : screens) {
                Timeline.Seen v = t.seen().get(s.name());
                long done = st == null ? t.start() : s.name().equals(USA.code()) ? st.usaFirstDone() : st.jpnDone();
                long event = s.firstInboxAfter(Math.max(Math.max(v.event(), done), t.start()));
                boolean listedFirst = v.listed() >= 0 && (event < 0 || event > v.listed());
                seen.put(s.name(), new Timeline.Seen(listedFirst ? -1 : event, v.listed(), false));
            }
            out.add(new Timeline(t.itemId(), t.key(), t.start(), t.returned(), seen));
        }
        return out;
    }

    /** Waits until nothing is left in the originator's outbox and the streams have been quiet for 200 ms. */
    private static void awaitQuiet(URI kor, String officer, List<PartnerScreen> screens) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos() * 4;
        while (get(kor, officer, "/api/v1/outbox?status=QUEUED,RETRYING,FORWARDING").get("releases").size() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the burst's releases were not all delivered");
            }
            Thread.sleep(20);
        }
        quiet(screens, Duration.ofMillis(200));
    }

    /** The median time, in ms, of one list of warnings at a partner's node. */
    private static double listCost(PartnerScreen s, int rounds) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            s.listed();
            times.add(Latencies.ms(System.nanoTime() - t));
        }
        return Latencies.percentile(Latencies.sorted(times), 50);
    }

    private static Path dir(Path root, Party p) {
        return root.resolve(p.code().toLowerCase(Locale.ROOT));
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
