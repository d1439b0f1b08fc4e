package trisec.node.federation;

import java.util.Base64;
import trisec.envelope.Canonical;
import trisec.envelope.NodeKeys;
import trisec.envelope.PublicIdentity;
import trisec.envelope.Signatures;
import trisec.node.federation.Messages.ConsentProof;
import trisec.node.federation.Messages.ItemData;
import trisec.node.federation.Messages.ItemNotice;
import trisec.node.federation.Messages.Receipt;
import trisec.node.federation.Messages.SignedReceipt;

/**
 * The signed statements of federation: an originator's signature over its item and label (the label bound to
 * the content, in the spirit of STANAG 4778), its consents, and the receipts nodes give. Each purpose is
 * domain-separated, so one kind of signature can never pass for another.
 */
public final class MessageSignatures {
    public static final String ITEM = trisec.interop.TrisecSeal.STATEMENT;
    static final String CONSENT = "trisec consent v1";
    static final String NOTICE = "trisec notice v1";
    static final String WARNING_ACK = "trisec warning acknowledgement v1";
    static final String RECEIPT = "trisec receipt v1";
    /** A receipt that names the signer's RECEIVED log entry; one without (a node before that) stays v1. */
    static final String RECEIPT_LOGGED = "trisec receipt v2";

    private MessageSignatures() {}

    static byte[] item(ItemData i) {
        return new Canonical().add(i.id()).add(i.originator()).add(i.level()).add(String.join(",", i.relTo()))
                .add(String.join(",", i.caveats())).add(i.topic()).add(i.createdAt()).add(i.title()).add(i.body())
                .bytes();
    }

    public static String signItem(NodeKeys keys, ItemData unsigned) {
        return b64(Signatures.sign(keys, ITEM, item(unsigned)));
    }

    public static boolean verifyItem(PublicIdentity originator, ItemData i) {
        return originator.keyId().value().equals(i.originKey())
                && Signatures.verify(originator, ITEM, item(i), unb64(i.originSignature()));
    }

    static byte[] consent(ConsentProof c) {
        return new Canonical().add(c.consentId()).add(c.itemId()).add(c.originator()).add(c.recipient())
                .add(c.granted() ? "GRANTED" : "REFUSED").add(c.decidedAt()).bytes();
    }

    public static ConsentProof signConsent(NodeKeys keys, String consentId, String itemId, String recipient,
                                           boolean granted, String decidedAt) {
        var unsigned = new ConsentProof(consentId, itemId, keys.party().code(), recipient, granted, decidedAt,
                keys.identity().keyId().value(), "");
        return new ConsentProof(consentId, itemId, unsigned.originator(), recipient, granted, decidedAt,
                unsigned.signerKey(), b64(Signatures.sign(keys, CONSENT, consent(unsigned))));
    }

    public static boolean verifyConsent(PublicIdentity originator, ConsentProof c) {
        return originator.party().code().equals(c.originator()) && originator.keyId().value().equals(c.signerKey())
                && Signatures.verify(originator, CONSENT, consent(c), unb64(c.signature()));
    }

    static byte[] notice(ItemNotice n) {
        return new Canonical().add(n.itemId()).add(n.originator()).add(n.action()).add(nz(n.level()))
                .add(nz(n.originKey())).add(nz(n.originSignature())).add(n.at()).bytes();
    }

    /**
     * The originator's notice (a retraction, a new marking), signed by it so that any holder can pass it on and
     * every holder, direct or through the hub, can check it came from the originator.
     */
    public static ItemNotice signNotice(NodeKeys keys, String itemId, String action, String level, String originKey,
                                        String originSignature, String at) {
        var unsigned = new ItemNotice(itemId, action, level, originKey, originSignature, at, keys.party().code(),
                keys.identity().keyId().value(), "");
        return new ItemNotice(itemId, action, level, originKey, originSignature, at, unsigned.originator(),
                unsigned.signerKey(), b64(Signatures.sign(keys, NOTICE, notice(unsigned))));
    }

