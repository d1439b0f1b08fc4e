package trisec.interop;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;
import trisec.envelope.Canonical;

/**
 * Deterministic STIX identifiers: {@code type--UUIDv5} (RFC 9562 §5.5, SHA-1 name-based) under trisec's own
 * namespace, so that the same item exports the same ids on every node and every time, and a consumer that sees an
 * object twice recognises it. The name is a {@link Canonical} sequence of fields that starts with what the id is
 * for, so no two uses can produce the same name.
 */
public final class StixIds {
    /** trisec's namespace for UUIDv5 names; fixed forever, since every exported id depends on it. */
    public static final UUID NAMESPACE = UUID.fromString("3319090e-b08a-4c2c-8b67-6247b1a604fc");

    private StixIds() {}

    /** {@code type--uuid} with the UUIDv5 of the fields under {@link #NAMESPACE}. */
    public static String id(String type, String... fields) {
        Objects.requireNonNull(type, "type");
        var name = new Canonical().add(type);
        for (String f : fields) {
            name.add(f);
        }
        return type + "--" + uuid5(NAMESPACE, name.bytes());
    }

    /** The version 5 UUID of {@code name} in {@code namespace} (RFC 9562 §5.5). */
    public static UUID uuid5(UUID namespace, byte[] name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC 4122 variant
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
