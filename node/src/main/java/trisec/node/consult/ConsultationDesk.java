package trisec.node.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.federation.Messages.ConsultationOpened;
import trisec.node.federation.Messages.ConsultationStep;
import trisec.node.federation.Postbox;
import trisec.node.item.Holdings;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.person.Account;
import trisec.node.release.Decisions;
import trisec.node.warning.WarningDesk;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;

/**
 * The Commitment to Consult (Camp David, 2023-08-18): while it is in force, any party opens a consultation on an
 * item it holds (a missile warning among them); the other parties are told at once and acknowledge; each party
 * posts its draft public message, shown side by side; response actions have an owner, a due date and a status.
 * Every step is timed from the opening and on record in the audit log, and each goes to the other parties signed
 * by its node, to each the release policy lets it go to (docs/CONSULTATION.md, "Commitment to Consult"). The opener
 * closes the consultation; after that no party adds a draft, an action or an acknowledgement.
 *
 * <p>The subject item is never sent by the consultation: it goes, if at all, through the release flow. A person
 * sees its title and marking in the room only when they may read it here.
 */
public final class ConsultationDesk {
    /** The agreement consultations are opened under (FACTS.md). */
    public static final String COMMITMENT = "camp-david-commitment-2023";
    static final int MAX_DRAFT = 2_000;
    static final int MAX_TITLE = 300;
    static final int MAX_OUTCOME = 300;
    /**
     * How far ahead of this node's clock a partner may date an opening or a step. The nodes' clocks agree to seconds;
     * a time further ahead is an error or a forgery, and would sort after every honest step to come.
     */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final String OPEN = "OPEN";
    static final String ACK = "ACK";
    static final String DRAFT = "DRAFT";
    static final String ACTION = "ACTION";
    static final String CLOSE = "CLOSE";
    static final List<String> STEPS = List.of(ACK, DRAFT, ACTION, CLOSE);
    static final List<String> STATUSES = List.of("OPEN", "DONE", "DROPPED");

    /** What to consult on: an item this node holds ({@code item}) or a missile warning ({@code warning}, PARTY/TRACK). */
    public record Opening(String item, String warning) {}

    public record NewDraft(String text) {}

    public record NewAction(String title, String owner, String due) {}

    public record StatusChange(String status) {}

    /** The opener's closing, with an optional one-line outcome. */
    public record Closing(String outcome) {}

    /** Where the commitment stands at the node's instant, and why a consultation can or cannot be opened. */
    public record Commitment(String agreementId, boolean inForce, String statusCode, String status, Instant at,
                             List<Party> parties, Optional<AgreementStatus> standing) {}

    /**
     * One party of the room: whether it acknowledged, when and how long after the opening; what it may receive;
     * and, when the release policy kept any of this party's steps from it, the last refusal and how many.
     */
    public record PartyLine(Party party, boolean opener, Optional<Instant> acknowledgedAt, Optional<Duration> after,
                            boolean holds, Optional<Boolean> mayReceive, List<String> reasons,
                            Optional<Withheld> withheld) {}

    /** This party's steps the policy kept from a party: how many, and the last (its kind, when, and why). */
    public record Withheld(int steps, String step, Instant at, List<String> reasons) {}

    /** One party's latest draft public message, if it has posted one. */
    public record DraftLine(Party party, Optional<String> text, Optional<Instant> at, Optional<Duration> after) {}

    public record ActionLine(String id, Party proposer, String title, Party owner, String due, String status,
                             Instant at, Duration after) {}

    /** Closed by its opener: when (the opener's clock), by whom (the person at the opener's node, else the party). */
    public record Closed(Instant at, String by, Optional<String> outcome) {}

    /** A consultation another party opened that this party has not yet acknowledged. */
    public record Awaiting(String id, Party opener, Instant openedAt) {}

    /**
     * A consultation as a person sees it. {@code subject} is the item when they may read it here; otherwise empty,
     * whether this node does not hold it or the person may not read it, so the room says nothing about it.
     */
    public record Room(String id, String agreementId, Party opener, String subjectItem,
                       Optional<Holdings.View> subject, Instant openedAt, Duration sinceOpening,
                       List<PartyLine> parties, List<DraftLine> drafts, List<ActionLine> actions,
                       boolean awaitingOurAck, Optional<Closed> closed) {}

