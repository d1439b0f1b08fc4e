package trisec.node;

import trisec.node.agreement.AgreementDesk;
import trisec.node.release.Disclosures;
import trisec.node.release.AuthorityDesk;
import trisec.node.release.Recipients;
import trisec.node.consult.ChannelCalendar;
import trisec.node.consult.DialogueHealth;
import trisec.node.consult.MeetingDesk;
import trisec.node.consult.PerspectiveRegister;
import trisec.node.warning.WarningDesk;
import trisec.node.warning.WarningIndex;
import trisec.node.warning.WarningMessages;
import trisec.node.consult.StatementDesk;
import trisec.node.consult.StatementMessages;
import trisec.node.interop.taxii.TaxiiServer;
import trisec.node.item.Holdings;
import trisec.node.base.Changes;
import trisec.node.base.NodeClock;
import trisec.node.base.Facts;
import trisec.node.base.Self;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import trisec.DomainException;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.node.consent.ConsentDesk;
import trisec.node.http.HttpServer;
import trisec.node.release.Decisions;
import trisec.node.web.Pages;
import trisec.node.web.Web;
import trisec.node.release.ReleaseMessages;
import trisec.node.item.ItemMessages;
import trisec.node.item.ItemReceived;
import trisec.node.consent.ConsentMessages;
import trisec.node.agreement.AgreementMessages;
import trisec.node.api.Api;
import trisec.node.http.RouteGroup;
import java.util.ArrayList;
import trisec.node.log.AuditLog;
import trisec.node.log.Integrator;
import trisec.node.log.Witness;
import trisec.node.base.Peer;
import trisec.node.person.Role;
import trisec.node.person.Sessions;
import trisec.node.federation.Admission;
import trisec.node.federation.Courier;
import trisec.node.base.PeerClient;
import trisec.node.federation.Outbox;
import trisec.node.federation.Postbox;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.Reception;
import trisec.node.item.Relabels;
import trisec.node.keys.LogKeyFiles;
import trisec.node.keys.NodeKeyFiles;
import trisec.node.agreement.RecordedEvents;
import trisec.node.store.Store;
import trisec.party.ClassificationScheme;
import trisec.party.Party;

/**
 * A national node: this class wires it together, and reading it shows the architecture. The store and the keys
 * live in the data directory; the agreements are the scenario plus the events recorded since; the API, the
 * federation endpoint and the delivery worker share one set of services.
 */
public final class Node implements AutoCloseable {

    private final NodeConfig config;
    private final Self self;
    private final Sessions sessions;
    private final Courier courier;
    private final Javalin http;

    private final AuditLog auditLog;
    private final Integrator integrator;
    private final Witness witness;

    private final Admission admission;

    private final AuthorityDesk authorities;

    private Node(NodeConfig config, Self self, Sessions sessions, Courier courier, Javalin http, AuditLog auditLog,
                 Integrator integrator, Witness witness, Admission admission, AuthorityDesk authorities) {
        this.authorities = authorities;
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
        String origin = Peer.logOrigin(k.identity());
        return new Peer(k.identity(), url, Optional.of(
                trisec.audit.note.Ed25519Notes.vkey(origin, logKeys(dataDir).getPublic())));
    }

