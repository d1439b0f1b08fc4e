package trisec.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trisec.DomainException;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementKind;
import trisec.agreement.Lifecycle;
import trisec.agreement.Scope;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.Level;
import trisec.party.Party;
import trisec.party.UnknownLevelException;
import trisec.party.UnknownPartyException;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/**
 * The release decision of DESIGN §2, as made precise in {@code docs/SEMANTICS.md}. Built once per scenario:
 * agreements are compiled into per-pair candidate lists, in-force intervals and equivalence arrays, so that a
 * decision is a few array look-ups and interval checks. Decisions are pure: the same request on the same
 * scenario gives the same answer on every node.
 */
public final class ReleasePolicy {

    /** An SIA compiled for one scenario. */
    private static final class Sia {
        final Agreement agreement;
        final List<String> basis;
        final Instant[] from;
        final Instant[] until;
        final Scopes scopes;
        /** [level id][party index] → corresponding level, or null. */
        final Level[][] map;

        Sia(Agreement agreement, Lifecycle life, Level[][] map) {
            this.agreement = agreement;
            this.basis = List.of(agreement.id());
            this.from = life.inForceIntervals().stream().map(Lifecycle.Interval::from).toArray(Instant[]::new);
            this.until = life.inForceIntervals().stream().map(Lifecycle.Interval::until).toArray(Instant[]::new);
            this.scopes = new Scopes(agreement);
            this.map = map;
        }
    }

    /** An agreement's scopes over its life: one, unless an amendment changed it. */
    private static final class Scopes {
        final Scope first;
        final Instant[] from;
        final Scope[] scope;

        Scopes(Agreement agreement) {
            var all = agreement.scopes();
            this.first = all.getFirst().scope();
            this.from = all.stream().map(Agreement.ScopeFrom::from).toArray(Instant[]::new);
            this.scope = all.stream().map(Agreement.ScopeFrom::scope).toArray(Scope[]::new);
        }

        Scope at(Instant t) {
            if (scope.length == 1) {
                return first;
            }
            Scope current = first;
            for (int i = 1; i < from.length && !from[i].isAfter(t); i++) {
                current = scope[i];
            }
            return current;
        }
    }

    /** A hub arrangement compiled for one scenario. */
    private static final class Hub {
        final Agreement agreement;
        final int hub;
        final Instant[] from;
        final Instant[] until;
        final Scopes scopes;

        Hub(Agreement agreement, Lifecycle life, int hub) {
            this.agreement = agreement;
            this.hub = hub;
            this.from = life.inForceIntervals().stream().map(Lifecycle.Interval::from).toArray(Instant[]::new);
            this.until = life.inForceIntervals().stream().map(Lifecycle.Interval::until).toArray(Instant[]::new);
            this.scopes = new Scopes(agreement);
        }
    }

    private static final Sia[] NO_SIAS = new Sia[0];
    private static final Hub[] NO_HUBS = new Hub[0];

    private final Scenario scenario;
    private final Map<Party, Integer> index = new HashMap<>();
    private final Party[] parties;
    private final int stride;
    private final Level[][] levels;          // [party][ordinal]
    private final Sia[][][] sias;            // [a][b] SIAs between a and b, declaration order
    private final Hub[][][] hubs;            // [h][r] hub arrangements with h, r and a third party as hub
    private final Hub[][][] mechanisms;      // [h][r] data mechanisms with h, r and a third party as hub
    private final Hub[] standing;            // every data mechanism: the standing consent of its parties
    private final Level[][] holderLevels;    // [level id of O's level][holder] → holder's level, or null
    private final Instant[][] outFrom;       // [party] starts of the outages of its node, or empty
    private final Instant[][] outUntil;      // [party] their ends
    private final List<Party>[][] directRoutes;

