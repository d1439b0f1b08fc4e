package trisec.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import trisec.node.Node;
import trisec.node.NodeConfig;
import trisec.node.base.Json;
import trisec.node.base.Peers;
import trisec.node.person.Passwords;
import trisec.party.Party;
import trisec.scenario.file.ScenarioFiles;

/**
 * One TAXII page (docs/INTEROP.md, "The TAXII 2.1 server"): a KOR node in this process on the embedded store, holding
 * {@code items} items on {@code dprk.missile}, asked by {@code kor.officer} for the first ten objects of the collection
 * <i>Topic dprk</i> over HTTP, as a TAXII client asks. What a page costs as the collection grows: the whole order is
 * read and decided for the requester on every page, and the bundles of the objects served are made.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Benchmark)
public class TaxiiPageBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Param({"200"})
    public int items;

    private Node node;
    private HttpRequest page;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path root = Files.createTempDirectory("trisec-taxii-");
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        node = Node.start(NodeConfig.builder(Party.of("KOR"), root.resolve("kor"), ScenarioFiles.shipped()).port(port)
                .peers(new Peers(List.of())).witness(false).deliver(false).build());
        node.seedDemoPersons(Passwords.hash("demo".toCharArray()));
        URI base = node.url();
        String token = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"kor.officer\",\"password\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        for (int i = 0; i < items; i++) {
            var r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/items")).header("Authorization",
                    "Bearer " + token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"title\":\"assessment " + i + "\",\"body\":\"the body of assessment " + i + "\","
                            + "\"level\":\"군사Ⅱ급비밀\",\"topic\":\"dprk.missile\",\"relTo\":[],\"caveats\":[]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("item " + i + ": " + r.statusCode() + " " + r.body());
            }
        }
        String collection = null;
        var collections = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve(
                "/taxii2/trisec/collections/")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("collections");
        for (var c : collections) {
            if (c.get("title").asText().equals("Topic dprk")) {
                collection = c.get("id").asText();
            }
        }
        page = HttpRequest.newBuilder(base.resolve("/taxii2/trisec/collections/" + collection + "/objects/?limit=10"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/taxii+json;version=2.1").GET().build();
        if (HTTP.send(page, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            throw new IllegalStateException("the page is not served");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        node.close();
    }

    /** The first page of ten objects of a collection of {@code items} items. */
    @Benchmark
    public int page() throws Exception {
        return HTTP.send(page, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
}
