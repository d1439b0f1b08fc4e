package trisec.node.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DomainException;
import trisec.geo.FlightGeography;
import trisec.geo.Region;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.item.Holdings;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Postbox;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.node.release.Releases;
import trisec.party.Party;
import trisec.topic.Topic;
import trisec.warning.Closure;
import trisec.warning.Detection;
import trisec.warning.MissileWarning;
import trisec.warning.TrackNumber;

/**
 * Missile warnings (issue 11). A warning is an item of topic {@code dprk.missile.warning} (or below) whose body is
 * the whole warning so far ({@link WarningDocument}); each update and the close is a new version, a new item, so
 * that it goes wherever the release policy and the standing authorities send items, with every guarantee of the
 * federation. A person sees a warning only through an item of it they may read: no trace otherwise.
 */
public final class WarningDesk {
    /** The topic every warning is on or under. */
    public static final Topic TOPIC = Topic.of("dprk.missile.warning");

    /** A new warning: its track number, the sensor, the first state, and the label of its item. */
    public record NewWarning(String track, String sensor, String detectedAt, WarningDocument.StateDoc state,
                             String level, String topic, List<String> relTo, List<String> caveats) {}

    /**
     * An update: the refined state. Every version keeps the first one's label: each carries the whole warning, so a
     * looser label on a later version would release the earlier states under it.
     */
    public record Update(WarningDocument.StateDoc state) {}

    /** A warning as a person sees it: the latest version they may read, and what it means on the ground. */
    public record Seen(MissileWarning warning, Holdings.View item, FlightGeography geography) {}

    private final Self self;
    private final Holdings holdings;
    private final java.util.Map<String, FlightGeography> geographies = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Optional<MissileWarning>> warnings =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Postbox postbox;
    private final Runnable wakeCourier;

