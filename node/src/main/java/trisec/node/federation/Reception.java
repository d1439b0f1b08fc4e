package trisec.node.federation;

import trisec.node.base.Peer;
import trisec.node.log.AuditLog;
import trisec.node.log.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trisec.DomainException;
import trisec.envelope.Envelope;
import trisec.envelope.EnvelopeException;
import trisec.envelope.Envelopes;
import trisec.envelope.Header;
import trisec.node.base.Changes;
import trisec.node.base.Json;
import trisec.node.base.Self;
import trisec.node.base.Refusal;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.SignedReceipt;
import trisec.node.federation.Inbox;
import trisec.party.Party;

/**
 * Envelopes from partner nodes. Each is checked before anything else happens (well-formed, addressed to this
 * node, from a known partner, signature valid, decryptable), then answered exactly once: the message id goes
 * into the inbox with the signed answer in the same transaction as the message's effect, and a repeated delivery
 * gets the stored answer back and changes nothing. This node re-decides every release with its own copy of the
 * agreements and refuses, with a reason, whatever it would not have allowed.
 */
public final class Reception {
    private static final Logger log = LoggerFactory.getLogger(Reception.class);
    /** Striped by item id: messages about one item are received one at a time (see {@link #receive(Optional, String)}). */
    private final Object[] itemLocks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    /** What the HTTP edge answers: a status and a JSON body. */
    public record Answer(int status, String body) {}

    private final Self self;
    private final Admission admission;
    private final Map<String, MessageHandler<?>> handlers;

    /** @param handlers one per kind of message, each from the feature the message belongs to */
    public Reception(Self self, Admission admission, List<MessageHandler<?>> handlers) {
        this.self = self;
        this.admission = admission;
        var byKind = new java.util.HashMap<String, MessageHandler<?>>();
        for (MessageHandler<?> handler : handlers) {
            String kind = Messages.kindOf(handler.type());
            if (byKind.put(kind, handler) != null) {
                throw new IllegalArgumentException("two handlers for messages of kind " + kind);
            }
        }
        this.handlers = Map.copyOf(byKind);
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
        MessageHandler<?> handler = handlers.get(header.kind());
        if (handler != null && handler.recordsAgreementEvent()) {
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

    /** The item a message is about, when its kind's handler says messages about one item take turns. */
    private Optional<String> itemOf(String kind, byte[] payload) {
        MessageHandler<?> handler = handlers.get(kind);
        if (handler == null) {
            return Optional.empty();
        }
        try {
            return itemOf(handler, new String(payload, StandardCharsets.UTF_8));
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
            var incoming = new Incoming(messageId, header.kind(), header.label(), sender, payload, self.party(),
                    self.clock(), new ArrayList<>());
            // A refused message leaves no trace but its inbox entry: whatever it had written is rolled back.
            h.savepoint("message");
            try {
                MessageHandler<?> handler = handlers.get(header.kind());
                if (handler == null) {
                    throw new MessageRefused("unknown kind of message '" + header.kind() + "'");
                }
                receipt = dispatch(handler, h, incoming);
                afterCommit.addAll(incoming.pendingAfterCommit());
            } catch (MessageRefused | DomainException | Refusal e) {
                h.rollbackToSavepoint("message");
                // A refusal names the item it refuses, so that it cannot be passed off as the answer about another.
                receipt = incoming.refused(item.filter(Incoming::isUuid).orElse(null), e.getMessage());
                log.info("refused {} {} from {}: {}", header.kind(), messageId, sender, e.getMessage());
            }
            // The entry goes into the log now, in this transaction, so that the receipt can name its index: the
            // sender checks it against this log's checkpoints later (ReceiptChecks).
            var placed = AuditLog.appendNow(h, self.store().isPostgres(), AuditEntry.of(AuditEntry.Type.RECEIVED,
                            self.clock().instant(), sender.code())
                    .with("kind", header.kind()).with("message", messageId).with("outcome", receipt.outcome())
                    .with("item", receipt.itemId()).with("release", receipt.releaseId())
                    .with("recipientLevel", receipt.recipientLevel()).with("reason", receipt.reason()));
            SignedReceipt signed = MessageSignatures.signReceipt(self.keys(), receipt.withLog(placed.index(), placed.leaf()));
            String response = Json.write(signed);
            Inbox.record(h, new Inbox.Entry(messageId, sender.code(), header.kind(), hash, response), self.clock().instant());
            return new Answer(200, response);
        });
        afterCommit.forEach(Runnable::run);
        return answer;
    }

    private static <M extends Messages.Message> Receipt dispatch(MessageHandler<M> handler, Handle h, Incoming in) {
        return handler.handle(h, in, in.read(handler.type()));
    }

    private static <M extends Messages.Message> Optional<String> itemOf(MessageHandler<M> handler, String payload) {
        return Optional.ofNullable(Json.read(payload, handler.type())).flatMap(handler::itemOf);
    }

    record Duplicate(String error, String message, SignedReceipt receipt) {}

    // ---- answers ------------------------------------------------------------------------------------

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
