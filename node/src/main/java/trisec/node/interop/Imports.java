package trisec.node.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.interop.StixImport;
import trisec.item.Item;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Changes;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.MessageSignatures;
import trisec.node.item.HeldItem;
import trisec.node.item.Holdings;
import trisec.node.interop.taxii.TaxiiServer;
import trisec.node.item.ItemReceived;
import trisec.node.item.Items;
import trisec.node.item.Labels;
import trisec.node.item.Relabels;
import trisec.node.item.Retractions;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.AccessDecision;
import trisec.policy.AccessPolicy;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;
import trisec.topic.Topic;

/**
 * A STIX 2.1 bundle imported into items (docs/INTEROP.md, "STIX import"). Core's {@link StixImport} reads the bundle
 * and says what each object would become; this class decides on each with this node's keys, agreements and store,
 * then stores every item it takes in one transaction, and answers what it did with each object.
 *
 * <p>An object under trisec's label is the originator's item: it is taken only when the originator's seal holds under
 * the originator's key known here, the release policy would let the originator release it to this party now (an
 * import is no way around a release), the person could read it, and the originator's node confirms it
 * ({@link Confirmations}: the seal is still the item's, the item not retracted, the originator would release it here
 * now; it then holds this party as a holder, and its notices reach the copy). It is held as a copy received from its
 * originator, with the same id and label. An object under TLP:CLEAR or TLP:GREEN becomes a new item of this node,
 * unclassified, on the topic the request names. Anything else is refused with the reason, never labelled by a guess.
 */
public final class Imports {
    /** The largest bundle taken, in bytes, and the most objects. */
    public static final int MAX_BUNDLE_BYTES = 4 << 20;
    public static final int MAX_OBJECTS = 1_000;

    public static final String IMPORTED = "imported";
    public static final String ALREADY_HELD = "already-held";
    public static final String REFUSED = "refused";
    public static final String SKIPPED = "skipped";

    /**
     * What the import did with one object of the bundle; {@code version} is the object's {@code modified}, else its
     * {@code created}, as the bundle gives it (a cyber observable has neither).
     */
    public record Outcome(String id, String type, String outcome, Optional<String> item, Optional<String> reason,
                          Optional<String> version) {}

    /**
     * Where the objects go: the topic of the items made from TLP content (empty when this destination takes none, and
     * {@code noTopic} the reason given for each such object), which items under trisec's label it takes, and what the
     * {@code ITEM_IMPORTED} entries say of it beside what every import records.
     */
    public record Destination(Optional<Topic> topic, String noTopic, Admission admits, Map<String, String> onRecord) {
        public Destination {
            onRecord = Map.copyOf(onRecord);
        }

        /** The API's import: TLP content on the topic the request names, every labelled item. */
        static Destination anywhere(Optional<Topic> topic) {
            return new Destination(topic, "no topic was given for TLP content", (label, copy) -> Optional.empty(),
                    Map.of());
        }
    }

    /** Whether a destination takes an item under trisec's label: empty when it does, else the reason. */
    @FunctionalInterface
    public interface Admission {
        /** @param copy whether the item is another party's, held here as a copy */
        Optional<String> refusal(ConfidentialityLabel label, boolean copy);
    }

    /** Written in the import's own transaction once every object is decided, so it commits with the items or not. */
    @FunctionalInterface
    public interface Also {
        void store(Handle h, List<Outcome> outcomes);
    }

    private final Self self;
    private final Holdings holdings;
    private final List<ItemReceived> onReceived;
    /** Takes the lock of the order in which held items are numbered, first in the import's transaction. */
    private final java.util.function.Consumer<Handle> holdOrder;
    private final Relabels relabels;
    private final Confirmations confirmations;

    /**
     * @param onReceived told of each copy of a partner's item the import stores, in the transaction that does
     * @param relabels re-marks a copy with a reclassification that arrived before it
     * @param confirmations asks the originator's node about a partner's items before they are stored
     */
    public Imports(Self self, Holdings holdings, List<ItemReceived> onReceived, Relabels relabels,
                   Confirmations confirmations, java.util.function.Consumer<Handle> holdOrder) {
        this.holdOrder = holdOrder;
        this.self = self;
        this.holdings = holdings;
        this.onReceived = List.copyOf(onReceived);
        this.relabels = relabels;
        this.confirmations = confirmations;
    }

    /** What the import will store for one object, decided before the transaction. */
    private sealed interface Step {}

