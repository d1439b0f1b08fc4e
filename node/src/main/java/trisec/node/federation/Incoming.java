package trisec.node.federation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.federation.Messages.Receipt;
import trisec.party.Party;

/**
 * A partner's message as its handler sees it: opened, its signature checked, sent to this node, not seen before.
 * Answers are made here so that every receipt has the same shape.
 */
public final class Incoming {
    private final String messageId;
    private final String kind;
    private final String label;
    private final Party sender;
    private final String payload;
    private final Party here;
    private final InstantSource clock;
    private final List<Runnable> afterCommit;

    Incoming(String messageId, String kind, String label, Party sender, String payload, Party here,
             InstantSource clock, List<Runnable> afterCommit) {
        this.messageId = messageId;
        this.kind = kind;
        this.label = label;
        this.sender = sender;
        this.payload = payload;
        this.here = here;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public String messageId() {
        return messageId;
    }

    /** The label in the envelope's header, authenticated with it; checked against the label in the payload. */
    public String label() {
        return label;
    }

    public Party sender() {
        return sender;
    }

    /** The payload as the kind's record; a payload that is not one is refused. */
    <T> T read(Class<T> type) {
        try {
            return Json.read(payload, type);
        } catch (Refusal e) {
            throw new MessageRefused("malformed payload: " + e.getMessage());
        }
    }

    /** Runs {@code r} once the reception's transaction has committed (and never when it rolls back). */
    public void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    public Receipt accepted(String releaseId, String itemId, String recipientLevel, String reason) {
        return receipt(releaseId, itemId, Messages.ACCEPTED, recipientLevel, reason);
    }

    public Receipt forwarding(String releaseId, String itemId, String recipientLevel, String reason) {
        return receipt(releaseId, itemId, Messages.FORWARDING, recipientLevel, reason);
    }

    Receipt refused(String itemId, String reason) {
        return receipt(null, itemId, Messages.REFUSED, null, reason);
    }

    private Receipt receipt(String releaseId, String itemId, String outcome, String level, String reason) {
        return new Receipt(messageId, kind, releaseId, itemId, here.code(), outcome, level, reason,
                clock.instant().toString(), null, null);
    }

    /** An instant the message states, or a refusal naming what it should have been. */
    public static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new MessageRefused(what + " is not an instant");
        }
    }

    /** Ids of items, releases and consents are lower-case UUIDs. */
    public static boolean isUuid(String s) {
        return s != null && UUID_FORM.matcher(s).matches();
    }

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    List<Runnable> pendingAfterCommit() {
        return List.copyOf(afterCommit);
    }
}
