package trisec.node.interop.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.envelope.Canonical;
import trisec.interop.StixExport;
import trisec.interop.StixIds;
import trisec.interop.StixImport;
import trisec.interop.TaxiiQuery;
import trisec.interop.TaxiiQuery.Entry;
import trisec.interop.TaxiiQuery.Page;
import trisec.interop.TaxiiQuery.Position;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.consent.Consents;
import trisec.node.interop.Exports;
import trisec.node.interop.Imports;
import trisec.node.item.HeldItem;
import trisec.node.item.Holdings;
import trisec.node.item.ItemCreated;
import trisec.node.item.ItemReceived;
import trisec.node.item.ItemRelabelled;
import trisec.node.item.ItemRow;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.node.person.Role;
import trisec.node.release.Releases;
import trisec.node.release.TrackedRelease;
import trisec.option.TopicTree;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.topic.Topic;

/**
 * The node's TAXII 2.1 server (docs/INTEROP.md): one API root, a collection per top-level topic of the scenario's
 * topic tree, one for every other topic and one for the copies received from partners, each serving the STIX 2.1
 * objects of its items' bundles ({@link Exports}); an officer adds objects to them through the STIX import
 * ({@link Imports}), each collection taking what it then holds.
 *
 * <p>Every answer is the requester's own. A person sees the objects of the items they may read (DESIGN §2.9, the same
 * decision as reading the item); a partner node sees again only what a release from this node already delivered to
 * its party, at that release's level, and only while the release policy still permits it by a direct route (DESIGN §2,
 * this node the holder, the originator's consent counting only when on record here). What the requester may not see is not there at all: not in a count, in {@code more},
 * in a {@code next} token (sealed, {@link NextTokens}), in the date headers, in a manifest or a versions list, and an
 * object they may not see is answered as one that does not exist. Each item whose objects are served is an
 * {@code ITEM_READ} entry of the audit log, as reading it through the API is.
 */
public final class TaxiiServer {
    /** TAXII 2.1's media type, the one every answer has (TAXII 2.1 §1.6.8). */
    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    /** The API root's name under {@code /taxii2/}. */
    public static final String ROOT = "trisec";
    /**
     * The API root's {@code max_content_length}: the largest request body the one endpoint that takes a body (adding
     * objects) accepts, the import's own limit; a larger one is refused with 413.
     */
    public static final long MAX_CONTENT_LENGTH = Imports.MAX_BUNDLE_BYTES;

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Who asks: a person of this node by bearer token, or a partner node by its signed request. */
    public sealed interface Requester {
        /** What a {@code next} token is bound to. */
        String key();

        record Person(Account account) implements Requester {
            @Override
            public String key() {
                return "person:" + account.id();
            }
        }

        record Partner(Party party) implements Requester {
            @Override
            public String key() {
                return "partner:" + party.code();
            }
        }
    }

    /** A TAXII answer: its body, and the first and last {@code date_added} it carries (for the X-TAXII headers). */
    public record Answer(Map<String, Object> body, Optional<String> firstAdded, Optional<String> lastAdded) {}

    /**
     * A collection: which items it holds, and what adding objects to it takes (the topic of TLP content, or why it has
     * none, and which items under trisec's label), so that what is added is what the collection then holds.
     */
    private record Collection(String id, String title, String description, Predicate<ItemRow> holds,
                              Optional<Topic> tlpTopic, String noTopic, Imports.Admission admits) {}

    /** An object as served to one requester: its entry in the collection's order, the object, and its item. */
    private record Served(Entry entry, StixExport.Subject subject, String itemId, Level level, boolean itemOwn) {}

    private final Self self;
    private final Holdings holdings;
    private final Exports exports;
    private final Imports imports;
    private final NextTokens tokens;

    public TaxiiServer(Self self, Holdings holdings, Exports exports, Imports imports) {
        this.self = self;
        this.holdings = holdings;
        this.exports = exports;
        this.imports = imports;
        this.tokens = new NextTokens(self.store());
    }

    /** Numbers each item created here in the transaction that stores it (its place in every collection). */
    public static ItemCreated onCreated() {
        return AddedItems.onCreated();
    }

    /** Numbers each partner's copy stored here in the transaction that stores it. */
    public static ItemReceived onReceived() {
        return AddedItems.onReceived();
    }