    private record Copy(StixImport.Candidate from, HeldItem held) implements Step {}

    private record Originated(StixImport.Open from, HeldItem held) implements Step {}

    private record Done(Outcome outcome) implements Step {}

    /** The same item again in the bundle: it fares as the first does. */
    private record Again(StixImport.Candidate from, String item) implements Step {}

    /**
     * Imports a bundle for the person: every object's outcome, in the bundle's order.
     *
     * @param topic the topic of the items made from TLP-marked objects; required when there are such objects
     * @throws Refusal a 400 for a malformed bundle or topic, a 413 for one too large: nothing is stored
     */
    public List<Outcome> importBundle(Account person, String json, Optional<String> topic) {
        Object parsed = parse(json);
        StixImport.Plan plan = plan(parsed);
        Optional<Topic> on = topic.map(t -> {
            if (!Topic.isValid(t)) {
                throw Refusal.invalid("'" + t + "' is not a topic (dot-separated lower-case words such as "
                        + "dprk.missile)");
            }
            return Topic.of(t);
        });
        if (on.isEmpty() && plan.objects().stream().anyMatch(StixImport.Open.class::isInstance)) {
            throw Refusal.invalid("topic is required: the bundle has TLP-marked objects, which become items of this "
                    + "node on the topic the request names (?topic=…)");
        }
        return run(person, parsed, plan, Destination.anywhere(on), (h, outcomes) -> {});
    }

    /**
     * Imports the objects of a TAXII envelope ({@code {"objects": […]}}) into a destination, exactly as a bundle of
     * them is imported: the same checks, one transaction, the same audit entries. An object the destination does not
     * take is refused with its reason.
     *
     * @param bundleId what the import is on record as ({@code bundle--} and a UUID), for the audit and stix_imports
     * @param also     written in the import's transaction, with the outcomes
     * @throws Refusal a 400 for a malformed envelope, a 413 for one with too many objects: nothing is stored
     */
    public List<Outcome> importEnvelope(Account person, String json, String bundleId, Destination into, Also also) {
        Object parsed = parse(json);
        if (!(parsed instanceof Map<?, ?> envelope)) {
            throw Refusal.invalid("a TAXII envelope is a JSON object with the objects to add in 'objects'");
        }
        if (!(envelope.get("objects") instanceof List<?> objects)) {
            throw Refusal.invalid("the envelope's objects are a list" + (envelope.get("objects") == null
                    ? ", and it has none" : ""));
        }
        // The envelope's objects read as the bundle they would make: a STIX bundle is an envelope with a type and id.
        var bundle = new HashMap<String, Object>();
        bundle.put("type", "bundle");
        bundle.put("id", bundleId);
        bundle.put("objects", objects);
        return run(person, bundle, plan(bundle), into, also);
    }

    private List<Outcome> run(Account person, Object parsed, StixImport.Plan plan, Destination into, Also also) {
        Instant now = self.clock().instant();
        var steps = new ArrayList<Step>();
        var taken = new HashSet<String>();
        var held = new HeldStixIds();
        for (StixImport.Candidate c : plan.objects()) {
            steps.add(switch (c) {
                case StixImport.Skipped s -> done(c, SKIPPED, Optional.empty(), s.reason());
                case StixImport.Refused r -> done(c, REFUSED, Optional.empty(), r.reason());
                case StixImport.Labelled l -> labelled(person, l, now, taken, into);
                case StixImport.Open o -> into.topic().isEmpty()
                        ? done(o, REFUSED, Optional.empty(), into.noTopic())
                        : open(person, o, into.topic().get(), held);
            });
        }
        Map<String, String> versions = versions(parsed);
        confirm(steps);
        var outcomes = new ArrayList<Outcome>();
        boolean stored;
        for (int attempt = 1; ; attempt++) {
            outcomes.clear();
            try {
                stored = store(person, plan, steps, now, into, versions, also, outcomes);
                break;
            } catch (RuntimeException e) {
                // A transaction that stores items and numbers them can still meet another that locks the same rows
                // in the other order (a release of the item arriving: its row, then the order); PostgreSQL ends one
                // of them, which changed nothing. The import's decisions stand, so its storing runs again.
                if (attempt == 3 || !trisec.node.store.Store.isConflict(e)) {
                    throw e;
                }
            }
        }
        if (stored) {
            self.changes().signal(Changes.ITEMS);
        }
        return outcomes;
    }

