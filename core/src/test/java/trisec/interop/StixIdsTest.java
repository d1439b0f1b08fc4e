package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deterministic STIX ids: RFC 9562 UUIDv5, under trisec's namespace. */
class StixIdsTest {
    @Test
    void uuid5MatchesTheRfcTestVector() {
        // RFC 9562 Appendix A.4: "www.example.com" in the DNS namespace.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(StixIds.uuid5(dns, "www.example.com".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void anIdIsItsTypeAndAVersion5Uuid() {
        String id = StixIds.id("report", "item", "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(id).matches("report--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(UUID.fromString(id.substring("report--".length())).version()).isEqualTo(5);
    }

    @Test
    void theSameFieldsGiveTheSameIdAndDifferentFieldsADifferentOne() {
        assertThat(StixIds.id("report", "item", "a")).isEqualTo(StixIds.id("report", "item", "a"));
        assertThat(StixIds.id("report", "item", "a")).isNotEqualTo(StixIds.id("report", "item", "b"));
        // Fields are length-prefixed: moving a boundary changes the name.
        assertThat(StixIds.id("report", "ab", "c")).isNotEqualTo(StixIds.id("report", "a", "bc"));
    }

    @Test
    void theExtensionsIdIsFixed() {
        // Every export and every importer must agree on it: a change here breaks every bundle already out there.
        assertThat(TrisecMarking.EXTENSION_ID).isEqualTo(StixIds.id("extension-definition",
                "trisec confidentiality label", "1"));
        assertThat(TrisecMarking.EXTENSION_ID).startsWith("extension-definition--");
    }
}
