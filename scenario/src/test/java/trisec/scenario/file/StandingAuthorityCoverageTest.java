package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.label.ConfidentialityLabel;
import trisec.party.Party;
import trisec.policy.StandingAuthority;
import trisec.scenario.Scenario;
import trisec.topic.Topic;

/** What a standing authority covers, on the shipped scenario: each condition alone turns it off. */
class StandingAuthorityCoverageTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final Party USA = Party.of("USA");
    private static final Instant T2024 = Instant.parse("2024-10-31T00:00:00Z");
    private final Scenario scenario = ScenarioFiles.shipped();

    private StandingAuthority authority(Instant from, Optional<Instant> until, Optional<String> under) {
        return new StandingAuthority("a1", Topic.of("dprk.missile.warning"), scenario.scheme(KOR).level("군사Ⅱ급비밀"),
                List.of(USA, JPN), from, until, under);
    }

    private ConfidentialityLabel label(Party originator, String level, String topic) {
        return ConfidentialityLabel.of(scenario.scheme(originator).level(level), Topic.of(topic));
    }

    @Test
    void itCoversItsPartysItemsOnItsSubtreeAtOrBelowItsLevelInsideItsValidity() {
        var a = authority(Instant.parse("2024-01-01T00:00:00Z"), Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
                Optional.of("missile-warning-2023"));
        assertThat(a.whyNot(label(KOR, "군사Ⅱ급비밀", "dprk.missile.warning.icbm"), T2024, scenario)).isEmpty();
        assertThat(a.whyNot(label(KOR, "군사Ⅲ급비밀", "dprk.missile.warning"), T2024, scenario)).isEmpty();
        assertThat(a.whyNot(label(KOR, "군사Ⅰ급비밀", "dprk.missile.warning"), T2024, scenario)).get().asString()
                .contains("above");
        assertThat(a.whyNot(label(KOR, "군사Ⅱ급비밀", "dprk.missile"), T2024, scenario)).get().asString()
                .contains("outside");
        assertThat(a.whyNot(label(JPN, "極秘", "dprk.missile.warning"), T2024, scenario)).get().asString()
                .contains("KOR's own");
        assertThat(a.whyNot(label(KOR, "군사Ⅱ급비밀", "dprk.missile.warning"), Instant.parse("2023-12-31T23:59:59Z"),
                scenario)).get().asString().contains("valid from");
        assertThat(a.whyNot(label(KOR, "군사Ⅱ급비밀", "dprk.missile.warning"), Instant.parse("2025-01-01T00:00:00Z"),
                scenario)).get().asString().contains("ended");
    }

    @Test
    void underAnAgreementItCoversOnlyWhileThatAgreementIsInForce() {
        var a = authority(Instant.parse("2010-01-01T00:00:00Z"), Optional.empty(), Optional.of("missile-warning-2023"));
        var warning = label(KOR, "군사Ⅱ급비밀", "dprk.missile.warning");
        assertThat(a.whyNot(warning, Instant.parse("2023-12-19T00:00:00Z"), scenario)).isEmpty();
        assertThat(a.whyNot(warning, Instant.parse("2023-12-18T23:59:59Z"), scenario)).get().asString()
                .contains("missile-warning-2023").contains("2023-12-18");
        var elsewhere = authority(Instant.parse("2010-01-01T00:00:00Z"), Optional.empty(), Optional.of("no-such"));
        assertThat(elsewhere.whyNot(warning, T2024, scenario)).get().asString().contains("not in the scenario");
    }

    @Test
    void aMalformedAuthorityCannotBeMade() {
        var level = scenario.scheme(KOR).level("군사Ⅱ급비밀");
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> new StandingAuthority("a", Topic.of("dprk"), level, List.of(), from, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandingAuthority("a", Topic.of("dprk"), level, List.of(KOR), from,
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandingAuthority("a", Topic.of("dprk"), level, List.of(USA, USA), from,
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandingAuthority("a", Topic.of("dprk"), level, List.of(USA), from,
                Optional.of(from), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