    public WarningDesk(Self self, Holdings holdings, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.holdings = holdings;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    /** Who acknowledged a warning (a partner's watch officer), and when, as this node knows it. */
    public record Acknowledgement(Party by, Instant at) {}

    /**
     * A watch officer acknowledges a partner's warning they may read: kept here, and told to the originator, who
     * sees who acknowledged when. Once per warning and party. The acknowledgement goes back the way the warning
     * came: from the originator directly, straight to it; through a hub (the missile-warning mechanism's route),
     * to the hub, which relays it. It is signed by this node, so the originator knows who acknowledged whichever
     * way it came. Only when the node it came from is not a partner any more does it go straight to the originator.
     */
    public Acknowledgement acknowledge(Account officer, String party, String track) {
        Seen s = get(officer, party, track);
        Party originator = s.warning().detectingParty();
        if (originator.equals(self.party())) {
            throw Refusal.invalid("a warning is acknowledged by the partners it reaches, not by its originator");
        }
        Party via = s.item().held().receivedFrom().filter(postbox::reaches)
                .or(() -> Optional.of(originator).filter(postbox::reaches))
                .orElseThrow(() -> Refusal.conflict("NO_PEER", "this node has no connection to " + originator
                        + "'s node, nor to the node the warning came from"));
        Instant now = self.clock().instant();
        String id = java.util.UUID.randomUUID().toString();
        String itemId = s.item().item().id();
        self.store().useTransaction(h -> {
            if (!Acknowledgements.insert(h, new Acknowledgements.Ack(id, originator, track, itemId, self.party(),
                    now))) {
                throw Refusal.conflict("warning " + party + "/" + track + " is already acknowledged by "
                        + self.party());
            }
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.WARNING_ACKNOWLEDGED, now, officer.username())
                    .with("item", itemId).with("track", track).with("by", self.party().code())
                    .with("at", now.toString()).with("via", via.equals(originator) ? null : via.code()));
            postbox.post(h, via, MessageSignatures.signAck(self.keys(), id, itemId, track, now.toString()),
                    Postbox.UNCLASSIFIED_HEADER, Optional.empty());
            h.afterCommit(wakeCourier);
        });
        return new Acknowledgement(self.party(), now);
    }

    /** The acknowledgements of a warning this node knows: all of them at the originator, its own elsewhere. */
    /** The acknowledgements of each of these warnings (by {@link #key}), read at once. */
    public Map<String, List<Acknowledgement>> acknowledgements(List<Seen> seen) {
        var wanted = seen.stream().map(s -> key(s.warning().detectingParty(), s.warning().track().value()))
                .collect(java.util.stream.Collectors.toSet());
        var out = new LinkedHashMap<String, List<Acknowledgement>>();
        for (Acknowledgements.Ack a : self.store().read(Acknowledgements::all)) {
            String k = key(a.party(), a.track());
            if (wanted.contains(k)) {
                out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(new Acknowledgement(a.by(), a.at()));
            }
        }
        return out;
    }

    /** How {@link #acknowledgements(List)} names a warning: its party and track. */
    public static String key(Party party, String track) {
        return party.code() + "/" + track;
    }

    public List<Acknowledgement> acknowledgements(Seen s) {
        return self.store().read(h -> Acknowledgements.of(h, s.warning().detectingParty(),
                s.warning().track().value())).stream().map(a -> new Acknowledgement(a.by(), a.at())).toList();
    }

    public Seen open(Account officer, NewWarning in) {
        if (in == null) {
            throw Refusal.invalid("a warning is required");
        }
        MissileWarning w;
        try {
            var first = WarningDocument.state(in.state());
            // Detected when first tracked, unless the sensor says earlier.
            Instant detected = in.detectedAt() == null ? first.at()
                    : WarningDocument.instant("detectedAt", in.detectedAt());
            w = MissileWarning.open(TrackNumber.of(in.track()), new Detection(detected, self.party(), in.sensor()),
                    first);
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        String topic = in.topic() == null ? TOPIC.path() : in.topic();
        if (!Topic.isValid(topic) || !TOPIC.covers(Topic.of(topic))) {
            throw Refusal.invalid("a warning's topic is " + TOPIC + " or below, got '" + topic + "'");
        }
        // A track number already taken is refused in the item's transaction (WarningIndex), whoever may read it.
        return store(officer, w, in.level(), topic, in.relTo(), in.caveats());
    }

    /**
     * One warning of a party: its latest version, if the person may read it. A person who may not read the latest
     * version does not see the warning at all, rather than an earlier state shown as if it were current.
     */
    private Optional<Seen> version(Account person, Party party, String track) {
        return self.store().read(h -> Warnings.of(h, party, track)).stream()
                .flatMap(latest -> readable(person, List.of(latest)).stream()).findFirst();
    }

    public Seen update(Account officer, String track, Update in) {
        if (in == null) {
            throw Refusal.invalid("an update is required");
        }
        Seen last = ownLatest(officer, track);
        MissileWarning w;
        try {
            w = last.warning().update(WarningDocument.state(in.state()));
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        return store(officer, w, last.item().label());
    }

    public Seen close(Account officer, String track, WarningDocument.ClosureDoc in) {
        if (in == null) {
            throw Refusal.invalid("a closure is required");
        }
        Seen last = ownLatest(officer, track);
        MissileWarning w;
        try {
            Closure how = WarningDocument.closure(in);
            w = last.warning().close(how);
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        return store(officer, w, last.item().label());
    }

    /** Every warning the person may see, newest detection first: those whose latest version they may read. */
    public List<Seen> list(Account person) {
        return readable(person, self.store().read(Warnings::all)).stream()
                .map(s -> new Seen(s.warning(), s.item(), geography(s))).toList();
    }

    /**
     * What a version means on the ground. A version (an item) never changes, so its geography is worked out once:
     * it is the costliest part of listing warnings (the benchmark in docs/BENCHMARKS.md found it a third of the
     * nodes' time when it was not kept).
     */
    private FlightGeography geography(Seen s) {
        return geographies.computeIfAbsent(s.item().item().id(),
                id -> Region.shipped().assess(s.warning().current().flight()));
    }

    /** The items of the open warnings the person may read (their latest versions): what every page alerts to. */
    public List<Holdings.View> open(Account person) {
        return holdings.among(person, self.store().read(Warnings::open).stream().map(Warnings.Latest::itemId)
                .toList());
    }

    /**
     * This party withdraws one of its warnings: every version the person may see is retracted (each an item, each
     * told to its holders as any retraction is). Returns how many versions were retracted.
     */
    public int retract(Account officer, String track) {
        // Earliest first, so that until the last is retracted the warning shows its latest state, not an older one.
        List<Holdings.View> versions = holdings.among(officer,
                self.store().read(h -> Warnings.versions(h, self.party(), track)));
        if (versions.isEmpty()) {
            throw Refusal.notFound("no warning " + self.party() + "/" + track);
        }
        for (Holdings.View v : versions) {
            holdings.retract(officer, v.item().id());
        }
        return versions.size();
    }

    /**
     * The warnings of these latest versions that the person may read, in the order given. Holdings decides who may
     * read which item, as for every other list; only the few items wanted are read.
     */
    private List<Seen> readable(Account person, List<Warnings.Latest> latest) {
        List<Seen> seen = new java.util.ArrayList<>();
        for (Holdings.View v : holdings.among(person, latest.stream().map(Warnings.Latest::itemId).toList())) {
            warning(v).ifPresent(w -> seen.add(new Seen(w, v, null)));
        }
        return List.copyOf(seen);
    }

    /**
     * How one version of this party's own warning went to each partner: the release's status, and once the
     * recipient's signed receipt is back, the recipient's own time of taking it and the delay since the version was
     * created here. Empty for a partner's warning: where it went is its originator's to know.
     */
    public record Delivery(Party recipient, List<Party> route, String status, Optional<Instant> receivedAt,
                           Optional<Long> delayMillis) {}

    public List<Delivery> deliveries(Seen s) {
        if (!s.warning().detectingParty().equals(self.party())) {
            return List.of();
        }
        var item = s.item().item();
        return self.store().read(h -> Releases.ofItem(h, self.facts().scenario(), item.id())).stream().map(r -> {
            Optional<Instant> at = r.receipt().flatMap(WarningDesk::receiptTime);
            return new Delivery(r.recipient(), r.release().route(), r.status().name(), at,
                    at.map(a -> Duration.between(item.createdAt(), a).toMillis()));
        }).toList();
    }

    private static Optional<Instant> receiptTime(String json) {
        try {
            var signed = Json.read(json, SignedReceipt.class);
            return Optional.of(Instant.parse(signed.receipt().at()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** One warning, or not found: a warning the person may not read is not there for them. */
    public Seen get(Account person, String party, String track) {
        return (Party.isCode(party) ? version(person, Party.of(party), track) : Optional.<Seen>empty())
                .map(s -> new Seen(s.warning(), s.item(), geography(s)))
                .orElseThrow(() -> Refusal.notFound("no warning " + party + "/" + track));
    }

    private Seen ownLatest(Account officer, String track) {
        return version(officer, self.party(), track)
                .orElseThrow(() -> Refusal.notFound("no warning " + self.party() + "/" + track));
    }

    /** The warning a version carries; a version (an item) never changes, so it is read once. */
    private Optional<MissileWarning> warning(Holdings.View v) {
        return warnings.computeIfAbsent(v.item().id(), id -> WarningDocument.carried(v.label().originator(),
                v.item().body(), self.facts().scenario()));
    }

    /** A later version of a warning, under the label of the one before (see {@link Update}). */
    private Seen store(Account officer, MissileWarning w, ConfidentialityLabel previous) {
        return store(officer, w, previous.level().name(), previous.topic().path(),
                previous.releasableTo().stream().map(Party::code).toList(),
                previous.caveatsInOrder().stream().map(Caveat::name).toList());
    }

    /** A version of a warning as a new item, whose body is the whole warning so far. */
    private Seen store(Account officer, MissileWarning w, String level, String topic, List<String> relTo,
                       List<String> caveats) {
        String title = "Missile warning " + w.track() + " (" + w.detectingParty() + ", "
                + (w.isOpen() ? "state " + w.states().size() : "closed") + ")";
        Holdings.View v = holdings.create(officer, new Holdings.NewItem(title, Json.write(WarningDocument.of(w)),
                level, topic, relTo == null ? List.of() : relTo, caveats == null ? List.of() : caveats));
        Seen seen = new Seen(w, v, null);
        return new Seen(w, v, geography(seen));
    }
}
