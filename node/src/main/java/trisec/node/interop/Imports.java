package trisec.node.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.interop.StixIds;
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
 * the originator's key known here and the release policy would let the originator release it to this party now (an
 * import is no way around a release), and it is held as a copy received from its originator, with the same id and
 * label. An object under TLP:CLEAR or TLP:GREEN becomes a new item of this node, unclassified, on the topic the
 * request names. Anything else is refused with the reason, never labelled by a guess.
 */
public final class Imports {
    /** The largest bundle taken, in bytes, and the most objects. */
    public static final int MAX_BUNDLE_BYTES = 4 << 20;
    public static final int MAX_OBJECTS = 1_000;

    public static final String IMPORTED = "imported";
    public static final String ALREADY_HELD = "already-held";
    public static final String REFUSED = "refused";
    public static final String SKIPPED = "skipped";

    /** What the import did with one object of the bundle. */
    public record Outcome(String id, String type, String outcome, Optional<String> item, Optional<String> reason) {}

    private final Self self;
    private final Holdings holdings;
    private final List<ItemReceived> onReceived;

    /** @param onReceived told of each copy of a partner's item the import stores, in the transaction that does */
    public Imports(Self self, Holdings holdings, List<ItemReceived> onReceived) {
        this.self = self;
        this.holdings = holdings;
        this.onReceived = List.copyOf(onReceived);
    }

    /** What the import will store for one object, decided before the transaction. */
    private sealed interface Step {}

    private record Copy(StixImport.Candidate from, HeldItem held) implements Step {}

    private record Originated(StixImport.Open from, HeldItem held) implements Step {}

    private record Done(Outcome outcome) implements Step {}

    /**
     * Imports a bundle for the person: every object's outcome, in the bundle's order.
     *
     * @param topic the topic of the items made from TLP-marked objects; required when there are such objects
     * @throws Refusal a 400 for a malformed bundle or topic, a 413 for one too large: nothing is stored
     */
    public List<Outcome> importBundle(Account person, String json, Optional<String> topic) {
        StixImport.Plan plan = plan(json);
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
        Instant now = self.clock().instant();
        var steps = new ArrayList<Step>();
        var taken = new HashSet<String>();
        var held = new HeldStixIds();
        for (StixImport.Candidate c : plan.objects()) {
            steps.add(switch (c) {
                case StixImport.Skipped s -> done(c, SKIPPED, Optional.empty(), s.reason());
                case StixImport.Refused r -> done(c, REFUSED, Optional.empty(), r.reason());
                case StixImport.Labelled l -> labelled(person, l, now, taken);
                case StixImport.Open o -> open(person, o, on.orElseThrow(), held);
            });
        }
        var outcomes = new ArrayList<Outcome>();
        boolean stored = self.store().inTransaction(h -> {
            boolean any = false;
            for (Step step : steps) {
                Outcome outcome = switch (step) {
                    case Done d -> d.outcome();
                    case Copy c -> storeCopy(h, person, plan.bundleId(), c, now);
                    case Originated o -> {
                        Optional<String> before = StixImports.itemOf(h, o.from().id());
                        if (before.isPresent()) {
                            // Imported by another request while this bundle was being read: the one item stays.
                            yield outcome(o.from(), ALREADY_HELD, before,
                                    "this object was imported before, as this item");
                        }
                        holdings.storeOriginated(h, person, o.held());
                        StixImports.insert(h, o.from().id(), o.held().id(), plan.bundleId(), person.username(), now);
                        audit(h, person, plan.bundleId(), o.from(), o.held(), "originated", o.from().tlp().label());
                        yield outcome(o.from(), IMPORTED, Optional.of(o.held().id()), null);
                    }
                };
                any |= outcome.outcome().equals(IMPORTED);
                outcomes.add(outcome);
            }
            return any;
        });
        if (stored) {
            self.changes().signal(Changes.ITEMS);
        }
        return outcomes;
    }

