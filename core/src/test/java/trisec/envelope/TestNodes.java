package trisec.envelope;

import trisec.party.Party;

/**
 * Key sets shared by the envelope tests, generated once per test run (a few milliseconds each). The rotated sets
 * are the same party under a second key, to show that key ids, not just parties, are checked.
 */
final class TestNodes {
    static final Party KOR_PARTY = Party.of("KOR");
    static final Party JPN_PARTY = Party.of("JPN");
    static final Party USA_PARTY = Party.of("USA");

    static final NodeKeys KOR = NodeKeys.generate(KOR_PARTY);
    static final NodeKeys KOR_ROTATED = NodeKeys.generate(KOR_PARTY);
    static final NodeKeys JPN = NodeKeys.generate(JPN_PARTY);
    static final NodeKeys JPN_ROTATED = NodeKeys.generate(JPN_PARTY);
    static final NodeKeys USA = NodeKeys.generate(USA_PARTY);

    private TestNodes() {}
}
