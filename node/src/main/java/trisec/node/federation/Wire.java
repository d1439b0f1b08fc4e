package trisec.node.federation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import trisec.envelope.Envelope;
import trisec.envelope.EnvelopeException;
import trisec.envelope.Header;
import trisec.envelope.KeyId;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.party.Party;

/** Envelopes on the wire: a flat JSON object, binary fields in base64. */
public final class Wire {
    private Wire() {}

    record Form(@JsonProperty(required = true) int version, @JsonProperty(required = true) String kind,
                @JsonProperty(required = true) String messageId, @JsonProperty(required = true) String sender,
                @JsonProperty(required = true) String senderKey, @JsonProperty(required = true) String recipient,
                @JsonProperty(required = true) String recipientKey, @JsonProperty(required = true) String createdAt,
                @JsonProperty(required = true) String label, @JsonProperty(required = true) String encapsulation,
                @JsonProperty(required = true) String nonce, @JsonProperty(required = true) String ciphertext,
                @JsonProperty(required = true) String signature) {}

    public static String encode(Envelope e) {
        Header h = e.header();
        var b64 = Base64.getEncoder();
        return Json.write(new Form(e.version(), h.kind(), h.messageId().toString(), h.sender().code(),
                h.senderKey().value(), h.recipient().code(), h.recipientKey().value(), h.createdAt().toString(),
                h.label(), b64.encodeToString(e.encapsulation()), b64.encodeToString(e.nonce()),
                b64.encodeToString(e.ciphertext()), b64.encodeToString(e.signature())));
    }

    /** Reads an envelope; anything malformed is refused before any cryptography runs. */
    public static Envelope decode(String text) {
        Form f;
        try {
            f = Json.read(text, Form.class);
        } catch (Refusal e) {
            throw new EnvelopeException("malformed envelope: " + e.getMessage());
        }
        try {
            var b64 = Base64.getDecoder();
            var header = new Header(f.kind(), UUID.fromString(f.messageId()), Party.of(f.sender()),
                    KeyId.of(f.senderKey()), Party.of(f.recipient()), KeyId.of(f.recipientKey()),
                    Instant.parse(f.createdAt()), f.label());
            return new Envelope(f.version(), header, b64.decode(f.encapsulation()), b64.decode(f.nonce()),
                    b64.decode(f.ciphertext()), b64.decode(f.signature()));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new EnvelopeException("malformed envelope: " + e.getMessage());
        }
    }
}
