package trisec.node.release;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Self;
import trisec.node.item.Labels;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;

/**
 * The one place a release decision is taken on someone's behalf and put on record. Every DECISION entry has the
 * same shape — the item and release it concerns (or, for a question about a label alone, the label's originator,
 * level and topic), holder, recipient, the instant decided for, verdict, route, basis and recipient level, and its
 * purpose — so the log can be read the same way whoever asked: an officer requesting, a disclosure official
 * approving, anyone previewing, a partner's consent re-opening a release, or this node forwarding as the hub.
 * (A node receiving a copy also checks the leg that arrived on its own agreements; that check is on record as its
 * RECEIVED entry, with the outcome and the reason of a refusal.)
 */
public final class Decisions {
    /** Why the decision is taken; a preview changes nothing but is on record all the same. */
    public enum Purpose {
        /** A preview: the API's {@code decide}, the release page before the officer confirms. */
        QUERY,
        /** An officer's request for a release. */
        REQUEST,
        /** The second person's approval, decided again on the agreements as they stand then. */
        APPROVAL,
        /** The originator's consent arrived, and the release waiting for it is decided again. */
        CONSENT,
        /** This node, as the hub, decides the onward leg of a release it received to forward. */
        FORWARD,
        /** A standing authority covers a new item: the policy decides each of its recipients. */
        AUTHORITY,
        /** A consultation's opening or step goes to a party of it as an unclassified record (docs/CONSULTATION.md). */
        CONSULTATION,
        /** A joint statement's revision or signature, an unclassified record of its channel, goes to a party. */
        STATEMENT
    }

    /**
     * What is asked: may {@code holder} pass information so labelled to {@code recipient} at {@code at}, with or
     * without the originator's consent on record; about a stored item and release, or none (a preview of a label).
     */
    public record Question(ConfidentialityLabel label, Party holder, Party recipient, Instant at, boolean consent,
                           Optional<String> itemId, Optional<String> releaseId) {
        public Question withRelease(String id) {
            return new Question(label, holder, recipient, at, consent, itemId, Optional.of(id));
        }
    }

    private final Self self;

    public Decisions(Self self) {
        this.self = self;
    }

    /** Decides on the agreements this node knows now, without recording: the caller records with {@link #record}. */
    ReleaseDecision decide(Question q) {
        return self.facts().policy().decide(new ReleaseRequest(q.label(), q.holder(), q.recipient(), q.at(),
                q.consent()));
    }

    /** Decides and records the decision in the caller's transaction. */
    public ReleaseDecision decide(Handle h, String actor, Purpose purpose, Question q) {
        ReleaseDecision d = decide(q);
        record(h, actor, purpose, q, d);
        return d;
    }

    /** Decides and records the decision in a transaction of its own. */
    public ReleaseDecision decide(String actor, Purpose purpose, Question q) {
        ReleaseDecision d = decide(q);
        self.store().useTransaction(h -> record(h, actor, purpose, q, d));
        return d;
    }

    /**
     * Decides and records, in the caller's transaction, a question about a record that is not an item here (a joint
     * statement, say): the entry states the label asked about, and names the record as {@code kind: id}.
     */
    public ReleaseDecision decide(Handle h, String actor, Purpose purpose, Question q, String kind, String id) {
        ReleaseDecision d = decide(q);
        AuditLog.append(h, entry(actor, purpose, q, d).with(kind, id));
        return d;
    }

    /** Records a decision taken by {@link #decide(Question)} (the release it concerns may be created meanwhile). */
    void record(Handle h, String actor, Purpose purpose, Question q, ReleaseDecision d) {
        AuditLog.append(h, entry(actor, purpose, q, d));
    }

    private AuditEntry entry(String actor, Purpose purpose, Question q, ReleaseDecision d) {
        return AuditEntry.of(AuditEntry.Type.DECISION, self.clock().instant(), actor)
                // Previews are marked as such: an item's history shows a person only their own.
                .with("purpose", purpose.name().toLowerCase(java.util.Locale.ROOT))
                .with("item", q.itemId()).with("release", q.releaseId())
                // A stored item is named by its id alone: partners read this log, and an item's label (its topic,
                // its level) is not theirs to learn from it. A question about a label alone states the label.
                .with("originator", q.itemId().isEmpty() ? q.label().originator().code() : null)
                .with("level", q.itemId().isEmpty() ? q.label().level().name() : null)
                .with("topic", q.itemId().isEmpty() ? q.label().topic().path() : null)
                .with("holder", q.holder().code())
                .with("recipient", q.recipient().code()).with("at", q.at().toString())
                .with("consent", q.consent())
                .with("decision", d.verdict()).with("route", Labels.codes(d.route())).with("basis", d.basis())
                .with("recipientLevel", d.recipientLevel().map(Level::name));
    }
}
