package trisec.node.release;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.item.Item;
import trisec.item.Release;
import trisec.node.base.Changes;
import trisec.node.base.Self;
import trisec.node.federation.Postbox;
import trisec.node.item.HeldItem;
import trisec.node.item.ItemCreated;
import trisec.node.item.Labels;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.Verdict;

/**
 * Releases a new item under the standing authorities that cover it, with no approval per item: for each of an
 * authority's recipients the release policy decides on the agreements of that instant, and only a permitted
 * release goes, straight into the outbox. Each is on record twice: its DECISION (purpose {@code authority}) and a
 * RELEASE_AUTHORIZED entry that names the authority. A recipient the policy refuses, or asks the originator's
 * consent for, gets nothing: an authority never widens what the policy allows.
 */
final class AutoRelease implements ItemCreated.Sending {
    private final Self self;
    private final Decisions decisions;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    AutoRelease(Self self, Decisions decisions, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.decisions = decisions;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    @Override
    public void created(Handle h, Account by, HeldItem held) {
        Item item = held.item();
        if (!held.own()) {
            return; // an authority releases this party's own items
        }
        var scenario = self.facts().scenario();
        Instant now = self.clock().instant();
        var done = new HashSet<Party>();
        for (AuthorityRecord a : Authorities.active(h, scenario, self.party())) {
            if (a.authority().whyNot(item.label(), now, scenario).isPresent()) {
                continue;
            }
            for (Party recipient : a.authority().recipients()) {
                if (done.add(recipient)) {
                    release(h, by, a, item, recipient, now);
                }
            }
        }
        if (!done.isEmpty()) {
            h.afterCommit(wakeCourier);
            h.afterCommit(() -> self.changes().signal(Changes.OUTBOX));
        }
    }

    private void release(Handle h, Account by, AuthorityRecord a, Item item, Party recipient, Instant now) {
        var question = new Decisions.Question(item.label(), self.party(), recipient, now, false,
                Optional.of(item.id()), Optional.empty());
        ReleaseDecision d = decisions.decide(question);
        if (d.verdict() != Verdict.PERMIT) {
            decisions.record(h, by.username(), Decisions.Purpose.AUTHORITY, question, d);
            return;
        }
        if (!postbox.reaches(d.route().get(1))) {
            decisions.record(h, by.username(), Decisions.Purpose.AUTHORITY, question, d);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AUTHORITY_SKIPPED, now, by.username())
                    .with("authority", a.id()).with("item", item.id()).with("recipient", recipient.code())
                    .with("reason", "this node has no connection to " + d.route().get(1) + "'s node"));
            return;
        }
        var release = new TrackedRelease(new Release(UUID.randomUUID().toString(), item.id(), d.route(), d.basis(),
                d.recipientLevel()), ReleaseStatus.QUEUED, Optional.empty(), Optional.empty(), now, now,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(a.id()));
        Releases.insert(h, release);
        decisions.record(h, by.username(), Decisions.Purpose.AUTHORITY, question.withRelease(release.id()), d);
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.RELEASE_AUTHORIZED, now, by.username())
                .with("authority", a.id()).with("release", release.id()).with("item", item.id())
                .with("recipient", recipient.code()).with("route", Labels.codes(d.route())).with("basis", d.basis())
                .with("recipientLevel", d.recipientLevel().map(Level::name)));
        Dispatch.post(self, postbox, h, item, release, d, Optional.empty(), now);
    }
}
