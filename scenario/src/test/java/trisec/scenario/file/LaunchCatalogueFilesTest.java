package trisec.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.DomainException;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.LaunchCatalogue;
import trisec.warning.PublicLaunch;

/** The shipped launch catalogue is FACTS.md's table of public launches, and its modelled flights fit the reports. */
class LaunchCatalogueFilesTest {
    private final LaunchCatalogue catalogue = LaunchCatalogueFiles.shipped();

    /** A row of FACTS.md, "Public launches for replay", as written there. */
    private record Row(String kst, String missile, String site, double lat, double lon, String flight,
                       Duration flightTime, double apogeeKm, double rangeKm, String cameDown) {}

    private static final List<Row> FACTS = List.of(
            new Row("2017-08-29T05:57", "Hwasong-12", "Sunan, Pyongyang", 39.2, 125.7, "over Hokkaido",
                    Duration.ofMinutes(14), 550, 2700, "Pacific, ~1,180 km east of Cape Erimo"),
            new Row("2017-11-29T03:17", "Hwasong-15", "near Pyongsong", 39.25, 125.87, "lofted",
                    Duration.ofMinutes(53), 4475, 950, "Sea of Japan, ~250 km west of Aomori, inside Japan's EEZ"),
            new Row("2022-10-04T07:23", "Hwasong-12", "Mupyong-ni, Jagang", 40.6, 126.4, "over Aomori",
                    Duration.ofMinutes(22), 970, 4600, "Pacific, ~3,200 km east of Japan, outside the EEZ"),
            new Row("2022-11-18T10:15", "Hwasong-17", "Pyongyang International Airport", 39.22, 125.67, "lofted",
                    Duration.ofSeconds(4135), 6041, 999, "~200 km west of Oshima-Oshima (Hokkaido), inside Japan's EEZ"),
            new Row("2023-07-12T10:00", "Hwasong-18", "Pyongyang area", 39.0, 125.8, "lofted",
                    Duration.ofMinutes(74), 6000, 1000, "~250 km west of Okushiri, outside the EEZ"),
            new Row("2024-10-31T07:11", "Hwasong-19", "Pyongyang area", 39.0, 125.8, "lofted",
                    Duration.ofMinutes(86), 7687, 1000, "~200 km west of Okushiri, outside the EEZ"));

    // Public gazetteer positions of the places the reports measure from.
    private static final GeoPoint CAPE_ERIMO = GeoPoint.of(41.925, 143.245);
    private static final GeoPoint AOMORI = GeoPoint.of(40.822, 140.747);
    /** Fukaura, on Aomori Prefecture's Sea of Japan coast: "west of Aomori" is measured from the prefecture. */
    private static final GeoPoint AOMORI_WEST_COAST = GeoPoint.of(40.65, 139.93);
    private static final GeoPoint OSHIMA_OSHIMA = GeoPoint.of(41.511, 139.366);
    private static final GeoPoint OKUSHIRI = GeoPoint.of(42.155, 139.473);

    @Test
    void theShippedCatalogueIsValid() {
        assertThat(LaunchCatalogueFiles.check(LaunchCatalogueFiles.shippedText())).isEmpty();
    }

    @Test
    void everyRowOfFactsIsThereWithItsReportedFigures() {
        assertThat(catalogue.launches()).hasSize(FACTS.size());
        for (Row row : FACTS) {
            PublicLaunch launch = catalogue.on(LocalDate.parse(row.kst().substring(0, 10)));
            assertThat(launch.launchedAt()).isEqualTo(ZonedDateTime.parse(row.kst() + "+09:00[Asia/Seoul]"));
            assertThat(launch.missile()).isEqualTo(row.missile());
            assertThat(launch.site().name()).isEqualTo(row.site());
            assertThat(launch.site().point()).isEqualTo(GeoPoint.of(row.lat(), row.lon()));
            assertThat(launch.flight()).isEqualTo(row.flight());
            assertThat(launch.flightTime()).isEqualTo(row.flightTime());
            assertThat(launch.apogeeKm()).isEqualTo(row.apogeeKm());
            assertThat(launch.rangeKm()).isEqualTo(row.rangeKm());
            assertThat(launch.cameDown()).isEqualTo(row.cameDown());
            assertThat(launch.source()).contains("Japan MOD and ROK JCS");
        }
    }

    @Test
    void theModelledImpactPointIsTheDestinationOfTheModelledFlight() {
        for (PublicLaunch launch : catalogue.launches()) {
            assertThat(GreatCircle.distanceKm(launch.modelledImpactPoint(), launch.modelledFlight().impactPoint()))
                    .as(launch.date().toString()).isLessThan(PublicLaunch.IMPACT_POINT_TOLERANCE_KM);
        }
    }

    @Test
    void theFlightsOverJapanAreModelledOverTheReportedPlaces() {
        assertThat(trackMissesBy("2017-08-29", CAPE_ERIMO)).isLessThan(5);
        assertThat(trackMissesBy("2022-10-04", AOMORI)).isLessThan(5);
    }

    @Test
    void theModelledImpactPointsAreWhereTheReportsSayTheyCameDown() {
        assertCameDown("2017-08-29", CAPE_ERIMO, 1180, 90);
        assertCameDown("2017-11-29", AOMORI_WEST_COAST, 250, 270);
        assertCameDown("2022-10-04", AOMORI, 3200, 90);
        assertCameDown("2022-11-18", OSHIMA_OSHIMA, 200, 270);
        assertCameDown("2023-07-12", OKUSHIRI, 250, 270);
        assertCameDown("2024-10-31", OKUSHIRI, 200, 270);
    }

