package trisec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import trisec.envelope.EnvelopeException;
import trisec.node.item.Holdings;
import trisec.node.base.Json;
import trisec.node.base.Refusal;
import trisec.node.federation.Messages;
import trisec.node.federation.Wire;

/**
 * What anyone can post to a node: envelopes at the federation endpoint (any text is an envelope that writes back
 * the same, or an {@link EnvelopeException}), and JSON bodies and payloads — an item from a user, an item delivery
 * from a partner — read by one strict reader (a value, or an invalid-input refusal whose message names no Java type). One target picks
 * the parser from its first byte, since Jazzer fuzzes one target per JVM.
 */
class FederationInputFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyInputIsReadOrRefused(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> envelope(data.consumeRemainingAsString());
            case 1 -> json(data.consumeRemainingAsString(), Holdings.NewItem.class);
            default -> json(data.consumeRemainingAsString(), Messages.ItemDelivery.class);
        }
    }

    private static void envelope(String text) {
        try {
            var envelope = Wire.decode(text);
            if (!Wire.decode(Wire.encode(envelope)).header().equals(envelope.header())) {
                throw new AssertionError("an envelope does not read back");
            }
        } catch (EnvelopeException refused) {
            // refused before any cryptography
        }
    }

    private static void json(String text, Class<?> type) {
        try {
            Json.read(text, type);
        } catch (Refusal e) {
            if (!(e instanceof Refusal.Invalid) || e.getMessage().contains("trisec.") || e.getMessage().contains("java.")) {
                throw new AssertionError("refused as " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
