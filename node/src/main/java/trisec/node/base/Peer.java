package trisec.node.base;

import java.net.URI;
import java.util.Optional;
import trisec.envelope.PublicIdentity;

/**
 * A partner node: its public identity, where it listens, and its log's Ed25519 verifier key in C2SP vkey form
 * (without it this node cannot witness the partner's log).
 */
public record Peer(PublicIdentity identity, URI url, Optional<String> logKey) {
    public Peer(PublicIdentity identity, URI url) {
        this(identity, url, Optional.empty());
    }

    /** The origin line of a node's log checkpoints (C2SP tlog-checkpoint): party and signing key id. */
    public static String logOrigin(PublicIdentity identity) {
        return "trisec." + identity.party().code() + "/" + identity.keyId().value();
    }
}