    public static Node start(NodeConfig config) {
        NodeKeys keys = keys(config.dataDir(), config.party());
        java.security.KeyPair logKeys = logKeys(config.dataDir());
        Store store = config.jdbcUrl().map(Store::open).orElseGet(() -> Store.embedded(config.dataDir()));
        try {
            Facts facts = new Facts(config.scenario());
            store.useTransaction(h -> RecordedEvents.replay(h, facts));
            NodeClock clock = config.asOf().map(NodeClock::asOf).orElseGet(NodeClock::system);
            Self self = new Self(config.party(), keys, store, facts, clock, config.peers(), new Changes());

            String origin = Peer.logOrigin(keys.identity());
            AuditLog auditLog = new AuditLog(store, clock, origin, List.of(
                    trisec.audit.note.Ed25519Notes.signer(origin, logKeys.getPrivate()),
                    trisec.audit.note.MlDsaNotes.signer(origin + AuditLog.ML_DSA_SUFFIX, keys)),
                    Optional.of(config.dataDir().resolve("log").resolve("checkpoint")));
            Integrator integrator = new Integrator(auditLog);
            Postbox postbox = new Postbox(self);
            PeerClient peerClient = new PeerClient(keys);
            Courier courier = new Courier(self, peerClient, postbox, ReleaseMessages.deliveries(self, postbox,
                    List.of(TaxiiServer.onDelivered())));
            Witness witness = new Witness(store, config.peers(), origin, logKeys.getPrivate(), clock, peerClient,
                    Outbox::resend, courier::peerAnswers);
            Runnable wake = courier::wake;
            ClassificationScheme scheme = self.scheme();
            Sessions sessions = new Sessions(store, scheme, clock, config.tokenLifetime());
            Decisions decisions = new Decisions(self);
            AuthorityDesk authorities = new AuthorityDesk(self, decisions, postbox, wake);
            Recipients holders = new Recipients();
            // The warnings' index follows every version created, received or retracted, in the same transaction.
            WarningIndex warningIndex = new WarningIndex(self);
            warningIndex.catchUp();
            // The TAXII server's order of items: each item numbered in commit order, in the transaction storing it.
            Holdings holdings = new Holdings(self, postbox, holders, List.of(authorities.onItemCreated(),
                    warningIndex.onCreated(), TaxiiServer.onCreated()), List.of(warningIndex.onRetracted()),
                    List.of(TaxiiServer.onRelabelled()), wake);
            Disclosures disclosures = new Disclosures(self, holdings, decisions, postbox, wake);
            ConsentDesk consents = new ConsentDesk(self, holdings, postbox, wake);
            AgreementDesk agreements = new AgreementDesk(self, postbox, wake);
            Admission admission = new Admission(store, clock);
            // A copy re-marked by its originator's notice comes again, as new, to those who poll the TAXII server.
            Relabels relabels = new Relabels(self, List.of(TaxiiServer.onRelabelled()));
            // A partner's copy, received or imported, is indexed and numbered in the transaction that stores it.
            List<ItemReceived> onReceived = List.of(warningIndex.onReceived(), TaxiiServer.onReceived());
            var handlers = new ArrayList<MessageHandler<?>>(ReleaseMessages.handlers(self, postbox, wake, relabels,
                    decisions, onReceived, List.of(TaxiiServer.onDelivered())));
            handlers.addAll(ConsentMessages.handlers(self));
            handlers.addAll(AgreementMessages.handlers(self));
            handlers.addAll(ItemMessages.handlers(self, relabels, holders, postbox, wake,
                    List.of(warningIndex.onRetracted())));
            handlers.addAll(WarningMessages.handlers(self, holders, postbox));
            handlers.addAll(StatementMessages.handlers(self));
            handlers.addAll(trisec.node.consult.ConsultationMessages.handlers(self));
            Reception reception = new Reception(self, admission, handlers);

            // The API's route groups and the pages', one per feature, in one route table (docs/ARCHITECTURE.md).
            WarningDesk warnings = new WarningDesk(self, holdings, postbox, wake);
            MeetingDesk meetings = new MeetingDesk(self, holdings, disclosures);
            StatementDesk statements = new StatementDesk(self, meetings, decisions, postbox, wake);
            // Commitment-to-Consult consultations, told to the other parties as they happen.
            var consultations = new trisec.node.consult.ConsultationDesk(self, holdings, warnings, postbox, decisions,
                    wake);
            Pages pages = new Pages(self, sessions, config.secureCookies(), warnings::open, consultations::awaiting);
            var routes = new ArrayList<RouteGroup>(Api.routes(new Api.Services(self, sessions, holdings, disclosures,
                    decisions, consents, agreements, auditLog, witness, reception, origin, logKeys.getPublic(), authorities,
                    warnings, statements, meetings)));
            // A person's calendar subscriptions: read-only addresses of the calendars, revocable (docs/CONSULTATION.md).
            var subscriptions = new trisec.node.person.CalendarSubscriptions(store, sessions, clock,
                    config.secureCookies());
            routes.addAll(Web.pages(pages, holdings, disclosures, consents, agreements, auditLog, warnings,
                    statements, meetings, subscriptions));
            // The dialogue's health: the scenario's channels on a date, read and never stored.
            DialogueHealth dialogue = new DialogueHealth(self);
            routes.addAll(Api.dialogue(dialogue, new ChannelCalendar(self, meetings), subscriptions));
            routes.addAll(Web.dialogue(pages, dialogue));
            routes.addAll(Api.consultations(consultations));
            routes.addAll(Web.consultations(pages, consultations));
            // The perspectives register: each party's assessments of a topic, as items the reader may read.
            PerspectiveRegister perspectives = new PerspectiveRegister(self, holdings);
            routes.addAll(Api.perspectives(perspectives));
            routes.addAll(Web.perspectives(pages, perspectives));
            // Options: hypothetical changes saved as items, drawn on copies of the agreements (docs/OPTIONS.md).
            var options = new trisec.node.option.OptionDesk(self, holdings);
            routes.addAll(Api.options(self, options));
            routes.addAll(Web.options(pages, options));
            // Interchange: an item as a STIX 2.1 bundle and as its label bound to its payload (docs/INTEROP.md).
            var exports = new trisec.node.interop.Exports(self, holdings, options);
            routes.addAll(Api.interop(exports));
            routes.addAll(Web.interop(pages, exports));
            // The TAXII 2.1 server: the same bundles, each requester seeing only what it may (docs/INTEROP.md).
            // STIX import, through the API and through the TAXII server's collections: one import, one set of checks.
            // A partner's item imported here is confirmed with its originator's node first; this node answers the same
            // question for its own items, and its notices then reach the copy.
            var confirmations = new trisec.node.interop.Confirmations(self, holdings, peerClient, options::isOption,
                    holders, authorities);
            var imports = new trisec.node.interop.Imports(self, holdings, onReceived, relabels, confirmations,
                    TaxiiServer::holdOrder);
            var taxii = new TaxiiServer(self, holdings, exports, imports);
            taxii.catchUp();
            routes.addAll(Api.taxii(taxii));
            routes.addAll(Api.stixImport(imports, confirmations));
            Javalin http = HttpServer.create(new HttpServer.Parts(self, sessions, routes, pages));
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
            return new Node(config, self, sessions, courier, http, auditLog, integrator, witness, admission,
                    authorities);
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

    /** Every HTTP route with the accesses it declares ({@link trisec.node.http.Access}), as {@code "GET /ui"}. */
    public java.util.Map<String, java.util.Set<String>> routeAccess() {
        var out = new java.util.TreeMap<String, java.util.Set<String>>();
        for (var e : http.unsafe.internalRouter.allHttpHandlers()) {
            var roles = e.endpoint.metadata(io.javalin.security.Roles.class);
            out.put(e.endpoint.method + " " + e.endpoint.path, roles == null ? java.util.Set.of()
                    : roles.getRoles().stream().map(Object::toString).collect(java.util.stream.Collectors.toCollection(
                            java.util.TreeSet::new)));
        }
        return out;
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
        return sessions.bootstrapAdmin(self.party());
    }

    /** The demo's persons of this party, all with the password whose hash is given ({@link Sessions#seedDemo}). */
    public void seedDemoPersons(String passwordHash) {
        sessions.seedDemo(self.party(), passwordHash);
    }

    /**
     * The demo's standing authority for this party's missile warnings: up to its SECRET level, to the other two
     * parties, under the missile-warning mechanism, so that from 2023-12-19 a warning leaves at once. Proposed by
     * {@code <party>.disclosure} and approved by a second disclosure official, {@code <party>.approver}, created
     * here with the demo's password. A second one sends the consultation channels' unclassified records to the same
     * parties. Nothing when the node already has an authority.
     */
    public void seedDemoWarningAuthority(String passwordHash, String demoPassword) {
        if (!authorities.list().isEmpty()) {
            return;
        }
        String p = self.party().code().toLowerCase(java.util.Locale.ROOT);
        var scheme = self.scheme();
        trisec.node.person.Account approver;
        try {
            approver = sessions.account(sessions.create(p + ".approver", passwordHash, self.party(),
                    scheme.highest().name(), List.of("dprk"), List.of(Role.DISCLOSURE)));
        } catch (trisec.node.base.Refusal alreadyThere) {
            approver = sessions.authenticate(sessions.signIn(p + ".approver", demoPassword).token());
        }
        var proposer = sessions.authenticate(sessions.signIn(p + ".disclosure", demoPassword).token());
        String secret = scheme.levels().stream().filter(l -> l.banner() == trisec.party.Classification.SECRET)
                .findFirst().orElse(scheme.highest()).name();
        var others = self.facts().scenario().parties().stream().filter(x -> !x.equals(self.party()))
                .map(Party::code).toList();
        var proposed = authorities.propose(proposer, new AuthorityDesk.NewAuthority("dprk.missile.warning", secret,
                others, "2014-01-01", null, "missile-warning-2023"));
        authorities.approve(approver, proposed.id());
        // The channels' unclassified meeting records go to the partners as a secretariat expects, without an
        // approval per record; a classified annex still takes a release request and its approval (docs/CONSULTATION.md).
        var records = authorities.propose(proposer, new AuthorityDesk.NewAuthority("consult", "UNCLASSIFIED", others,
                "2014-01-01", null, null));
        authorities.approve(approver, records.id());
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
