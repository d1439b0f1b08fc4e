package trisec.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.KOR;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.kor;
import static trisec.Fixtures.usa;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trisec.DomainException;
import trisec.party.Classification;
import trisec.topic.Topic;

/** ISM banners: USA first then alphabetical, controls in register order, NOFORN and REL TO never together. */
class BannerTest {
    private final ConfidentialityLabel item = ConfidentialityLabel.of(kor("군사Ⅱ급비밀"), Topic.of("dprk.missile"));

    @Test
    void aKoreanClassTwoItemReleasableToAllThreeReadsAsSecretRelToUsaJpnKor() {
        assertThat(Banner.render(item.withReleasableTo(List.of(JPN, USA)))).isEqualTo("SECRET//REL TO USA, JPN, KOR");
    }

    @Test
    void theOriginatorIsAlwaysInItsOwnReleasabilityList() {
        assertThat(item.withReleasableTo(List.of(JPN)).releasableTo()).containsExactly(JPN, KOR);
    }

    @Test
    void aLabelWithoutControlsIsJustTheClassification() {
        assertThat(Banner.render(item)).isEqualTo("SECRET");
        assertThat(Banner.render(ConfidentialityLabel.of(usa("UNCLASSIFIED"), Topic.of("x")))).isEqualTo("UNCLASSIFIED");
    }

    @Test
    void orconPrecedesNofornAndRelTo() {
        assertThat(Banner.render(item.withCaveats(Set.of(Caveat.NOFORN, Caveat.ORCON)))).isEqualTo("SECRET//ORCON/NOFORN");
        assertThat(Banner.render(item.withCaveats(Set.of(Caveat.ORCON)).withReleasableTo(List.of(USA))))
                .isEqualTo("SECRET//ORCON/REL TO USA, KOR");
    }

    @Test
    void nofornAndAReleasabilityListCannotBeTogether() {
        assertThatThrownBy(() -> item.withCaveats(Set.of(Caveat.NOFORN)).withReleasableTo(List.of(USA)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatShowsSeveralLabelsIsMarkedAtTheHighestWithEveryControlAndTheReleasabilityAllShare() {
        var secret = item.withReleasableTo(List.of(JPN, USA));
        var confidential = ConfidentialityLabel.of(kor("군사Ⅲ급비밀"), Topic.of("dprk")).withReleasableTo(List.of(JPN));
        assertThat(Banner.covering(List.of(confidential, secret)).toString()).isEqualTo("SECRET//REL TO JPN, KOR");
        assertThat(Banner.covering(List.of(secret, confidential.withCaveats(Set.of(Caveat.ORCON)))).toString())
                .isEqualTo("SECRET//ORCON/REL TO JPN, KOR");
        // One label without a list: nothing shown may go beyond its holder's list, so no REL TO at all.
        assertThat(Banner.covering(List.of(secret, item)).toString()).isEqualTo("SECRET");
        assertThat(Banner.covering(List.of(secret, item.withCaveats(Set.of(Caveat.NOFORN)))).toString())
                .isEqualTo("SECRET//NOFORN");
        assertThat(Banner.covering(List.of()).toString()).isEqualTo("UNCLASSIFIED");
        assertThat(Banner.covering(List.of(item))).isEqualTo(Banner.of(item));
    }

    @Test
    void aBannerParsesBackToWhatWasRendered() {
        for (var label : List.of(item, item.withReleasableTo(List.of(JPN, USA)), item.withCaveats(Set.of(Caveat.NOFORN)),
                item.withCaveats(Set.of(Caveat.ORCON)).withReleasableTo(List.of(JPN)))) {
            Banner parsed = Banner.parse(Banner.render(label));
            assertThat(parsed).isEqualTo(Banner.of(label));
        }
    }

    @Test
    void parsingIsLenientAboutCaseSpacingAndOrderButRendersCanonically() {
        Banner b = Banner.parse("  secret // rel to kor,jpn ,  usa/orcon ");
        assertThat(b.classification()).isEqualTo(Classification.SECRET);
        assertThat(b.toString()).isEqualTo("SECRET//ORCON/REL TO USA, JPN, KOR");
        assertThat(Banner.parse("TOP  SECRET").classification()).isEqualTo(Classification.TOP_SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SEKRET", "SECRET//", "SECRET//FOO", "SECRET//REL TO", "SECRET//REL TO JAPAN",
            "SECRET//NOFORN/REL TO JPN", "SECRET//ORCON/ORCON", "SECRET//REL TO JPN/REL TO USA", "SECRET//NOFORN//ORCON"})
    void malformedBannersAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> Banner.parse(text)).isInstanceOf(DomainException.class).hasMessageNotContaining("null");
    }
}
