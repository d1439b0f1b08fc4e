package trisec.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trisec.consult.PerspectiveStance.HIGH;
import static trisec.consult.PerspectiveStance.LOW;
import static trisec.consult.PerspectiveStance.MODERATE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.consult.PerspectiveComparison.Agreement;
import trisec.party.Party;
import trisec.topic.Topic;

class PerspectiveComparisonTest {
    private static final Party JPN = Party.of("JPN");
    private static final Party KOR = Party.of("KOR");
    private static final Party USA = Party.of("USA");
    private static final Topic MARITIME = Topic.of("china.maritime");

    private static Perspective of(String ref, Party party, String asOf, PerspectiveJudgement... judgements) {
        return new Perspective(ref, party, MARITIME, LocalDate.parse(asOf), "", List.of(judgements));
    }

    private static PerspectiveJudgement j(String key, PerspectiveStance stance) {
        return new PerspectiveJudgement(key, stance, "");
    }

    @Test
    void theSameStanceAgreesNeighboursPartlyAgreeAndTheTwoEndsDiffer() {
        assertThat(PerspectiveComparison.agreement(List.of(HIGH, HIGH, HIGH))).isEqualTo(Agreement.AGREE);
        assertThat(PerspectiveComparison.agreement(List.of(HIGH, MODERATE, HIGH))).isEqualTo(Agreement.PARTLY);
        assertThat(PerspectiveComparison.agreement(List.of(LOW, MODERATE))).isEqualTo(Agreement.PARTLY);
        assertThat(PerspectiveComparison.agreement(List.of(HIGH, MODERATE, LOW))).isEqualTo(Agreement.DIFFER);
        assertThat(PerspectiveComparison.agreement(List.of(LOW, HIGH))).isEqualTo(Agreement.DIFFER);
    }

    @Test
    void aKeyOnlyOnePartyJudgesIsNotCountedAsAgreement() {
        assertThat(PerspectiveComparison.agreement(List.of(HIGH))).isEqualTo(Agreement.ONE_VIEW);
        var rows = PerspectiveComparison.compare(PerspectiveComparison.latest(List.of(
                of("a", USA, "2025-01-10", j("taiwan-strait", HIGH), j("gray-zone-coercion", HIGH)),
                of("b", KOR, "2025-01-12", j("gray-zone-coercion", HIGH)))));
        assertThat(rows).extracting(PerspectiveComparison.Row::key)
                .containsExactly("gray-zone-coercion", "taiwan-strait");
        assertThat(rows.get(0).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(rows.get(0).stances()).containsOnlyKeys(KOR, USA);
        assertThat(rows.get(1).agreement()).isEqualTo(Agreement.ONE_VIEW);
        assertThat(rows.get(1).stances()).containsOnlyKeys(USA);
    }

    @Test
    void theComparisonIsOfEachPartysLatestAssessmentByDateNotByWhenItWasEntered() {
        // Korea's 2024 assessment was entered after its 2025 one: the 2025 one is still its latest view.
        var all = List.of(
                of("k2025", KOR, "2025-03-01", j("gray-zone-coercion", MODERATE)),
                of("k2024", KOR, "2024-06-01", j("gray-zone-coercion", LOW)),
                of("j2025", JPN, "2025-02-01", j("gray-zone-coercion", HIGH)),
                of("u2025", USA, "2025-02-15", j("gray-zone-coercion", HIGH)));
        var latest = PerspectiveComparison.latest(all);
        assertThat(latest.get(KOR).ref()).isEqualTo("k2025");
        assertThat(latest.keySet()).containsExactly(JPN, KOR, USA);
        assertThat(PerspectiveComparison.compare(latest).getFirst().agreement()).isEqualTo(Agreement.PARTLY);
        assertThat(PerspectiveComparison.histories(all).get(KOR)).extracting(Perspective::ref)
                .containsExactly("k2024", "k2025");
    }

    @Test
    void twoAssessmentsOfOneDateOrderByTheirRecordSoEveryNodeListsThemAlike() {
        var all = List.of(of("b", KOR, "2025-03-01"), of("a", KOR, "2025-03-01"), of("c", KOR, "2025-01-01"));
        assertThat(PerspectiveComparison.histories(all).get(KOR)).extracting(Perspective::ref)
                .containsExactly("c", "a", "b");
    }

    @Test
    void aShiftIsAStanceThatChangedOrAKeyJudgedForTheFirstTimeAndSilenceIsNoShift() {
        var history = List.of(
                of("3", KOR, "2025-09-01", j("gray-zone-coercion", HIGH)),
                of("1", KOR, "2023-09-01", j("gray-zone-coercion", LOW), j("economic-coercion", MODERATE)),
                of("2", KOR, "2024-09-01", j("gray-zone-coercion", MODERATE), j("economic-coercion", MODERATE)));
        assertThat(PerspectiveComparison.shifts(history)).containsExactly(
                new PerspectiveComparison.Shift(KOR, "gray-zone-coercion", Optional.empty(), LOW,
                        LocalDate.parse("2023-09-01")),
                new PerspectiveComparison.Shift(KOR, "economic-coercion", Optional.empty(), MODERATE,
                        LocalDate.parse("2023-09-01")),
                new PerspectiveComparison.Shift(KOR, "gray-zone-coercion", Optional.of(LOW), MODERATE,
                        LocalDate.parse("2024-09-01")),
                new PerspectiveComparison.Shift(KOR, "gray-zone-coercion", Optional.of(MODERATE), HIGH,
                        LocalDate.parse("2025-09-01")));
    }

    @Test
    void anAssessmentHoldsOneStancePerKeyAndKeysAreShortIds() {
        assertThatThrownBy(() -> of("x", KOR, "2025-01-01", j("taiwan-strait", HIGH), j("taiwan-strait", LOW)))
                .hasMessageContaining("taiwan-strait is given twice");
        assertThatThrownBy(() -> j("Taiwan Strait", HIGH)).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> j("taiwan-strait", null)).hasMessageContaining("no stance");
    }
}
