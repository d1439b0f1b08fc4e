package trisec.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import trisec.DomainException;
import trisec.party.Party;
import trisec.warning.GeoPoint;

/** The shipped region data loads, is valid, is small, carries its attribution, and puts places where they are. */
class ShippedRegionTest {
    private static final Region REGION = Region.shipped();

    private static Territory of(String code) {
        return REGION.territory(Party.of(code));
    }

    @Test
    void itHoldsEveryPartyWithLandInTheRegion() {
        assertThat(REGION.parties()).extracting(Party::code)
                .containsExactly("CHN", "JPN", "KOR", "MNG", "PHL", "PRK", "RUS", "TWN", "USA");
        assertThat(REGION.bounds()).isEqualTo(new Bounds(115, 160, 10, 55));
    }

    @Test
    void everyLandIsValidPolygonsAndEveryCoastIsLinesInsideTheRegion() {
        for (Party party : REGION.parties()) {
            Territory t = REGION.territory(party);
            assertThat(t.land() instanceof Polygonal).as(party + " land is polygons").isTrue();
            assertThat(t.land().isValid()).as(party + " land valid").isTrue();
            assertThat(t.land().isEmpty()).isFalse();
            assertThat(t.coast() instanceof Lineal).as(party + " coast is lines").isTrue();
            var box = t.land().getFactory().toGeometry(new org.locationtech.jts.geom.Envelope(115, 160, 10, 55));
            assertThat(box.covers(t.land())).as(party + " inside").isTrue();
            assertThat(t.coast().isEmpty() || box.covers(t.coast())).as(party + " coast inside").isTrue();
        }
    }

    @Test
    void koreaJapanTheMarianasAndNorthKoreaAreWholeAndTheBigNeighboursAreCut() {
        for (String whole : new String[] {"JPN", "KOR", "PRK", "USA", "TWN"}) {
            assertThat(of(whole).cutByRegionEdge()).as(whole).isFalse();
        }
        for (String cut : new String[] {"CHN", "RUS", "MNG", "PHL"}) {
            assertThat(of(cut).cutByRegionEdge()).as(cut).isTrue();
        }
    }

    @Test
    void placesAreOnTheRightLand() {
        assertOn("KOR", 37.57, 126.98);   // Seoul
        assertOn("KOR", 33.45, 126.55);   // Jeju
        assertOn("PRK", 39.02, 125.75);   // Pyongyang
        assertOn("JPN", 35.68, 139.69);   // Tokyo
        assertOn("JPN", 43.06, 141.35);   // Sapporo
        assertOn("JPN", 40.82, 140.75);   // Aomori
        assertOn("JPN", 26.21, 127.68);   // Naha, Okinawa
        assertOn("USA", 13.47, 144.75);   // Hagåtña, Guam
        assertOn("USA", 15.19, 145.75);   // Saipan, Northern Marianas
        assertOn("RUS", 43.12, 131.89);   // Vladivostok
        assertOn("CHN", 39.90, 116.40);   // Beijing
        assertThat(REGION.parties()).noneMatch(p -> REGION.territory(p).contains(GeoPoint.of(40.0, 135.0)));
    }

    @Test
    void landBordersAndTheRegionsEdgeAreNotCoast() {
        // Inland on the line between the Koreas, some 80 km from either sea: were the border coast, it would be 0.
        assertThat(of("KOR").distanceToCoastKm(GeoPoint.of(38.25, 127.5))).isGreaterThan(50);
        // The Yalu near Manpo, on the border with China, far from North Korea's coasts.
        assertThat(of("PRK").distanceToCoastKm(GeoPoint.of(41.15, 126.3))).isGreaterThan(100);
        // Inland China at the region's west edge: its coast is some 600 km east, not the edge beside it.
        assertThat(of("CHN").distanceToCoastKm(GeoPoint.of(30.0, 115.2))).isGreaterThan(400);
        // Mongolia has no sea coast at all.
        assertThat(of("MNG").coast().isEmpty()).isTrue();
        assertThat(of("MNG").distanceToCoastKm(GeoPoint.of(47.0, 117.0))).isInfinite();
    }

    @Test
    void aPartyWithoutTerritoryInTheRegionIsAClearError() {
        assertThatThrownBy(() -> REGION.territory(Party.of("AUS"))).isInstanceOf(DomainException.class)
                .hasMessage("no territory for party AUS in the region data (it has: CHN, JPN, KOR, MNG, PHL, PRK, RUS, "
                        + "TWN, USA)");
    }

    @Test
    void theDataIsSmallAndNamesItsSource() throws IOException {
        byte[] data = resource(Region.SHIPPED);
        assertThat(data.length).isLessThan(256 * 1024);
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(text).contains("Made with Natural Earth").contains("world-atlas 2.0.2");
        String attribution = new String(resource("trisec/geo/ATTRIBUTION.txt"), StandardCharsets.UTF_8);
        assertThat(attribution).contains("Made with Natural Earth").contains("public domain")
                .contains("world-atlas 2.0.2");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedRegionTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void assertOn(String code, double lat, double lon) {
        GeoPoint p = GeoPoint.of(lat, lon);
        assertThat(of(code).contains(p)).as(code + " at " + p).isTrue();
        for (Party other : REGION.parties()) {
            if (!other.code().equals(code)) {
                assertThat(REGION.territory(other).contains(p)).as(other + " at " + p).isFalse();
            }
        }
    }
}
