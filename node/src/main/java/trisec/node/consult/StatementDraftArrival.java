package trisec.node.consult;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.consult.RevisionId;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.MessageHandler;
import trisec.node.federation.MessageRefused;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.StatementDraft;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.party.Party;

/**
 * A partner drafted or revised a joint statement: this node keeps its own copy of the revision, which is what it
 * checks every signature against. A revision already held with other texts is refused, never replaced: the copy a
 * node may have signed does not change under it.
 */
final class StatementDraftArrival implements MessageHandler<StatementDraft> {
    private final Self self;

    StatementDraftArrival(Self self) {
        this.self = self;
    }

    @Override
    public Class<StatementDraft> type() {
        return StatementDraft.class;
    }

    @Override
    public Optional<String> itemOf(StatementDraft d) {
        return Optional.ofNullable(d.statementId());
    }

    @Override
    public Receipt handle(Handle h, Incoming m, StatementDraft d) {
        if (!Incoming.isUuid(d.statementId())) {
            throw new MessageRefused("a statement is named by a UUID");
        }
        if (d.by() == null || !Party.isCode(d.by()) || !Party.of(d.by()).equals(m.sender())) {
            throw new MessageRefused("a node sends its own party's drafts, and " + m.sender() + " sent one by "
                    + d.by());
        }
        Instant at = Incoming.instant(d.at(), "the draft's time");
        if (self.facts().scenario().channels().stream().noneMatch(c -> c.id().equals(d.channel()))) {
            throw new MessageRefused("channel '" + d.channel() + "' is not a consultation channel this node knows");
        }
        StatementRevision r;
        try {
            r = new StatementRevision(d.statementId(), d.revision(), d.channel(), Optional.ofNullable(d.meeting()),
                    d.title(), new StatementTexts(d.ko(), d.ja(), d.en()));
        } catch (DomainException e) {
            throw new MessageRefused("the draft is not a statement: " + e.getMessage());
        }
        r.meeting().ifPresent(meeting -> checkMeeting(h, meeting, r.channel()));
        var rid = new RevisionId(r.revision(), m.sender());
        var known = Statements.byId(h, r.statementId());
        if (known.isEmpty()) {
            Statements.insert(h, new Statements.Row(r.statementId(), r.channel(), r.meeting(), m.sender(), at, rid,
                    Optional.empty()));
        } else {
            var s = known.get();
            if (!s.channel().equals(r.channel()) || !s.meeting().equals(r.meeting())) {
                throw new MessageRefused("statement " + s.id() + " is of channel " + s.channel()
                        + s.meeting().map(x -> ", meeting " + x).orElse("") + " here, not of " + r.channel()
                        + r.meeting().map(x -> ", meeting " + x).orElse(""));
            }
            var held = Statements.revision(h, s, rid);
            if (held.isPresent()) {
                if (held.get().revision().hashText().equals(r.hashText())) {
                    return m.accepted(null, null, null, "revision " + rid + " already held");
                }
                throw new MessageRefused("revision " + rid + " of statement " + s.id()
                        + " holds other texts at " + self.party() + "; a change is a new revision");
            }
            // A revision 1 is the statement's draft, made by its drafter alone: a signature that names no proposer
            // signs the revision 1 held here (StatementSignedArrival).
            if (r.revision() == 1 && !Statements.numbered(h, s, 1).isEmpty()) {
                throw new MessageRefused("statement " + s.id() + " has its revision 1 at " + self.party() + " from "
                        + Statements.numbered(h, s, 1).getFirst().proposedBy() + "; a statement has one draft");
            }
            // A revision before the adopted one (made at the same time as it, and beaten by the order of
            // revisions) comes late and changes nothing; none can come after it from a node that keeps the rules.
            if (s.adoptedAt().isPresent() && rid.isAfter(s.latest())) {
                throw new MessageRefused("statement " + s.id() + " was adopted at " + self.party() + " as revision "
                        + s.latest() + ", which every party signed; an adopted statement is not revised");
            }
            // Another party's revision of the same number may be held already: both are kept, and the order of
            // revisions, the same at every node, says which is the latest.
            Statements.moveTo(h, s.id(), rid);
        }
        Statements.insertRevision(h, new Statements.Held(r, m.sender(), at));
        // Signatures of this number kept while their proposer was not known sign this revision if they are over
        // its hash.
        int claimed = Statements.claimKept(h, r.statementId(), rid, r.hashText());
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_PROPOSED, self.clock().instant(),
                        m.sender().code()).with("statement", r.statementId()).with("revision", r.revision())
                .with("channel", r.channel()).with("meeting", r.meeting()).with("by", m.sender().code())
                .with("hash", r.hashText()).with("keptSignatures", claimed == 0 ? null : claimed));
        // Signatures that came before their revision count now, if they are over these texts.
        StatementAdoption.check(h, self, r.statementId());
        return m.accepted(null, null, null, null);
    }

    /**
     * The one reason a draft is refused for the meeting it names, whatever is wrong with the record: it becomes the
     * reason of the message's RECEIVED entry, and the audit log is read by partners and by auditors of any clearance
     * (docs/AUDIT.md: it can be shown to them without releasing anything), so it says nothing of the record this node
     * holds: neither its channel nor its marking, nor which of them is wrong.
     */
    static final String MEETING_NOT_VOUCHED_FOR = "the draft names a meeting that is not an unclassified record of the "
            + "statement's channel this node can vouch for";

    /**
     * A partner names the meeting its statement comes out of: where this node holds that meeting's record, it must
     * be of the statement's channel and unclassified, with no caveat, so that its id is not shown here beside a
     * statement it has nothing to do with, or to readers of the statement who may not read it. A meeting this node
     * does not hold is the partner's word; its id is shown to the staff, and to no track 1.5 participant.
     */
    private void checkMeeting(Handle h, String meeting, String channel) {
        var held = MeetingDesk.held(h, self, meeting);
        if (held.isEmpty()) {
            return;
        }
        var label = held.get().label();
        if (!held.get().meeting().channel().equals(channel) || !label.level().isUnclassified()
                || !label.caveats().isEmpty()) {
            throw new MessageRefused(MEETING_NOT_VOUCHED_FOR);
        }
    }
}
