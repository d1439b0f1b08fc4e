package trisec.node.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan for escaped surrogates without their pair, which Jackson would let through as text. */
class JsonTest {
    @Test
    void aHighSurrogateWithoutItsLowHalfIsFound() {
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\ud800x\"}")).contains(6);
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\uD800\\u0041\"}")).contains(6);
        assertThat(Json.unpairedSurrogate("{\"a\":\"x\\ud800\"}")).contains(7);
    }

    @Test
    void aLowSurrogateAloneIsFound() {
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\udc00\"}")).contains(6);
    }

    @Test
    void pairsAndOtherEscapesPass() {
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\ud83d\\ude80 \\u00e9 \\n \\\" \"}")).isEmpty();
        // An escaped backslash followed by "ud800" is text, not an escape.
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\\\ud800\"}")).isEmpty();
        assertThat(Json.unpairedSurrogate("{\"a\":\"\\\\\\ud800\"}")).contains(8);
        assertThat(Json.unpairedSurrogate("plain")).isEmpty();
    }
}
