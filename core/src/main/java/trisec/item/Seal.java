package trisec.item;

import java.util.Objects;

/**
 * The originator's signature over an item and its label: the id of the key that signed, and the signature
 * (ML-DSA-87, base64). Empty text in both while an item is being made and not yet signed.
 */
public record Seal(String keyId, String signature) {
    public Seal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** The seal of an item not yet signed. */
    public static Seal unsigned(String keyId) {
        return new Seal(keyId, "");
    }
}
