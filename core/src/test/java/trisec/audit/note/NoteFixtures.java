package trisec.audit.note;

import java.security.KeyPair;
import java.util.List;
import trisec.envelope.NodeKeys;
import trisec.party.Party;

/** Keys and a checkpoint shared by the note tests, generated once per run. */
final class NoteFixtures {
    static final String KOR_LOG = "trisec.KOR/log";
    static final String JPN_WITNESS = "trisec.JPN/witness";

    static final NodeKeys KOR_NODE = NodeKeys.generate(Party.of("KOR"));
    static final NodeKeys KOR_NODE_ROTATED = NodeKeys.generate(Party.of("KOR"));
    static final KeyPair KOR_LOG_KEY = Ed25519.generate();
    static final KeyPair JPN_WITNESS_KEY = Ed25519.generate();
    static final KeyPair USA_WITNESS_KEY = Ed25519.generate();

    static final Checkpoint CHECKPOINT = new Checkpoint(KOR_LOG, 1234, root(7), List.of());

    private NoteFixtures() {}

    static byte[] root(int fill) {
        byte[] root = new byte[32];
        java.util.Arrays.fill(root, (byte) fill);
        return root;
    }

    static NoteSigner korEd25519() {
        return Ed25519Notes.signer(KOR_LOG, KOR_LOG_KEY.getPrivate());
    }

    static NoteSigner korMlDsa() {
        return MlDsaNotes.signer(KOR_LOG + "/ml-dsa-87", KOR_NODE);
    }

    static NoteVerifier korEd25519Verifier() {
        return Ed25519Notes.verifier(KOR_LOG, KOR_LOG_KEY.getPublic());
    }

    static NoteVerifier korMlDsaVerifier() {
        return MlDsaNotes.verifier(KOR_LOG + "/ml-dsa-87", KOR_NODE.identity());
    }
}
