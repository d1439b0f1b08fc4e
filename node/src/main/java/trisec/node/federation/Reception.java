package trisec.node.federation;

import trisec.node.base.Peer;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.DomainException;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent;
import trisec.envelope.Envelope;
import trisec.envelope.EnvelopeException;
import trisec.envelope.Envelopes;
import trisec.envelope.Header;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Changes;
import trisec.node.base.Json;
import trisec.node.item.Labels;
import trisec.node.base.Self;
import trisec.node.base.Refusal;
import trisec.node.federation.Messages.CompromiseReport;
import trisec.node.federation.Messages.ConsentDecision;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Messages.ConsentRequest;
import trisec.node.federation.Messages.EventNote;
import trisec.node.federation.Messages.ItemData;
import trisec.node.federation.Messages.ItemDelivery;
import trisec.node.federation.Messages.ItemNotice;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.ReceiptRelay;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.store.ConsentRow;
import trisec.node.store.Consents;
import trisec.node.store.Inbox;
import trisec.node.store.ItemRow;
import trisec.node.store.Items;
import trisec.node.store.PendingRelabels;
import trisec.node.store.RecordedEvents;
import trisec.node.store.ReleaseRow;
import trisec.node.store.ReleaseStatus;
import trisec.node.store.Releases;
import trisec.node.store.Reports;
import trisec.node.store.Retractions;
import trisec.party.Level;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;

/**
 * Envelopes from partner nodes. Each is checked before anything else happens (well-formed, addressed to this
 * node, from a known partner, signature valid, decryptable), then answered exactly once: the message id goes
 * into the inbox with the signed answer in the same transaction as the message's effect, and a repeated delivery
 * gets the stored answer back and changes nothing. This node re-decides every release with its own copy of the
 * agreements and refuses, with a reason, whatever it would not have allowed.
 */
public final class Reception {
    private static final Logger log = LoggerFactory.getLogger(Reception.class);
    /** Striped by item id: messages about one item are received one at a time (see {@link #receive(String)}). */
    private final Object[] itemLocks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    /** What the HTTP edge answers: a status and a JSON body. */
    public record Answer(int status, String body) {}

    /** A refusal of the message's content: recorded and answered with a signed REFUSED receipt. */
    private static final class BadMessage extends RuntimeException {
        BadMessage(String reason) {
            super(reason);
        }
    }

    private final Self self;
    private final Postbox postbox;
    private final Runnable wakeCourier;
    private final Admission admission;

    public Reception(Self self, Postbox postbox, Runnable wakeCourier, Admission admission) {
        this.self = self;
        this.postbox = postbox;
        this.wakeCourier = wakeCourier;
        this.admission = admission;
    }

    private static Answer tooMany() {
        return error(429, "TOO_MANY_REFUSED", "too many envelopes from this source were refused; try again later");
    }