    /**
     * Takes the lock of the order in which items are numbered, first in a transaction that will store several
     * items (an import), so that such transactions take their locks in one order (docs/INTEROP.md).
     */
    public static void holdOrder(Handle h) {
        AddedItems.lock(h);
    }

    /**
     * Numbers each item again when its label changes here (reclassified by this node, or a copy re-marked by its
     * originator's notice), so that a client polling by {@code added_after} or {@code next} is served it again.
     */
    public static ItemRelabelled onRelabelled() {
        return AddedItems.onRelabelled();
    }

    /**
     * Numbers an item again when a release of it reaches a partner: the partner may pull it from then on, and a
     * partner polling by {@code added_after} has long passed the date the item was added here.
     */
    public static trisec.node.release.ReleaseDelivered onDelivered() {
        return (h, itemId, recipient, at) -> AddedItems.renumber(h, itemId, at);
    }

    /**
     * The held item whose own STIX object (its report or note, {@code StixIds} of the item's id) has this id, looked up
     * by index: every held item is in the order, with both ids.
     */
    public static Optional<String> itemOfStixId(Handle h, String stixId) {
        return AddedItems.itemOfStixId(h, stixId);
    }

    /** Numbers the items held before the order existed; at start-up, before anything is served. */
    public void catchUp() {
        AddedItems.catchUp(self.store());
    }

    // ---- discovery, API root, collections ---------------------------------------------------------------

    /** The discovery resource (TAXII 2.1 §4.1), its URLs under {@code base} (the node as the client reached it). */
    public Map<String, Object> discovery(String base) {
        String root = base + "/taxii2/" + ROOT + "/";
        var m = new LinkedHashMap<String, Object>();
        m.put("title", "trisec " + self.party().code() + " node");
        m.put("description", "The items this national node holds, as STIX 2.1, each requester seeing only what the "
                + "access and release policy let them read.");
        m.put("default", root);
        m.put("api_roots", List.of(root));
        return m;
    }

    /** The API root resource (TAXII 2.1 §4.2). */
    public Map<String, Object> apiRoot() {
        var m = new LinkedHashMap<String, Object>();
        m.put("title", "trisec " + self.party().code());
        m.put("description", "One collection per top-level topic, one for every other topic, and the copies received "
                + "from partners; officers add objects to them as the STIX import takes them.");
        m.put("versions", List.of(MEDIA_TYPE));
        m.put("max_content_length", MAX_CONTENT_LENGTH);
        return m;
    }

    /**
     * The collections resource (TAXII 2.1 §5.1): public facts of the scenario, the same for every requester but for
     * {@code can_write}, which depends on the requester's role alone.
     */
    public Map<String, Object> collections(Requester who) {
        return Map.of("collections", collections(self).stream().map(c -> resource(c, who)).toList());
    }

    /** A collection resource (TAXII 2.1 §5.2); 404 for an id that is none. */
    public Map<String, Object> collection(Requester who, String id) {
        return resource(collection(self, id), who);
    }

