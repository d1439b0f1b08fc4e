package trisec.node.base;

import trisec.envelope.NodeKeys;
import trisec.node.base.Peers;
import trisec.node.store.Store;
import trisec.party.ClassificationScheme;
import trisec.party.Party;

/**
 * This node as its services see it: whose node it is, its keys, store, agreements, clock and partners, and the
 * signal its pages listen to.
 */
public record Self(Party party, NodeKeys keys, Store store, Facts facts, NodeClock clock, Peers peers,
                   Changes changes) {
    public ClassificationScheme scheme() {
        return facts.scenario().scheme(party);
    }

    /** The public identity of a party's node: this node's own, or a partner's from the peers file. */
    public java.util.Optional<trisec.envelope.PublicIdentity> identityOf(Party p) {
        return p.equals(party) ? java.util.Optional.of(keys.identity()) : peers.of(p).map(Peer::identity);
    }
}
