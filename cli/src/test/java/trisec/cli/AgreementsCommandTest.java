package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.elements;
import static trisec.cli.Cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code trisec agreements}: every agreement and where it stands on a date. */
class AgreementsCommandTest {
    static final String GSOMIA = "kor-jpn-gsomia-2016";

    static JsonNode agreementsAt(String at, String... more) {
        var args = Cli.concat(List.of("agreements", "--at", at, "--json"), more);
        return Cli.run(args).ok().json();
    }

    static JsonNode agreement(JsonNode all, String id) {
        return elements(all.get("agreements")).stream().filter(a -> a.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no agreement " + id + " in " + all));
    }

    static List<String> eventTypes(JsonNode agreement) {
        return elements(agreement.get("events")).stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void jsonIsOneObjectListingEveryAgreementOfTheScenarioInDeclarationOrder() {
        JsonNode all = agreementsAt("2019-09-01");

        assertThat(keys(all)).containsExactly("at", "agreements");
        assertThat(all.get("at").asText()).isEqualTo("2019-09-01T00:00:00Z");
        assertThat(elements(all.get("agreements")).stream().map(a -> a.get("id").asText()))
                .containsExactly("usa-kor-mdt-1953", "usa-jpn-security-treaty-1960", "unc-sofa-1954",
                        "usa-kor-gsomia-1987", "usa-jpn-gsomia-2007", "tisa-2014", GSOMIA, "missile-warning-2023",
                        "camp-david-commitment-2023", "tscf-2024");
    }

    @Test
    void duringTheNoticePeriodTheGsomiaIsInForceWithTerminationPendingOnNovember23() {
        JsonNode g = agreement(agreementsAt("2019-09-01"), GSOMIA);

        assertThat(g.get("kind").asText()).isEqualTo("SIA");
        assertThat(Cli.texts(g.get("parties"))).containsExactly("KOR", "JPN");
        JsonNode status = g.get("status");
        assertThat(status.get("code").asText()).isEqualTo("IN_FORCE_TERMINATION_PENDING");
        assertThat(status.get("terminationEffective").asText()).isEqualTo("2019-11-23");
        assertThat(status.get("noticeSuspended").asBoolean()).isFalse();
        assertThat(status.get("text").asText()).contains("2019-11-23");
        assertThat(eventTypes(g)).containsExactly("SIGNED", "IN_FORCE", "TERMINATION_NOTICE");
        JsonNode notice = elements(g.get("events")).get(2);
        assertThat(notice.get("date").asText()).isEqualTo("2019-08-23");
        assertThat(notice.get("by").asText()).isEqualTo("KOR");
    }

    @Test
    void afterTheSuspensionTheStatusSaysTheNoticeIsSuspended() {
        JsonNode g = agreement(agreementsAt("2020-01-01"), GSOMIA);

        assertThat(g.get("status").get("code").asText()).isEqualTo("IN_FORCE");
        assertThat(g.get("status").get("text").asText()).contains("suspended");
        assertThat(g.get("status").get("noticeSuspended").asBoolean()).isTrue();
        assertThat(g.get("status").get("terminationEffective").isNull()).isTrue();
        assertThat(eventTypes(g)).containsExactly("SIGNED", "IN_FORCE", "TERMINATION_NOTICE", "NOTICE_SUSPENDED");
    }

    @Test
    void beforeDecember2014TisaIsNotYetSignedAndHasNoEvents() {
        JsonNode all = agreementsAt("2014-01-01");
        JsonNode tisa = agreement(all, "tisa-2014");

        assertThat(tisa.get("status").get("code").asText()).isEqualTo("NOT_YET_SIGNED");
        assertThat(tisa.get("hub").asText()).isEqualTo("USA");
        assertThat(tisa.get("legallyBinding").asBoolean()).isFalse();
        assertThat(elements(tisa.get("events"))).isEmpty();
        assertThat(agreement(all, "usa-kor-gsomia-1987").get("status").get("code").asText()).isEqualTo("IN_FORCE");
    }

    @Test
    void afterTheWithdrawalTheGsomiaIsSimplyInForce() {
        JsonNode g = agreement(agreementsAt("2024-01-01"), GSOMIA);

        assertThat(g.get("status").get("code").asText()).isEqualTo("IN_FORCE");
        assertThat(g.get("status").get("noticeSuspended").asBoolean()).isFalse();
        assertThat(eventTypes(g)).endsWith("NOTICE_WITHDRAWN").hasSize(5);
    }

    @Test
    void hadTheNoticeNotBeenSuspendedTheGsomiaWouldBeTerminated(@TempDir Path dir) {
        Path scenario = Scenarios.withoutNoticeSuspension(dir);

        JsonNode g = agreement(agreementsAt("2019-12-01", "--scenario", scenario.toString()), GSOMIA);

        assertThat(g.get("status").get("code").asText()).isEqualTo("TERMINATED");
        assertThat(g.get("status").get("text").asText()).contains("2019-11-23");
    }

    @Test
    void withoutAtItDescribesNow() {
        Instant before = Instant.now();
        JsonNode all = Cli.run("agreements", "--json").ok().json();
        Instant after = Instant.now();

        Instant at = Instant.parse(all.get("at").asText());
        assertThat(at).isBetween(before.minus(Duration.ofSeconds(1)), after.plus(Duration.ofSeconds(1)));
        assertThat(agreement(all, GSOMIA).get("status").get("code").asText()).isEqualTo("IN_FORCE");
    }

    @Test
    void withoutAtTheReadableOutputWorksToo() {
        Cli cli = Cli.run("agreements").ok();

        assertThat(cli.outLines().getFirst()).startsWith("Agreements on ");
        assertThat(cli.out()).contains(GSOMIA);
    }

    @Test
    void readableOutputShowsStatusAndEventsUpToTheDate() {
        Cli cli = Cli.run("agreements", "--at", "2019-09-01").ok();

        assertThat(cli.outLines().getFirst()).isEqualTo("Agreements on 2019-09-01:");
        assertThat(cli.out()).contains("in force with termination effective 2019-11-23")
                .contains("2019-08-23  TERMINATION_NOTICE by KOR")
                .doesNotContain("NOTICE_SUSPENDED")
                .contains("tisa-2014  HUB_ARRANGEMENT  USA, KOR, JPN (hub USA)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-13-01", "2019-02-30", "yesterday", "", "2019-09-01T00:00"})
    void aBadAtExitsTwoWithOneLine(String at) {
        Cli cli = Cli.run("agreements", "--at", at, "--json").badInput();

        assertThat(cli.errLine()).startsWith("trisec agreements: ");
    }

    @Test
    void anUnknownOptionExitsTwoWithOneLine() {
        Cli.run("agreements", "--bogus").badInput();
    }

    @Test
    void aMissingScenarioFileExitsTwoWithOneLine() {
        Cli cli = Cli.run("agreements", "--at", "2019-09-01", "--scenario", "no/such.yaml").badInput();

        assertThat(cli.errLine()).contains("no/such.yaml");
    }
}
