package trisec.node.consult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.DomainException;
import trisec.consult.Channel;
import trisec.consult.RevisionId;
import trisec.consult.StatementRevision;
import trisec.consult.StatementTexts;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.MessageSignatures;
import trisec.node.federation.Messages.StatementDraft;
import trisec.node.federation.Messages.StatementSigned;
import trisec.node.federation.Postbox;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.node.release.Decisions;
import trisec.party.Party;

/**
 * Joint statements (docs/CONSULTATION.md): a text in Korean, Japanese and English, drafted at one party's node and
 * sent to the channel's other parties, revised by any of them, and signed by each party's node over the hash of one
 * revision. It is adopted at a node when every party has signed the latest revision's texts as that node holds them,
 * and then exported as a document anyone can check with the parties' public keys. Statements are public: every
 * signed-in person reads them (a track 1.5 participant those of their channel), and their envelopes carry no
 * classified content. Each revision and signature goes to a party only where the release policy lets an
 * unclassified record of the channel go ({@link StatementSharing}).
 */
public final class StatementDesk {
    private final Self self;
    private final MeetingDesk meetings;
    private final StatementSharing sharing;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    public StatementDesk(Self self, MeetingDesk meetings, Decisions decisions, Postbox postbox, Runnable wakeCourier) {
        this.self = self;
        this.meetings = meetings;
        this.sharing = new StatementSharing(self, decisions, postbox);
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
    }

    /** The three texts as a request gives them. */
    public record Texts(String ko, String ja, String en) {}

    /** A new statement: its channel, optionally the meeting it comes out of, its title and its texts. */
    public record NewStatement(String channel, String meeting, String title, Texts texts) {}

    /** A new revision: new texts, and a new title if given (the title stays otherwise). */
    public record Revised(String title, Texts texts) {}

    /**
     * What a signatory signs: the revision they read, by its number and, where two parties revised at once, by the
     * hash the statement showed them, so that a revision made or arrived meanwhile is not signed unread.
     */
    public record Signing(Integer revision, String hash) {}

    /** A party's signature on the latest revision; {@code matches} when it is over this node's copy of the texts. */
    public record Signer(Party party, String keyId, Instant signedAt, boolean matches) {}

    /**
     * This node's revision ({@code DRAFT}) or signature ({@code SIGNATURE}) of the latest revision that the release
     * policy did not let go to {@code party}, and the policy's reasons.
     */
    public record Withheld(Party party, String what, List<String> reasons, Instant decidedAt) {
        /** Whether it was the revision itself: that party's node does not hold it, and cannot sign it. */
        public boolean draft() {
            return what.equals(Statements.What.DRAFT.name());
        }
    }

    /** A statement as this node holds it: its latest revision, who signed it, and whether it is adopted. */
    public record View(String id, String channel, Optional<String> meeting, Party draftedBy, Instant draftedAt,
                       StatementRevision latest, String hash, Party revisedBy, Instant revisedAt,
                       List<RevisionId> revisions, List<Signer> signatures, List<Party> awaiting,
                       List<Withheld> withheld, Optional<Instant> adoptedAt) {
        public boolean adopted() {
            return adoptedAt.isPresent();
        }

        public boolean signedBy(Party p) {
            return signatures.stream().anyMatch(s -> s.party().equals(p));
        }

        /**
         * The parties whose nodes do not hold the latest revision because the policy kept it from them: until it is
         * revised, the statement cannot be adopted.
         */
        public List<Party> unreached() {
            return withheld.stream().filter(Withheld::draft).map(Withheld::party).toList();
        }
    }

    /** The parties whose nodes sign: every channel of the cooperation has the three. */
    static List<Party> partiesOf(Self self) {
        return self.facts().scenario().parties();
    }

    /**
     * Whether a statement may name a meeting whose record carries this label: unclassified, with no caveat and
     * releasable to every party of the scenario ({@link #checkMeeting} says why not, in words).
     */
    public static boolean mayName(trisec.label.ConfidentialityLabel label, List<Party> parties) {
        return label.level().isUnclassified() && label.caveats().isEmpty()
                && parties.stream().allMatch(label::releasableTo);
    }

    /** The channels a statement may be of: those of the scenario. */
    public List<Channel> channels() {
        return self.facts().scenario().channels();
    }

    public List<View> list() {
        return self.store().read(h -> Statements.all(h).stream().map(s -> view(h, s)).toList());
    }

