package trisec.node.base;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import trisec.node.store.Store;

/**
 * The partner requests a node has taken ({@link NodeAuth}), so that a captured one sent again inside the five minutes
 * it is fresh is refused. Kept in the store (the {@code node_auth_seen} table), not in memory: the instances of a node
 * share its store, and a request taken by one must be refused by the others. A row is the SHA-256 of the request's
 * signature and the time its header names; rows past the window are dropped as requests come, since a request that
 * old is refused for staleness anyway.
 */
public final class SeenRequests {
    /** Kept twice the window, so that instances whose clocks differ a little still refuse each other's replays. */
    private static final long KEEP_MILLIS = 2 * NodeAuth.WINDOW.toMillis();

    private final Store store;

    public SeenRequests(Store store) {
        this.store = store;
    }

    /** Records the request as taken; false, recording nothing, when it was taken before. */
    public boolean firstUse(NodeAuth.Signed request) {
        byte[] hash = sha256(request.signature());
        long now = System.currentTimeMillis();
        return store.inTransaction(h -> {
            h.createUpdate("DELETE FROM node_auth_seen WHERE signed_at < :before").bind("before", now - KEEP_MILLIS)
                    .execute();
            return h.createUpdate("""
                    INSERT INTO node_auth_seen (signature_hash, signed_at) VALUES (:h, :at)
                    ON CONFLICT (signature_hash) DO NOTHING""").bind("h", hash).bind("at", request.at())
                    .execute() == 1;
        });
    }

    private static byte[] sha256(byte[] signature) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
