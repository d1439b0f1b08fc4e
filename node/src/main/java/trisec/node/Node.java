package trisec.node;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.node.api.Api;
import trisec.node.audit.AuditLog;
import trisec.node.audit.Integrator;
import trisec.node.audit.Witness;
import trisec.node.federation.Peer;
import trisec.node.auth.Passwords;
import trisec.node.auth.Role;
import trisec.node.auth.Sessions;
import trisec.node.federation.Admission;
import trisec.node.federation.Courier;
import trisec.node.federation.Peers;
import trisec.node.federation.Postbox;
import trisec.node.federation.Reception;
import trisec.node.keys.LogKeyFiles;
import trisec.node.keys.NodeKeyFiles;
import trisec.node.store.Persons;
import trisec.node.store.RecordedEvents;
import trisec.node.store.Store;
import trisec.party.ClassificationScheme;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * A national node: this class wires it together, and reading it shows the architecture. The store and the keys
 * live in the data directory; the agreements are the scenario plus the events recorded since; the API, the
 * federation endpoint and the delivery worker share one set of services.
 */
public final class Node implements AutoCloseable {

    /**
     * How to run a node.
     *
     * @param jdbcUrl   a PostgreSQL URL; empty for the embedded (SQLite) store in {@code dataDir}
     * @param asOf      run the clock from this instant (exercises, replays of history); empty for real time
     * @param deliver   run the delivery worker (tests turn it off to hold envelopes in the outbox)
     * @param witness   poll and cosign the partners' logs (tests drive it by hand)
     */
    public record Config(Party party, String host, int port, Path dataDir, Optional<String> jdbcUrl, Peers peers,
                         Optional<Instant> asOf, Scenario scenario, Duration tokenLifetime, boolean deliver,
                         boolean witness, boolean secureCookies) {
        public Config {
            if (!scenario.has(party)) {
                throw new DomainException("the scenario has no party " + party);
            }
            if (port < 0 || port > 65535) {
                throw new DomainException("a port is between 0 and 65535");
            }
        }

        public static Config of(Party party, int port, Path dataDir, Scenario scenario) {
            return new Config(party, "127.0.0.1", port, dataDir, Optional.empty(), Peers.none(), Optional.empty(),
                    scenario, Duration.ofHours(8), true, true, false);
        }

        public Config withPeers(Peers p) {
            return new Config(party, host, port, dataDir, jdbcUrl, p, asOf, scenario, tokenLifetime, deliver, witness,
                    secureCookies);
        }

        public Config withAsOf(Optional<Instant> t) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, t, scenario, tokenLifetime, deliver, witness,
                    secureCookies);
        }

        public Config withDatabase(Optional<String> url) {
            return new Config(party, host, port, dataDir, url, peers, asOf, scenario, tokenLifetime, deliver, witness,
                    secureCookies);
        }

        public Config withDelivery(boolean on) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, asOf, scenario, tokenLifetime, on, witness,
                    secureCookies);
        }

        public Config withScenario(Scenario s) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, asOf, s, tokenLifetime, deliver, witness,
                    secureCookies);
        }

        public Config withTokenLifetime(Duration d) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, asOf, scenario, d, deliver, witness,
                    secureCookies);
        }

        public Config withWitness(boolean on) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, asOf, scenario, tokenLifetime, deliver, on,
                    secureCookies);
        }

        /** Session cookies marked {@code Secure} even over plain HTTP (a node behind a TLS-terminating proxy). */
        public Config withSecureCookies(boolean on) {
            return new Config(party, host, port, dataDir, jdbcUrl, peers, asOf, scenario, tokenLifetime, deliver, witness,
                    on);
        }

        public Config withPort(int p) {
            return new Config(party, host, p, dataDir, jdbcUrl, peers, asOf, scenario, tokenLifetime, deliver, witness,
                    secureCookies);
        }
    }

    private final Config config;
    private final Self self;
    private final Sessions sessions;
    private final Courier courier;
    private final Javalin http;

    private final AuditLog auditLog;
    private final Integrator integrator;
    private final Witness witness;

    private final Admission admission;

    private Node(Config config, Self self, Sessions sessions, Courier courier, Javalin http, AuditLog auditLog,
                 Integrator integrator, Witness witness, Admission admission) {
        this.admission = admission;
        this.config = config;
        this.self = self;
        this.sessions = sessions;
        this.courier = courier;
        this.http = http;
        this.auditLog = auditLog;
        this.integrator = integrator;
        this.witness = witness;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** Integrates what is pending and signs a checkpoint now (tests; the integrator does this on its own). */
    public AuditLog.Head integrateNow() {
        return integrator.integrateNow();
    }

    public Witness witness() {
        return witness;
    }

    /** The federation endpoint's admission control (tests flush its tally by hand). */
    public Admission admission() {
        return admission;
    }

    /** The keys in a data directory, created on first use (private key files readable by the owner only). */
    public static NodeKeys keys(Path dataDir, Party party) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new DomainException("cannot create the data directory " + dataDir + ": " + e.getMessage());
        }
        return NodeKeyFiles.loadOrCreate(dataDir.resolve("keys"), party);
    }

    /** The node's log key (Ed25519, for C2SP signed notes and cosignatures), created on first use. */
    public static java.security.KeyPair logKeys(Path dataDir) {
        return LogKeyFiles.loadOrCreate(dataDir.resolve("keys"), LOG_KEY_FILE);
    }

    static final String LOG_KEY_FILE = "log-ed25519.key";

    /** A node's peers-file entry, from its data directory: what {@code trisec keys export} prints. */
    public static Peer peerOf(Path dataDir, Party party, URI url) {
        NodeKeys k = keys(dataDir, party);
        String origin = AuditLog.originOf(k.identity());
        return new Peer(k.identity(), url, Optional.of(
                trisec.audit.note.Ed25519Notes.vkey(origin, logKeys(dataDir).getPublic())));
    }

    public static Node start(Config config) {
        NodeKeys keys = keys(config.dataDir(), config.party());
        java.security.KeyPair logKeys = logKeys(config.dataDir());
        Store store = config.jdbcUrl().map(Store::open).orElseGet(() -> Store.embedded(config.dataDir()));
        try {
            Facts facts = new Facts(config.scenario());
            facts.replay(store.read(RecordedEvents::all));
            NodeClock clock = config.asOf().map(NodeClock::asOf).orElseGet(NodeClock::system);
            Self self = new Self(config.party(), keys, store, facts, clock, config.peers(), new Changes());

            String origin = AuditLog.originOf(keys.identity());
            AuditLog auditLog = new AuditLog(store, clock, origin, List.of(
                    trisec.audit.note.Ed25519Notes.signer(origin, logKeys.getPrivate()),
                    trisec.audit.note.MlDsaNotes.signer(origin + AuditLog.ML_DSA_SUFFIX, keys)),
                    Optional.of(config.dataDir().resolve("log").resolve("checkpoint")));
            Integrator integrator = new Integrator(auditLog);
            Postbox postbox = new Postbox(self);
            Courier courier = new Courier(self, postbox);
            Witness witness = new Witness(store, keys, config.peers(), origin, logKeys.getPrivate(), clock,
                    courier::peerAnswers);
            Runnable wake = courier::wake;
            ClassificationScheme scheme = self.scheme();
            Sessions sessions = new Sessions(store, scheme, clock, config.tokenLifetime());
            Holdings holdings = new Holdings(self, postbox, wake);
            Disclosures disclosures = new Disclosures(self, holdings, postbox, wake);
            AgreementDesk agreements = new AgreementDesk(self, postbox, wake);
            Admission admission = new Admission(store, clock);
            Reception reception = new Reception(self, postbox, wake, admission);

            var pages = new trisec.node.web.Pages(self, sessions, holdings, disclosures, agreements, auditLog);
            Javalin http = Api.create(new Api.Parts(self, sessions, holdings, disclosures, agreements, reception,
                    auditLog, witness, logKeys.getPublic(), pages, config.secureCookies()));
            try {
                http.start(config.host(), config.port());
            } catch (RuntimeException e) {
                throw new DomainException("cannot listen on " + config.host() + ":" + config.port() + ": "
                        + rootMessage(e));
            }
            try {
                if (config.deliver()) {
                    courier.start();
                }
                integrator.start();
                admission.start();
                if (config.witness()) {
                    witness.start();
                }
            } catch (RuntimeException e) {
                // Not half-started: a node that cannot run its workers does not keep serving.
                witness.close();
                admission.close();
                integrator.close();
                courier.close();
                http.stop();
                throw e;
            }
            return new Node(config, self, sessions, courier, http, auditLog, integrator, witness, admission);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return String.valueOf(e.getMessage());
    }

    public Party party() {
        return self.party();
    }

    public int port() {
        return http.port();
    }

    public URI url() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    public PublicIdentity identity() {
        return self.keys().identity();
    }

    public Self self() {
        return self;
    }

    /** Every HTTP route the node serves, as {@code "GET /api/v1/items"} (the API's are described by OpenAPI). */
    public List<String> routes() {
        return http.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint)
                .filter(e -> e.method == io.javalin.http.HandlerType.GET || e.method == io.javalin.http.HandlerType.POST)
                .map(e -> e.method + " " + e.path).distinct().sorted().toList();
    }

    /** Runs one delivery round now (tests; the worker does this on its own). */
    public int deliverNow() {
        return courier.deliverDue();
    }

    /**
     * A real node's first start: creates {@code admin} with a generated password, which the caller prints once.
     * Empty when the node already has persons.
     */
    public Optional<String> bootstrapAdmin() {
        if (self.store().read(Persons::count) > 0) {
            return Optional.empty();
        }
        String password = Passwords.generate();
        sessions.create("admin", password.toCharArray(), self.party(), self.scheme().lowestClassified().name(),
                List.of(), List.of(Role.ADMIN));
        return Optional.of(password);
    }

    /** The demo's persons of this party (officer, disclosure, analyst, guest, admin, auditor), all with the
     *  password whose hash is given. */
    public void seedDemoPersons(String passwordHash) {
        if (self.store().read(Persons::count) > 0) {
            return;
        }
        ClassificationScheme scheme = self.scheme();
        List<trisec.party.Level> levels = scheme.levels();
        String p = self.party().code().toLowerCase(java.util.Locale.ROOT);
        String top = scheme.highest().name();
        String belowTop = levels.get(Math.min(1, levels.size() - 2)).name();
        String lowest = scheme.lowestClassified().name();
        sessions.create(p + ".officer", passwordHash, self.party(), top, List.of("dprk"), List.of(Role.OFFICER));
        sessions.create(p + ".disclosure", passwordHash, self.party(), top, List.of("dprk"), List.of(Role.DISCLOSURE));
        sessions.create(p + ".analyst", passwordHash, self.party(), belowTop, List.of("dprk"), List.of(Role.READER));
        sessions.create(p + ".guest", passwordHash, self.party(), lowest, List.of(), List.of(Role.READER));
        sessions.create(p + ".admin", passwordHash, self.party(), lowest, List.of(), List.of(Role.ADMIN));
        sessions.create(p + ".auditor", passwordHash, self.party(), lowest, List.of(), List.of(Role.AUDITOR));
    }

    @Override
    public void close() {
        witness.close();
        courier.close();
        http.stop();
        admission.close();
        integrator.close();
        self.store().close();
    }
}