    /** The statements this reader sees: all of them, but a track 1.5 participant only their channel's. */
    public List<View> list(Account reader) {
        Set<String> meetingsRead = reader.participant() ? meetings.readable(reader) : Set.of();
        return list().stream().filter(v -> sees(reader, v, meetingsRead)).toList();
    }

    /** One statement, or not found: a statement of a channel the reader may not see is not there for them. */
    public View get(Account reader, String id) {
        View v = get(id);
        if (!sees(reader, v, reader.participant() ? meetings.readable(reader) : Set.of())) {
            throw Refusal.notFound("no statement " + id + " here");
        }
        return v;
    }

    /** The adopted statement's document, to those who see the statement. */
    public StatementDocument document(Account reader, String id) {
        get(reader, id);
        return document(id);
    }

    /**
     * Statements are public, but a track 1.5 participant is there for their channel alone: they see a statement
     * when their need-to-know covers its channel's topic (that of the channel's meeting records) and, since the
     * statement names its meeting by id, when it names no meeting or one whose record they may read here. A meeting
     * id they could not read is never shown to them, not even inside the signed document.
     */
    private static boolean sees(Account reader, View v, Set<String> meetingsRead) {
        return !reader.participant() || (reader.needToKnow().covers(MeetingDesk.topic(v.channel()))
                && v.meeting().map(meetingsRead::contains).orElse(true));
    }

    public View get(String id) {
        return self.store().read(h -> Statements.byId(h, id).map(s -> view(h, s)))
                .orElseThrow(() -> Refusal.notFound("no statement " + id + " here"));
    }

