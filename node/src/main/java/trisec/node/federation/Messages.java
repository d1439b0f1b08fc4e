package trisec.node.federation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What partner nodes say to each other, inside sealed envelopes. Plain data for JSON; instants are ISO 8601
 * strings and absent values are null, since these records exist only at the wire.
 */
public final class Messages {
    private Messages() {}

    /**
     * What one node says to another in an envelope: one record per kind, each naming the envelope kind that
     * carries it, so a handler, the postbox and the wire agree on which payload a kind holds.
     */
    public sealed interface Message {
        /** The envelope kind that carries this message ({@link #ITEM}, …). */
        String envelopeKind();
    }

    /** The record type carried by an envelope kind, if the kind is one. */
    public static java.util.Optional<Class<? extends Message>> type(String kind) {
        return java.util.Optional.ofNullable(switch (kind) {
            case ITEM -> ItemDelivery.class;
            case RECEIPT_RELAY -> ReceiptRelay.class;
            case CONSENT_REQUEST -> ConsentRequest.class;
            case CONSENT_DECISION -> ConsentDecision.class;
            case EVENT_NOTE -> EventNote.class;
            case ITEM_NOTICE -> ItemNotice.class;
            case COMPROMISE_REPORT -> CompromiseReport.class;
            case WARNING_ACK -> WarningAck.class;
            case STATEMENT_DRAFT -> StatementDraft.class;
            case STATEMENT_SIGNED -> StatementSigned.class;
            case CONSULTATION_OPENED -> ConsultationOpened.class;
            case CONSULTATION_STEP -> ConsultationStep.class;
            default -> null;
        });
    }

