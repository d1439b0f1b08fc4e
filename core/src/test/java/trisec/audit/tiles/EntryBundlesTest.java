package trisec.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBundlesTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void eachEntryIsABigEndianUint16LengthThenItsBytes() {
        assertThat(EntryBundles.encode(List.of(hex("61"), hex(""), hex("0102")))).isEqualTo(hex("000161" + "0000" + "00020102"));
        assertThat(EntryBundles.encode(List.of(new byte[300]))).startsWith(hex("012c"));
    }

    @Test
    void bundlesDecodeBackToTheirEntries() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<byte[]> entries = new ArrayList<>();
            int n = 1 + random.nextInt(round % 5 == 0 ? 256 : 8);
            for (int i = 0; i < n; i++) {
                byte[] e = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(600)];
                random.nextBytes(e);
                entries.add(e);
            }
            assertThat(EntryBundles.decode(EntryBundles.encode(entries))).containsExactlyElementsOf(entries);
        }
        List<byte[]> extremes = List.of(new byte[EntryBundles.MAX_ENTRY_BYTES], new byte[0]);
        assertThat(EntryBundles.decode(EntryBundles.encode(extremes))).containsExactlyElementsOf(extremes);
        List<byte[]> full = Collections.nCopies(256, new byte[] {7});
        assertThat(EntryBundles.decode(EntryBundles.encode(full))).hasSize(256);
    }

    @Test
    void aBundleHoldsOneTo256EntriesOfAtMost65535Bytes() {
        assertThatThrownBy(() -> EntryBundles.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundles.encode(Collections.nCopies(257, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundles.encode(List.of(new byte[65_536])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingRefusesAnythingButWholeEntries() {
        assertThatThrownBy(() -> EntryBundles.decode(new byte[0])).as("empty")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never empty");
        assertThatThrownBy(() -> EntryBundles.decode(hex("00"))).as("half a length")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated length");
        assertThatThrownBy(() -> EntryBundles.decode(hex("000361"))).as("entry cut short")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 1 remain");
        assertThatThrownBy(() -> EntryBundles.decode(hex("00016100"))).as("a trailing byte")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 1");
        byte[] tooMany = EntryBundles.encode(Collections.nCopies(256, new byte[0]));
        byte[] plusOne = new byte[tooMany.length + 2];
        System.arraycopy(tooMany, 0, plusOne, 0, tooMany.length);
        assertThatThrownBy(() -> EntryBundles.decode(plusOne)).as("a 257th entry")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256th");
    }
}