    /** Drafts a statement here and sends it to the other parties of its channel. */
    public View propose(Account person, NewStatement n) {
        if (n == null) {
            throw Refusal.invalid("the body is a statement: channel, title and texts (ko, ja, en)");
        }
        Channel channel = channel(n.channel());
        String id = UUID.randomUUID().toString();
        StatementRevision first = revision(id, 1, channel.id(), Optional.ofNullable(n.meeting()), n.title(),
                n.texts());
        first.meeting().ifPresent(m -> checkMeeting(person, m, channel));
        List<Party> others = others();
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            StatementAdoption.takeTurn(h, self, id);
            Statements.insert(h, new Statements.Row(id, channel.id(), first.meeting(), self.party(), now,
                    new RevisionId(1, self.party()), Optional.empty()));
            record(h, person, first, now, others);
        });
        return get(id);
    }

    /**
     * The meeting a statement drafted here comes out of: a record this node holds that the drafting person may
     * read, of the statement's channel, unclassified, with no caveat and releasable to every party. Its id goes with
     * the statement to every party's node and is shown to everyone who reads the statement there, a track 1.5
     * participant included, and it is signed into the document: so it may name nothing but an open record.
     */
    private void checkMeeting(Account person, String id, Channel channel) {
        var seen = meetings.list(person).stream().filter(s -> s.meeting().id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid("meeting " + id + " is not a meeting record this node holds "
                        + "that you may read; a statement names the meeting it comes out of by its record's id"));
        if (!seen.meeting().channel().equals(channel.id())) {
            throw Refusal.invalid("meeting " + id + " is a meeting of channel " + seen.meeting().channel()
                    + ", not of " + channel.id() + ": a statement comes out of a meeting of its own channel");
        }
        var label = seen.item().label();
        var closed = partiesOf(self).stream().filter(p -> !label.releasableTo(p)).toList();
        if (!mayName(label, partiesOf(self))) {
            throw Refusal.invalid("meeting " + id + "'s record is marked " + label.level().name()
                    + (label.caveats().isEmpty() ? "" : " " + label.caveatsInOrder())
                    + (closed.isEmpty() ? "" : ", not releasable to " + String.join(", ",
                    closed.stream().map(Party::code).toList()))
                    + ": a statement names only an unclassified meeting releasable to every party, since the "
                    + "meeting's id goes with it to every party and to everyone who reads it");
        }
    }

    /**
     * A new revision of a statement not yet adopted: signatures of earlier revisions no longer count. A party does
     * not revise a revision it has signed: its signature may already complete that revision's adoption at the other
     * nodes, and a revision after it would leave this node alone not adopting it. With that rule, and the order of
     * {@link RevisionId} for revisions made at once, no revision can ever follow one that every party signed, so
     * every node adopts the same revision. A party that has not signed may revise.
     */
    public View revise(Account person, String id, Revised r) {
        if (r == null) {
            throw Refusal.invalid("the body is a revision: texts (ko, ja, en), and a title if it changes");
        }
        List<Party> others = others();
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            StatementAdoption.takeTurn(h, self, id);
            Statements.Row s = open(h, id);
            if (Statements.signature(h, id, s.latest(), self.party()).isPresent()) {
                throw Refusal.conflict("ALREADY_SIGNED", self.party() + " has signed revision " + s.latest()
                        + " of statement " + id + ", and a party does not revise what it signed: a party that has "
                        + "not signed it may revise it");
            }
            var latest = latest(h, s);
            String title = r.title() == null ? latest.revision().title() : r.title();
            StatementRevision next = revision(id, s.latest().number() + 1, s.channel(), s.meeting(), title,
                    r.texts());
            record(h, person, next, now, others);
        });
        return get(id);
    }

    /**
     * This party signs the latest revision: its node signs the hash of the texts it holds and sends the signature
     * to the other parties, each of which checks it against its own copy.
     */
    public View sign(Account signatory, String id, Signing signing) {
        if (signing == null || signing.revision() == null) {
            throw Refusal.invalid("revision is missing: name the revision that was read and is signed");
        }
        List<Party> others = others();
        Instant now = self.clock().instant();
        self.store().useTransaction(h -> {
            StatementAdoption.takeTurn(h, self, id);
            Statements.Row s = open(h, id);
            RevisionId rid = s.latest();
            if (signing.revision() != rid.number()) {
                throw Refusal.conflict("STALE_REVISION", "revision " + signing.revision() + " of statement " + id
                        + " is not its latest: revision " + rid + " is; read it before signing");
            }
            StatementRevision latest = latest(h, s).revision();
            if (signing.hash() != null && !signing.hash().equals(latest.hashText())) {
                throw Refusal.conflict("STALE_REVISION", "the revision read (hash " + signing.hash() + ") is not "
                        + "the latest of statement " + id + ": revision " + rid + " is, with hash "
                        + latest.hashText() + "; read it before signing");
            }
            var sameNumber = Statements.numbered(h, s, rid.number());
            if (signing.hash() == null && sameNumber.size() > 1) {
                throw Refusal.invalid("hash is missing: " + sameNumber.size() + " revisions numbered "
                        + rid.number() + " are held here (by " + String.join(", ", sameNumber.stream()
                        .map(x -> x.proposedBy().code()).toList()) + "), as two parties revised at once; name "
                        + "the hash of the one that was read");
            }
            if (Statements.signature(h, id, rid, self.party()).isPresent()) {
                throw Refusal.conflict("ALREADY_SIGNED", self.party() + " has already signed revision " + rid
                        + " of statement " + id);
            }
            byte[] hash = latest.hash();
            String hashText = latest.hashText();
            String signature = MessageSignatures.signStatement(self.keys(), hash);
            String keyId = self.keys().identity().keyId().value();
            Statements.insertSignature(h, new Statements.Signature(id, rid, self.party(), hashText, keyId,
                    signature, now));
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_SIGNED, now, signatory.username())
                    .with("statement", id).with("revision", rid.number())
                    .with("proposedBy", rid.proposedBy().code()).with("party", self.party().code())
                    .with("hash", hashText));
            // A revision 1 is its drafter's alone: the message leaves its proposer out, and a node of any version
            // takes it (docs/NODE.md, "Nodes of different versions").
            var message = new StatementSigned(id, rid.number(), rid.number() == 1 ? null : rid.proposedBy().code(),
                    hashText, self.party().code(), now.toString(), keyId, signature);
            sharing.send(h, signatory.username(), id, s.channel(), rid, Statements.What.SIGNATURE, message, others,
                    now);
            StatementAdoption.check(h, self, id);
            h.afterCommit(wakeCourier);
        });
        return get(id);
    }

    /** The adopted statement as a document its parties' signatures make checkable offline. */
    public StatementDocument document(String id) {
        return self.store().read(h -> {
            Statements.Row s = Statements.byId(h, id).orElseThrow(() -> Refusal.notFound("no statement " + id
                    + " here"));
            if (s.adoptedAt().isEmpty()) {
                throw Refusal.conflict("NOT_ADOPTED", "statement " + id + " is not adopted: not every party has "
                        + "signed its latest revision");
            }
            var latest = latest(h, s).revision();
            return StatementDocument.of(latest, s.adoptedAt().get(), Statements.signatures(h, id, s.latest()),
                    partiesOf(self));
        });
    }

    // ---- shared steps --------------------------------------------------------------------------------------

    private Channel channel(String id) {
        if (id == null || id.isBlank()) {
            throw Refusal.invalid("channel is missing: name the consultation channel by its id ("
                    + String.join(", ", channels().stream().map(Channel::id).toList()) + ")");
        }
        return channels().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid("channel '" + id + "' is not a consultation channel of the "
                        + "scenario; the channels are " + String.join(", ", channels().stream().map(Channel::id)
                        .toList())));
    }

    private static StatementRevision revision(String id, int number, String channel, Optional<String> meeting,
                                              String title, Texts texts) {
        if (texts == null) {
            throw Refusal.invalid("texts are missing: a joint statement has a text in Korean, Japanese and English "
                    + "(texts.ko, texts.ja, texts.en)");
        }
        try {
            return new StatementRevision(id, number, channel, meeting, title,
                    new StatementTexts(texts.ko(), texts.ja(), texts.en()));
        } catch (DomainException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    /** The other parties, each of whose nodes this one must reach: a statement none of them receives is no joint one. */
    private List<Party> others() {
        List<Party> parties = partiesOf(self);
        if (!parties.contains(self.party())) {
            throw Refusal.forbidden(self.party() + " is not a party of the cooperation's channels");
        }
        var others = new ArrayList<Party>();
        for (Party p : parties) {
            if (!p.equals(self.party())) {
                if (!postbox.reaches(p)) {
                    throw Refusal.conflict("NO_PEER", "this node has no connection to " + p + "'s node, which "
                            + "must receive the statement to sign it");
                }
                others.add(p);
            }
        }
        return others;
    }

    private Statements.Row open(Handle h, String id) {
        Statements.Row s = Statements.byId(h, id).orElseThrow(() -> Refusal.notFound("no statement " + id + " here"));
        if (s.adoptedAt().isPresent()) {
            throw Refusal.conflict("ADOPTED", "statement " + id + " was adopted at " + s.adoptedAt().get()
                    + "; an adopted statement is neither revised nor signed again");
        }
        return s;
    }

    private static Statements.Held latest(Handle h, Statements.Row s) {
        return Statements.revision(h, s, s.latest()).orElseThrow(() -> new IllegalStateException(
                "statement " + s.id() + " has no revision " + s.latest()));
    }

    /**
     * Stores a revision made here as the latest, records it, and sends it to each other party the release policy
     * lets it go to, all in the caller's transaction.
     */
    private void record(Handle h, Account person, StatementRevision r, Instant now, List<Party> others) {
        var rid = new RevisionId(r.revision(), self.party());
        Statements.insertRevision(h, new Statements.Held(r, self.party(), now));
        Statements.moveTo(h, r.statementId(), rid);
        int claimed = Statements.claimKept(h, r.statementId(), rid, r.hashText());
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.STATEMENT_PROPOSED, now, person.username())
                .with("statement", r.statementId()).with("revision", r.revision()).with("channel", r.channel())
                .with("meeting", r.meeting()).with("by", self.party().code()).with("hash", r.hashText())
                .with("keptSignatures", claimed == 0 ? null : claimed));
        var t = r.texts();
        var draft = new StatementDraft(r.statementId(), r.revision(), r.channel(), r.meeting().orElse(null),
                r.title(), t.ko(), t.ja(), t.en(), self.party().code(), now.toString());
        sharing.send(h, person.username(), r.statementId(), r.channel(), rid, Statements.What.DRAFT, draft, others,
                now);
        h.afterCommit(wakeCourier);
    }

    private View view(Handle h, Statements.Row s) {
        var latest = latest(h, s);
        String hash = latest.revision().hashText();
        var signatures = Statements.signatures(h, s.id(), s.latest()).stream()
                .map(x -> new Signer(x.party(), x.keyId(), x.signedAt(), x.hash().equals(hash))).toList();
        var awaiting = partiesOf(self).stream().filter(p -> signatures.stream()
                .noneMatch(x -> x.party().equals(p) && x.matches())).toList();
        var withheld = Statements.withheld(h, s.id(), s.latest()).stream()
                .map(w -> new Withheld(w.party(), w.what().name(), w.reasons(), w.decidedAt())).toList();
        return new View(s.id(), s.channel(), s.meeting(), s.draftedBy(), s.draftedAt(), latest.revision(), hash,
                latest.proposedBy(), latest.proposedAt(), Statements.revisions(h, s.id()), signatures, awaiting,
                withheld, s.adoptedAt());
    }
}