    public static boolean verifyNotice(PublicIdentity originator, ItemNotice n) {
        return n.signature() != null && originator.party().code().equals(n.originator())
                && originator.keyId().value().equals(n.signerKey())
                && Signatures.verify(originator, NOTICE, notice(n), unb64(n.signature()));
    }

    static byte[] ack(Messages.WarningAck a) {
        return new Canonical().add(a.ackId()).add(a.itemId()).add(a.track()).add(a.at()).add(a.by()).bytes();
    }

    /** This node's acknowledgement of a partner's warning, signed so that it can reach the originator through a hub. */
    public static Messages.WarningAck signAck(NodeKeys keys, String ackId, String itemId, String track, String at) {
        var unsigned = new Messages.WarningAck(ackId, itemId, track, at, keys.party().code(),
                keys.identity().keyId().value(), "");
        return new Messages.WarningAck(ackId, itemId, track, at, unsigned.by(), unsigned.signerKey(),
                b64(Signatures.sign(keys, WARNING_ACK, ack(unsigned))));
    }

    public static boolean verifyAck(PublicIdentity by, Messages.WarningAck a) {
        return a.signature() != null && by.party().code().equals(a.by()) && by.keyId().value().equals(a.signerKey())
                && Signatures.verify(by, WARNING_ACK, ack(a), unb64(a.signature()));
    }

    /**
     * This node's signature over the hash of a joint statement's revision ({@code trisec.consult.StatementRevision}):
     * the hash alone, under the statement's own purpose, so that the exported document can be checked offline with
     * nothing but the texts and the parties' public keys.
     */
    public static String signStatement(NodeKeys keys, byte[] hash) {
        return b64(Signatures.sign(keys, trisec.consult.StatementRevision.SIGNATURE_PURPOSE, hash));
    }

    public static boolean verifyStatement(PublicIdentity signer, String signerKey, byte[] hash, String signature) {
        return signature != null && signer.keyId().value().equals(signerKey)
                && Signatures.verify(signer, trisec.consult.StatementRevision.SIGNATURE_PURPOSE, hash,
                        unb64(signature));
    }

    static byte[] receipt(Receipt r) {
        var c = new Canonical().add(r.messageId()).add(r.kind()).add(nz(r.releaseId())).add(nz(r.itemId()))
                .add(r.signer()).add(r.outcome()).add(nz(r.recipientLevel())).add(nz(r.reason())).add(r.at());
        if (logged(r)) {
            c.add(String.valueOf(r.logIndex())).add(nz(r.logLeaf()));
        }
        return c.bytes();
    }

    private static boolean logged(Receipt r) {
        return r.logIndex() != null || r.logLeaf() != null;
    }

    private static String purpose(Receipt r) {
        return logged(r) ? RECEIPT_LOGGED : RECEIPT;
    }

    /** Both log fields or neither; an index that can be one, a leaf that is a SHA-256 hash in base64. */
    static boolean wellFormedLog(Receipt r) {
        if (!logged(r)) {
            return true;
        }
        if (r.logIndex() == null || r.logLeaf() == null || r.logIndex() < 0 || r.logLeaf().length() != 44) {
            return false;
        }
        try {
            return java.util.Base64.getDecoder().decode(r.logLeaf()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static SignedReceipt signReceipt(NodeKeys keys, Receipt r) {
        return new SignedReceipt(r, keys.identity().keyId().value(),
                b64(Signatures.sign(keys, purpose(r), receipt(r))));
    }

    /** The signer's receipt, well formed, under its key; a receipt naming a malformed log entry does not verify. */
    public static boolean verifyReceipt(PublicIdentity signer, SignedReceipt s) {
        return s.receipt() != null && signer.party().code().equals(s.receipt().signer())
                && signer.keyId().value().equals(s.keyId()) && wellFormedLog(s.receipt())
                && Signatures.verify(signer, purpose(s.receipt()), receipt(s.receipt()), unb64(s.signature()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] unb64(String s) {
        try {
            return s == null ? new byte[0] : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
