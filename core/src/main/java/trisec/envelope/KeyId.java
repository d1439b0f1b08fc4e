package trisec.envelope;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The short, stable name of a node's public identity: lower-case hex of the first 8 bytes of SHA-256 over the
 * signing public key's X.509 bytes followed by the KEM public key's X.509 bytes. Envelopes carry it so a node can
 * tell which of a partner's keys (before or after a rotation) is meant, and peers files list it so an operator can
 * compare keys over the phone. It names a key, it does not authenticate one: the full keys do that.
 */
public record KeyId(String value) {
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    public KeyId {
        if (value == null || !HEX16.matcher(value).matches()) {
            throw new IllegalArgumentException("a key id is 16 lower-case hex digits, got '" + value + "'");
        }
    }

    public static KeyId of(String value) {
        return new KeyId(value);
    }

    /** The id of the identity with these public keys (X.509 SubjectPublicKeyInfo bytes). */
    static KeyId of(byte[] signingKey, byte[] kemKey) {
        byte[] digest = Suite.sha256(signingKey, kemKey);
        return new KeyId(HexFormat.of().formatHex(digest, 0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
