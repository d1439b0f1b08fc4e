package trisec.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Rfc6962Test {
    @Test
    void theEmptyRootIsTheSha256OfTheEmptyString() {
        assertThat(Rfc6962.emptyRoot()).isEqualTo(ReferenceTree.EMPTY_ROOT);
        assertThat(HexFormat.of().formatHex(Rfc6962.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theReferenceInputsHashToThePublishedLeafHashes() {
        for (int i = 0; i < 8; i++) {
            assertThat(Rfc6962.leafHash(ReferenceTree.INPUTS.get(i))).as("leaf %d", i)
                    .isEqualTo(ReferenceTree.NODE_HASHES[0][i]);
        }
    }

    @Test
    void interiorNodesHashToThePublishedNodeHashes() {
        byte[][][] nodes = ReferenceTree.NODE_HASHES;
        for (int h = 1; h < nodes.length; h++) {
            for (int i = 0; i < nodes[h].length; i++) {
                assertThat(Rfc6962.nodeHash(nodes[h - 1][2 * i], nodes[h - 1][2 * i + 1])).as("node %d/%d", h, i)
                        .isEqualTo(nodes[h][i]);
            }
        }
    }

    @Test
    void aLeafOverTwoHashesIsNotTheNodeOverThem() {
        byte[] left = ReferenceTree.NODE_HASHES[0][0];
        byte[] right = ReferenceTree.NODE_HASHES[0][1];
        byte[] both = new byte[64];
        System.arraycopy(left, 0, both, 0, 32);
        System.arraycopy(right, 0, both, 32, 32);
        assertThat(Rfc6962.leafHash(both)).isNotEqualTo(Rfc6962.nodeHash(left, right));
    }

    @Test
    void aNodeIsOnlyHashedOverTwoSha256Hashes() {
        byte[] h = ReferenceTree.NODE_HASHES[0][0];
        assertThatThrownBy(() -> Rfc6962.nodeHash(h, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(new byte[33], h)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(h, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void changingAReturnedRootChangesNoLaterOne() {
        Rfc6962.emptyRoot()[0] ^= 1;
        assertThat(Rfc6962.emptyRoot()).isEqualTo(ReferenceTree.EMPTY_ROOT);
    }
}
