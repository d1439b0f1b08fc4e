package trisec.policy.oracle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trisec.policy.oracle.Model.Answer;
import trisec.policy.oracle.Model.Coverage;
import trisec.policy.oracle.Model.Ask;
import trisec.policy.oracle.Model.Deal;
import trisec.policy.oracle.Model.Kind;
import trisec.policy.oracle.Model.Row;
import trisec.policy.oracle.Model.Tag;
import trisec.policy.oracle.Model.Verdict;
import trisec.policy.oracle.Model.World;

/**
 * The release rules of DESIGN §2 as pinned down by docs/SEMANTICS.md, written as plainly as possible on the
 * test's own model. Each method is one sentence of SEMANTICS.md; nothing is cached or indexed.
 */
final class Oracle {

    /** Which rule decided, from the oracle's side: the coverage buckets of the differential test. */
    enum Bucket {
        DENY_NOFORN, DENY_REL_TO, PERMIT_UNCLASSIFIED, DENY_NO_HOLDER_LEVEL,
        PERMIT_MECHANISM, PERMIT_DIRECT, CONSENT_REQUIRED_DIRECT, PERMIT_HUB,
        CONSENT_REQUIRED_HUB, DENY_NO_ROUTE
    }

    /** Interesting things that happened on the way; counted so the test proves it exercised them. */
    enum Flag {
        HOLDER_LEVEL_VIA_SIA, HOLDER_LEVEL_VIA_HUB, HOLDER_LEVEL_FROM_NOT_IN_FORCE_SIA,
        SIA_SKIPPED_NOT_IN_FORCE, SIA_SKIPPED_TOPIC, SIA_SKIPPED_LEVEL_SCOPE, SIA_SKIPPED_UNMAPPED,
        LATER_SIA_USED, HUB_SKIPPED_NOT_IN_FORCE, HUB_SKIPPED_NO_LEGS, HUB_LEG_SKIPPED_NOT_IN_FORCE,
        LATER_HUB_USED, HUB_SEVERAL_PAIRS, HUB_PAIR_ORDER_MATTERS,
        RETURN_TO_ORIGINATOR, UNCLASSIFIED_WITH_CAVEAT, HUB_CONSENT_CARRIED_BY_ORIGINATOR, REL_TO_PERMITS,
        STANDING_CONSENT, MECHANISM_BEFORE_DIRECT, HOLDER_LEVEL_VIA_MECHANISM,
        /** An amendment's scope, in effect at t, answered differently from the scope the agreement was made with. */
        AMENDED_SCOPE_DECIDES,
        /** A hub arrangement or mechanism that would have been tried, passed over because its hub's node is down. */
        HUB_SKIPPED_OUTAGE
    }

    record Result(Answer answer, Bucket bucket, Set<Flag> flags) {}

    private final World world;

    Oracle(World world) {
        this.world = world;
    }

