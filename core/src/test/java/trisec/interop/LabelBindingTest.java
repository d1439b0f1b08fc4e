package trisec.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.party.ClassificationScheme;
import trisec.party.Party;

/** A label bound to its payload: the 4774 label, the data's digest, and the originator's seal. */
class LabelBindingTest {
    private static Optional<ClassificationScheme> schemes(Party p) {
        return Fixtures.scenario().findScheme(p);
    }

    @Test
    void aBindingGivesBackTheItemItWasMadeOf() {
        Item item = StixExportTest.ITEM;
        LabelBinding b = LabelBinding.of(item);

        assertThat(b.item(LabelBindingTest::schemes)).isEqualTo(item);
        assertThat(b.seal()).contains(item.seal());
        assertThat(b.dataReference()).isEqualTo("urn:uuid:" + item.id());
        // SHA-384, base64: 48 bytes.
        assertThat(java.util.Base64.getDecoder().decode(b.digest())).hasSize(48);
    }

    @Test
    void anUnsignedItemGivesAnUnsignedBinding() {
        Item item = StixExportTest.ITEM;
        Item unsigned = new Item(item.id(), item.label(), item.title(), item.body(), Seal.unsigned("key"));
        assertThat(LabelBinding.of(unsigned).seal()).isEmpty();
        assertThat(LabelBinding.unsigned(item.id(), item.label(), item.title(), item.body()).seal()).isEmpty();
    }

    @Test
    void aBodyOtherThanTheBoundOneIsRefused() {
        LabelBinding b = LabelBinding.of(StixExportTest.ITEM);
        var swapped = new LabelBinding(b.itemId(), b.labelXml(), b.title(), "SLBM test, three stages.", b.digest(),
                b.seal());
        assertThatThrownBy(() -> swapped.item(LabelBindingTest::schemes)).isInstanceOf(DomainException.class)
                .hasMessageContaining("digest");
    }

    @Test
    void aLabelWithoutACreationTimeCannotBeBound() {
        var label = StixExportTest.ITEM.label();
        var undated = new trisec.label.ConfidentialityLabel(label.originator(), label.level(), label.releasableTo(),
                label.caveats(), label.topic(), Optional.empty());
        assertThatThrownBy(() -> LabelBinding.unsigned("x", undated, "t", "b")).isInstanceOf(DomainException.class);
    }
}