    /**
     * Receives an envelope posted from {@code address}. What is refused before it can be opened is counted by
     * {@link Admission}, not logged one by one; a source that has used up its budget of refusals is answered 429
     * before any cryptography or storage.
     */
    public Answer receive(Optional<String> body, String address) {
        Envelope envelope;
        try {
            envelope = Wire.decode(body.orElseThrow(() -> new EnvelopeException("the body is not UTF-8 text")));
        } catch (EnvelopeException e) {
            if (!admission.admits(address)) {
                admission.throttled(Admission.source(address, "?"));
                return tooMany();
            }
            admission.refused(address, "?", "malformed", null);
            return error(400, "MALFORMED_ENVELOPE", e.getMessage());
        }
        var header = envelope.header();
        String claimed = header.sender().code();
        Optional<Peer> peer = self.peers().of(header.sender());
        // An envelope in a partner's name is always checked: a forger who spent the budget of the partner's address
        // would otherwise silence it. Its signature is the gate, and a forgery costs one check and no write.
        if (peer.isEmpty() && !admission.admits(address)) {
            admission.throttled(Admission.source(address, claimed));
            return tooMany();
        }
        String messageId = header.messageId().toString();
        if (!header.recipient().equals(self.party())) {
            admission.refused(address, claimed, "misaddressed", messageId);
            return error(403, "MISADDRESSED", "this is " + self.party() + "'s node; the envelope is for "
                    + header.recipient());
        }
        if (peer.isEmpty()) {
            admission.refused(address, claimed, "unknown sender", messageId);
            return error(403, "UNKNOWN_SENDER", header.sender() + " is not a partner of this node");
        }
        Envelopes.Opened opened;
        try {
            opened = Envelopes.open(self.keys(), peer.get().identity(), envelope);
        } catch (EnvelopeException e) {
            admission.refused(address, claimed, "does not verify", messageId);
            return error(403, "REFUSED_ENVELOPE", e.getMessage());
        }
        // An agreement event is checked, stored and recorded while no other is (see Facts#serially); a copy of an
        // item and a notice about it are handled one after the other, so that a retraction or reclassification
        // that arrives together with the copy is never checked before the copy is stored, nor the copy before it.
        Answer answer;
        Optional<String> item = itemOf(header.kind(), opened.payload());
        if (Messages.EVENT_NOTE.equals(header.kind())) {
            answer = self.facts().serially(() -> receive(header, opened, envelope, item));
        } else if (item.isPresent()) {
            synchronized (itemLocks[Math.floorMod(item.get().hashCode(), itemLocks.length)]) {
                answer = receive(header, opened, envelope, item);
            }
        } else {
            answer = receive(header, opened, envelope, item);
        }
        if (answer.status() == 200) {
            self.changes().signal(Changes.INBOX);
            self.changes().signal(Changes.OUTBOX);
            self.changes().signal(Changes.CONSENTS);
        }
        return answer;
    }

