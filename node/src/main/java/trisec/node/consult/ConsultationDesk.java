package trisec.node.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import trisec.node.warning.WarningDesk;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;

/**
 * The Commitment to Consult (Camp David, 2023-08-18): while it is in force, any party opens a consultation on an
 * item it holds (a missile warning among them); the other parties are told at once and acknowledge; each party
 * posts its draft public message, shown side by side; response actions have an owner, a due date and a status.
 * Every step is timed from the opening and on record in the audit log, and each goes to the other parties signed
 * by its node (docs/CONSULTATION.md, "Commitment to Consult").
 *
 * <p>The subject item is never sent by the consultation: it goes, if at all, through the release flow. A person
 * sees its title and marking in the room only when they may read it here.
 */
public final class ConsultationDesk {
    /** The agreement consultations are opened under (FACTS.md). */
    public static final String COMMITMENT = "camp-david-commitment-2023";
    static final int MAX_DRAFT = 2_000;
    static final int MAX_TITLE = 300;
    static final String ACK = "ACK";
    static final String DRAFT = "DRAFT";
    static final String ACTION = "ACTION";
    static final List<String> STATUSES = List.of("OPEN", "DONE", "DROPPED");

    /** What to consult on: an item this node holds ({@code item}) or a missile warning ({@code warning}, PARTY/TRACK). */
    public record Opening(String item, String warning) {}

    public record NewDraft(String text) {}

    public record NewAction(String title, String owner, String due) {}

    public record StatusChange(String status) {}

    /** Where the commitment stands at the node's instant, and why a consultation can or cannot be opened. */
    public record Commitment(String agreementId, boolean inForce, String statusCode, String status, Instant at,
                             List<Party> parties, Optional<AgreementStatus> standing) {}

    /** One party of the room: whether it acknowledged, when and how long after the opening; what it may receive. */
    public record PartyLine(Party party, boolean opener, Optional<Instant> acknowledgedAt, Optional<Duration> after,
                            boolean holds, Optional<Boolean> mayReceive, List<String> reasons) {}

    /** One party's latest draft public message, if it has posted one. */
    public record DraftLine(Party party, Optional<String> text, Optional<Instant> at, Optional<Duration> after) {}

    public record ActionLine(String id, Party proposer, String title, Party owner, String due, String status,
                             Instant at, Duration after) {}

    /**
     * A consultation as a person sees it. {@code subject} is the item when they may read it here; otherwise empty,
     * whether this node does not hold it or the person may not read it, so the room says nothing about it.
     */
    public record Room(String id, String agreementId, Party opener, String subjectItem,
                       Optional<Holdings.View> subject, Instant openedAt, Duration sinceOpening,
                       List<PartyLine> parties, List<DraftLine> drafts, List<ActionLine> actions,
                       boolean awaitingOurAck) {}

    private final Self self;
    private final Holdings holdings;
    private final WarningDesk warnings;
    private final Postbox postbox;
    private final Runnable wakeCourier;

