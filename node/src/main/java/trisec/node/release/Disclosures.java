package trisec.node.release;

import trisec.node.item.Labels;
import trisec.item.Item;
import trisec.node.item.HeldItem;
import trisec.node.item.Holdings;
import trisec.node.base.Changes;
import trisec.node.base.Self;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import trisec.node.base.Refusal;
import trisec.node.person.Account;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Postbox;
import trisec.item.Consent;
import trisec.item.Release;
import trisec.node.consent.ConsentCase;
import trisec.node.consent.Consents;
import trisec.node.item.Items;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.Verdict;

/**
 * Releases. An officer asks; the release policy decides; a permitted release waits for a disclosure official
 * other than the requester (two-person rule), who approves it into the outbox; a release that needs the
 * originator's consent first asks the originator's node (its answer is the consent feature's). The decision is
 * taken again at approval, on the agreements as they stand then.
 */
public final class Disclosures {
    /** The outcome of a release request: the decision, and the release it created unless denied. */
    public record Requested(ReleaseDecision decision, Optional<TrackedRelease> release) {}

    private final Self self;
    private final Holdings holdings;
    private final Decisions decisions;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    public Disclosures(Self self, Holdings holdings, Decisions decisions, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.holdings = holdings;
        this.decisions = decisions;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    public Requested request(Account officer, String itemId, String to) {
        Holdings.View v = holdings.read(officer, itemId);
        Party recipient;
        try {
            recipient = self.facts().scenario().party(to == null ? "" : to);
        } catch (trisec.DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
        if (recipient.equals(self.party())) {
            throw Refusal.invalid("this node already holds the item; a release goes to another party");
        }
        Instant now = self.clock().instant();
        var question = question(v, recipient, now);
        ReleaseDecision decided = decisions.decide(question);
        if (decided.verdict() == Verdict.DENY) {
            self.store().useTransaction(h -> decisions.record(h, officer.username(), Decisions.Purpose.REQUEST,
                    question, decided));
            throw Refusal.forbidden("RELEASE_DENIED", "the release is not allowed", decided.reasonTexts());
        }
        Requested requested = self.store().inTransaction(h -> {
            ReleaseDecision d = decided;
            switch (d.verdict()) {
                case DENY -> throw new IllegalStateException("decided above");
                case PERMIT -> {
                    requireReachable(d.route().get(1));
                    var release = release(itemId, d, ReleaseStatus.AWAITING_APPROVAL, officer, now, Optional.empty());
                    Releases.insert(h, release);
                    decisions.record(h, officer.username(), Decisions.Purpose.REQUEST,
                            question.withRelease(release.id()), d);
                    return new Requested(d, Optional.of(release));
                }
                case CONSENT_REQUIRED -> {
                    Party originator = v.label().originator();
                    requireReachable(originator);
                    String consentId = UUID.randomUUID().toString();
                    Consents.ask(h, new Consent(consentId, itemId, originator, self.party(), recipient), now);
                    var release = release(itemId, d, ReleaseStatus.CONSENT_PENDING, officer, now, Optional.of(consentId));
                    Releases.insert(h, release);
                    decisions.record(h, officer.username(), Decisions.Purpose.REQUEST,
                            question.withRelease(release.id()), d);
                    AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSENT_REQUESTED, now, officer.username())
                            .with("consent", consentId).with("item", itemId).with("originator", originator.code())
                            .with("recipient", recipient.code()).with("release", release.id()));
                    postbox.post(h, originator,
                            new ConsentRequest(consentId, itemId, self.party().code(), recipient.code(), now.toString()), Postbox.UNCLASSIFIED_HEADER,
                            Optional.of(release.id()));
                    h.afterCommit(wakeCourier);
                    return new Requested(d, Optional.of(release));
                }
            }
            throw new IllegalStateException();
        });
        self.changes().signal(Changes.OUTBOX);
        self.changes().signal(Changes.CONSENTS);
        return requested;
    }

    /** What a release of this item to {@code recipient} asks the policy: from here, with any consent on record. */
    private Decisions.Question question(Holdings.View v, Party recipient, Instant at) {
        boolean consentOnRecord = self.store().read(h -> Consents.granted(h, v.item().id(), recipient).isPresent());
        return new Decisions.Question(v.label(), self.party(), recipient, at, consentOnRecord,
                Optional.of(v.item().id()), Optional.empty());
    }

    /**
     * The decision a request would get now, on record as a preview: the release page shows it before the officer
     * confirms, on the same inputs the request will be decided on.
     */
    public ReleaseDecision preview(Account person, Holdings.View v, Party recipient) {
        return decisions.decide(person.username(), Decisions.Purpose.QUERY,
                question(v, recipient, self.clock().instant()));
    }

    private trisec.scenario.Scenario scenario() {
        return self.facts().scenario();
    }