    Result decide(Ask q) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Tag label = q.label();
        String o = label.originator();
        String h = q.holder();
        String r = q.recipient();
        // Decision 1: the label's own restrictions come before any agreement.
        if (label.noforn() && !r.equals(o)) {
            return new Result(Answer.deny(), Bucket.DENY_NOFORN, flags);
        }
        if (!releasableList(label).isEmpty()) {
            if (!releasableList(label).contains(r)) {
                return new Result(Answer.deny(), Bucket.DENY_REL_TO, flags);
            }
            flags.add(Flag.REL_TO_PERMITS);
        }
        // Decision 2: unclassified without caveats needs no agreement.
        boolean unclassified = rank(o, label.level()) == 0;
        if (unclassified && !label.noforn() && !label.orcon()) {
            return new Result(new Answer(Verdict.PERMIT, List.of(h, r), List.of(),
                    Optional.of(world.nation(r).unclassified().name())), Bucket.PERMIT_UNCLASSIFIED, flags);
        }
        if (unclassified) {
            flags.add(Flag.UNCLASSIFIED_WITH_CAVEAT);
        }
        // Decision 3: the holder's own marking.
        Optional<String> held = holderLevel(label, h, q.at(), flags);
        if (held.isEmpty()) {
            return new Result(Answer.deny(), Bucket.DENY_NO_HOLDER_LEVEL, flags);
        }
        String lh = held.get();
        // Decision 4: the third-party rule, except when the item goes back to its originator, or a data mechanism
        // of all three stands for the originator's consent.
        boolean consentNeeded = !h.equals(o) && !r.equals(o);
        if (r.equals(o)) {
            flags.add(Flag.RETURN_TO_ORIGINATOR);
        }
        if (consentNeeded && !label.orcon() && standingConsent(o, h, r, label.topic(), lh, q.at(), flags)) {
            consentNeeded = false;
            flags.add(Flag.STANDING_CONSENT);
        }
        boolean blocked = consentNeeded && !q.consent();
        Verdict verdict = blocked ? Verdict.CONSENT_REQUIRED : Verdict.PERMIT;
        // Decision 5a: a data mechanism is the agreed channel for its originators' data, so their route through its
        // hub comes first; a holder passing on another's data goes as it always did.
        Optional<Result> mechanism = h.equals(o)
                ? throughHub(Kind.DATA_MECHANISM, label, h, lh, r, q.at(), verdict, flags) : Optional.empty();
        if (mechanism.isPresent()) {
            if (firstDirect(h, lh, r, label.topic(), q.at()).isPresent()) {
                flags.add(Flag.MECHANISM_BEFORE_DIRECT);
            }
            return mechanism.get();
        }
        // Decision 5: direct.
        boolean firstCandidate = true;
        for (Deal a : world.deals()) {
            if (a.kind() != Kind.SIA || !a.parties().contains(h) || !a.parties().contains(r)) {
                continue;
            }
            Optional<String> to = carries(a, h, lh, r, label.topic(), q.at(), flags, true);
            if (to.isPresent()) {
                if (!firstCandidate) {
                    flags.add(Flag.LATER_SIA_USED);
                }
                return new Result(new Answer(verdict, List.of(h, r), List.of(a.id()), to),
                        blocked ? Bucket.CONSENT_REQUIRED_DIRECT : Bucket.PERMIT_DIRECT, flags);
            }
            firstCandidate = false;
        }
        // Decision 6: through a hub; the first arrangement (declaration order) that has usable legs.
        return throughHub(Kind.HUB_ARRANGEMENT, label, h, lh, r, q.at(), verdict, flags)
                .orElseGet(() -> new Result(Answer.deny(), Bucket.DENY_NO_ROUTE, flags));
    }

    /** Decision 4's exception: a data mechanism in force at t whose hub is H, with O and R, covering T and L_H. */
    private boolean standingConsent(String o, String h, String r, String topic, String lh, Instant t,
                                    Set<Flag> flags) {
        for (Deal x : world.deals()) {
            if (x.kind() == Kind.DATA_MECHANISM && x.hub().equals(Optional.of(h)) && x.parties().contains(o)
                    && x.parties().contains(r) && covers(x, topic, h, lh, t, flags)
                    && OracleLifecycle.inForceAt(x, t)) {
                return true;
            }
        }
        return false;
    }

    /** The first SIA that carries L_H from H to R at t, without recording anything. */
    private Optional<String> firstDirect(String h, String lh, String r, String topic, Instant t) {
        for (Deal a : world.deals()) {
            Optional<String> to = carries(a, h, lh, r, topic, t, EnumSet.noneOf(Flag.class), true);
            if (to.isPresent()) {
                return to;
            }
        }
        return Optional.empty();
    }

    /**
     * Decisions 5a and 6: the first agreement of this kind (declaration order) with a hub P that is neither H nor
     * R, in force at t, covering T and L_H, with a usable pair of legs.
     */
    private Optional<Result> throughHub(Kind kind, Tag label, String h, String lh, String r, Instant at,
                                        Verdict verdict, Set<Flag> flags) {
        boolean mechanism = kind == Kind.DATA_MECHANISM;
        String o = label.originator();
        boolean blocked = verdict == Verdict.CONSENT_REQUIRED;
        for (Deal x : world.deals()) {
            if (x.kind() != kind || x.hub().isEmpty()) {
                continue;
            }
            String p = x.hub().get();
            if (!x.parties().contains(h) || !x.parties().contains(r) || p.equals(h) || p.equals(r)) {
                continue;
            }
            if (!covers(x, label.topic(), h, lh, at, flags)) {
                continue;
            }
            if (!OracleLifecycle.inForceAt(x, at)) {
                if (!mechanism) {
                    flags.add(Flag.HUB_SKIPPED_NOT_IN_FORCE);
                }
                continue;
            }
            if (down(p, at)) {
                flags.add(Flag.HUB_SKIPPED_OUTAGE);
                continue;
            }
            List<Leg> legs = legs(h, lh, p, r, label.topic(), at, flags);
            if (!legs.isEmpty()) {
                Leg first = legs.getFirst(); // the first pair in declaration order of A1, then of A2
                if (legs.size() > 1) {
                    flags.add(Flag.HUB_SEVERAL_PAIRS);
                }
                if (!first.equals(legs.stream().min((u, v) -> u.a2Index() != v.a2Index()
                        ? Integer.compare(u.a2Index(), v.a2Index()) : Integer.compare(u.a1Index(), v.a1Index())).get())) {
                    flags.add(Flag.HUB_PAIR_ORDER_MATTERS);
                }
                if (h.equals(o) && !mechanism) {
                    flags.add(Flag.HUB_CONSENT_CARRIED_BY_ORIGINATOR);
                }
                if (flags.contains(Flag.HUB_SKIPPED_NO_LEGS) && !mechanism) {
                    flags.add(Flag.LATER_HUB_USED);
                }
                // The mechanism's route is its originators' own (H = O): no consent is ever missing on it.
                Bucket bucket = mechanism ? Bucket.PERMIT_MECHANISM
                        : (blocked ? Bucket.CONSENT_REQUIRED_HUB : Bucket.PERMIT_HUB);
                return Optional.of(new Result(new Answer(verdict, List.of(h, p, r),
                        List.of(x.id(), first.a1(), first.a2()), Optional.of(first.recipientLevel())), bucket, flags));
            }
            if (!mechanism) {
                flags.add(Flag.HUB_SKIPPED_NO_LEGS);
            }
        }
        return Optional.empty();
    }

    /** The party's node is down at t: an outage of the world holds t. */
    private boolean down(String party, Instant t) {
        for (Model.Down d : world.outages()) {
            if (d.party().equals(party) && !t.isBefore(d.from()) && t.isBefore(d.until())) {
                return true;
            }
        }
        return false;
    }

    /** A usable pair of SIAs through the hub, with their declaration positions. */
    record Leg(int a1Index, String a1, int a2Index, String a2, String recipientLevel) {}

    /** Every pair (A1, A2) with A1 carrying L_H from H to P and A2 carrying L_P on to R, A1 then A2 in order. */
    private List<Leg> legs(String h, String lh, String p, String r, String topic, Instant t, Set<Flag> flags) {
        List<Leg> legs = new ArrayList<>();
        List<Deal> deals = world.deals();
        for (int i = 0; i < deals.size(); i++) {
            Optional<String> lp = carries(deals.get(i), h, lh, p, topic, t, flags, false);
            if (lp.isEmpty()) {
                continue;
            }
            for (int j = 0; j < deals.size(); j++) {
                Optional<String> to = carries(deals.get(j), p, lp.get(), r, topic, t, flags, false);
                if (to.isPresent()) {
                    legs.add(new Leg(i, deals.get(i).id(), j, deals.get(j).id(), to.get()));
                }
            }
        }
        return legs;
    }

    /** A non-empty releasability list always contains the originator. */
    static List<String> releasableList(Tag label) {
        List<String> list = new ArrayList<>(label.releasableTo());
        if (!list.isEmpty() && !list.contains(label.originator())) {
            list.add(label.originator());
        }
        return list;
    }

    /** SEMANTICS "The holder's level", steps 1-5; the status of the agreements at t does not matter here. */
    Optional<String> holderLevel(Tag label, String h, Instant t, Set<Flag> flags) {
        String o = label.originator();
        String l = label.level();
        if (h.equals(o)) {
            return Optional.of(l);
        }
        if (rank(o, l) == 0) {
            return Optional.of(world.nation(h).unclassified().name());
        }
        for (Deal a : world.deals()) {
            if (isSiaBetween(a, o, h)) {
                Optional<String> m = maps(a, o, l, h);
                if (m.isPresent()) {
                    flags.add(Flag.HOLDER_LEVEL_VIA_SIA);
                    if (!OracleLifecycle.inForceAt(a, t)) {
                        flags.add(Flag.HOLDER_LEVEL_FROM_NOT_IN_FORCE_SIA);
                    }
                    return m;
                }
            }
        }
        for (Deal x : world.deals()) {
            // Hub arrangements and data mechanisms alike, in declaration order: both route through their hub.
            if ((x.kind() != Kind.HUB_ARRANGEMENT && x.kind() != Kind.DATA_MECHANISM) || x.hub().isEmpty()) {
                continue;
            }
            String p = x.hub().get();
            if (!x.parties().contains(o) || !x.parties().contains(h) || p.equals(o) || p.equals(h)) {
                continue;
            }
            for (Deal a1 : world.deals()) {
                if (!isSiaBetween(a1, o, p)) {
                    continue;
                }
                Optional<String> lp = maps(a1, o, l, p);
                if (lp.isEmpty()) {
                    continue;
                }
                for (Deal a2 : world.deals()) {
                    if (!isSiaBetween(a2, p, h)) {
                        continue;
                    }
                    Optional<String> m = maps(a2, p, lp.get(), h);
                    if (m.isPresent()) {
                        flags.add(x.kind() == Kind.DATA_MECHANISM ? Flag.HOLDER_LEVEL_VIA_MECHANISM
                                : Flag.HOLDER_LEVEL_VIA_HUB);
                        return m;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "An SIA A carries level X from P to Q at t": A is an SIA between P and Q, in force at t, its scope covers
     * the topic and X, and it maps X to Q. Returns Q's level. Records why a direct candidate failed.
     */
    Optional<String> carries(Deal a, String p, String x, String q, String topic, Instant t, Set<Flag> flags,
                             boolean direct) {
        if (!isSiaBetween(a, p, q)) {
            return Optional.empty();
        }
        Coverage now = scopeAt(a, t);
        noteAmendment(a, now, topic, p, x, flags);
        if (!coversTopic(now, topic)) {
            if (direct) {
                flags.add(Flag.SIA_SKIPPED_TOPIC);
            }
            return Optional.empty();
        }
        if (!coversLevel(now, p, x)) {
            if (direct) {
                flags.add(Flag.SIA_SKIPPED_LEVEL_SCOPE);
            }
            return Optional.empty();
        }
        Optional<String> to = maps(a, p, x, q);
        if (to.isEmpty()) {
            if (direct) {
                flags.add(Flag.SIA_SKIPPED_UNMAPPED);
            }
            return Optional.empty();
        }
        if (!OracleLifecycle.inForceAt(a, t)) {
            flags.add(direct ? Flag.SIA_SKIPPED_NOT_IN_FORCE : Flag.HUB_LEG_SKIPPED_NOT_IN_FORCE);
            return Optional.empty();
        }
        return to;
    }

    static boolean isSiaBetween(Deal a, String p, String q) {
        return a.kind() == Kind.SIA && a.parties().contains(p) && a.parties().contains(q);
    }

    /**
     * "A maps level X of party P to party Q": the first row that lists X among P's levels and lists a level of
     * Q gives Q's first listed level. UNCLASSIFIED always maps to UNCLASSIFIED.
     */
    Optional<String> maps(Deal a, String p, String x, String q) {
        if (rank(p, x) == 0) {
            return Optional.of(world.nation(q).unclassified().name());
        }
        for (Row row : a.rows()) {
            List<String> from = row.levels().get(p);
            List<String> to = row.levels().get(q);
            if (from != null && from.contains(x) && to != null && !to.isEmpty()) {
                return Optional.of(to.getFirst());
            }
        }
        return Optional.empty();
    }

    /** What A covers at t: the coverage of its latest amendment at or before t that states one, else its own. */
    static Coverage scopeAt(Deal a, Instant t) {
        Coverage c = new Coverage(a.topics(), a.highest());
        for (Model.Event e : a.events()) {
            if (!e.at().isAfter(t) && e.scope().isPresent()) {
                c = e.scope().get();
            }
        }
        return c;
    }

    /** A's coverage at t reaches the topic and P's level X. */
    private boolean covers(Deal a, String topic, String p, String x, Instant t, Set<Flag> flags) {
        Coverage now = scopeAt(a, t);
        noteAmendment(a, now, topic, p, x, flags);
        return coversTopic(now, topic) && coversLevel(now, p, x);
    }

    /** Flags an amendment in effect that answers otherwise than the coverage A was made with. */
    private void noteAmendment(Deal a, Coverage now, String topic, String p, String x, Set<Flag> flags) {
        Coverage own = new Coverage(a.topics(), a.highest());
        if ((coversTopic(now, topic) && coversLevel(now, p, x)) != (coversTopic(own, topic) && coversLevel(own, p, x))) {
            flags.add(Flag.AMENDED_SCOPE_DECIDES);
        }
    }

    /** No topic list covers everything; otherwise a listed topic equals T or is an ancestor ("a" covers "a.b"). */
    static boolean coversTopic(Coverage a, String topic) {
        if (a.topics().isEmpty()) {
            return true;
        }
        for (String s : a.topics().get()) {
            if (topic.equals(s) || topic.startsWith(s + ".")) {
                return true;
            }
        }
        return false;
    }

    /** No highest levels covers every level; otherwise P needs a named highest level ranking at or above X. */
    boolean coversLevel(Coverage a, String p, String x) {
        if (a.highest().isEmpty()) {
            return true;
        }
        String top = a.highest().get(p);
        return top != null && rank(p, x) <= rank(p, top);
    }

    int rank(String party, String level) {
        return world.nation(party).level(level).rank();
    }
}