    /** Stores what the steps decided, in one transaction: whether any item was imported. */
    private boolean store(Account person, StixImport.Plan plan, List<Step> steps, Instant now, Destination into,
                          Map<String, String> versions, Also also, List<Outcome> outcomes) {
        return self.store().inTransaction(h -> {
            // The order of held items first (TaxiiServer.holdOrder): every item stored below is numbered under that
            // lock anyway, and taking it before any row makes concurrent imports take their locks in one order, so
            // two bundles with the same items in opposite orders wait for each other instead of deadlocking.
            holdOrder.accept(h);
            boolean any = false;
            for (Step step : steps) {
                Outcome outcome = switch (step) {
                    case Done d -> d.outcome();
                    case Again a -> outcome(a.from(), ALREADY_HELD, Optional.of(a.item()),
                            "the bundle carries this item twice");
                    case Copy c -> storeCopy(h, person, plan.bundleId(), c, now, into);
                    case Originated o -> storeOriginated(h, person, plan.bundleId(), o, now, into);
                };
                any |= outcome.outcome().equals(IMPORTED);
                outcomes.add(new Outcome(outcome.id(), outcome.type(), outcome.outcome(), outcome.item(),
                        outcome.reason(), Optional.ofNullable(versions.get(outcome.id()))));
            }
            also.store(h, List.copyOf(outcomes));
            return any;
        });
    }