    private void requireReachable(Party party) {
        if (!postbox.reaches(party)) {
            throw Refusal.conflict("NO_PEER", "this node has no connection to " + party
                    + "'s node (not in its peers file)");
        }
    }

    private TrackedRelease release(String itemId, ReleaseDecision d, ReleaseStatus status, Account officer,
                                   Instant now, Optional<String> consentId) {
        var release = new Release(UUID.randomUUID().toString(), itemId, d.route(), d.basis(), d.recipientLevel());
        return TrackedRelease.fresh(release, status, Optional.of(officer.id()), now, consentId, Optional.empty());
    }

    /** The second person approves: the decision is taken again now, and the envelope is committed to the outbox. */
    public TrackedRelease approve(Account official, String releaseId) {
        TrackedRelease found = self.store().read(h -> Releases.byId(h, scenario(), releaseId))
                .orElseThrow(() -> Refusal.notFound("no release " + releaseId));
        if (found.requestedBy().isPresent() && found.requestedBy().get().equals(official.id())) {
            throw Refusal.forbidden("two-person rule: the requester cannot approve their own release");
        }
        Holdings.View v = holdings.read(official, found.itemId());
        Instant now = self.clock().instant();
        // A denial at approval commits its DECISION entry (nothing else was written) and is answered after the
        // commit: a transaction opened inside this one would join it (JDBI, same thread) and roll back with it.
        Object outcome = self.store().inTransaction(h -> {
            TrackedRelease r = Releases.lock(h, scenario(), releaseId).orElseThrow();
            if (r.status() != ReleaseStatus.AWAITING_APPROVAL) {
                throw Refusal.conflict("release " + releaseId + " is " + r.status() + ", not awaiting approval");
            }
            HeldItem held = holdings.held(Items.lock(h, r.itemId()).orElseThrow());
            Item item = held.item();
            if (held.retracted()) {
                throw Refusal.retracted("the item has been retracted");
            }
            Party recipient = r.recipient();
            Optional<ConsentCase> consent = Consents.granted(h, item.id(), recipient);
            ReleaseDecision d = decisions.decide(h, official.username(), Decisions.Purpose.APPROVAL,
                    new Decisions.Question(v.label(), self.party(), recipient, now, consent.isPresent(),
                            Optional.of(item.id()), Optional.of(r.id())));
            if (d.verdict() != Verdict.PERMIT) {
                return d; // only the decision is on record; the release stays awaiting approval
            }
            Releases.redecided(h, r.release().redecided(d.route(), d.basis(), d.recipientLevel()),
                    ReleaseStatus.AWAITING_APPROVAL, now);
            Releases.approve(h, r.id(), official.id(), now);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.RELEASE_APPROVED, now, official.username())
                    .with("release", r.id()).with("item", item.id()).with("recipient", recipient.code())
                    .with("route", Labels.codes(d.route())).with("basis", d.basis())
                    .with("recipientLevel", d.recipientLevel().map(Level::name)));
            Dispatch.post(self, postbox, h, item, r, d, consent, now);
            return Releases.byId(h, scenario(), r.id()).orElseThrow();
        });
        if (outcome instanceof ReleaseDecision d) {
            throw Refusal.conflict("RELEASE_DENIED", "on the agreements as they stand now the release is "
                    + d.verdict(), d.reasonTexts());
        }
        wakeCourier.run();
        self.changes().signal(Changes.OUTBOX);
        return (TrackedRelease) outcome;
    }

    /** A page of the outbox: at most {@code limit} releases, and whether there are more. */
    public record Page(List<TrackedRelease> releases, boolean more) {}

    /**
     * The releases of items the person may read, newest first: at most {@code limit}, of the given statuses (all
     * when empty). Read from the store a batch at a time, so that a node with a long history answers in bounded
     * memory.
     */
    public Page outbox(Account person, java.util.Set<ReleaseStatus> statuses, int limit) {
        int batch = Math.min(Math.max(limit, 1), 500);
        List<TrackedRelease> out = new java.util.ArrayList<>();
        java.util.Map<String, Boolean> readable = new java.util.HashMap<>();
        Optional<TrackedRelease> last = Optional.empty();
        while (true) {
            Optional<TrackedRelease> after = last;
            List<TrackedRelease> rows = self.store().read(h -> Releases.page(h, scenario(), statuses, after, batch));
            for (TrackedRelease r : rows) {
                boolean may = readable.computeIfAbsent(r.itemId(), id -> self.store().read(h -> Items.byId(h, id))
                        .map(item -> holdings.view(person, item).access().granted()).orElse(false));
                if (may) {
                    if (out.size() == limit) {
                        return new Page(out, true);
                    }
                    out.add(r);
                }
            }
            if (rows.size() < batch) {
                return new Page(out, false);
            }
            last = Optional.of(rows.getLast());
        }
    }
}