    private StixImport.Plan plan(String json) {
        Object parsed;
        try {
            // A key twice in one object would let two readers see two different bundles.
            parsed = Json.MAPPER.readerFor(Object.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("the body is not a JSON document: " + e.getOriginalMessage());
        }
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
    private Step labelled(Account person, StixImport.Labelled l, Instant now, Set<String> taken) {
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
        Party recipient = l.recipientLevel().party();
        if (!originator.equals(self.party()) && !recipient.equals(originator) && !recipient.equals(self.party())) {
            // Another holder's export: taking it would be that holder's release to this party, which the third-party
            // rule leaves to the originator's consent; the import cannot ask for it.
            return done(l, REFUSED, Optional.empty(), "this is " + recipient + "'s export of " + originator + "'s item; "
                    + "a copy is taken only from its originator's own export or one made for " + self.party()
                    + ", since passing it on from " + recipient + " needs " + originator + "'s consent");
        }
        if (!taken.add(item.id())) {
            return done(l, ALREADY_HELD, Optional.of(item.id()), "the bundle carries this item twice");
        }
        boolean held = self.store().read(h -> Items.byId(h, item.id()).isPresent());
        if (held) {
            return done(l, ALREADY_HELD, Optional.of(item.id()), "this node already holds the item");
        }
        if (self.store().read(h -> Retractions.by(h, item.id(), originator.code()))) {
            return done(l, REFUSED, Optional.empty(), "the originator " + originator + " has retracted this item");
        }
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
        Optional<String> before = self.store().read(h -> StixImports.itemOf(h, o.id()));
        if (before.isPresent()) {
            return done(o, ALREADY_HELD, before, "this object was imported before, as this item");
        }
        if (held.contains(o.type(), o.id())) {
            return done(o, REFUSED, Optional.empty(), "it has the STIX id of an item this node holds under its label, "
                    + "which is not taken again as TLP content");
        }
        String unclassified = self.scheme().unclassified().name();
        try {
            return new Originated(o, holdings.originate(person, new Holdings.NewItem(o.title(), o.body(), unclassified,
                    topic.path(), List.of(), List.of())));
        } catch (Refusal r) {
            return done(o, REFUSED, Optional.empty(), r.getMessage());
        }
    }

    private Outcome storeCopy(Handle h, Account person, String bundleId, Copy c, Instant now) {
        HeldItem copy = c.held();
        if (Items.byId(h, copy.id()).isPresent()) {
            // Arrived by a release while the bundle was being read: the one copy stays.
            return outcome(c.from(), ALREADY_HELD, Optional.of(copy.id()), "this node already holds the item");
        }
        Items.insert(h, Labels.row(copy));
        if (StixImports.itemOf(h, c.from().id()).isEmpty()) {
            StixImports.insert(h, c.from().id(), copy.id(), bundleId, person.username(), now);
        }
        for (ItemReceived listener : onReceived) {
            listener.received(h, copy);
        }
        audit(h, person, bundleId, c.from(), copy, copy.own() ? "restored" : "copy", null);
        return outcome(c.from(), IMPORTED, Optional.of(copy.id()), null);
    }

    /** The import on record: which object became which item under which label; never its title or body. */
    private void audit(Handle h, Account person, String bundleId, StixImport.Candidate from, HeldItem held,
                       String as, String tlp) {
        ConfidentialityLabel label = held.item().label();
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.ITEM_IMPORTED, self.clock().instant(), person.username())
                .with("item", held.id()).with("as", as).with("bundle", bundleId).with("stix", from.id())
                .with("originator", label.originator().code()).with("level", label.level().name())
                .with("heldLevel", held.heldLevel().name()).with("topic", label.topic().path())
                .with("banner", trisec.label.Banner.render(label)).with("tlp", tlp));
    }

    private static Done done(StixImport.Candidate c, String outcome, Optional<String> item, String reason) {
        return new Done(outcome(c, outcome, item, reason));
    }

    private static Outcome outcome(StixImport.Candidate c, String outcome, Optional<String> item, String reason) {
        return new Outcome(c.id(), c.type(), outcome, item, Optional.ofNullable(reason));
    }
}
