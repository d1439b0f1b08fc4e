package trisec.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import trisec.DomainException;

/** A catalogue entry's modelled impact point follows from its site, modelled azimuth and range. */
class LaunchCatalogueTest {
    private static final LaunchSite SUNAN = new LaunchSite("Sunan, Pyongyang", GeoPoint.of(39.2, 125.7));

    private static PublicLaunch launch(String time, double azimuth, GeoPoint impact) {
        return new PublicLaunch(ZonedDateTime.parse(time), "Hwasong-12", SUNAN, "over Hokkaido",
                Duration.ofMinutes(14), 550, 2700, "Pacific", azimuth, impact, "press reports");
    }

    @Test
    void aModelledImpactPointFarFromTheComputedOneIsRefused() {
        GeoPoint computed = GreatCircle.destination(SUNAN.point(), 72.8, 2700);
        assertThat(launch("2017-08-29T05:57+09:00[Asia/Seoul]", 72.8, computed).modelledFlight().impactPoint())
                .isEqualTo(computed);
        GeoPoint tenKmNorth = GreatCircle.destination(computed, 0, 10);
        assertThatThrownBy(() -> launch("2017-08-29T05:57+09:00[Asia/Seoul]", 72.8, tenKmNorth))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("the launch of 2017-08-29: its modelled impact point")
                .hasMessageContaining("is 10 km from where the site, the modelled azimuth and the range put it");
    }

    @Test
    void launchesAreFoundByTheirDayAndAnUnknownDayNamesTheKnownOnes() {
        var later = launch("2017-09-15T06:57+09:00[Asia/Seoul]", 90, GreatCircle.destination(SUNAN.point(), 90, 2700));
        var earlier = launch("2017-08-29T05:57+09:00[Asia/Seoul]", 72.8,
                GreatCircle.destination(SUNAN.point(), 72.8, 2700));
        var catalogue = new LaunchCatalogue(List.of(later, earlier));
        assertThat(catalogue.launches()).containsExactly(earlier, later);
        assertThat(catalogue.on(LocalDate.parse("2017-09-15"))).isEqualTo(later);
        assertThatThrownBy(() -> catalogue.on(LocalDate.parse("2017-09-16"))).isInstanceOf(DomainException.class)
                .hasMessage("no launch on 2017-09-16 in the catalogue (it has: 2017-08-29, 2017-09-15)");
    }

    @Test
    void theDayIsTheReportedZonesDay() {
        // 05:57 KST on 29 August is still 28 August in UTC; a replay of "2017-08-29" means the Korean day.
        var launch = launch("2017-08-29T05:57+09:00[Asia/Seoul]", 72.8,
                GreatCircle.destination(SUNAN.point(), 72.8, 2700));
        assertThat(launch.date()).isEqualTo(LocalDate.parse("2017-08-29"));
        assertThat(launch.launchedAt().toInstant().toString()).startsWith("2017-08-28T20:57");
    }

    @Test
    void twoLaunchesOnOneDayCannotBeToldApartByAReplay() {
        var one = launch("2017-08-29T05:57+09:00[Asia/Seoul]", 72.8, GreatCircle.destination(SUNAN.point(), 72.8, 2700));
        var two = launch("2017-08-29T09:00+09:00[Asia/Seoul]", 72.8, GreatCircle.destination(SUNAN.point(), 72.8, 2700));
        assertThatThrownBy(() -> new LaunchCatalogue(List.of(one, two))).isInstanceOf(DomainException.class)
                .hasMessageContaining("two launches on 2017-08-29");
    }
}