    public ConsultationDesk(Self self, Holdings holdings, WarningDesk warnings, Postbox postbox,
                            Runnable wakeCourier) {
        this.self = self;
        this.holdings = holdings;
        this.warnings = warnings;
        this.postbox = postbox;
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

    /** Opens a consultation and asks the other parties of the commitment at once. */
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
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_OPENED, now, officer.username())
                    .with("consultation", id).with("agreement", COMMITMENT).with("opener", self.party().code())
                    .with("item", itemId).with("to", others.stream().map(Party::code).toList()));
            for (Party p : others) {
                postbox.post(h, p, opening, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
            }
            h.afterCommit(wakeCourier);
        });
        return room(officer, id);
    }

    /** This party's watch acknowledges a consultation another party opened: once, told to every other party. */
    public Room acknowledge(Account person, String id) {
        Consultations.Row r = row(id);
        if (r.opener().equals(self.party())) {
            throw Refusal.invalid("the consultation was opened by " + self.party()
                    + "; the other parties acknowledge it");
        }
        step(person, r, ACK, UUID.randomUUID().toString(), null, null, null, null, null, Instant.MIN);
        return room(person, id);
    }

    /** This party's draft public message: unclassified text, replacing its earlier draft. */
    public Room draft(Account officer, String id, NewDraft in) {
        Consultations.Row r = row(id);
        String text = draftText(in == null ? null : in.text());
        step(officer, r, DRAFT, UUID.randomUUID().toString(), text, null, null, null, null, Instant.MIN);
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
        step(officer, r, ACTION, actionId, title, owner.code(), due, "OPEN", self.party().code(), Instant.MIN);
        return room(officer, id).actions().stream().filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
    }

    /** A new status of a response action (OPEN, DONE, DROPPED), told to every party. */
    public ActionLine setStatus(Account officer, String actionId, StatusChange in) {
        String status = status(in == null ? null : in.status());
        Consultations.Kept kept = self.store().read(h -> Consultations.action(h, String.valueOf(actionId)))
                .orElseThrow(() -> Refusal.notFound("no response action " + shorten(String.valueOf(actionId))));
        Consultations.Row r = row(kept.consultation());
        Consultations.Action a = kept.a();
        // After the state it replaces, whichever party's clock stamped that: a later state wins at every node.
        step(officer, r, ACTION, a.id(), a.title(), a.owner().code(), a.due(), status, a.proposer().code(),
                a.at().plus(Duration.ofNanos(1000)));
        return room(officer, r.id()).actions().stream().filter(x -> x.id().equals(actionId)).findFirst()
                .orElseThrow();
    }

    /** The consultation a response action belongs to. */
    public String consultationOf(String actionId) {
        return self.store().read(h -> Consultations.action(h, String.valueOf(actionId))).map(Consultations.Kept::consultation)
                .orElseThrow(() -> Refusal.notFound("no response action " + shorten(String.valueOf(actionId))));
    }

    /** Records this party's step here and sends it, signed, to every other party of the consultation. */
    private void step(Account person, Consultations.Row r, String kind, String stepId, String text, String owner,
                      String due, String status, String proposer, Instant notBefore) {
        Instant now = self.clock().instant();
        Instant at = now.isBefore(notBefore) ? notBefore : now;
        ConsultationStep s = ConsultationSignatures.signStep(self.keys(), r.opening(), kind, stepId, at.toString(),
                text, owner, due, status, proposer);
        self.store().useTransaction(h -> {
            if (!apply(h, r, parties(r), s, person.username(), now)) {
                throw Refusal.conflict(kind.equals(ACK) ? "consultation " + r.id() + " is already acknowledged by "
                        + self.party() : "a later step of this party is already on record");
            }
            for (Party p : others(parties(r))) {
                if (postbox.reaches(p)) {
                    postbox.post(h, p, s, Postbox.UNCLASSIFIED_HEADER, Optional.empty());
                }
            }
            h.afterCommit(wakeCourier);
        });
    }

    /**
     * Records a step, checked, with its audit entry: here, or as a partner's. {@code actor} is a person's username
     * or the party whose node sent it.
     *
     * @return whether it changed anything (a second acknowledgement, or an older draft, does not)
     */
    static boolean apply(Handle h, Consultations.Row r, List<Party> parties, ConsultationStep s, String actor,
                         Instant now) {
        Party by = Party.of(s.by());
        Instant at = Instant.parse(s.at());
        Duration after = Duration.between(r.openedAt(), at);
        switch (s.step()) {
            case ACK -> {
                if (!Consultations.acknowledge(h, r.id(), by, at)) {
                    return false;
                }
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_ACKNOWLEDGED, now, actor)
                        .with("consultation", r.id()).with("by", by.code()).with("at", s.at())
                        .with("afterMillis", after.toMillis()));
            }
            case DRAFT -> {
                if (!Consultations.draft(h, r.id(), by, draftText(s.text()), at)) {
                    return false;
                }
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_DRAFTED, now, actor)
                        .with("consultation", r.id()).with("by", by.code()).with("at", s.at())
                        .with("chars", s.text().length()).with("afterMillis", after.toMillis()));
            }
            case ACTION -> {
                Party proposer = proposer(s.proposer(), parties);
                var a = new Consultations.Action(uuid(s.stepId(), "an action"), proposer, actionTitle(s.text()),
                        owner(s.owner(), parties), due(s.due(), r.openedAt()), status(s.status()), at);
                if (!Consultations.action(h, r.id(), a)) {
                    return false;
                }
                AuditLog.append(h, AuditEntry.of(AuditEntry.Type.CONSULTATION_ACTION, now, actor)
                        .with("consultation", r.id()).with("action", a.id()).with("by", by.code())
                        .with("owner", a.owner().code()).with("due", a.due()).with("status", a.status())
                        .with("at", s.at()).with("afterMillis", after.toMillis()));
            }
            default -> throw Refusal.invalid("a consultation step is ACK, DRAFT or ACTION, not \""
                    + shorten(String.valueOf(s.step())) + "\"");
        }
        return true;
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
            parties.add(new PartyLine(p, p.equals(r.opener()), ack,
                    ack.map(at -> Duration.between(r.openedAt(), at)), holds, may, reasons));
        }
        List<DraftLine> draftLines = parties(r).stream().map(p -> drafts.stream().filter(d -> d.party().equals(p))
                .findFirst().map(d -> new DraftLine(p, Optional.of(d.text()), Optional.of(d.at()),
                        Optional.of(Duration.between(r.openedAt(), d.at()))))
                .orElseGet(() -> new DraftLine(p, Optional.empty(), Optional.empty(), Optional.empty()))).toList();
        List<ActionLine> actionLines = actions.stream().map(a -> new ActionLine(a.id(), a.proposer(), a.title(),
                a.owner(), a.due(), a.status(), a.at(), Duration.between(r.openedAt(), a.at()))).toList();
        boolean awaiting = !r.opener().equals(self.party())
                && acks.stream().noneMatch(a -> a.party().equals(self.party()));
        return new Room(r.id(), r.agreementId(), r.opener(), r.subjectItem(), subject, r.openedAt(),
                Duration.between(r.openedAt(), now), parties, draftLines, actionLines, awaiting);
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
