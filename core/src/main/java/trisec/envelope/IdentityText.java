package trisec.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import trisec.party.Party;

/**
 * The small text form of a node's {@link PublicIdentity} that a node keeps beside its private keys and may give its
 * partners as it is: {@code party}, {@code key-id}, {@code signing-key} and {@code kem-key} lines (public keys as
 * X.509, base64), {@code #} comments and blank lines ignored.
 */
public final class IdentityText {
    private IdentityText() {}

    /** Public keys only; partners may be given this text as it is. */
    public static byte[] format(PublicIdentity identity) {
        Base64.Encoder base64 = Base64.getEncoder();
        return ("# trisec node identity: public keys only (X.509, base64); share it with partner nodes\n"
                        + "party " + identity.party().code() + "\n"
                        + "key-id " + identity.keyId().value() + "\n"
                        + "signing-key " + base64.encodeToString(identity.signingKey()) + "\n"
                        + "kem-key " + base64.encodeToString(identity.kemKey()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The identity in {@code text}, read from {@code source} (a file's name, in messages).
     *
     * @throws EnvelopeException if the text is not an identity, or its keys or key id are not valid
     */
    public static PublicIdentity parse(String source, byte[] text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length != 2 || fields.putIfAbsent(parts[0], parts[1]) != null) {
                throw new EnvelopeException(source + " is not an identity file: bad line '" + abbreviate(trimmed) + "'");
            }
        }
        if (!fields.keySet().equals(Set.of("party", "key-id", "signing-key", "kem-key"))) {
            throw new EnvelopeException(
                    source + " is not an identity file: it needs party, key-id, signing-key and kem-key, has "
                            + fields.keySet());
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return new PublicIdentity(
                    Party.of(fields.get("party")),
                    KeyId.of(fields.get("key-id")),
                    base64.decode(fields.get("signing-key")),
                    base64.decode(fields.get("kem-key")));
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException(source + " is not a valid identity file: " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