    /** Each object's version: its {@code modified}, else its {@code created}, when it has one as text. */
    private static Map<String, String> versions(Object parsed) {
        var out = new HashMap<String, String>();
        if (parsed instanceof Map<?, ?> m && m.get("objects") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> object && object.get("id") instanceof String id) {
                    Object v = object.get("modified") instanceof String mod ? mod : object.get("created");
                    if (v instanceof String version) {
                        // Keyed as the plan reads ids: the UUID in lower case (StixImport).
                        out.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), version);
                    }
                }
            }
        }
        return out;
    }

    private static Object parse(String json) {
        Json.refuseUnpairedSurrogates(json);
        try {
            // A key twice in one object would let two readers see two different bundles.
            return Json.MAPPER.readerFor(Object.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("the body is not a JSON document: " + e.getOriginalMessage());
        }
    }

    private StixImport.Plan plan(Object parsed) {
        if (parsed instanceof java.util.Map<?, ?> m && m.get("objects") instanceof List<?> l
                && l.size() > MAX_OBJECTS) {
            throw Refusal.tooLarge("a bundle holds at most " + MAX_OBJECTS + " objects; this one has " + l.size());
        }
        try {
            return StixImport.read(parsed, p -> self.facts().scenario().findScheme(p));
        } catch (DomainException e) {
            throw Refusal.invalid("malformed STIX bundle: " + e.getMessage());
        }
    }

    /** An object under trisec's label: the originator's item, if its seal holds and the policy lets it come here. */
    private Step labelled(Account person, StixImport.Labelled l, Instant now, Set<String> taken, Destination into) {
        Item item = l.item();
        ConfidentialityLabel label = item.label();
        Party originator = label.originator();
        var key = self.identityOf(originator);
        if (key.isEmpty()) {
            return done(l, REFUSED, Optional.empty(), "no key of its originator " + originator + " is known to this "
                    + "node, so its seal cannot be checked");
        }
        if (!MessageSignatures.verifyItem(key.get(), Labels.data(item))) {
            return done(l, REFUSED, Optional.empty(), "the originator's seal does not hold: the label, the title or "
                    + "the body is not what " + originator + " signed, or another key signed it");
        }
        Optional<String> elsewhere = into.admits().refusal(label, !originator.equals(self.party()));
        if (elsewhere.isPresent()) {
            return done(l, REFUSED, Optional.empty(), elsewhere.get());
        }
        Party recipient = l.recipientLevel().party();
        if (!originator.equals(self.party()) && !recipient.equals(originator) && !recipient.equals(self.party())) {
            // Another holder's export: taking it would be that holder's release to this party, which the third-party
            // rule leaves to the originator's consent; the import cannot ask for it.
            return done(l, REFUSED, Optional.empty(), "this is " + recipient + "'s export of " + originator + "'s item; "
                    + "a copy is taken only from its originator's own export or one made for " + self.party()
                    + ", since passing it on from " + recipient + " needs " + originator + "'s consent");
        }
        // What the bundle shows is decided first, the same whether or not this node holds the item: the policy, then
        // the person's access. Only one who could read the item learns whether it is here or retracted.
        Level heldLevel;
        Optional<Party> from;
        if (originator.equals(self.party())) {
            heldLevel = label.level();
            from = Optional.empty();
        } else {
            ReleaseDecision decision = self.facts().policy().decide(ReleaseRequest.fromOriginator(label, self.party(),
                    now));
            if (decision.verdict() != Verdict.PERMIT) {
                return done(l, REFUSED, Optional.empty(), "the release policy would not release this item from "
                        + originator + " to " + self.party() + " now: " + String.join("; ", decision.reasonTexts()));
            }
            if (decision.route().size() != 2) {
                // As a release arriving is judged (ItemArrival): a hub route is no licence to receive directly.
                return done(l, REFUSED, Optional.empty(), "the release policy would release this item from "
                        + originator + " to " + self.party() + " only through " + decision.route().get(1) + " ("
                        + String.join(", ", decision.basis()) + "), not directly, so it is not taken from a bundle");
            }
            heldLevel = decision.recipientLevel().orElseThrow();
            from = Optional.of(originator);
        }
        AccessDecision access = AccessPolicy.decide(person.person(), label, heldLevel);
        if (!access.granted()) {
            return done(l, REFUSED, Optional.empty(), "you could not read an item marked like this, so you cannot "
                    + "import it: " + String.join("; ", access.reasons()));
        }
        if (!taken.add(item.id())) {
            return new Again(l, item.id());
        }
        boolean held = self.store().read(h -> Items.byId(h, item.id()).isPresent());
        if (held) {
            return done(l, ALREADY_HELD, Optional.of(item.id()), "this node already holds the item");
        }
        if (self.store().read(h -> Retractions.by(h, item.id(), originator.code()))) {
            return done(l, REFUSED, Optional.empty(), "the originator " + originator + " has retracted this item");
        }
        return new Copy(l, new HeldItem(item, heldLevel, from, from.map(p -> now), false, Optional.empty()));
    }

    /** The STIX ids the items held here take (StixIds of each item's id, kept where the item is numbered). */
    private final class HeldStixIds {
        /**
         * Whether the id is the STIX id of an item held here: its report's or its note's, the only objects trisec
         * makes of an item (an id of another type is never one, as the type is part of the UUIDv5's name). Looked up
         * by index where each held item is numbered for the TAXII server, not computed for every item.
         */
        boolean contains(String type, String stixId) {
            if (!type.equals("report") && !type.equals("note")) {
                return false;
            }
            return self.store().read(h -> TaxiiServer.itemOfStixId(h, stixId)).isPresent();
        }
    }

    /** A TLP:CLEAR or TLP:GREEN object: a new item of this node, at its lowest level, on the topic asked. */
    private Step open(Account person, StixImport.Open o, Topic topic, HeldStixIds held) {
        // A held item's id first: the record of imported objects also names labelled copies, whose item id an
        // already-held answer would give away to one who may not read them.
        if (held.contains(o.type(), o.id())) {
            return done(o, REFUSED, Optional.empty(), "it has the STIX id of an item this node holds under its label, "
                    + "which is not taken again as TLP content");
        }
        Optional<String> before = self.store().read(h -> StixImports.itemOf(h, o.id()));
        if (before.isPresent()) {
            return done(o, ALREADY_HELD, before, "this object was imported before, as this item");
        }
        String unclassified = self.scheme().unclassified().name();
        try {
            return new Originated(o, holdings.originate(person, new Holdings.NewItem(o.title(), o.body(), unclassified,
                    topic.path(), List.of(), List.of())));
        } catch (Refusal r) {
            return done(o, REFUSED, Optional.empty(), r.getMessage());
        }
    }

    /**
     * Asks each originator's node about the partner's items this node would take, one request per originator for all
     * of its items: those it does not confirm are refused with its answer, and nothing of them is stored. This node's
     * own items (restored from an export) need no one's word.
     */
    private void confirm(List<Step> steps) {
        var asked = new LinkedHashMap<Party, List<Confirmations.Asked>>();
        for (Step step : steps) {
            if (step instanceof Copy c && !c.held().own()) {
                asked.computeIfAbsent(c.held().item().originator(), p -> new ArrayList<>())
                        .add(new Confirmations.Asked(c.held().id(), c.held().item().seal().signature()));
            }
        }
        var word = new HashMap<String, Optional<String>>();
        asked.forEach((originator, items) -> word.putAll(confirmations.ask(originator, items)));
        var refused = new HashMap<String, String>();
        steps.replaceAll(step -> {
            if (!(step instanceof Copy c) || c.held().own()) {
                return step;
            }
            Optional<String> why = word.getOrDefault(c.held().id(), Optional.of("the originator's node could not "
                    + "confirm this copy; try again later"));
            why.ifPresent(w -> refused.put(c.held().id(), w));
            return why.isEmpty() ? step : done(c.from(), REFUSED, Optional.empty(), why.get());
        });
        // The same item again is refused as the first, not answered as held.
        steps.replaceAll(step -> step instanceof Again a && refused.containsKey(a.item())
                ? done(a.from(), REFUSED, Optional.empty(), refused.get(a.item())) : step);
    }

    private Outcome storeCopy(Handle h, Account person, String bundleId, Copy c, Instant now, Destination into) {
        HeldItem copy = c.held();
        Party originator = copy.item().originator();
        if (!copy.own() && Retractions.by(h, copy.id(), originator.code())) {
            // The retraction came while the originator was asked: the copy is refused as a delivery would be.
            return outcome(c.from(), REFUSED, Optional.empty(), "the originator " + originator
                    + " has retracted this item");
        }
        if (!Items.insertIfAbsent(h, Labels.row(copy))) {
            // Stored by a release or another import while the bundle was being read: the one copy stays.
            return outcome(c.from(), ALREADY_HELD, Optional.of(copy.id()), "this node already holds the item");
        }
        StixImports.insertIfAbsent(h, c.from().id(), copy.id(), bundleId, person.username(), now);
        for (ItemReceived listener : onReceived) {
            listener.received(h, copy);
        }
        if (!copy.own()) {
            // A reclassification that overtook the copy (the originator tells the holders it confirmed at once).
            relabels.applyWaiting(h, copy.id(), originator);
        }
        audit(h, person, bundleId, c.from(), copy, copy.own() ? "restored" : "copy", null, into);
        return outcome(c.from(), IMPORTED, Optional.of(copy.id()), null);
    }

    /**
     * A TLP object's new item, unless another request imported the same object meanwhile: then the item that request
     * made is the one, and what this step stored is rolled back to the savepoint (on PostgreSQL the insert of the
     * record waits for the other transaction, then finds its row).
     */
    private Outcome storeOriginated(Handle h, Account person, String bundleId, Originated o, Instant now,
                                    Destination into) {
        Optional<String> before = StixImports.itemOf(h, o.from().id());
        if (before.isPresent()) {
            return outcome(o.from(), ALREADY_HELD, before, "this object was imported before, as this item");
        }
        h.savepoint(OPEN_ITEM);
        holdings.storeOriginated(h, person, o.held());
        if (!StixImports.insertIfAbsent(h, o.from().id(), o.held().id(), bundleId, person.username(), now)) {
            h.rollbackToSavepoint(OPEN_ITEM);
            return outcome(o.from(), ALREADY_HELD, StixImports.itemOf(h, o.from().id()),
                    "this object was imported before, as this item");
        }
        h.releaseSavepoint(OPEN_ITEM);
        audit(h, person, bundleId, o.from(), o.held(), "originated", o.from().tlp().label(), into);
        return outcome(o.from(), IMPORTED, Optional.of(o.held().id()), null);
    }

    private static final String OPEN_ITEM = "open_item";

    /** The import on record: which object became which item under which label; never its title or body. */
    private void audit(Handle h, Account person, String bundleId, StixImport.Candidate from, HeldItem held,
                       String as, String tlp, Destination into) {
        ConfidentialityLabel label = held.item().label();
        var entry = AuditEntry.of(AuditEntry.Type.ITEM_IMPORTED, self.clock().instant(), person.username())
                .with("item", held.id()).with("as", as).with("bundle", bundleId).with("stix", from.id())
                .with("originator", label.originator().code()).with("level", label.level().name())
                .with("heldLevel", held.heldLevel().name()).with("topic", label.topic().path())
                .with("banner", trisec.label.Banner.render(label)).with("tlp", tlp);
        new java.util.TreeMap<>(into.onRecord()).forEach(entry::with);
        AuditLog.append(h, entry);
    }

    private static Done done(StixImport.Candidate c, String outcome, Optional<String> item, String reason) {
        return new Done(outcome(c, outcome, item, reason));
    }

    private static Outcome outcome(StixImport.Candidate c, String outcome, Optional<String> item, String reason) {
        return new Outcome(c.id(), c.type(), outcome, item, Optional.ofNullable(reason), Optional.empty());
    }
}
