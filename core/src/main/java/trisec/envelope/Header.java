package trisec.envelope;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import trisec.party.Party;

/**
 * What an envelope says about itself. All of it is authenticated twice: the sender signs it, and it is the AES-GCM
 * associated data and part of the HKDF info, so a header cannot be moved onto another ciphertext even by someone
 * who can sign. The recipient reads it before decrypting, which is why it carries only what routing and the inbox
 * need: the kind, the message id (the inbox's idempotency key), who sent it with which key, to whom with which key,
 * when, and the rendered confidentiality label of the payload.
 *
 * <p>{@code createdAt} is signed to the nanosecond; a serializer must keep full precision ({@link Instant#toString()}
 * and {@link Instant#parse} do).
 *
 * @param kind  what the payload is, {@code [A-Z_]{1,40}} (e.g. {@code RELEASE}, {@code RECEIPT})
 * @param label the rendered label or banner of the payload, e.g. {@code SECRET//REL TO USA, JPN, KOR}; at most
 *              4096 characters of well-formed text
 */
public record Header(
        String kind,
        UUID messageId,
        Party sender,
        KeyId senderKey,
        Party recipient,
        KeyId recipientKey,
        Instant createdAt,
        String label) {
    private static final Pattern KIND = Pattern.compile("[A-Z_]{1,40}");
    static final int MAX_LABEL = 4096;

    public Header {
        if (kind == null || messageId == null || sender == null || senderKey == null || recipient == null
                || recipientKey == null || createdAt == null || label == null) {
            throw new IllegalArgumentException("an envelope header has no empty fields");
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("an envelope kind is 1 to 40 of A-Z and _, got '" + kind + "'");
        }
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException(
                    "an envelope label is at most " + MAX_LABEL + " characters, got " + label.length());
        }
        if (!Canonical.isWellFormed(label)) {
            throw new IllegalArgumentException("an envelope label must be well-formed Unicode text");
        }
    }

    /** The header's canonical bytes: the AEAD's associated data, part of the HKDF info and of the signed bytes. */
    byte[] canonicalBytes() {
        return new Canonical()
                .add(kind)
                .add(messageId)
                .add(sender.code())
                .add(senderKey.value())
                .add(recipient.code())
                .add(recipientKey.value())
                .add(createdAt)
                .add(label)
                .bytes();
    }
}
