package trisec.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.Fixtures;
import trisec.label.Caveat;
import trisec.label.ConfidentialityLabel;
import trisec.party.ClassificationScheme;
import trisec.party.Level;
import trisec.party.Party;
import trisec.topic.Topic;

/** An item is its originator's: content and label under one seal, and only the originator re-marks it. */
class ItemTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");
    private static final Instant CREATED = Instant.parse("2023-12-19T01:02:03.456789Z");

    private static ClassificationScheme kor() {
        return Fixtures.scheme(KOR, "군사Ⅰ급비밀:TOP_SECRET", "군사Ⅱ급비밀:SECRET");
    }

    private static ConfidentialityLabel label(Level level, Optional<Instant> created) {
        return new ConfidentialityLabel(KOR, level, List.of(USA), EnumSet.of(Caveat.ORCON),
                Topic.of("dprk.missile"), created);
    }

    @Test
    void anItemKnowsItsOriginatorAndWhenItWasMade() {
        var scheme = kor();
        var item = new Item("id-1", label(scheme.level("군사Ⅱ급비밀"), Optional.of(CREATED)), "t", "b",
                new Seal("key", "sig"));
        assertThat(item.originator()).isEqualTo(KOR);
        assertThat(item.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void anItemWithoutItsCreationTimeIsRefused() {
        var scheme = kor();
        assertThatThrownBy(() -> new Item("id-1", label(scheme.level("군사Ⅱ급비밀"), Optional.empty()), "t", "b",
                Seal.unsigned("key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created");
    }

    @Test
    void reclassifyingChangesTheLevelAndTheSealAndNothingElse() {
        var scheme = kor();
        var item = new Item("id-1", label(scheme.level("군사Ⅱ급비밀"), Optional.of(CREATED)), "title", "body",
                new Seal("key", "old"));
        var re = item.reclassified(scheme.level("군사Ⅰ급비밀"), new Seal("key2", "new"));
        assertThat(re.label().level().name()).isEqualTo("군사Ⅰ급비밀");
        assertThat(re.seal()).isEqualTo(new Seal("key2", "new"));
        assertThat(re.label().withCreated(CREATED)).isEqualTo(label(scheme.level("군사Ⅰ급비밀"), Optional.of(CREATED)));
        assertThat(re.id()).isEqualTo(item.id());
        assertThat(re.title()).isEqualTo(item.title());
        assertThat(re.body()).isEqualTo(item.body());
        assertThat(re.createdAt()).isEqualTo(item.createdAt());
    }
}
