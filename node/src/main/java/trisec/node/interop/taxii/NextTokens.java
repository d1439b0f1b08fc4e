package trisec.node.interop.taxii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import trisec.interop.TaxiiQuery.Position;
import trisec.node.store.Store;

/**
 * TAXII {@code next} tokens: a position in a collection's order, sealed with AES-256-GCM under the node's own key
 * ({@code taxii_secret}) with the requester and the query as associated data. So a token says nothing to its holder
 * (the position counts items the requester may not see), cannot be made or changed, and opens only for the requester
 * and the query it was given for: another person's token, or one from another collection or filter, is refused like a
 * made-up one. The key lives in the store, so every instance of a node opens the tokens of the others, and tokens
 * outlive a restart.
 */
final class NextTokens {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private volatile SecretKeySpec key;

    NextTokens(Store store) {
        this.store = store;
    }

    /** The token for a position, bound to what it continues ({@code context}: requester, endpoint and filters). */
    String seal(Position p, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = ByteBuffer.allocate(12).putLong(p.seq()).putInt(p.index()).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The position a token stands for, when it is one this node sealed for this context; else empty. */
    Optional<Position> open(String token, String context) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != NONCE_BYTES + 12 + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            ByteBuffer plain = ByteBuffer.wrap(c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES));
            return Optional.of(new Position(plain.getLong(), plain.getInt()));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // The first instance to ask makes the key; every other one reads the same.
            byte[] secret = store.inTransaction(h -> {
                h.createUpdate("INSERT INTO taxii_secret (id, secret) VALUES (1, :s) ON CONFLICT (id) DO NOTHING")
                        .bind("s", fresh).execute();
                return h.createQuery("SELECT secret FROM taxii_secret WHERE id = 1").mapTo(byte[].class).one();
            });
            k = new SecretKeySpec(secret, "AES");
            key = k;
        }
        return k;
    }
}