    /** Reported distances are rounded, and modelled ranges are the reported ones: a quarter either way, or 10%. */
    private void assertCameDown(String day, GeoPoint from, double reportedKm, double roughBearing) {
        GeoPoint impact = catalogue.on(LocalDate.parse(day)).modelledImpactPoint();
        double km = GreatCircle.distanceKm(from, impact);
        assertThat(km).as(day + " distance").isCloseTo(reportedKm, within(reportedKm > 1000 ? reportedKm * 0.1
                : reportedKm * 0.25));
        double bearing = GreatCircle.initialBearing(from, impact);
        assertThat(Math.abs(((bearing - roughBearing) % 360 + 540) % 360 - 180)).as(day + " direction").isLessThan(30);
    }

    private double trackMissesBy(String day, GeoPoint place) {
        var flight = catalogue.on(LocalDate.parse(day)).modelledFlight();
        return GreatCircle.distanceToArcKm(place, flight.launchPoint(), flight.impactPoint());
    }

    // ---- bad files ------------------------------------------------------------------------------------------

    private static final String GOOD = """
            zone: Asia/Seoul
            launches:
              - launched: 2017-11-29T03:17
                missile: Hwasong-15
                site: {name: near Pyongsong, lat: 39.25, lon: 125.87}
                flight: lofted
                flightTime: PT53M
                apogeeKm: 4475
                rangeKm: 950
                cameDown: Sea of Japan
                modelled:
                  azimuth: 76.6
                  impact: {lat: 40.72, lon: 136.86}
                source: press reports
            """;

    @Test
    void aSmallGoodFileReads() {
        var launch = LaunchCatalogueFiles.read("good", GOOD).on(LocalDate.parse("2017-11-29"));
        assertThat(launch.modelledAzimuthDeg()).isEqualTo(76.6);
        assertThat(launch.launchedAt().getZone().getId()).isEqualTo("Asia/Seoul");
    }

    @Test
    void aLatitudeOf95IsAProblemOnItsLine() {
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("lat: 39.25", "lat: 95")))
                .containsExactly(new Problem(5, "the site: latitude must be between -90 and 90 degrees, got 95"));
    }

    @Test
    void aNegativeRangeOrABadNumberIsAProblemOnItsLine() {
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("rangeKm: 950", "rangeKm: -950")))
                .containsExactly(new Problem(9, "rangeKm must be 0 or more, not -950"));
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("apogeeKm: 4475", "apogeeKm: ~4,475")))
                .containsExactly(new Problem(8, "apogeeKm must be a number such as 39.25, not '~4,475'"));
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("azimuth: 76.6", "azimuth: 400")))
                .containsExactly(new Problem(12, "azimuth must be between 0 and 360 degrees, not 400"));
    }

    @Test
    void aModelledImpactPointThatDisagreesWithTheFlightIsAProblemOnTheModelledLine() {
        var problems = LaunchCatalogueFiles.check(GOOD.replace("lat: 40.72", "lat: 41.72"));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().line()).isEqualTo(11);
        assertThat(problems.getFirst().message()).contains("modelled impact point").contains("111 km from where");
    }

    @Test
    void badTimesDurationsAndZonesAreProblems() {
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("Asia/Seoul", "Korea/Pyongyang")))
                .containsExactly(new Problem(1, "zone must be a time zone such as Asia/Seoul, not 'Korea/Pyongyang'"));
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("PT53M", "53 min")))
                .containsExactly(new Problem(7,
                        "flightTime must be an ISO 8601 duration such as PT53M or PT4135S, not '53 min'"));
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("2017-11-29T03:17", "29 Nov 2017")))
                .containsExactly(new Problem(3,
                        "launched must be a local date and time such as 2017-08-29T05:57, not '29 Nov 2017'"));
    }

    @Test
    void unknownAndMissingKeysAreProblems() {
        assertThat(LaunchCatalogueFiles.check(GOOD.replace("    source: press reports\n", "    sauce: press\n")))
                .containsExactly(new Problem(3, "a launch needs 'source'"), new Problem(14, "unknown key 'sauce' in a "
                        + "launch (expected: apogeeKm, cameDown, flight, flightTime, launched, missile, modelled, rangeKm, "
                        + "site, source)"));
    }

    @Test
    void twoLaunchesOnOneDayAreAProblem() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - launched")).replace("03:17", "09:00");
        assertThat(LaunchCatalogueFiles.check(twice)).extracting(Problem::message)
                .containsExactly("the catalogue has two launches on 2017-11-29; a replay is asked for by day, "
                        + "so there can be only one");
    }

    @Test
    void readingABadFileThrowsWithTheFirstProblemAndItsLine() {
        assertThatThrownBy(() -> LaunchCatalogueFiles.read("bad.yaml", GOOD.replace("lon: 125.87", "lon: 190")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("bad.yaml:5: the site: longitude must be between -180 and 180 degrees, got 190");
        assertThatThrownBy(() -> LaunchCatalogueFiles.read("bad.yaml", "launches: [")).isInstanceOf(
                InvalidScenarioException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LaunchCatalogueFiles.load(dir.resolve("none.yaml")))
                .isInstanceOf(DomainException.class).hasMessageContaining("no launch catalogue at");
        Path file = Files.writeString(dir.resolve("launches.yaml"), GOOD);
        assertThat(LaunchCatalogueFiles.load(file).launches()).hasSize(1);
    }
}
