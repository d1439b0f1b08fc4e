package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import trisec.agreement.AgreementKind;
import trisec.party.Party;
import trisec.scenario.Scenario;

/** The shipped scenario loads and encodes FACTS.md. */
class ShippedScenarioTest {
    private final Scenario scenario = ScenarioFiles.shipped();

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void itIsValid() {
        assertThat(ScenarioFiles.check(ScenarioFiles.shippedText())).isEmpty();
    }

    @Test
    void theThreePartiesHaveTheirSchemesHighestFirst() {
        assertThat(scenario.parties()).extracting(Party::code).containsExactly("USA", "KOR", "JPN");
        assertThat(scenario.scheme(Party.of("KOR")).levels()).extracting(l -> l.name())
                .containsExactly("군사Ⅰ급비밀", "군사Ⅱ급비밀", "군사Ⅲ급비밀", "UNCLASSIFIED");
        assertThat(scenario.scheme(Party.of("JPN")).levels()).extracting(l -> l.name())
                .containsExactly("機密", "極秘", "特定秘密", "秘", "UNCLASSIFIED");
        var jpn = scenario.scheme(Party.of("JPN"));
        assertThat(jpn.level("特定秘密").rank()).isEqualTo(jpn.level("極秘").rank());
        assertThat(jpn.level("極秘").rank()).isLessThan(jpn.level("機密").rank());
    }

    @Test
    void everyAgreementOfFactsIsThereWithItsKind() {
        assertThat(scenario.agreements()).extracting(a -> a.id() + ":" + a.kind()).containsExactly(
                "usa-kor-mdt-1953:TREATY", "usa-jpn-security-treaty-1960:TREATY", "unc-sofa-1954:TREATY",
                "usa-kor-gsomia-1987:SIA", "usa-jpn-gsomia-2007:SIA", "tisa-2014:HUB_ARRANGEMENT",
                "kor-jpn-gsomia-2016:SIA", "missile-warning-2023:DATA_MECHANISM",
                "camp-david-commitment-2023:COMMITMENT", "tscf-2024:FRAMEWORK");
        assertThat(scenario.agreement("tisa-2014").orElseThrow().hub()).contains(Party.of("USA"));
        assertThat(scenario.agreement("tisa-2014").orElseThrow().legallyBinding()).isFalse();
        assertThat(scenario.agreement("missile-warning-2023").orElseThrow().kind()).isEqualTo(AgreementKind.DATA_MECHANISM);
    }

    @Test
    void theKoreaJapanGsomiaFollowsItsHistory() {
        var gsomia = scenario.agreement("kor-jpn-gsomia-2016").orElseThrow();
        var life = scenario.lifecycle(gsomia);
        assertThat(life.statusAt(day("2016-11-22")).code()).isEqualTo("NOT_YET_SIGNED");
        assertThat(life.statusAt(day("2017-03-01")).describe()).isEqualTo("in force");
        assertThat(life.statusAt(day("2019-09-01")).describe())
                .isEqualTo("in force with termination effective 2019-11-23");
        assertThat(life.statusAt(day("2020-01-01")).describe()).isEqualTo("in force (termination notice suspended)");
        assertThat(life.statusAt(day("2024-01-01")).describe()).isEqualTo("in force");
    }

    @Test
    void channelsAndTheUnFlaggedBasesAreEncoded() {
        assertThat(scenario.channels()).extracting(c -> c.id()).contains("leaders", "secretariat",
                "defense-trilateral-talks", "track-1-5", "freedom-edge");
        assertThat(scenario.sites()).hasSize(7).allSatisfy(s -> assertThat(s.agreement()).isEqualTo("unc-sofa-1954"));
        assertThat(scenario.sites()).filteredOn(s -> s.since().isPresent()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("Yokota Air Base"));
        // Each base where the public record puts it: the Kanto four, Sasebo in Kyushu, three on Okinawa.
        var yokota = scenario.sites().stream().filter(s -> s.name().equals("Yokota Air Base")).findFirst().orElseThrow();
        assertThat(yokota.point()).contains(trisec.warning.GeoPoint.of(35.75, 139.35));
        assertThat(scenario.sites()).filteredOn(s -> s.location().equals("Okinawa")).hasSize(3)
                .allSatisfy(s -> assertThat(s.point().orElseThrow().latitude()).isBetween(26.0, 26.5));
        assertThat(scenario.sites()).allSatisfy(s -> assertThat(s.point().orElseThrow().longitude()).isBetween(127.0, 140.0));
    }
}
