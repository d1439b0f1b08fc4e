package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import trisec.consult.Channel;
import trisec.consult.ChannelHealth;
import trisec.consult.ChannelHealth.Status;
import trisec.party.Party;

/** The shipped channels' health on the two dates a newcomer is shown: the 2019 standstill and late 2024. */
class ShippedChannelsHealthTest {
    private static Map<String, ChannelHealth> on(String date) {
        return ChannelHealth.of(ScenarioFiles.shipped().channels(), LocalDate.parse(date)).stream()
                .collect(Collectors.toMap(h -> h.channel().id(), h -> h));
    }

    private static Map<String, Status> statuses(Map<String, ChannelHealth> health) {
        return health.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status()));
    }

    @Test
    void on1October2019TheViceForeignMinistersAreDormantTheDttHaveMetAndTheRestHaveNoRecord() {
        var h = on("2019-10-01");
        assertThat(statuses(h)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("leaders", Status.NO_RECORD),
                Map.entry("foreign-ministers", Status.NO_RECORD),
                Map.entry("defense-ministers", Status.NO_RECORD),
                Map.entry("national-security-advisors", Status.NO_RECORD),
                Map.entry("commerce-ministers", Status.NO_RECORD),
                // Last met 2017-01-05 on a modelled annual cadence: dormant since 2019-01-06.
                Map.entry("vice-foreign-ministers", Status.DORMANT),
                // Met 2019-05-09.
                Map.entry("defense-trilateral-talks", Status.MET),
                Map.entry("chiefs-of-defense", Status.NO_RECORD),
                Map.entry("secretariat", Status.NOT_ESTABLISHED),
                Map.entry("track-1-5", Status.NO_RECORD),
                Map.entry("freedom-edge", Status.NO_RECORD)));
        Channel vfm = h.get("vice-foreign-ministers").channel();
        assertThat(vfm.modelled()).isTrue();
        assertThat(h.get("vice-foreign-ministers").daysSince()).contains(999L);
        assertThat(h.get("defense-trilateral-talks").nextOnRecord().orElseThrow().start())
                .isEqualTo(LocalDate.parse("2024-04-24"));
        // Before its rotation starts, the defense ministerial has no host; the first is Japan, at Tokyo in 2024.
        assertThat(h.get("defense-ministers").host()).isEmpty();
        assertThat(h.get("defense-ministers").nextHost()).contains(Party.of("JPN"));
        assertThat(h.get("defense-ministers").nextHostFrom()).contains(LocalDate.parse("2024-07-28"));
    }

    @Test
    void on1December2024TheNewChannelsHaveMetJapanHostsTheDefenseMinistersAndKoreaTheSecretariat() {
        var h = on("2024-12-01");
        assertThat(statuses(h)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // Camp David, 2023-08-18: past its anniversary with no summit on record.
                Map.entry("leaders", Status.OVERDUE),
                Map.entry("foreign-ministers", Status.NO_RECORD),
                Map.entry("defense-ministers", Status.MET),
                Map.entry("national-security-advisors", Status.NO_RECORD),
                Map.entry("commerce-ministers", Status.NO_RECORD),
                Map.entry("vice-foreign-ministers", Status.DORMANT),
                Map.entry("defense-trilateral-talks", Status.MET),
                Map.entry("chiefs-of-defense", Status.MET),
                Map.entry("secretariat", Status.STANDING),
                Map.entry("track-1-5", Status.NO_RECORD),
                Map.entry("freedom-edge", Status.PLANNED)));
        var dm = h.get("defense-ministers");
        assertThat(dm.host()).contains(Party.of("JPN"));
        assertThat(dm.nextHost()).contains(Party.of("KOR"));
        assertThat(dm.nextHostFrom()).contains(LocalDate.parse("2025-07-28"));
        var sec = h.get("secretariat");
        assertThat(sec.host()).contains(Party.of("KOR"));
        assertThat(sec.nextHost()).contains(Party.of("USA"));
        assertThat(sec.nextHostFrom()).contains(LocalDate.parse("2026-11-20"));
        assertThat(h.get("freedom-edge").nextOnRecord().orElseThrow().start()).isEqualTo(LocalDate.parse("2025-09-15"));
    }
}
