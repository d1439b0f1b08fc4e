package trisec.node.federation;

import java.net.URI;
import trisec.envelope.PublicIdentity;

/** A partner node: its public identity and where it listens. */
public record Peer(PublicIdentity identity, URI url) {}