    private ReleasePolicy(Scenario scenario) {
        this.scenario = scenario;
        this.parties = scenario.parties().toArray(Party[]::new);
        int n = parties.length;
        int widest = 0;
        this.levels = new Level[n][];
        for (int i = 0; i < n; i++) {
            index.put(parties[i], i);
            levels[i] = scenario.scheme(parties[i]).levels().toArray(Level[]::new);
            widest = Math.max(widest, levels[i].length);
        }
        this.stride = widest;
        this.sias = new Sia[n][n][];
        this.hubs = new Hub[n][n][];
        this.mechanisms = new Hub[n][n][];
        this.standing = scenario.agreements().stream().filter(a -> a.kind() == AgreementKind.DATA_MECHANISM)
                .map(a -> new Hub(a, scenario.lifecycle(a), a.hub().map(index::get).orElse(-1))).toArray(Hub[]::new);
        @SuppressWarnings("unchecked")
        List<Party>[][] routes = new List[n][n];
        this.directRoutes = routes;

        List<Sia> compiled = new ArrayList<>();
        for (Agreement a : scenario.agreements()) {
            if (a.kind() == AgreementKind.SIA) {
                compiled.add(new Sia(a, scenario.lifecycle(a), equivalences(a)));
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                directRoutes[a][b] = List.of(parties[a], parties[b]);
                final Party pa = parties[a];
                final Party pb = parties[b];
                sias[a][b] = a == b ? NO_SIAS
                        : compiled.stream().filter(s -> s.agreement.isBetween(pa, pb)).toArray(Sia[]::new);
                hubs[a][b] = a == b ? NO_HUBS : through(AgreementKind.HUB_ARRANGEMENT, pa, pb);
                mechanisms[a][b] = a == b ? NO_HUBS : through(AgreementKind.DATA_MECHANISM, pa, pb);
            }
        }
        this.outFrom = new Instant[n][];
        this.outUntil = new Instant[n][];
        for (int p = 0; p < n; p++) {
            final Party party = parties[p];
            var outages = scenario.outages().stream().filter(o -> o.party().equals(party)).toList();
            outFrom[p] = outages.stream().map(trisec.scenario.Outage::from).toArray(Instant[]::new);
            outUntil[p] = outages.stream().map(trisec.scenario.Outage::until).toArray(Instant[]::new);
        }
        this.holderLevels = new Level[n * stride][];
        for (int o = 0; o < n; o++) {
            for (Level l : levels[o]) {
                Level[] row = new Level[n];
                for (int h = 0; h < n; h++) {
                    row[h] = holderLevel(o, l, h);
                }
                holderLevels[id(l, o)] = row;
            }
        }
    }

    /** The agreements of this kind between a and b with a hub that is neither, in declaration order. */
    private Hub[] through(AgreementKind kind, Party a, Party b) {
        List<Hub> hs = new ArrayList<>();
        for (Agreement x : scenario.agreements()) {
            if (x.kind() == kind && x.isBetween(a, b) && x.hub().isPresent()) {
                Party hub = x.hub().get();
                if (!hub.equals(a) && !hub.equals(b)) {
                    hs.add(new Hub(x, scenario.lifecycle(x), index.get(hub)));
                }
            }
        }
        return hs.isEmpty() ? NO_HUBS : hs.toArray(Hub[]::new);
    }

    /** Whether an agreement routes through its hub: a hub arrangement, or a data mechanism with a hub. */
    private static boolean routesThroughHub(Agreement x) {
        return x.hub().isPresent()
                && (x.kind() == AgreementKind.HUB_ARRANGEMENT || x.kind() == AgreementKind.DATA_MECHANISM);
    }

