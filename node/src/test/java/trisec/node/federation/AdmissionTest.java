package trisec.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.node.store.Store;

/** Budgets of refusals per address: spent by junk whatever sender it claims, bounded in number. */
class AdmissionTest {
    @Test
    void anAddressSpendsItsBudgetWhateverSenderItsEnvelopesClaim(@TempDir Path dir) {
        try (Store store = Store.embedded(dir); var admission = new Admission(store, InstantSource.system())) {
            for (int i = 0; i < Admission.BURST; i++) {
                assertThat(admission.admits("192.0.2.1")).isTrue();
                // A fresh claimed sender for every envelope is no fresh budget.
                admission.refused("192.0.2.1", "X" + (char) ('A' + i % 26) + (char) ('A' + i / 26), "unknown sender", null);
            }
            assertThat(admission.admits("192.0.2.1")).isFalse();
            assertThat(admission.admits("192.0.2.2")).isTrue();
            assertThat(admission.flush()).isEqualTo(Admission.BURST);
        }
    }

    @Test
    void onlyTheAddressesHeardFromMostRecentlyAreKept(@TempDir Path dir) {
        try (Store store = Store.embedded(dir); var admission = new Admission(store, InstantSource.system())) {
            for (int i = 0; i < Admission.BURST; i++) {
                admission.refused("192.0.2.1", "?", "malformed", null);
            }
            assertThat(admission.admits("192.0.2.1")).isFalse();
            for (int i = 0; i < Admission.MAX_ADDRESSES; i++) {
                admission.refused("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "?", "malformed", null);
            }
            // Forgotten, so its budget is full again; the map did not grow past its bound.
            assertThat(admission.admits("192.0.2.1")).isTrue();
            assertThat(admission.addresses()).isEqualTo(Admission.MAX_ADDRESSES);
        }
    }
}