    /** The envelope kind that carries a message record. */
    static String kindOf(Class<? extends Message> type) {
        for (String kind : List.of(ITEM, RECEIPT_RELAY, CONSENT_REQUEST, CONSENT_DECISION, EVENT_NOTE, ITEM_NOTICE,
                COMPROMISE_REPORT, WARNING_ACK, STATEMENT_DRAFT, STATEMENT_SIGNED, CONSULTATION_OPENED,
                CONSULTATION_STEP)) {
            if (type(kind).orElseThrow() == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException(type + " is no message");
    }

    /** Envelope kinds. */
    public static final String ITEM = "ITEM";
    public static final String RECEIPT_RELAY = "RECEIPT_RELAY";
    public static final String CONSENT_REQUEST = "CONSENT_REQUEST";
    public static final String CONSENT_DECISION = "CONSENT_DECISION";
    public static final String EVENT_NOTE = "EVENT_NOTE";
    public static final String ITEM_NOTICE = "ITEM_NOTICE";
    public static final String COMPROMISE_REPORT = "COMPROMISE_REPORT";
    public static final String WARNING_ACK = "WARNING_ACK";
    public static final String STATEMENT_DRAFT = "STATEMENT_DRAFT";
    public static final String STATEMENT_SIGNED = "STATEMENT_SIGNED";
    public static final String CONSULTATION_OPENED = "CONSULTATION_OPENED";
    public static final String CONSULTATION_STEP = "CONSULTATION_STEP";

    /** An item with its label, as its originator signed it ({@link MessageSignatures#item}). */
    public record ItemData(String id, String originator, String level, List<String> relTo, List<String> caveats,
                           String topic, String createdAt, String title, String body, String originKey,
                           String originSignature) {}

    /**
     * The originator's signed word on an onward release of its item to {@code recipient} (third-party rule,
     * hub forwarding). It names the recipient, not the holder, so that it travels with the item through a hub.
     */
    public record ConsentProof(String consentId, String itemId, String originator, String recipient, boolean granted,
                               String decidedAt, String signerKey, String signature) {}

    /**
     * An item released to the envelope's recipient. On a hub route ({@code route} of three parties) the hub
     * forwards it to the last party; {@code originParty}/{@code originRelease} name the release it serves.
     */
    public record ItemDelivery(ItemData item, String releaseId, List<String> route, ConsentProof consent,
                               String originParty, String originRelease) implements Message {
        @Override
        public String envelopeKind() {
            return ITEM;
        }
    }

    /** Outcomes of a receipt. */
    public static final String ACCEPTED = "ACCEPTED";
    public static final String FORWARDING = "FORWARDING";
    public static final String REFUSED = "REFUSED";

    /**
     * The answer to every envelope, signed by the node that received it. {@code logIndex} and {@code logLeaf} name
     * the RECEIVED entry the signer's audit log holds for the message (its index and RFC 6962 leaf hash, base64), so
     * that the sender can check, once it has witnessed a checkpoint covering it, that the entry is really there.
     */
    public record Receipt(String messageId, String kind, String releaseId, String itemId, String signer,
                          String outcome, String recipientLevel, String reason, String at, Long logIndex,
                          String logLeaf) {
        Receipt withLog(long index, byte[] leaf) {
            return new Receipt(messageId, kind, releaseId, itemId, signer, outcome, recipientLevel, reason, at, index,
                    java.util.Base64.getEncoder().encodeToString(leaf));
        }
    }

    public record SignedReceipt(Receipt receipt, String keyId, String signature) {}

    /** The hub passes the final recipient's signed receipt back to the originator. */
    public record ReceiptRelay(String originRelease, SignedReceipt receipt) implements Message {
        @Override
        public String envelopeKind() {
            return RECEIPT_RELAY;
        }
    }

    public record ConsentRequest(String consentId, String itemId, String holder, String recipient, String requestedAt) implements Message {
        @Override
        public String envelopeKind() {
            return CONSENT_REQUEST;
        }
    }

    public record ConsentDecision(ConsentProof proof, String holder) implements Message {
        @Override
        public String envelopeKind() {
            return CONSENT_DECISION;
        }
    }

    /** An agreement event recorded at one node, for the other parties' nodes to record too. */
    public record EventNote(String eventId, String agreementId, String type, String at, String by, String effective,
                            String note) implements Message {
        @Override
        public String envelopeKind() {
            return EVENT_NOTE;
        }
    }

    /** Actions an originator takes on an item that every holder must follow (GSOMIA Art. 4, 16). */
    public static final String RETRACT = "RETRACT";
    public static final String RECLASSIFY = "RECLASSIFY";

    /**
     * The originator's retraction or new marking of an item, signed by the originator ({@code signature}, with
     * {@code signerKey}) so that whoever passed the item on can pass the notice on too: a hub relays it to the
     * parties it forwarded the item to. A reclassification also carries the originator's signature over the item
     * with its new label ({@code originKey}, {@code originSignature}).
     */
    public record ItemNotice(String itemId, String action, String level, String originKey, String originSignature,
                             String at, String originator, String signerKey, String signature) implements Message {
        @Override
        public String envelopeKind() {
            return ITEM_NOTICE;
        }
    }

    /** A holder's report of loss or compromise (GSOMIA Art. 17). */
    public record CompromiseReport(String reportId, String itemId, String detail, String at) implements Message {
        @Override
        public String envelopeKind() {
            return COMPROMISE_REPORT;
        }
    }

    /**
     * A watch officer's acknowledgement of a missile warning, told to the warning's originator: signed by the
     * acknowledging party's node ({@code by}), so that a hub that passed the warning on can relay it unchanged.
     */
    public record WarningAck(String ackId, String itemId, String track, String at, String by, String signerKey,
                             String signature) implements Message {
        @Override
        public String envelopeKind() {
            return WARNING_ACK;
        }
    }

    /**
     * A revision of a joint statement, from the node of the party that drafted it ({@code by}) to the channel's
     * other parties: the whole revision, so that each node holds its own copy of the texts it will sign or check.
     */
    public record StatementDraft(String statementId, int revision, String channel, String meeting, String title,
                                 String ko, String ja, String en, String by, String at) implements Message {
        @Override
        public String envelopeKind() {
            return STATEMENT_DRAFT;
        }
    }

    /**
     * A party's node signed a revision of a joint statement: its signature over the revision's hash
     * ({@link MessageSignatures#signStatement}), which every other node checks against its own copy of the texts.
     * The revision is named by its number and the party that proposed it, since two parties revising at once each
     * make a revision of the same number. {@code proposedBy} is left out of the message where it says nothing (a
     * revision 1 is its drafter's alone), so that a node from before it was added (whose JSON refuses an unknown
     * field) takes the message; a message without it signs the revision of that number whose hash it names
     * (docs/NODE.md, "Nodes of different versions"). It is outside the signature, which covers the hash alone.
     */
    public record StatementSigned(String statementId, int revision,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String proposedBy, String hash, String by,
                                  String at, String signerKey, String signature) implements Message {
        @Override
        public String envelopeKind() {
            return STATEMENT_SIGNED;
        }
    }

    /**
     * A party opens a consultation under the Commitment to Consult (docs/CONSULTATION.md), signed by its node. It
     * names the subject by item id only: the item itself goes, if at all, through the release flow.
     */
    public record ConsultationOpened(String consultationId, String agreementId, String opener, String subjectItem,
                                     String openedAt, String signerKey, String signature) implements Message {
        @Override
        public String envelopeKind() {
            return CONSULTATION_OPENED;
        }
    }

    /**
     * One party's step in a consultation (an acknowledgement, a draft public message, a response action, the
     * opener's closing), signed by its node ({@code by}), and carrying the opener's signed opening, so that a party
     * that has not yet heard of the consultation from its opener learns of it from the first step that reaches it:
     * the order of arrival does not matter. {@code step} is {@code ACK}, {@code DRAFT}, {@code ACTION} or
     * {@code CLOSE}; the fields a step does not use are null. An action names the party that proposed it; a status
     * change carries, as {@code origin}, the proposer's own signed step that created the action, so that a status
     * arriving before the action itself records it as its proposer's node proposed it, and no other node can put an
     * action in a party's name. {@code origin} is outside this step's signature: it is signed on its own. It is left
     * out of the message when there is none, so that a node from before it was added takes every step but a status
     * change carrying an original.
     */
    public record ConsultationStep(ConsultationOpened opening, String step, String stepId, String by, String at,
                                   String text, String owner, String due, String status, String proposer,
                                   String signerKey, String signature,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) ConsultationStep origin)
            implements Message {
        @Override
        public String envelopeKind() {
            return CONSULTATION_STEP;
        }
    }
}