    public static ReleasePolicy of(Scenario scenario) {
        return new ReleasePolicy(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    private int id(Level l, int party) {
        return party * stride + l.ordinal();
    }

    private Level[][] equivalences(Agreement a) {
        Level[][] map = new Level[parties.length * stride][parties.length];
        for (int p = 0; p < parties.length; p++) {
            for (Level l : levels[p]) {
                for (int q = 0; q < parties.length; q++) {
                    if (p == q || !a.isBetween(parties[p], parties[q])) {
                        continue;
                    }
                    // Every SIA carries UNCLASSIFIED to UNCLASSIFIED (docs/SEMANTICS.md).
                    map[id(l, p)][q] = l.isUnclassified()
                            ? levels[q][levels[q].length - 1]
                            : a.equivalence().map(l, parties[q]).orElse(null);
                }
            }
        }
        return map;
    }

    /** The holder's own marking of O's level L: docs/SEMANTICS.md, "The holder's level". */
    private Level holderLevel(int o, Level l, int h) {
        if (o == h) {
            return l;
        }
        if (l.isUnclassified()) {
            return levels[h][levels[h].length - 1];
        }
        for (Sia s : sias[o][h]) {
            Level mapped = s.map[id(l, o)][h];
            if (mapped != null) {
                return mapped;
            }
        }
        for (Agreement x : scenario.agreements()) {
            if (!routesThroughHub(x) || !x.isBetween(parties[o], parties[h])) {
                continue;
            }
            int p = index.get(x.hub().orElseThrow());
            if (p == o || p == h) {
                continue;
            }
            for (Sia first : sias[o][p]) {
                Level atHub = first.map[id(l, o)][p];
                if (atHub == null) {
                    continue;
                }
                for (Sia second : sias[p][h]) {
                    Level mapped = second.map[id(atHub, p)][h];
                    if (mapped != null) {
                        return mapped;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the party's node is out at t (an option's outage): the same interval test as being in force. */
    private boolean isOut(int party, Instant t) {
        return outFrom[party].length > 0 && inForce(outFrom[party], outUntil[party], t);
    }

    private static boolean covers(Scope scope, Topic topic, Level level) {
        return scope.covers(topic) && scope.covers(level);
    }

    private static boolean inForce(Instant[] from, Instant[] until, Instant t) {
        for (int i = 0; i < from.length; i++) {
            if (t.compareTo(from[i]) >= 0 && t.compareTo(until[i]) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The level {@code s} carries {@code x} (a level of party {@code p}) to as party {@code q}'s, or null. */
    private Level carry(Sia s, Level x, int p, int q, Topic topic, Instant t) {
        Level mapped = s.map[id(x, p)][q];
        if (mapped == null || !inForce(s.from, s.until, t)) {
            return null;
        }
        return covers(s.scopes.at(t), topic, x) ? mapped : null;
    }

    private int indexOf(Party p) {
        Integer i = index.get(p);
        if (i == null) {
            throw new UnknownPartyException(p.code(), scenario.parties());
        }
        return i;
    }

    /**
     * Decides a release.
     *
     * @throws DomainException when the request is not a question (unknown party, level not of the originator's
     *                         scheme, holder equal to recipient)
     */
    public ReleaseDecision decide(ReleaseRequest request) {
        ConfidentialityLabel label = request.label();
        int o = indexOf(label.originator());
        int h = indexOf(request.holder());
        int r = indexOf(request.recipient());
        if (h == r) {
            throw new DomainException("the holder and the recipient are both " + request.recipient()
                    + "; a release goes to another party");
        }
        Level level = label.level();
        if (level.ordinal() >= levels[o].length || !levels[o][level.ordinal()].equals(level)) {
            throw new UnknownLevelException(level.name(), scenario.scheme(label.originator()));
        }
        Party holder = parties[h];
        Party recipient = parties[r];
        Topic topic = label.topic();
        Instant t = request.at();

        // §2.2: restrictive caveats and the releasability list.
        if (label.has(Caveat.NOFORN) && r != o) {
            return ReleaseDecision.deny(List.of(new Reason.Noforn(label.originator(), recipient)));
        }
        if (!label.releasableTo(recipient)) {
            return ReleaseDecision.deny(List.of(new Reason.NotReleasable(recipient, label.releasableTo())));
        }
        // §2.3
        if (level.isUnclassified() && label.caveats().isEmpty()) {
            return new ReleaseDecision(Verdict.PERMIT, directRoutes[h][r], List.of(),
                    Optional.of(levels[r][levels[r].length - 1]), List.of(new Reason.Unclassified()));
        }
        Level held = holderLevels[id(level, o)][h];
        if (held == null) {
            return ReleaseDecision.deny(List.of(new Reason.NoHolderLevel(holder, level)));
        }
        // The third-party rule, unless the holder is the hub of a data mechanism of all three, which stands for the
        // originator's consent to its forwarding (never for an ORCON item: its originator controls every release).
        Agreement standingFor = label.has(Caveat.ORCON) ? null : standingConsent(o, h, r, topic, held, t);
        boolean consentNeeded = h != o && r != o && standingFor == null;
        boolean consentMissing = consentNeeded && !request.consentOnRecord();
        Verdict verdict = consentMissing ? Verdict.CONSENT_REQUIRED : Verdict.PERMIT;
        Reason standing = standingFor == null ? null
                : new Reason.StandingConsent(standingFor, label.originator(), recipient, topic);

        // A data mechanism is the agreed channel for its originators' data: their route through its hub comes before
        // the direct one. A holder passing on another's data goes as it always did.
        ReleaseDecision viaMechanism = h != o ? null : throughHub(mechanisms[h][r], label, h, r, o, held, t, verdict,
                consentNeeded, consentMissing, standing);
        if (viaMechanism != null) {
            return viaMechanism;
        }
        // §2.4: direct route.
        for (Sia s : sias[h][r]) {
            Level mapped = carry(s, held, h, r, topic, t);
            if (mapped != null) {
                return new ReleaseDecision(verdict, directRoutes[h][r], s.basis, Optional.of(mapped),
                        directReasons(label, s, held, mapped, holder, recipient, consentNeeded, consentMissing,
                                standing));
            }
        }
        // §2.5: hub route.
        ReleaseDecision viaHub = throughHub(hubs[h][r], label, h, r, o, held, t, verdict, consentNeeded,
                consentMissing, standing);
        if (viaHub != null) {
            return viaHub;
        }
        return ReleaseDecision.deny(explainDeny(h, r, held, topic, t));
    }

    /**
     * The first of these agreements (declaration order) in force at t, covering the topic and the holder's level,
     * with SIAs that carry the level from the holder to the hub and on to the recipient; null when none.
     */
    private ReleaseDecision throughHub(Hub[] candidates, ConfidentialityLabel label, int h, int r, int o, Level held,
                                       Instant t, Verdict verdict, boolean consentNeeded, boolean consentMissing,
                                       Reason standing) {
        Topic topic = label.topic();
        for (Hub x : candidates) {
            if (!inForce(x.from, x.until, t)) {
                continue;
            }
            if (!covers(x.scopes.at(t), topic, held)) {
                continue;
            }
            int p = x.hub;
            if (isOut(p, t)) {
                continue; // the hub's node forwards nothing: no route goes through it
            }
            for (Sia first : sias[h][p]) {
                Level atHub = carry(first, held, h, p, topic, t);
                if (atHub == null) {
                    continue;
                }
                for (Sia second : sias[p][r]) {
                    Level mapped = carry(second, atHub, p, r, topic, t);
                    if (mapped != null) {
                        var reasons = new ArrayList<Reason>(4);
                        reasons.add(new Reason.ViaHub(x.agreement, topic, first.agreement, second.agreement, held,
                                atHub, mapped));
                        reasons.add(standing != null ? standing
                                : new Reason.HubForwarding(parties[p], label.originator(), h == o));
                        if (consentNeeded) {
                            reasons.add(consent(label, parties[h], parties[r], consentMissing));
                        }
                        reasons.add(new Reason.RecipientMarking(mapped, label.originator()));
                        return new ReleaseDecision(verdict, List.of(parties[h], parties[p], parties[r]),
                                List.of(x.agreement.id(), first.agreement.id(), second.agreement.id()),
                                Optional.of(mapped), reasons);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The first data mechanism (declaration order) in force at t whose hub is the holder, whose parties include the
     * originator and the recipient and whose scope covers the topic and the holder's level: the standing consent of
     * its parties for the hub to forward that data among them. Null when none, or when no consent is needed at all.
     */
    private Agreement standingConsent(int o, int h, int r, Topic topic, Level held, Instant t) {
        if (h == o || r == o) {
            return null;
        }
        for (Hub m : standing) {
            Agreement a = m.agreement;
            if (m.hub == h && a.parties().contains(parties[o]) && a.parties().contains(parties[r])
                    && inForce(m.from, m.until, t) && covers(m.scopes.at(t), topic, held)) {
                return a;
            }
        }
        return null;
    }

    private static List<Reason> directReasons(ConfidentialityLabel label, Sia s, Level held, Level mapped,
                                              Party holder, Party recipient, boolean needed, boolean missing,
                                              Reason standing) {
        Reason route = new Reason.Direct(s.agreement, label.topic(), held, mapped);
        Reason marking = new Reason.RecipientMarking(mapped, label.originator());
        if (standing != null) {
            return List.of(route, standing, marking);
        }
        return needed ? List.of(route, consent(label, holder, recipient, missing), marking) : List.of(route, marking);
    }

    private static Reason consent(ConfidentialityLabel label, Party holder, Party recipient, boolean missing) {
        return missing ? new Reason.ConsentRequired(label.originator(), holder, recipient)
                : new Reason.ConsentOnRecord(label.originator(), recipient);
    }

    /** One reason per route that was tried, saying why it failed. Only on the deny path, so it may allocate. */
    private List<Reason> explainDeny(int h, int r, Level held, Topic topic, Instant t) {
        var reasons = new ArrayList<Reason>();
        if (sias[h][r].length == 0) {
            reasons.add(new Reason.NoSia(parties[h], parties[r]));
        }
        for (Sia s : sias[h][r]) {
            reasons.add(whySiaFails(s, held, h, r, topic, t));
        }
        if (hubs[h][r].length == 0) {
            reasons.add(new Reason.NoHub(parties[h], parties[r]));
        }
        // A data mechanism is a route for its own data only: one that does not cover the item is not worth a word.
        var candidates = new ArrayList<Hub>();
        for (Hub m : mechanisms[h][r]) {
            if (covers(m.scopes.at(t), topic, held)) {
                candidates.add(m);
            }
        }
        candidates.addAll(List.of(hubs[h][r]));
        for (Hub x : candidates) {
            Agreement a = x.agreement;
            Scope scope = x.scopes.at(t);
            if (!inForce(x.from, x.until, t)) {
                reasons.add(new Reason.NotInForce(a, scenario.lifecycle(a).statusAt(t), t));
            } else if (!scope.covers(topic)) {
                reasons.add(new Reason.OutsideTopics(a, topic, scope.topics()));
            } else if (!scope.covers(held)) {
                reasons.add(new Reason.AboveScope(a, held));
            } else if (isOut(x.hub, t)) {
                reasons.add(new Reason.HubOutage(a, parties[x.hub], t));
            } else {
                reasons.add(new Reason.NoLegs(a, held, parties[h], parties[x.hub], parties[r], t));
            }
        }
        return reasons;
    }

    private Reason whySiaFails(Sia s, Level held, int h, int r, Topic topic, Instant t) {
        Agreement a = s.agreement;
        if (!inForce(s.from, s.until, t)) {
            return new Reason.NotInForce(a, scenario.lifecycle(a).statusAt(t), t);
        }
        Scope scope = s.scopes.at(t);
        if (!scope.covers(topic)) {
            return new Reason.OutsideTopics(a, topic, scope.topics());
        }
        if (!scope.covers(held)) {
            return new Reason.AboveScope(a, held);
        }
        return new Reason.NotInTable(a, held, parties[r]);
    }

    /** The holder's own marking of an item with this label, when it could hold one at all. */
    public Optional<Level> holderLevel(ConfidentialityLabel label, Party holder) {
        int o = indexOf(label.originator());
        return Optional.ofNullable(holderLevels[id(label.level(), o)][indexOf(holder)]);
    }
}
