package trisec.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed encoding is unambiguous: different field sequences never share bytes. */
class CanonicalTest {
    private static byte[] strings(String... fields) {
        Canonical c = new Canonical();
        for (String f : fields) {
            c.add(f);
        }
        return c.bytes();
    }

    @Test
    void eachFieldIsAFourByteBigEndianLengthThenItsBytes() {
        assertThat(HexFormat.of().formatHex(new Canonical().add("ab").add(new byte[0]).add("極").bytes()))
                .isEqualTo("00000002" + "6162" + "00000000" + "00000003" + "e6a5b5");
        assertThat(HexFormat.of().formatHex(new Canonical().add(258L).bytes()))
                .isEqualTo("00000008" + "0000000000000102");
        assertThat(HexFormat.of().formatHex(new Canonical().add(Instant.ofEpochSecond(1, 2)).bytes()))
                .isEqualTo("0000000c" + "0000000000000001" + "00000002");
        assertThat(HexFormat.of().formatHex(
                        new Canonical().add(UUID.fromString("00010203-0405-0607-0809-0a0b0c0d0e0f")).bytes()))
                .isEqualTo("00000010" + "000102030405060708090a0b0c0d0e0f");
    }

    @Test
    void movingABoundaryBetweenFieldsChangesTheBytes() {
        assertThat(strings("ab", "c")).isNotEqualTo(strings("a", "bc"));
        assertThat(strings("abc", "")).isNotEqualTo(strings("", "abc"));
        assertThat(strings("abc")).isNotEqualTo(strings("abc", ""));
    }

    @Test
    void emptyFieldsCount() {
        assertThat(strings()).isEmpty();
        assertThat(strings("")).isNotEqualTo(strings());
        assertThat(strings("", "")).isNotEqualTo(strings(""));
        assertThat(new Canonical().add(new byte[0]).bytes()).isEqualTo(strings(""));
    }

    @Test
    void instantsKeepTheirNanoseconds() {
        Instant t = Instant.parse("2026-03-01T09:30:00Z");
        assertThat(new Canonical().add(t).bytes()).isNotEqualTo(new Canonical().add(t.plusNanos(1)).bytes());
        assertThat(new Canonical().add(Instant.ofEpochSecond(-1)).bytes())
                .isNotEqualTo(new Canonical().add(Instant.ofEpochSecond(0, 999_999_999)).bytes());
    }

    @Test
    void textThatIsNotWellFormedUnicodeIsRefusedRatherThanReplaced() {
        // A lenient encoder writes '?' for both, so two different labels would share one signature.
        assertThatThrownBy(() -> new Canonical().add("\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Canonical().add("a\uDC00b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Canonical().add("🔒").bytes()).hasSize(8);
    }

    /** Injective because it has a left inverse: any sequence of fields decodes back from its bytes. */
    @Test
    void randomFieldSequencesDecodeBackToThemselves() {
        Random random = new Random(42);
        String[] pieces = {"", "a", "b", "ab", "\u0000", "極", "\u0000\u0000\u0000\u0001"};
        for (int round = 0; round < 20_000; round++) {
            List<String> fields = new ArrayList<>();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                fields.add(pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)]);
            }
            assertThat(decode(strings(fields.toArray(String[]::new)))).isEqualTo(fields);
        }
    }

    private static List<String> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<String> fields = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] field = new byte[in.getInt()];
            in.get(field);
            fields.add(new String(field, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
