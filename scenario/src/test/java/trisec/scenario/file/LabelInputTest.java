package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.label.Caveat;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * The one reading of a label from text, which the CLI, the API, the forms, stored items and partners' payloads
 * all go through: what it accepts and what it refuses, with words a person can act on.
 */
class LabelInputTest {
    private final Scenario scenario = ScenarioFiles.shipped();

    @Test
    void partyCodesInAnyCaseAndLevelAliasesReadAsTheOriginatorsScheme() {
        var label = LabelInput.parse(scenario, "kor", "군사2급비밀", "dprk.missile", List.of("usa", "JPN"),
                List.of("orcon"));
        assertThat(label.originator()).isEqualTo(Party.of("KOR"));
        assertThat(label.level().name()).isEqualTo("군사Ⅱ급비밀");
        assertThat(label.releasableTo()).contains(Party.of("USA"), Party.of("JPN")); // and the originator itself
        assertThat(label.caveatsInOrder()).containsExactly(Caveat.ORCON);
    }

    @Test
    void aMissingReleasabilityEntryOrCaveatIsRefusedNotCrashedOn() {
        assertThatThrownBy(() -> LabelInput.parse(scenario, "KOR", "군사Ⅱ급비밀", "dprk.missile",
                Arrays.asList("USA", null), List.of()))
                .isInstanceOf(DomainException.class).hasMessageContaining("empty party code");
        assertThatThrownBy(() -> LabelInput.parse(scenario, "KOR", "군사Ⅱ급비밀", "dprk.missile", List.of(),
                Arrays.asList((String) null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not a caveat");
    }

    @Test
    void wrongInputIsNamed() {
        assertThatThrownBy(() -> LabelInput.parse(scenario, "KOR", "SECRET", "dprk", List.of(), List.of()))
                .isInstanceOf(DomainException.class).hasMessageContaining("SECRET");
        assertThatThrownBy(() -> LabelInput.parse(scenario, "KOR", "군사Ⅱ급비밀", "DPRK Missile", List.of(), List.of()))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not a topic");
        assertThatThrownBy(() -> LabelInput.parse(scenario, "KOR", "군사Ⅱ급비밀", "dprk", List.of("USA"),
                List.of("NOFORN")))
                .isInstanceOf(DomainException.class).hasMessageContaining("exclude each other");
    }
}