    private final Self self;
    private final Holdings holdings;
    private final WarningDesk warnings;
    private final Postbox postbox;
    private final ConsultationSharing sharing;
    private final Runnable wakeCourier;

    public ConsultationDesk(Self self, Holdings holdings, WarningDesk warnings, Postbox postbox, Decisions decisions,
                            Runnable wakeCourier) {
        this.self = self;
        this.holdings = holdings;
        this.warnings = warnings;
        this.postbox = postbox;
        this.sharing = new ConsultationSharing(self, decisions, postbox);
        this.wakeCourier = wakeCourier;
    }

    public Commitment commitment() {
        Instant now = self.clock().instant();
        Optional<Agreement> a = self.facts().scenario().agreement(COMMITMENT);
        if (a.isEmpty()) {
            return new Commitment(COMMITMENT, false, "NOT_IN_SCENARIO", "not in the scenario", now, List.of(),
                    Optional.empty());
        }
        AgreementStatus s = self.facts().scenario().lifecycle(a.get()).statusAt(now);
        return new Commitment(COMMITMENT, s.inForce() && a.get().parties().contains(self.party()), s.code(),
                s.describe(), now, a.get().parties(), Optional.of(s));
    }

    /**
     * Opens a consultation and asks the other parties of the commitment at once: each that the release policy lets
     * this party's record of it go to.
     */
    public Room open(Account officer, Opening in) {
        Commitment c = commitment();
        if (!c.inForce()) {
            throw Refusal.conflict("COMMITMENT_NOT_IN_FORCE", c.parties().isEmpty() || c.parties().contains(self.party())
                    ? COMMITMENT + " is " + c.status() + " on " + day(c.at())
                    + ": a consultation cannot be opened under it"
                    : self.party() + " is not a party of " + COMMITMENT);
        }
        if (in == null || (blank(in.item()) == blank(in.warning()))) {
            throw Refusal.invalid("a consultation names its subject: either \"item\" (an item id) or \"warning\" "
                    + "(PARTY/TRACK), not both");
        }
        String itemId;
        if (!blank(in.item())) {
            String id = in.item().strip();
            if (!Incoming.isUuid(id)) {
                throw Refusal.invalid("\"item\" is an item id (a lower-case UUID), not \"" + shorten(id) + "\"");
            }
            itemId = holdings.read(officer, id).item().id();
        } else {
            String[] w = in.warning().strip().split("/", 2);
            if (w.length != 2) {
                throw Refusal.invalid("\"warning\" is written PARTY/TRACK (KOR/TN-1031), not \""
                        + shorten(in.warning()) + "\"");
            }
            itemId = warnings.get(officer, w[0], w[1]).item().item().id();
        }
        List<Party> others = others(c.parties());
        for (Party p : others) {
            if (!postbox.reaches(p)) {
                throw Refusal.conflict("NO_PEER", "this node has no connection to " + p
                        + "'s node, which the consultation must reach");
            }
        }
        Instant now = self.clock().instant();
        String id = UUID.randomUUID().toString();
        ConsultationOpened opening = ConsultationSignatures.signOpened(self.keys(), id, COMMITMENT, itemId,
                now.toString());
        self.store().useTransaction(h -> {
            Consultations.insert(h, opening);
            var shared = sharing.send(h, officer.username(), id, c.parties(), OPEN, id, opening, others);
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_OPENED, now, officer.username())
                    .with("consultation", id).with("agreement", COMMITMENT).with("opener", self.party().code())
                    .with("item", itemId).with("to", codes(shared.to()))
                    .with("withheld", shared.withheld().isEmpty() ? null : codes(shared.withheld())));
            h.afterCommit(wakeCourier);
        });
        return room(officer, id);
    }

    /**
     * This party's watch (an officer or a disclosure official: the route says who) acknowledges a consultation
     * another party opened: once, told to every other party.
     */
    public Room acknowledge(Account person, String id) {
        Consultations.Row r = row(id);
        if (r.opener().equals(self.party())) {
            throw Refusal.invalid("the consultation was opened by " + self.party()
                    + "; the other parties acknowledge it");
        }
        step(person, r, ACK, UUID.randomUUID().toString(), null, null, null, null, null, Instant.MIN,
                Optional.empty(), true);
        return room(person, id);
    }

    /** This party's draft public message: unclassified text, replacing its earlier draft. */
    public Room draft(Account officer, String id, NewDraft in) {
        Consultations.Row r = row(id);
        String text = draftText(in == null ? null : in.text());
        step(officer, r, DRAFT, UUID.randomUUID().toString(), text, null, null, null, null, Instant.MIN,
                Optional.empty(), true);
        return room(officer, id);
    }

    /** A response action: what, which party owns it, by when; it starts OPEN. */
    public ActionLine addAction(Account officer, String id, NewAction in) {
        Consultations.Row r = row(id);
        if (in == null) {
            throw Refusal.invalid("an action names a title, an owner party and a due date");
        }
        String title = actionTitle(in.title());
        Party owner = owner(in.owner(), parties(r));
        String due = due(in.due(), r.openedAt());
        String actionId = UUID.randomUUID().toString();
        step(officer, r, ACTION, actionId, title, owner.code(), due, "OPEN", self.party().code(), Instant.MIN,
                Optional.empty(), true);
        return room(officer, id).actions().stream().filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
    }

    /**
     * A new status of a response action (OPEN, DONE, DROPPED), told to every party with the proposer's signed
     * original. Follow-up goes on after the consultation is closed: closing ends the consultation, not the work.
     */
    public ActionLine setStatus(Account officer, String actionId, StatusChange in) {
        String status = status(in == null ? null : in.status());
        Consultations.Kept kept = self.store().read(h -> Consultations.action(h, String.valueOf(actionId)))
                .orElseThrow(() -> Refusal.notFound("no response action " + shorten(String.valueOf(actionId))));
        Consultations.Row r = row(kept.consultation());
        Consultations.Action a = kept.a();
        // After the state it replaces, whichever party's clock stamped that: a later state wins at every node.
        step(officer, r, ACTION, a.id(), a.title(), a.owner().code(), a.due(), status, a.proposer().code(),
                a.at().plus(Duration.ofNanos(1000)), kept.origin(), false);
        return room(officer, r.id()).actions().stream().filter(x -> x.id().equals(actionId)).findFirst()
                .orElseThrow();
    }

    /**
     * The opener's officer closes the consultation, with an optional one-line outcome: told to every other party;
     * from then on no party adds a draft, an action or an acknowledgement.
     */
    public Room close(Account officer, String id, Closing in) {
        Consultations.Row r = row(id);
        if (!r.opener().equals(self.party())) {
            throw Refusal.forbidden("consultation " + r.id() + " was opened by " + r.opener() + ": only "
                    + r.opener() + "'s officers close it");
        }
        Optional<String> outcome = outcome(in == null ? null : in.outcome());
        step(officer, r, CLOSE, UUID.randomUUID().toString(), outcome.orElse(null), null, null, null, null,
                Instant.MIN, Optional.empty(), true);
        return room(officer, id);
    }

    /** The consultation a response action belongs to. */
    public String consultationOf(String actionId) {
        return self.store().read(h -> Consultations.action(h, String.valueOf(actionId))).map(Consultations.Kept::consultation)
                .orElseThrow(() -> Refusal.notFound("no response action " + shorten(String.valueOf(actionId))));
    }

    /** The open consultations other parties opened that this party has not acknowledged, oldest first. */
    public List<Awaiting> awaiting() {
        return self.store().read(h -> Consultations.awaiting(h, self.party())).stream()
                .map(r -> new Awaiting(r.id(), r.opener(), r.openedAt())).toList();
    }

    /**
     * Records this party's step here and sends it, signed, to every other party of the consultation the release
     * policy lets it go to. It is dated no earlier than the opening (a partner's clock may run ahead of this one)
     * nor than {@code notBefore}. {@code whileOpen}: refused once the consultation is closed.
     */
    private void step(Account person, Consultations.Row r, String kind, String stepId, String text, String owner,
                      String due, String status, String proposer, Instant notBefore,
                      Optional<ConsultationStep> origin, boolean whileOpen) {
        Instant now = self.clock().instant();
        Instant at = Collections.max(List.of(now, r.openedAt(), notBefore));
        ConsultationStep signed = ConsultationSignatures.signStep(self.keys(), r.opening(), kind, stepId,
                at.toString(), text, owner, due, status, proposer);
        ConsultationStep s = origin.map(o -> ConsultationSignatures.carrying(signed, o)).orElse(signed);
        self.store().useTransaction(h -> {
            // Read again in the transaction: the opener's closing may have arrived since.
            Consultations.Row fresh = Consultations.byId(h, r.id()).orElseThrow();
            if (whileOpen && fresh.closed().isPresent()) {
                throw closed(fresh, fresh.closed().get());
            }
            var shared = sharing.send(h, person.username(), r.id(), parties(r), kind, stepId, s,
                    others(parties(r)));
            if (!apply(h, fresh, parties(r), s, person.username(), now, Optional.of(shared))) {
                throw Refusal.conflict(kind.equals(ACK) ? "consultation " + r.id() + " is already acknowledged by "
                        + self.party() : "a later step of this party is already on record");
            }
            h.afterCommit(wakeCourier);
        });
    }

    private static Refusal closed(Consultations.Row r, Consultations.Closed c) {
        return Refusal.conflict("CLOSED", "consultation " + r.id() + " was closed at " + c.at() + " by " + c.by()
                + ": it takes no new draft, action or acknowledgement");
    }

    /**
     * Records a step, checked, with its audit entry: here, or as a partner's. {@code actor} is a person's username
     * or the party whose node sent it; {@code shared}, for this party's own step, says who it went to. A step
     * dated before the opening is refused, and so is an acknowledgement, a draft or a new action dated after the
     * closing. An action keeps the proposer, title, owner and due date its proposer's node gave it: a party other
     * than the proposer changes only the status of an action known here, or of one whose original, signed by the
     * proposer's node, it carries (checked by the caller).
     *
     * @return whether it changed anything (a second acknowledgement, or an older draft, does not)
     */
    static boolean apply(Handle h, Consultations.Row r, List<Party> parties, ConsultationStep s, String actor,
                         Instant now, Optional<ConsultationSharing.Shared> shared) {
        Party by = Party.of(s.by());
        Instant at = Instant.parse(s.at());
        if (at.isBefore(r.openedAt())) {
            throw Refusal.invalid("a step dated " + s.at() + " comes before its consultation's opening ("
                    + r.openedAt() + ")");
        }
        Duration after = Duration.between(r.openedAt(), at);
        switch (s.step()) {
            case ACK -> {
                notAfterClosing(r, at, "an acknowledgement");
                if (!Consultations.acknowledge(h, r.id(), by, at)) {
                    return false;
                }
                AuditLog.append(h, sent(AuditEntry.of(AuditEntry.Type.CONSULTATION_ACKNOWLEDGED, now, actor)
                        .with("consultation", r.id()).with("by", by.code()).with("at", s.at())
                        .with("afterMillis", after.toMillis()), shared));
            }
            case DRAFT -> {
                notAfterClosing(r, at, "a draft");
                if (!Consultations.draft(h, r.id(), by, draftText(s.text()), at)) {
                    return false;
                }
                AuditLog.append(h, sent(AuditEntry.of(AuditEntry.Type.CONSULTATION_DRAFTED, now, actor)
                        .with("consultation", r.id()).with("by", by.code()).with("at", s.at())
                        .with("chars", s.text().length()).with("afterMillis", after.toMillis()), shared));
            }
            case ACTION -> {
                return action(h, r, parties, s, actor, now, shared);
            }
            case CLOSE -> {
                if (!by.equals(r.opener())) {
                    throw Refusal.forbidden("consultation " + r.id() + " is closed by its opener " + r.opener()
                            + ", not by " + by);
                }
                Optional<String> outcome = outcome(s.text());
                if (!Consultations.close(h, r.id(), at, actor, outcome)) {
                    return false;
                }
                AuditLog.append(h, sent(AuditEntry.of(AuditEntry.Type.CONSULTATION_CLOSED, now, actor)
                        .with("consultation", r.id()).with("by", by.code()).with("at", s.at())
                        .with("outcomeChars", outcome.map(String::length).orElse(0))
                        .with("afterMillis", after.toMillis()), shared));
            }
            default -> throw Refusal.invalid("a consultation step is ACK, DRAFT, ACTION or CLOSE, not \""
                    + shorten(String.valueOf(s.step())) + "\"");
        }
        return true;
    }

    /** An action's step: see {@link #apply}. */
    private static boolean action(Handle h, Consultations.Row r, List<Party> parties, ConsultationStep s,
                                  String actor, Instant now, Optional<ConsultationSharing.Shared> shared) {
        Party by = Party.of(s.by());
        var a = action(r, parties, s);
        var kept = Consultations.action(h, a.id());
        if (kept.isPresent()) {
            if (!kept.get().consultation().equals(r.id())) {
                throw Refusal.invalid("response action " + a.id() + " belongs to another consultation");
            }
            if (!kept.get().a().sameAs(a)) {
                throw Refusal.invalid("response action " + a.id() + " is known here: " + describe(kept.get().a())
                        + "; a step cannot change that to " + describe(a));
            }
        }
        Optional<ConsultationStep> origin;
        if (s.origin() != null) {
            var o = s.origin();
            if (!ACTION.equals(o.step()) || o.origin() != null || !a.id().equals(o.stepId())
                    || !a.proposer().code().equals(o.by())) {
                throw Refusal.invalid("a status change carries its action's original step, signed by its proposer "
                        + a.proposer());
            }
            if (!action(r, parties, o).sameAs(a)) {
                throw Refusal.invalid("response action " + a.id() + " was " + describe(action(r, parties, o))
                        + ", as its original says; a step cannot change that to " + describe(a));
            }
            origin = Optional.of(o);
        } else if (by.equals(a.proposer())) {
            // Signed by its proposer's node: the step vouches for the action itself.
            origin = Optional.of(s);
        } else if (kept.isEmpty()) {
            throw Refusal.invalid("response action " + a.id() + " is not known here, and " + by + " is not its "
                    + "proposer: a status change by another party carries the proposer's signed step");
        } else {
            origin = Optional.empty();
        }
        if (kept.isEmpty()) {
            // A new action: proposed while the consultation was open, by its proposer's own step.
            var original = action(r, parties, origin.orElseThrow());
            notAfterClosing(r, original.at(), "a new response action");
            if (origin.get() != s && Consultations.action(h, r.id(), original, origin)) {
                AuditLog.append(h, actionEntry(now, actor, r, original, a.proposer(), after(r, original.at()),
                        Optional.empty()));
            }
        }
        if (!Consultations.action(h, r.id(), a, origin)) {
            return false;
        }
        AuditLog.append(h, actionEntry(now, actor, r, a, by, after(r, a.at()), shared));
        return true;
    }

    private static Consultations.Action action(Consultations.Row r, List<Party> parties, ConsultationStep s) {
        Instant at = Instant.parse(s.at());
        if (at.isBefore(r.openedAt())) {
            throw Refusal.invalid("a step dated " + s.at() + " comes before its consultation's opening ("
                    + r.openedAt() + ")");
        }
        return new Consultations.Action(uuid(s.stepId(), "an action"), proposer(s.proposer(), parties),
                actionTitle(s.text()), owner(s.owner(), parties), due(s.due(), r.openedAt()), status(s.status()), at);
    }

    private static AuditEntry actionEntry(Instant now, String actor, Consultations.Row r, Consultations.Action a,
                                          Party by, Duration after, Optional<ConsultationSharing.Shared> shared) {
        return sent(AuditEntry.of(AuditEntry.Type.CONSULTATION_ACTION, now, actor)
                .with("consultation", r.id()).with("action", a.id()).with("by", by.code())
                .with("proposer", a.proposer().code()).with("owner", a.owner().code()).with("due", a.due())
                .with("status", a.status()).with("at", a.at().toString()).with("afterMillis", after.toMillis()), shared);
    }

    /** This party's own step says who it went to, and who the release policy kept it from. */
    private static AuditEntry sent(AuditEntry e, Optional<ConsultationSharing.Shared> shared) {
        return shared.map(x -> e.with("to", codes(x.to()))
                .with("withheld", x.withheld().isEmpty() ? null : codes(x.withheld()))).orElse(e);
    }

    private static Duration after(Consultations.Row r, Instant at) {
        return Duration.between(r.openedAt(), at);
    }

    private static String describe(Consultations.Action a) {
        return "proposed by " + a.proposer() + ", \"" + shorten(a.title()) + "\", owned by " + a.owner() + ", due "
                + a.due();
    }

    private static void notAfterClosing(Consultations.Row r, Instant at, String what) {
        if (r.closed().isPresent() && at.isAfter(r.closed().get().at())) {
            throw Refusal.conflict("CLOSED", "consultation " + r.id() + " was closed at " + r.closed().get().at()
                    + ": it takes no " + what.replaceFirst("^an? ", "") + " dated after it (" + at + ")");
        }
    }

    /** Every consultation this node knows, newest first. */
    public List<Room> list(Account person) {
        return self.store().read(Consultations::all).stream().map(r -> room(person, r)).toList();
    }

    public Room room(Account person, String id) {
        return room(person, row(id));
    }

    private Room room(Account person, Consultations.Row r) {
        Instant now = self.clock().instant();
        var acks = self.store().read(h -> Consultations.acks(h, r.id()));
        var drafts = self.store().read(h -> Consultations.drafts(h, r.id()));
        var actions = self.store().read(h -> Consultations.actions(h, r.id()));
        var withheld = self.store().read(h -> Consultations.withheld(h, r.id()));
        Optional<Holdings.View> subject = holdings.among(person, List.of(r.subjectItem())).stream().findFirst();
        List<PartyLine> parties = new ArrayList<>();
        for (Party p : parties(r)) {
            Optional<Instant> ack = p.equals(r.opener()) ? Optional.of(r.openedAt())
                    : acks.stream().filter(a -> a.party().equals(p)).map(Consultations.Ack::at).findFirst();
            boolean holds = subject.isPresent() && (p.equals(self.party())
                    || p.equals(subject.get().label().originator()));
            Optional<Boolean> may = Optional.empty();
            List<String> reasons = List.of();
            if (subject.isPresent() && !holds) {
                // The policy's answer today, as a pointer: the decision on record is taken when a release is asked.
                ReleaseDecision d = self.facts().policy().decide(new ReleaseRequest(subject.get().label(),
                        self.party(), p, now, false));
                may = Optional.of(d.permitted());
                reasons = d.permitted() ? d.basis() : d.reasonTexts();
            }
            var kept = withheld.stream().filter(w -> w.party().equals(p)).toList();
            Optional<Withheld> last = kept.isEmpty() ? Optional.empty() : Optional.of(kept.getLast())
                    .map(w -> new Withheld(kept.size(), w.step(), w.at(), w.reasons()));
            parties.add(new PartyLine(p, p.equals(r.opener()), ack,
                    ack.map(at -> Duration.between(r.openedAt(), at)), holds, may, reasons, last));
        }
        List<DraftLine> draftLines = parties(r).stream().map(p -> drafts.stream().filter(d -> d.party().equals(p))
                .findFirst().map(d -> new DraftLine(p, Optional.of(d.text()), Optional.of(d.at()),
                        Optional.of(Duration.between(r.openedAt(), d.at()))))
                .orElseGet(() -> new DraftLine(p, Optional.empty(), Optional.empty(), Optional.empty()))).toList();
        List<ActionLine> actionLines = actions.stream().map(a -> new ActionLine(a.id(), a.proposer(), a.title(),
                a.owner(), a.due(), a.status(), a.at(), Duration.between(r.openedAt(), a.at()))).toList();
        boolean awaiting = !r.opener().equals(self.party()) && r.closed().isEmpty()
                && acks.stream().noneMatch(a -> a.party().equals(self.party()));
        return new Room(r.id(), r.agreementId(), r.opener(), r.subjectItem(), subject, r.openedAt(),
                Duration.between(r.openedAt(), now), parties, draftLines, actionLines, awaiting,
                r.closed().map(c -> new Closed(c.at(), c.by(), c.outcome())));
    }

    private Consultations.Row row(String id) {
        return self.store().read(h -> Consultations.byId(h, id))
                .orElseThrow(() -> Refusal.notFound("no consultation " + shorten(String.valueOf(id))));
    }

    /** The room's parties: the agreement's, in the scenario's order. */
    private List<Party> parties(Consultations.Row r) {
        return parties(self, r.agreementId());
    }

    static List<Party> parties(Self self, String agreementId) {
        return self.facts().scenario().agreement(agreementId).map(Agreement::parties).orElse(List.of());
    }

    private List<Party> others(List<Party> parties) {
        return parties.stream().filter(p -> !p.equals(self.party())).toList();
    }

    static String draftText(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("a draft public message has text; it is empty");
        }
        if (text.length() > MAX_DRAFT) {
            throw Refusal.invalid("a draft public message is at most " + MAX_DRAFT + " characters; this one has "
                    + text.length());
        }
        return text.strip();
    }

    static String actionTitle(String title) {
        if (title == null || title.isBlank()) {
            throw Refusal.invalid("a response action has a title; it is empty");
        }
        if (title.length() > MAX_TITLE) {
            throw Refusal.invalid("a response action's title is at most " + MAX_TITLE + " characters; this one has "
                    + title.length());
        }
        return title.strip();
    }

    static Party owner(String owner, List<Party> parties) {
        if (owner == null || !Party.isCode(owner.strip()) || !parties.contains(Party.of(owner.strip()))) {
            throw Refusal.invalid("an action's owner is a party of the consultation ("
                    + String.join(", ", parties.stream().map(Party::code).toList()) + "), not \""
                    + shorten(String.valueOf(owner)) + "\"");
        }
        return Party.of(owner.strip());
    }

    private static Party proposer(String proposer, List<Party> parties) {
        if (proposer == null || !Party.isCode(proposer) || !parties.contains(Party.of(proposer))) {
            throw Refusal.invalid("an action names the party of the consultation that proposed it");
        }
        return Party.of(proposer);
    }

    static String due(String due, Instant openedAt) {
        LocalDate d;
        try {
            d = LocalDate.parse(due == null ? "" : due.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("an action's due date is written 2024-11-01, not \"" + shorten(String.valueOf(due))
                    + "\"");
        }
        if (d.isBefore(LocalDate.ofInstant(openedAt, ZoneOffset.UTC))) {
            throw Refusal.invalid("an action cannot be due (" + d + ") before the consultation was opened ("
                    + day(openedAt) + ")");
        }
        return d.toString();
    }

    /** The closing's outcome: none, or one line of at most {@value #MAX_OUTCOME} characters. */
    static Optional<String> outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return Optional.empty();
        }
        String o = outcome.strip();
        if (o.length() > MAX_OUTCOME) {
            throw Refusal.invalid("a consultation's outcome is one line of at most " + MAX_OUTCOME
                    + " characters; this one has " + o.length());
        }
        if (o.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("a consultation's outcome is one line, without line breaks or control characters");
        }
        return Optional.of(o);
    }

    private static List<String> codes(List<Party> parties) {
        return parties.stream().map(Party::code).toList();
    }

    static String status(String status) {
        if (status == null || !STATUSES.contains(status.strip())) {
            throw Refusal.invalid("an action's status is one of " + String.join(", ", STATUSES) + ", not \""
                    + shorten(String.valueOf(status)) + "\"");
        }
        return status.strip();
    }

    private static String uuid(String id, String what) {
        if (!Incoming.isUuid(id)) {
            throw Refusal.invalid(what + " is named by a lower-case UUID");
        }
        return id;
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
