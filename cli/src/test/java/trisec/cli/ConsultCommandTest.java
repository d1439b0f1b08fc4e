package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.cli.Cli.elements;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trisec consult status}: the channels' health on a date, from the scenario file, offline. */
class ConsultCommandTest {
    private static JsonNode channel(JsonNode all, String id) {
        return elements(all.get("channels")).stream().filter(c -> c.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + id + " in " + all));
    }

    @Test
    void theTableOn1October2019FlagsTheViceForeignMinistersDormantForTheSecretariat() {
        Cli cli = Cli.run("consult", "status", "--at", "2019-10-01").ok();
        assertThat(cli.out()).startsWith("Consultation channels on 2019-10-01:");
        assertThat(cli.outLines()).anySatisfy(l -> assertThat(l).startsWith("vice-foreign-ministers")
                .contains("annual (modelled)").contains("2017-01-05").contains("DORMANT"));
        assertThat(cli.outLines()).anySatisfy(l -> assertThat(l).startsWith("defense-trilateral-talks")
                .contains("2019-05-09").contains("MET"));
        assertThat(cli.outLines()).anySatisfy(l -> assertThat(l).startsWith("defense-ministers")
                .contains("NO_RECORD").contains("JPN from 2024-07-28"));
        assertThat(cli.out()).contains("For the secretariat, overdue or dormant:\n"
                + "  vice-foreign-ministers  DORMANT, last met 2017-01-05, due by 2018-01-05 (999 days since)");
    }

    @Test
    void jsonOn1December2024NamesTheHostsFromTheRotation() {
        JsonNode all = Cli.run("consult", "status", "--at", "2024-12-01", "--json").ok().json();
        assertThat(all.get("at").asText()).isEqualTo("2024-12-01");
        JsonNode dm = channel(all, "defense-ministers");
        assertThat(dm.get("status").asText()).isEqualTo("MET");
        assertThat(dm.get("host").asText()).isEqualTo("JPN");
        assertThat(dm.get("nextHost").asText()).isEqualTo("KOR");
        assertThat(dm.get("nextHostFrom").asText()).isEqualTo("2025-07-28");
        assertThat(channel(all, "secretariat").get("host").asText()).isEqualTo("KOR");
        assertThat(elements(all.get("alerts")).stream().map(a -> a.get("id").asText()))
                .containsExactly("leaders", "vice-foreign-ministers");
    }

    @Test
    void aBadDateIsOneLineOnStandardErrorAndExit2() {
        Cli cli = Cli.run("consult", "status", "--at", "2019-02-30");
        assertThat(cli.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().strip()).isEqualTo(
                "trisec consult status: --at must be a date written as 2019-10-01, not \"2019-02-30\"");
    }

    @Test
    void anotherScenarioFileIsReadInsteadOfTheShippedOne(@TempDir Path dir) throws Exception {
        String text = Files.readString(Cli.SHIPPED_SCENARIO)
                .replace("      - {date: 2017-01-05, note: 6th}\n", "      - {date: 2017-01-05, note: 6th}\n"
                        + "      - {date: 2019-08-01, note: 7th (a test's)}\n");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        JsonNode all = Cli.run("consult", "status", "--at", "2019-10-01", "--json", "--scenario", file.toString())
                .ok().json();
        assertThat(channel(all, "vice-foreign-ministers").get("status").asText()).isEqualTo("MET");
    }

    @Test
    void helpNamesTheOptionsAndWithoutASubcommandItIsBadInput() {
        assertThat(Cli.run("consult", "status", "--help").ok().out()).startsWith("Usage: trisec consult status ")
                .contains("--at", "--json", "--scenario");
        assertThat(Cli.run("consult", "--help").ok().out()).contains("status");
        assertThat(Cli.run("consult").status()).isEqualTo(Main.BAD_INPUT);
    }
}
