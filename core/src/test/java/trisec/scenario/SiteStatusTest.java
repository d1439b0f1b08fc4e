package trisec.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static trisec.Fixtures.JPN;
import static trisec.Fixtures.USA;
import static trisec.Fixtures.day;
import static trisec.Fixtures.event;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trisec.Fixtures;
import trisec.agreement.AgreementKind;
import trisec.agreement.LifecycleEvent;
import trisec.agreement.LifecycleEvent.EventType;
import trisec.option.Change;
import trisec.option.Option;
import trisec.option.SiteDiff;
import trisec.warning.GeoPoint;

/** A site stands as its agreement does, in whatever scenario is asked: the real one or an option's. */
class SiteStatusTest {
    private static final String SOFA = "unc-sofa-1954";

    private static Site base(String name, double lat, double lon) {
        return new Site(name, "Okinawa", Optional.of(GeoPoint.of(lat, lon)), JPN, SOFA, "UN-flagged base", Optional.empty());
    }

    private final Scenario scenario = new Scenario(Fixtures.members(), List.of(
            new Fixtures.AgreementSpec(SOFA, AgreementKind.TREATY, JPN, USA)
                    .then(event(EventType.SIGNED, "1954-02-19")).then(event(EventType.IN_FORCE, "1954-06-11")).build(),
            Fixtures.usaJpn().build()), List.of(), List.of(base("Kadena Air Base", 26.36, 127.77),
            base("Futenma", 26.27, 127.76)));

    private static List<String> codes(Scenario s, String date) {
        return SiteStatus.of(s, day(date)).stream().map(x -> x.status().code()).toList();
    }

    @Test
    void eachSiteStandsAsItsAgreementOnEitherSideOfItsEvents() {
        assertThat(codes(scenario, "1954-02-18")).containsExactly("NOT_YET_SIGNED", "NOT_YET_SIGNED");
        assertThat(codes(scenario, "1954-02-19")).containsExactly("SIGNED", "SIGNED");
        assertThat(codes(scenario, "1954-06-10")).containsExactly("SIGNED", "SIGNED");
        assertThat(codes(scenario, "1954-06-11")).containsExactly("IN_FORCE", "IN_FORCE");
        assertThat(SiteStatus.of(scenario, day("2025-01-01"))).allSatisfy(s -> {
            assertThat(s.covered()).isTrue();
            assertThat(s.agreement().id()).isEqualTo(SOFA);
        }).extracting(s -> s.site().name()).containsExactly("Kadena Air Base", "Futenma");
        assertThat(SiteStatus.of(scenario, day("1954-03-01"))).noneMatch(SiteStatus::covered);
    }

    @Test
    void anOptionEndingTheAgreementEndsEverySiteUnderItAndOnlyFromItsDate() {
        Option ends = new Option("The UNC SOFA ends", "", List.of(new Change.AgreementEvent(SOFA,
                LifecycleEvent.of(EventType.TERMINATED, day("2026-06-01"), Optional.of(JPN), "", Optional.empty()))));
        Scenario after = ends.applyTo(scenario);
        assertThat(codes(after, "2026-06-01")).containsExactly("TERMINATED", "TERMINATED");
        assertThat(codes(scenario, "2026-06-01")).containsExactly("IN_FORCE", "IN_FORCE");

        assertThat(SiteDiff.of(scenario, after, day("2026-05-31")).isEmpty()).isTrue();
        SiteDiff diff = SiteDiff.of(scenario, after, day("2026-06-01"));
        assertThat(diff.changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.lost()).isTrue();
            assertThat(c.agreement()).isEqualTo(SOFA);
            assertThat(c.after().describe()).isEqualTo("terminated 2026-06-01");
        });
    }

    @Test
    void aPendingNoticeChangesTheStatusButNotTheCover() {
        Option notice = new Option("Japan gives notice", "", List.of(new Change.AgreementEvent(SOFA,
                Fixtures.notice("2026-03-01", "2027-03-01"))));
        SiteDiff diff = SiteDiff.of(scenario, notice.applyTo(scenario), day("2026-06-01"));
        assertThat(diff.changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.lost()).isFalse();
            assertThat(c.after().describe()).isEqualTo("in force with termination effective 2027-03-01");
        });
    }
}