    /** The item an ITEM or ITEM_NOTICE message is about, when its payload names one. */
    private static Optional<String> itemOf(String kind, byte[] payload) {
        try {
            String text = new String(payload, StandardCharsets.UTF_8);
            return switch (kind) {
                case Messages.ITEM -> Optional.ofNullable(Json.read(text, ItemDelivery.class))
                        .map(ItemDelivery::item).map(ItemData::id);
                case Messages.ITEM_NOTICE -> Optional.ofNullable(Json.read(text, ItemNotice.class)).map(ItemNotice::itemId);
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty(); // malformed: refused by the handler, which needs no lock for that
        }
    }

    /** Handles an opened envelope once: its effect, its audit entry and its inbox entry commit together. */
    private Answer receive(Header header, Envelopes.Opened opened, Envelope envelope, Optional<String> item) {
        String hash = sha256(envelope);
        String messageId = header.messageId().toString();
        List<Runnable> afterCommit = new ArrayList<>();
        Answer answer = self.store().inTransaction(h -> {
            if (item.isPresent() && self.store().isPostgres()) {
                // Instances sharing the store take turns on an item too (the striped lock is per process).
                h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:i))) x").bind("i", item.get())
                        .mapTo(Integer.class).one();
            }
            Optional<Inbox.Entry> seen = Inbox.find(h, messageId);
            if (seen.isPresent()) {
                if (!seen.get().envelopeHash().equals(hash)) {
                    return error(409, "MESSAGE_ID_REUSED", "message " + messageId + " was received before with other content");
                }
                // A replay: nothing happens again; the original signed answer lets a retrying sender finish.
                return new Answer(409, Json.write(new Duplicate("DUPLICATE",
                        "message " + messageId + " was received before; nothing was done again",
                        Json.read(seen.get().response(), SignedReceipt.class))));
            }
            Party sender = header.sender();
            String payload = new String(opened.payload(), StandardCharsets.UTF_8);
            Receipt receipt;
            // A refused message leaves no trace but its inbox entry: whatever it had written is rolled back.
            h.savepoint("message");
            try {
                receipt = handle(h, messageId, header.kind(), header.label(), sender, payload, afterCommit);
            } catch (BadMessage | DomainException | Refusal e) {
                h.rollbackToSavepoint("message");
                // A refusal names the item it refuses, so that it cannot be passed off as the answer about another.
                receipt = receipt(messageId, header.kind(), null, item.filter(Reception::isUuid).orElse(null),
                        Messages.REFUSED, null, e.getMessage());
                afterCommit.clear();
                log.info("refused {} {} from {}: {}", header.kind(), messageId, sender, e.getMessage());
            }
            // The entry goes into the log now, in this transaction, so that the receipt can name its index: the
            // sender checks it against this log's checkpoints later (ReceiptChecks).
            var placed = AuditLog.appendNow(h, self.store().isPostgres(), AuditEntry.of(AuditEntry.Type.RECEIVED,
                            self.clock().instant(), sender.code())
                    .with("kind", header.kind()).with("message", messageId).with("outcome", receipt.outcome())
                    .with("item", receipt.itemId()).with("release", receipt.releaseId())
                    .with("recipientLevel", receipt.recipientLevel()).with("reason", receipt.reason()));
            SignedReceipt signed = Proofs.signReceipt(self.keys(), receipt.withLog(placed.index(), placed.leaf()));
            String response = Json.write(signed);
            Inbox.record(h, new Inbox.Entry(messageId, sender.code(), header.kind(), hash, response), self.clock().instant());
            return new Answer(200, response);
        });
        afterCommit.forEach(Runnable::run);
        return answer;
    }

    record Duplicate(String error, String message, SignedReceipt receipt) {}

    private Receipt handle(Handle h, String messageId, String kind, String label, Party sender, String payload,
                           List<Runnable> afterCommit) {
        return switch (kind) {
            case Messages.ITEM -> item(h, messageId, label, sender, read(payload, ItemDelivery.class), afterCommit);
            case Messages.RECEIPT_RELAY -> relay(h, messageId, sender, read(payload, ReceiptRelay.class));
            case Messages.CONSENT_REQUEST -> consentRequest(h, messageId, sender, read(payload, ConsentRequest.class));
            case Messages.CONSENT_DECISION -> consentDecision(h, messageId, sender, read(payload, ConsentDecision.class));
            case Messages.EVENT_NOTE -> eventNote(h, messageId, sender, read(payload, EventNote.class), afterCommit);
            case Messages.ITEM_NOTICE -> notice(h, messageId, label, sender, read(payload, ItemNotice.class));
            case Messages.COMPROMISE_REPORT -> report(h, messageId, sender, read(payload, CompromiseReport.class));
            default -> throw new BadMessage("unknown kind of message '" + kind + "'");
        };
    }

    private static <T> T read(String payload, Class<T> type) {
        try {
            return Json.read(payload, type);
        } catch (Refusal e) {
            throw new BadMessage("malformed payload: " + e.getMessage());
        }
    }

    // ---- items --------------------------------------------------------------------------------------

    private Receipt item(Handle h, String messageId, String headerLabel, Party sender, ItemDelivery d,
                         List<Runnable> afterCommit) {
        ItemData item = d.item();
        if (item == null || d.route() == null || d.releaseId() == null) {
            throw new BadMessage("the delivery lacks its item, route or release id");
        }
        if (!isUuid(item.id()) || !isUuid(d.releaseId())) {
            throw new BadMessage("item and release ids are UUIDs");
        }
        ConfidentialityLabel label = Labels.of(item, self.facts().scenario());
        if (!Labels.header(label).equals(headerLabel)) {
            throw new BadMessage("the envelope's label does not match the item's label");
        }
        Party originator = label.originator();
        if (Retractions.by(h, item.id(), originator.code())) {
            throw new BadMessage("the originator " + originator + " has retracted this item");
        }
        var originatorIdentity = identityOf(originator);
        if (originatorIdentity.isEmpty()) {
            throw new BadMessage("the originator " + originator + " is not a partner of this node, so its signature "
                    + "cannot be checked");
        }
        if (!Proofs.verifyItem(originatorIdentity.get(), item)) {
            throw new BadMessage("the originator's signature over the item and its label does not verify");
        }
        List<Party> route = d.route().stream().map(Party::of).toList();
        if (route.size() < 2 || route.size() > 3 || !route.getFirst().equals(sender)) {
            throw new BadMessage("the route " + d.route() + " does not start with the sender " + sender);
        }
        boolean forwarding = route.size() == 3 && route.get(1).equals(self.party());
        if (!forwarding && !route.getLast().equals(self.party())) {
            throw new BadMessage("this node is not on the route " + d.route());
        }
        Party finalRecipient = route.getLast();
        boolean consent = d.consent() != null && consentHolds(d.consent(), item.id(), originator, finalRecipient);
        Instant now = self.clock().instant();

        // Re-decide the leg that arrives here with this node's own agreements.
        ReleaseDecision arriving = self.facts().policy().decide(new ReleaseRequest(label, sender, self.party(), now,
                consent || sender.equals(originator)));
        if (arriving.verdict() != Verdict.PERMIT) {
            throw new BadMessage("on its own agreements " + self.party() + " would not receive this from " + sender
                    + ": " + String.join("; ", arriving.reasonTexts()));
        }
        if (arriving.route().size() != 2) {
            // A hub route is no licence to receive directly: the leg that arrived needs an agreement of its own.
            throw new BadMessage("on its own agreements " + self.party() + " would receive this from " + sender
                    + " only through " + arriving.route().get(1) + " (" + String.join(", ", arriving.basis())
                    + "), not directly: " + directAgreements(sender, now));
        }
        Level held = arriving.recipientLevel().orElseThrow();
        ReleaseDecision onward = null;
        if (forwarding) {
            // The hub answers the party that sent it the item, about the release it named: nothing else.
            if ((d.originParty() != null && !d.originParty().equals(sender.code()))
                    || (d.originRelease() != null && !d.originRelease().equals(d.releaseId()))) {
                throw new BadMessage("a delivery to the hub names its sender and its own release as its origin");
            }
            if (!consent) {
                throw new BadMessage("a hub forwards only with the originator's consent, and none is attached");
            }
            onward = self.facts().policy().decide(new ReleaseRequest(label, self.party(), finalRecipient, now, true));
            if (onward.verdict() != Verdict.PERMIT || onward.route().size() != 2) {
                throw new BadMessage("on its own agreements " + self.party() + " would not forward this to "
                        + finalRecipient + ": " + String.join("; ", onward.reasonTexts()));
            }
        }
        storeCopy(h, item, sender, held, now);
        applyWaitingRelabel(h, item.id(), originator);
        if (d.consent() != null && consent) {
            recordConsent(h, d.consent(), sender);
        }
        if (!forwarding) {
            return receipt(messageId, Messages.ITEM, d.releaseId(), item.id(), Messages.ACCEPTED, held.name(), null);
        }
        // As hub: a release of our own, serving the sender's, straight into the outbox (the originator consented).
        var release = new ReleaseRow(UUID.randomUUID().toString(), item.id(), finalRecipient.code(),
                Labels.codes(onward.route()), onward.basis(), onward.recipientLevel().map(Level::name),
                ReleaseStatus.QUEUED, Optional.empty(), Optional.empty(), now, now, Optional.of(d.consent().consentId()),
                Optional.of(d.originParty() == null ? sender.code() : d.originParty()),
                Optional.of(d.originRelease() == null ? d.releaseId() : d.originRelease()), Optional.empty(),
                Optional.empty());
        Releases.insert(h, release);
        var delivery = new ItemDelivery(item, release.id(), release.route(), d.consent(), release.originParty().get(),
                release.originRelease().get());
        postbox.post(h, finalRecipient, Messages.ITEM, Labels.header(label), delivery, Optional.of(release.id()));
        afterCommit.add(wakeCourier);
        return receipt(messageId, Messages.ITEM, d.releaseId(), item.id(), Messages.FORWARDING, held.name(),
                "forwarding to " + finalRecipient + " under " + String.join(", ", onward.basis()));
    }

    /** How the security-of-information agreements between {@code other} and this party stand at {@code at}. */
    private String directAgreements(Party other, Instant at) {
        var scenario = self.facts().scenario();
        var sias = scenario.agreements().stream()
                .filter(a -> a.kind() == AgreementKind.SIA && a.parties().contains(other)
                        && a.parties().contains(self.party()))
                .map(a -> a.id() + " is " + scenario.lifecycle(a).statusAt(at).describe()).toList();
        return sias.isEmpty() ? "no security-of-information agreement with " + other : String.join("; ", sias);
    }

    private boolean consentHolds(ConsentProof c, String itemId, Party originator, Party recipient) {
        if (!c.granted() || !itemId.equals(c.itemId()) || !recipient.code().equals(c.recipient())) {
            return false;
        }
        var identity = identityOf(originator);
        return identity.isPresent() && Proofs.verifyConsent(identity.get(), c);
    }

    /** The public identity of a party's node: this node's own, or a partner's from the peers file. */
    private Optional<trisec.envelope.PublicIdentity> identityOf(Party party) {
        return party.equals(self.party()) ? Optional.of(self.keys().identity())
                : self.peers().of(party).map(Peer::identity);
    }

    private void storeCopy(Handle h, ItemData item, Party from, Level held, Instant now) {
        if (Items.byId(h, item.id()).isPresent()) {
            return; // already held (our own item coming back, or an earlier delivery): keep the one copy
        }
        Items.insert(h, new ItemRow(item.id(), item.originator(), item.level(), item.relTo(), item.caveats(),
                item.topic(), Instant.parse(item.createdAt()), item.title(), item.body(), held.name(),
                item.originKey(), item.originSignature(), Optional.of(from.code()), Optional.of(now), ItemRow.ACTIVE,
                Optional.empty()));
    }

    private void recordConsent(Handle h, ConsentProof c, Party holder) {
        if (Consents.byId(h, c.consentId()).isPresent()) {
            return;
        }
        Instant decided = Instant.parse(c.decidedAt());
        Consents.insert(h, new ConsentRow(c.consentId(), c.itemId(), c.originator(), holder.code(), c.recipient(),
                ConsentRow.OUT, ConsentRow.GRANTED, decided, Optional.of(decided), Optional.empty(),
                Optional.of(Json.write(c))));
    }

    /** The hub passes on the final recipient's receipt for a release we made through it. */
    private Receipt relay(Handle h, String messageId, Party sender, ReceiptRelay r) {
        if (r.receipt() == null || r.receipt().receipt() == null || r.originRelease() == null) {
            throw new BadMessage("the relay lacks its receipt");
        }
        ReleaseRow release = Releases.lock(h, r.originRelease())
                .orElseThrow(() -> new BadMessage("no release " + r.originRelease() + " here"));
        if (release.route().size() != 3 || !release.route().get(1).equals(sender.code())) {
            throw new BadMessage(sender + " is not the hub of release " + release.id());
        }
        Party signer = Party.of(release.recipient());
        var identity = self.peers().of(signer).map(Peer::identity);
        if (identity.isEmpty() || !Proofs.verifyReceipt(identity.get(), r.receipt())) {
            throw new BadMessage("the relayed receipt is not " + signer + "'s signature");
        }
        Receipt final_ = r.receipt().receipt();
        // The recipient's answer to the delivery of this very item, for a release not yet settled: any other
        // receipt the recipient signed (for another message, another item) proves nothing about this one.
        if (!Messages.ITEM.equals(final_.kind()) || !release.itemId().equals(final_.itemId())) {
            throw new BadMessage("the relayed receipt does not answer the delivery of item " + release.itemId());
        }
        if (release.status() == ReleaseStatus.DELIVERED || release.status() == ReleaseStatus.REFUSED) {
            throw new BadMessage("release " + release.id() + " is already settled");
        }
        if (!Messages.ACCEPTED.equals(final_.outcome()) && !Messages.REFUSED.equals(final_.outcome())) {
            throw new BadMessage("the relayed receipt is neither an acceptance nor a refusal");
        }
        Instant now = self.clock().instant();
        if (Messages.REFUSED.equals(final_.outcome())) {
            Releases.refused(h, release.id(), signer + ": " + final_.reason(), Json.write(r.receipt()), now);
        } else {
            Releases.delivered(h, release.id(), ReleaseStatus.DELIVERED, Json.write(r.receipt()), now);
        }
        Courier.expectLogged(h, final_, now);
        return receipt(messageId, Messages.RECEIPT_RELAY, release.id(), release.itemId(), Messages.ACCEPTED, null, null);
    }

    // ---- consents -----------------------------------------------------------------------------------

    private Receipt consentRequest(Handle h, String messageId, Party sender, ConsentRequest c) {
        if (!isUuid(c.consentId())) {
            throw new BadMessage("a consent id is a UUID");
        }
        ItemRow item = Items.byId(h, c.itemId()).orElseThrow(() -> new BadMessage("no item " + c.itemId() + " here"));
        if (!item.originator().equals(self.party().code())) {
            throw new BadMessage("this node is not the originator of item " + c.itemId());
        }
        if (!sender.code().equals(c.holder())) {
            throw new BadMessage("a consent request comes from the holder itself");
        }
        Party recipient = self.facts().scenario().party(c.recipient());
        if (Consents.byId(h, c.consentId()).isEmpty()) {
            Consents.insert(h, new ConsentRow(c.consentId(), c.itemId(), self.party().code(), sender.code(),
                    recipient.code(), ConsentRow.IN, ConsentRow.PENDING, self.clock().instant(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        }
        return receipt(messageId, Messages.CONSENT_REQUEST, null, c.itemId(), Messages.ACCEPTED, null, null);
    }

    private Receipt consentDecision(Handle h, String messageId, Party sender, ConsentDecision d) {
        ConsentProof proof = d.proof();
        if (proof == null) {
            throw new BadMessage("the decision lacks its proof");
        }
        ConsentRow consent = Consents.lock(h, proof.consentId())
                .orElseThrow(() -> new BadMessage("no consent request " + proof.consentId() + " here"));
        if (!consent.originator().equals(sender.code()) || !consent.itemId().equals(proof.itemId())
                || !consent.recipient().equals(proof.recipient())) {
            throw new BadMessage("the decision does not answer request " + proof.consentId());
        }
        var identity = self.peers().of(sender).map(Peer::identity).orElseThrow();
        if (!Proofs.verifyConsent(identity, proof)) {
            throw new BadMessage("the consent is not " + sender + "'s signature");
        }
        if (!ConsentRow.PENDING.equals(consent.state())) {
            return receipt(messageId, Messages.CONSENT_DECISION, null, proof.itemId(), Messages.ACCEPTED, null,
                    "already decided");
        }
        Instant now = self.clock().instant();
        Consents.decide(h, consent.id(), proof.granted() ? ConsentRow.GRANTED : ConsentRow.REFUSED, now,
                sender.code(), Json.write(proof));
        Optional<ReleaseRow> release = Releases.byConsent(h, consent.id());
        if (release.isPresent() && release.get().status() == ReleaseStatus.CONSENT_PENDING) {
            if (!proof.granted()) {
                Releases.update(h, release.get().id(), ReleaseStatus.CONSENT_REFUSED, now);
            } else {
                ItemRow item = Items.byId(h, consent.itemId()).orElseThrow();
                ReleaseDecision d2 = self.facts().policy().decide(new ReleaseRequest(
                        Labels.of(item, self.facts().scenario()), self.party(), Party.of(consent.recipient()), now, true));
                if (d2.verdict() == Verdict.PERMIT) {
                    Releases.redecided(h, release.get().id(), ReleaseStatus.AWAITING_APPROVAL, Labels.codes(d2.route()),
                            d2.basis(), d2.recipientLevel().map(Level::name), now);
                } else {
                    Releases.update(h, release.get().id(), ReleaseStatus.WITHDRAWN, now);
                }
            }
        }
        return receipt(messageId, Messages.CONSENT_DECISION, release.map(ReleaseRow::id).orElse(null), proof.itemId(),
                Messages.ACCEPTED, null, null);
    }

    // ---- agreement events, notices, reports ---------------------------------------------------------

    private Receipt eventNote(Handle h, String messageId, Party sender, EventNote n, List<Runnable> afterCommit) {
        var agreement = self.facts().scenario().agreement(n.agreementId())
                .orElseThrow(() -> new BadMessage("unknown agreement '" + n.agreementId() + "'"));
        if (!agreement.parties().contains(sender)) {
            throw new BadMessage(sender + " is not a party to " + n.agreementId() + " and cannot record its events");
        }
        if (RecordedEvents.exists(h, n.eventId())) {
            return receipt(messageId, Messages.EVENT_NOTE, null, null, Messages.ACCEPTED, null, "already recorded");
        }
        LifecycleEvent event;
        try {
            event = LifecycleEvent.of(LifecycleEvent.EventType.valueOf(n.type()), Instant.parse(n.at()),
                    Optional.ofNullable(n.by()).map(Party::of), n.note() == null ? "" : n.note(),
                    Optional.ofNullable(n.effective()).map(Instant::parse));
        } catch (RuntimeException e) {
            throw new BadMessage("malformed event: " + e.getMessage());
        }
        self.facts().check(n.agreementId(), event);
        RecordedEvents.insert(h, new RecordedEvents.Row(n.eventId(), n.agreementId(), n.type(), event.at(),
                event.by().map(Party::code), Optional.ofNullable(n.effective()).map(Instant::parse), event.note(),
                sender.code(), self.clock().instant(), sender.code()));
        AuditLog.append(h, AuditEntry.of(AuditEntry.Type.AGREEMENT_EVENT, self.clock().instant(), sender.code())
                .with("agreement", n.agreementId()).with("event", n.type()).with("date", event.at().toString())
                .with("by", n.by()).with("effective", n.effective()));
        afterCommit.add(() -> self.facts().record(n.agreementId(), event));
        return receipt(messageId, Messages.EVENT_NOTE, null, null, Messages.ACCEPTED, null, null);
    }

    private Receipt notice(Handle h, String messageId, String headerLabel, Party sender, ItemNotice n) {
        if (n.itemId() == null || !isUuid(n.itemId())) {
            throw new BadMessage("item ids are UUIDs");
        }
        Optional<ItemRow> copy = Items.lock(h, n.itemId());
        if (copy.isEmpty() && Messages.RETRACT.equals(n.action())) {
            // The retraction overtook a copy still on its way here: refuse the copy on arrival.
            Retractions.record(h, n.itemId(), sender.code(), self.clock().instant());
            return receipt(messageId, Messages.ITEM_NOTICE, null, n.itemId(), Messages.ACCEPTED, null,
                    "not held here; a copy arriving later will be refused");
        }
        if (copy.isEmpty() && Messages.RECLASSIFY.equals(n.action())) {
            // The new label overtook the copy (through the hub, or while its delivery is retried): the copy is
            // re-marked when it arrives, once the originator's signature over it can be checked.
            if (n.level() == null || n.originKey() == null || n.originSignature() == null) {
                throw new BadMessage("the reclassification lacks its level or the originator's signature");
            }
            PendingRelabels.record(h, new PendingRelabels.Row(n.itemId(), sender.code(), n.level(), n.originKey(),
                    n.originSignature(), headerLabel, instant(n.at(), "the reclassification's time")));
            return receipt(messageId, Messages.ITEM_NOTICE, null, n.itemId(), Messages.ACCEPTED, null,
                    "not held here; a copy arriving later will be re-marked");
        }
        ItemRow item = copy.orElseThrow(() -> new BadMessage("no item " + n.itemId() + " here"));
        if (!item.originator().equals(sender.code())) {
            throw new BadMessage("only the originator " + item.originator() + " may retract or reclassify item " + n.itemId());
        }
        switch (n.action()) {
            case Messages.RETRACT -> Items.retract(h, item.id());
            case Messages.RECLASSIFY -> {
                if (!relabel(h, item, sender, n.level(), n.originKey(), n.originSignature(), headerLabel,
                        instant(n.at(), "the reclassification's time"))) {
                    return receipt(messageId, Messages.ITEM_NOTICE, null, item.id(), Messages.ACCEPTED, null,
                            "a later reclassification by the originator is already applied");
                }
            }
            default -> throw new BadMessage("unknown action '" + n.action() + "'");
        }
        return receipt(messageId, Messages.ITEM_NOTICE, null, item.id(), Messages.ACCEPTED, null, null);
    }

    /**
     * Re-marks a held copy with the originator's new level, if its signature over the new label verifies; returns
     * false, changing nothing, when a reclassification the originator made later is already applied.
     */
    private boolean relabel(Handle h, ItemRow item, Party originator, String level, String originKey, String signature,
                            String headerLabel, Instant labelledAt) {
        var relabelled = new ItemData(item.id(), item.originator(), level, item.relTo(), item.caveats(), item.topic(),
                item.createdAt().toString(), item.title(), item.body(), originKey, signature);
        ConfidentialityLabel label;
        try {
            label = Labels.of(relabelled, self.facts().scenario());
        } catch (DomainException e) {
            throw new BadMessage("the new label is not valid: " + e.getMessage());
        }
        var originatorIdentity = identityOf(originator);
        if (!Labels.header(label).equals(headerLabel) || originatorIdentity.isEmpty()
                || !Proofs.verifyItem(originatorIdentity.get(), relabelled)) {
            throw new BadMessage("the new label is not signed by the originator");
        }
        Level held = self.facts().policy().holderLevel(label, self.party())
                .orElseThrow(() -> new BadMessage(self.party() + " has no level for " + level));
        if (Items.labelledAt(h, item.id()).filter(current -> !labelledAt.isAfter(current)).isPresent()) {
            return false;
        }
        Items.relabel(h, item.id(), label.level().name(), held.name(), originKey, signature, labelledAt);
        return true;
    }

    /**
     * A copy just stored here takes the originator's reclassification that arrived before it; when that cannot
     * be (its signature does not verify, or this party has no level for the new one) the copy is refused rather
     * than kept under a marking the originator has replaced.
     */
    private void applyWaitingRelabel(Handle h, String itemId, Party originator) {
        Optional<PendingRelabels.Row> waiting = PendingRelabels.take(h, itemId, originator.code());
        if (waiting.isEmpty()) {
            return;
        }
        var w = waiting.get();
        relabel(h, Items.byId(h, itemId).orElseThrow(), originator, w.level(), w.originKey(), w.originSignature(),
                w.headerLabel(), w.labelledAt());
    }

    private static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new BadMessage(what + " is not an instant");
        }
    }

    private Receipt report(Handle h, String messageId, Party sender, CompromiseReport r) {
        ItemRow item = Items.byId(h, r.itemId()).orElseThrow(() -> new BadMessage("no item " + r.itemId() + " here"));
        if (!item.originator().equals(self.party().code())) {
            throw new BadMessage("reports go to the originator, and this node is not the originator of " + r.itemId());
        }
        Reports.insert(h, new Reports.Row(r.reportId(), item.id(), sender.code(),
                r.detail() == null ? "" : r.detail(), self.clock().instant()));
        return receipt(messageId, Messages.COMPROMISE_REPORT, null, item.id(), Messages.ACCEPTED, null, null);
    }

    // ---- answers ------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static boolean isUuid(String s) {
        return s != null && UUID_FORM.matcher(s).matches();
    }

    private Receipt receipt(String messageId, String kind, String releaseId, String itemId, String outcome,
                            String level, String reason) {
        return new Receipt(messageId, kind, releaseId, itemId, self.party().code(), outcome, level, reason,
                self.clock().instant().toString(), null, null);
    }

    private static Answer error(int status, String code, String message) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("error", code);
        m.put("message", message);
        return new Answer(status, Json.write(m));
    }

    private static String sha256(Envelope e) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            md.update(e.signedBytes());
            md.update(e.signature());
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