    private static Map<String, Object> resource(Collection c, Requester who) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("can_read", true);
        m.put("can_write", mayWrite(who));
        m.put("media_types", List.of(StixExport.MEDIA_TYPE));
        return m;
    }

    /**
     * Who may add objects: a person who may create items (an officer, as the API's import). Every collection takes
     * some objects, so the answer is the same for each and says nothing but what the requester's role is.
     */
    private static boolean mayWrite(Requester who) {
        return who instanceof Requester.Person p && p.account().is(Role.OFFICER);
    }

    private static Collection collection(Self self, String id) {
        return collections(self).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("no collection " + id));
    }

    /**
     * The collections: a top-level topic of the scenario's tree each (its items and those below it), one for the
     * topics outside the tree, and the inbox. Each holds the items held here, created or received.
     */
    private static List<Collection> collections(Self self) {
        TopicTree tree = TopicTree.of(self.facts().scenario());
        var tops = new LinkedHashSet<String>();
        tree.named().forEach(t -> tops.add(t.path().split("\\.", 2)[0]));
        var out = new ArrayList<Collection>();
        String topics = String.join(", ", tops);
        for (String top : tops) {
            Topic t = Topic.of(top);
            out.add(new Collection(collectionId(self.party(), "topic", top), "Topic " + top,
                    "The items on " + top + " and the topics below it that this node holds.",
                    r -> t.covers(Topic.of(r.topic())), Optional.of(t), "",
                    (label, copy) -> t.covers(label.topic()) ? Optional.empty()
                            : Optional.of("its topic " + label.topic().path() + " is not " + top + " nor below it: "
                            + "add it to the collection of its topic")));
        }
        Predicate<Topic> inTree = topic -> tops.stream().anyMatch(top -> Topic.of(top).covers(topic));
        out.add(new Collection(collectionId(self.party(), "other", ""), "Other topics",
                "The items on topics outside the agreements' topic tree (" + topics + ").",
                r -> !inTree.test(Topic.of(r.topic())), Optional.empty(),
                "TLP content becomes an item of this node on one topic, and Other topics names none: add it to a "
                        + "topic's collection (" + topics + ")",
                (label, copy) -> inTree.test(label.topic())
                        ? Optional.of("its topic " + label.topic().path() + " is in the topic tree: add it to its "
                        + "topic's collection") : Optional.empty()));
        Party party = self.party();
        out.add(new Collection(collectionId(self.party(), "inbox", ""), "Inbox",
                "The copies this node received from partners, on every topic.", r -> r.receivedFrom().isPresent(),
                Optional.empty(), "the Inbox holds partners' items under their labels; TLP content becomes an item "
                        + "of this node on a topic, which the Inbox names none of: add it to a topic's collection",
                (label, copy) -> copy ? Optional.empty()
                        : Optional.of("the Inbox holds partners' items; this is " + party.code() + "'s own: add it "
                        + "to the collection of its topic")));
        return out;
    }

    /** A collection's id: a UUIDv5 of the node's party and what the collection holds, the same on every start. */
    static String collectionId(Party party, String kind, String topic) {
        return StixIds.uuid5(StixIds.NAMESPACE, new Canonical().add("taxii collection").add(party.code()).add(kind)
                .add(topic).bytes()).toString();
    }

    // ---- adding objects, their status ------------------------------------------------------------------------

    /**
     * Adds an envelope's objects to a collection (TAXII 2.1 §5.5) for a person who may create items: the STIX
     * import's own checks and transaction ({@link Imports#importEnvelope}), into what the collection takes. The import
     * is done when this returns, so the status resource (§4.3) is {@code complete}; it is stored with the items, for
     * its poster to read again ({@link #status}).
     *
     * @throws Refusal 404 for no such collection, 400 for a malformed envelope, 413 for too many objects
     */
    public Map<String, Object> add(Account person, String collectionId, String envelope) {
        Collection c = collection(self, collectionId);
        String statusId = UUID.randomUUID().toString();
        Instant at = self.clock().instant();
        var into = new Imports.Destination(c.tlpTopic(), c.noTopic(), c.admits(),
                Map.of("via", "taxii", "collection", c.id(), "status", statusId));
        // The status is stored in the import's transaction, and answered from the same outcomes.
        return status(statusId, at, imports.importEnvelope(person, envelope, "bundle--" + statusId, into,
                (h, outcomes) -> TaxiiStatuses.insert(h, statusId, person.id(), at, status(statusId, at, outcomes))));
    }

    /** A status resource (TAXII 2.1 §4.3), to the person who posted it; 404 to anyone else, as an unknown id. */
    public Map<String, Object> status(Requester who, String statusId) {
        Optional<Map<String, Object>> found = who instanceof Requester.Person p
                ? self.store().read(h -> TaxiiStatuses.find(h, statusId, p.account().id(), self.clock().instant()))
                : Optional.empty();
        return found.orElseThrow(() -> Refusal.notFound("no status " + statusId));
    }

    /**
     * The status of an import: every object is a success or a failure, none pending (total = successes + failures,
     * as §4.3.1 asks). A success is an object imported or already held (the item named in its message) and a
     * supporting object (identity, marking-definition, …) that was read as the others' context; a failure is one
     * refused, and one skipped as no item (an observed-data, a cyber observable, a custom object), which the
     * collection will not hold.
     */
    private static Map<String, Object> status(String id, Instant at, List<Imports.Outcome> outcomes) {
        var successes = new ArrayList<Map<String, Object>>();
        var failures = new ArrayList<Map<String, Object>>();
        String requested = stamp(at);
        for (Imports.Outcome o : outcomes) {
            var d = new LinkedHashMap<String, Object>();
            d.put("id", o.id());
            // Every object but a cyber observable has a created; one without takes the request's time (its date_added).
            d.put("version", o.version().orElse(requested));
            String reason = o.reason().orElse("");
            switch (o.outcome()) {
                case Imports.IMPORTED -> {
                    d.put("message", "imported as item " + o.item().orElseThrow());
                    successes.add(d);
                }
                case Imports.ALREADY_HELD -> {
                    d.put("message", reason + " (item " + o.item().orElseThrow() + ")");
                    successes.add(d);
                }
                case Imports.SKIPPED -> {
                    d.put("message", reason);
                    (StixImport.supporting(o.type()) ? successes : failures).add(d);
                }
                default -> {
                    d.put("message", reason);
                    failures.add(d);
                }
            }
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("status", "complete");
        m.put("request_timestamp", requested);
        m.put("total_count", outcomes.size());
        m.put("success_count", successes.size());
        if (!successes.isEmpty()) {
            m.put("successes", successes);
        }
        m.put("failure_count", failures.size());
        if (!failures.isEmpty()) {
            m.put("failures", failures);
        }
        m.put("pending_count", 0);
        return m;
    }

    // ---- objects, an object, its versions, the manifest -----------------------------------------------------

    /** A collection's objects (TAXII 2.1 §5.3), as an envelope. */
    public Answer objects(Requester who, String collectionId, Map<String, List<String>> query) {
        Collection c = collection(self, collectionId);
        TaxiiQuery q = TaxiiQuery.parse(query, TaxiiQuery.OBJECT_PARAMETERS);
        String context = context(who, c, "objects", q);
        Optional<Position> after = next(query, context);
        List<Served> served = served(who, c);
        return envelope(who, c, q.page(entries(served), after), served, context);
    }

    /** One object of a collection (TAXII 2.1 §5.5), as an envelope; 404 when the requester sees no such object. */
    public Answer object(Requester who, String collectionId, String objectId, Map<String, List<String>> query) {
        Collection c = collection(self, collectionId);
        TaxiiQuery q = TaxiiQuery.parse(query, Set.of("added_after", "limit", "next", "match[version]",
                "match[spec_version]"));
        String context = context(who, c, "object " + objectId, q);
        Optional<Position> after = next(query, context);
        List<Served> served = only(served(who, c), objectId);
        return envelope(who, c, q.page(entries(served), after), served, context);
    }

    /** The versions of one object (TAXII 2.1 §5.7); 404 when the requester sees no such object. */
    public Answer versions(Requester who, String collectionId, String objectId, Map<String, List<String>> query) {
        Collection c = collection(self, collectionId);
        TaxiiQuery q = TaxiiQuery.parse(query, Set.of("added_after", "limit", "next", "match[spec_version]"));
        // Every version, whatever match[version] a client might think of (versions takes none).
        q = new TaxiiQuery(q.addedAfter(), q.ids(), q.types(), Set.of("all"), q.specVersions(), q.limit());
        String context = context(who, c, "versions " + objectId, q);
        Optional<Position> after = next(query, context);
        List<Served> served = only(served(who, c), objectId);
        Page page = q.page(entries(served), after);
        var body = new LinkedHashMap<String, Object>();
        body.put("more", page.more());
        if (page.more()) {
            body.put("next", tokens.seal(page.last().orElseThrow(), context));
        }
        if (!page.entries().isEmpty()) {
            body.put("versions", page.entries().stream().map(Entry::version).toList());
        }
        record(who, c, page, served);
        return answer(body, page);
    }

    /** A collection's manifest (TAXII 2.1 §5.4): what objects there are, without them. */
    public Answer manifest(Requester who, String collectionId, Map<String, List<String>> query) {
        Collection c = collection(self, collectionId);
        TaxiiQuery q = TaxiiQuery.parse(query, TaxiiQuery.OBJECT_PARAMETERS);
        String context = context(who, c, "manifest", q);
        Optional<Position> after = next(query, context);
        List<Served> served = served(who, c);
        Page page = q.page(entries(served), after);
        var body = new LinkedHashMap<String, Object>();
        body.put("more", page.more());
        if (page.more()) {
            body.put("next", tokens.seal(page.last().orElseThrow(), context));
        }
        if (!page.entries().isEmpty()) {
            body.put("objects", page.entries().stream().map(e -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("id", e.id());
                m.put("date_added", stamp(e.dateAdded()));
                m.put("version", e.version());
                m.put("media_type", StixExport.MEDIA_TYPE);
                return m;
            }).toList());
        }
        record(who, c, page, served);
        return answer(body, page);
    }

    private Answer envelope(Requester who, Collection c, Page page, List<Served> served, String context) {
        var body = new LinkedHashMap<String, Object>();
        body.put("more", page.more());
        if (page.more()) {
            body.put("next", tokens.seal(page.last().orElseThrow(), context));
        }
        if (!page.entries().isEmpty()) {
            body.put("objects", objectsOf(page, served));
        }
        record(who, c, page, served);
        return answer(body, page);
    }

    private static Answer answer(Map<String, Object> body, Page page) {
        return new Answer(body, page.entries().stream().findFirst().map(e -> stamp(e.dateAdded())),
                page.entries().isEmpty() ? Optional.empty() : Optional.of(stamp(page.entries().getLast().dateAdded())));
    }

    private static List<Served> only(List<Served> served, String objectId) {
        List<Served> out = served.stream().filter(s -> s.entry().id().equals(objectId)).toList();
        if (out.isEmpty()) {
            // The same answer for an object that is not there and one the requester may not see.
            throw Refusal.notFound("no object " + objectId + " in this collection");
        }
        return out;
    }

    private static List<Entry> entries(List<Served> served) {
        return served.stream().map(Served::entry).toList();
    }

    /** What a next token is bound to: the requester, the collection, the endpoint and the filters. */
    private static String context(Requester who, Collection c, String endpoint, TaxiiQuery q) {
        return String.join("\n", "trisec taxii next v1", who.key(), c.id(), endpoint, q.canonical());
    }

    private Optional<Position> next(Map<String, List<String>> query, String context) {
        Optional<String> token = TaxiiQuery.single(query, "next");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tokens.open(token.get(), context).orElseThrow(() -> Refusal.invalid(
                "next is not a token this node gave you for this query; start again without it")));
    }

    /**
     * The collection's objects the requester may see, in the collection's order: each visible item's bundle as the
     * requester would get it, an object that an earlier item's bundle already carried (a party's identity, TLP:WHITE,
     * trisec's identity and extension) left out. Only the objects' heads are made here ({@link StixExport#heads}:
     * id, type, version), which is all a page needs to place, filter and count them; an object itself is made only
     * when a page serves it ({@link #objectsOf}).
     */
    private List<Served> served(Requester who, Collection c) {
        Instant now = self.clock().instant();
        // What the requester sees, and what the bundles need from the store (which items are options, when labels
        // were made), read on one connection with a query each, not per item.
        record Visible(AddedItems.Added added, StixExport.Subject subject, String itemId, Level level) {}
        List<Visible> visible = self.store().read(h -> {
            var out = new ArrayList<Visible>();
            Map<String, TrackedRelease> released = who instanceof Requester.Partner p ? released(h, p.party())
                    : Map.of();
            Exports.Batch batch = Exports.batch(h);
            for (AddedItems.Row row : AddedItems.all(h)) {
                ItemRow item = row.item();
                if (item.retracted() || !c.holds().test(item)) {
                    continue;
                }
                levelFor(h, who, item, now, released).ifPresent(l -> out.add(new Visible(row.added(),
                        exports.subject(holdings.held(item), l, batch), item.id(), l)));
            }
            return out;
        });
        // Every visible item's heads are made for each page, as paging needs each object's id, type and version; a
        // page's cost grows with the collection, but its bundles' rendering only with the page (docs/INTEROP.md).
        var out = new ArrayList<Served>();
        var seen = new HashSet<String>();
        for (Visible v : visible) {
            List<StixExport.Head> heads = StixExport.heads(v.subject());
            for (int i = 0; i < heads.size(); i++) {
                StixExport.Head o = heads.get(i);
                if (!seen.add(o.id())) {
                    continue;
                }
                // The item's own objects: its report or note and its label's marking; the rest are shared.
                boolean own = !"identity".equals(o.type()) && !"extension-definition".equals(o.type())
                        && !StixExport.TLP_WHITE.equals(o.id());
                // Each object a date of its own, a microsecond after the one before it (AddedItems.SLOTS): a client
                // resuming after a page's last date_added, as TAXII clients poll, misses no object of an item the
                // page cut.
                out.add(new Served(new Entry(v.added().seq(), i, o.id(), o.type(), o.version(),
                        StixExport.SPEC_VERSION, v.added().addedAt().plus(i, ChronoUnit.MICROS)), v.subject(),
                        v.itemId(), v.level(), own));
            }
        }
        return out;
    }

    /** The objects a page serves, in its order: each item's bundle made once, for the entries of the page only. */
    private static List<Map<String, Object>> objectsOf(Page page, List<Served> served) {
        var byPosition = new java.util.HashMap<Position, Served>();
        served.forEach(s -> byPosition.put(s.entry().position(), s));
        var bundles = new java.util.HashMap<String, List<Map<String, Object>>>();
        return page.entries().stream().map(e -> {
            Served s = byPosition.get(e.position());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> objects = bundles.computeIfAbsent(s.itemId(),
                    id -> (List<Map<String, Object>>) StixExport.bundle(s.subject()).get("objects"));
            return objects.get(e.position().index());
        }).toList();
    }

    /**
     * The releases from this node that reached the party, the latest for each item: what a partner's pull may serve
     * again. A release still waiting for approval, consent or delivery, refused or withdrawn, is none; so an option,
     * never released, is never served either.
     */
    private Map<String, TrackedRelease> released(Handle h, Party party) {
        var out = new java.util.HashMap<String, TrackedRelease>();
        for (TrackedRelease t : Releases.deliveredTo(h, self.facts().scenario(), party)) {
            out.merge(t.itemId(), t, (a, b) -> a.requestedAt().isAfter(b.requestedAt()) ? a : b);
        }
        return out;
    }

    /**
     * The level the requester holds the item at when it may see it: a person's node's own marking when the person
     * may read it (DESIGN §2.9); for a partner, the level of the release that took the item to it, provided the
     * release policy still permits it now by a direct route (as a partner's node takes a delivery only from the
     * sender itself, or through a hub that re-decided). A pull re-serves what a release already sent: it makes no
     * release of its own, outside two-person approval, consent and the release record that carries a later
     * retraction or reclassification.
     */
    private Optional<Level> levelFor(Handle h, Requester who, ItemRow row, Instant now,
                                     Map<String, TrackedRelease> released) {
        return switch (who) {
            case Requester.Person p -> {
                var view = holdings.view(p.account(), row);
                yield view.access().granted() ? Optional.of(view.heldLevel()) : Optional.empty();
            }
            case Requester.Partner p -> {
                TrackedRelease release = released.get(row.id());
                if (release == null) {
                    yield Optional.empty();
                }
                HeldItem held = holdings.held(row);
                boolean consent = Consents.granted(h, row.id(), p.party()).isPresent();
                ReleaseDecision d;
                try {
                    d = self.facts().policy().decide(new ReleaseRequest(held.item().label(), self.party(), p.party(),
                            now, consent));
                } catch (DomainException e) {
                    yield Optional.empty();
                }
                if (!d.permitted() || d.route().size() != 2) {
                    yield Optional.empty();
                }
                // The level the partner holds it at now: a reclassification since the release moved its copy.
                yield d.recipientLevel();
            }
        };
    }

    /** Each item whose own objects a page serves is read by the requester, on record as reading it is. */
    private void record(Requester who, Collection c, Page page, List<Served> served) {
        Set<Position> shown = new HashSet<>();
        page.entries().forEach(e -> shown.add(e.position()));
        var items = new LinkedHashMap<String, Level>();
        for (Served s : served) {
            if (s.itemOwn() && shown.contains(s.entry().position())) {
                items.putIfAbsent(s.itemId(), s.level());
            }
        }
        if (items.isEmpty()) {
            return;
        }
        Instant now = self.clock().instant();
        String actor = switch (who) {
            case Requester.Person p -> p.account().username();
            case Requester.Partner p -> p.party().code();
        };
        self.store().useTransaction(h -> items.forEach((item, level) -> AuditLog.append(h,
                AuditEntry.of(AuditEntry.Type.ITEM_READ, now, actor).with("item", item)
                        .with(who instanceof Requester.Person ? "heldLevel" : "recipientLevel", level.name())
                        .with("via", "taxii").with("collection", c.id()))));
    }

    /** A TAXII timestamp: UTC to the microsecond, as {@code date_added} is kept. */
    static String stamp(Instant at) {
        return MICROS.format(at.truncatedTo(ChronoUnit.MICROS));
    }
}
