package trisec.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import trisec.DomainException;
import trisec.party.Party;

/** Region data that cannot be used is refused with its source, its line and what is wrong. */
class RegionFileTest {
    private static final String GOOD = """
            # a square island
            region 0 10 0 10
            party AAA whole
            land MULTIPOLYGON (((1 1, 2 1, 2 2, 1 2, 1 1)))
            coast MULTILINESTRING ((1 1, 2 1, 2 2, 1 2, 1 1))
            """;

    @Test
    void goodDataReads() {
        Region region = Region.read("good", GOOD);
        assertThat(region.parties()).containsExactly(Party.of("AAA"));
        assertThat(region.bounds()).isEqualTo(new Bounds(0, 10, 0, 10));
    }

    @Test
    void badDataIsRefusedOnItsLine() {
        assertRefused(GOOD.replace("land MULTIPOLYGON", "lnd MULTIPOLYGON"),
                "bad:4: unknown line 'lnd' (expected region, party, land or coast)");
        assertRefused(GOOD.replace("land MULTIPOLYGON (((1 1, 2 1", "land MULTIPOLYGON (((1 1 2 1"),
                "bad:4: not WKT: ");
        assertRefused(GOOD.replace("land MULTIPOLYGON (((1 1, 2 1, 2 2, 1 2, 1 1)))", "land LINESTRING (1 1, 2 2)"),
                "bad:4: AAA's land must be polygons, not LineString");
        assertRefused(GOOD.replace("(((1 1, 2 1, 2 2, 1 2, 1 1)))", "(((1 1, 2 2, 2 1, 1 2, 1 1)))"),
                "bad:4: AAA's land is not a valid polygon (it crosses itself or a hole leaves it)");
        assertRefused(GOOD.replace("(((1 1, 2 1, 2 2, 1 2, 1 1)))", "(((1 1, 2 1, 2 2, 1 2)))"),
                "bad:4: not WKT: ");
        assertRefused(GOOD.replace("coast MULTILINESTRING ((1 1, 2 1, 2 2, 1 2, 1 1))", "coast POINT (1 1)"),
                "bad:5: AAA's coast must be lines, not Point");
        assertRefused(GOOD.replace("(((1 1, 2 1", "(((1 1, 12 1"), "bad:4: AAA's land reaches outside the region");
        assertRefused(GOOD.replace("party AAA whole", "party aaa whole"),
                "bad:3: a party line is 'party CODE whole' or 'party CODE cut', with an ISO 3166 alpha-3 code");
    }

    @Test
    void partiesAndLinesComeInOrder() {
        assertRefused(GOOD.replace("region 0 10 0 10\n", ""), "bad:2: the region line comes before the parties");
        assertRefused(GOOD + GOOD.substring(GOOD.indexOf("party")), "bad:6: party AAA appears twice");
        assertRefused(GOOD.substring(0, GOOD.indexOf("coast")), "bad:3: party AAA needs its land and coast lines");
        assertRefused("region 0 10 0 10\nland MULTIPOLYGON (((1 1, 2 1, 2 2, 1 2, 1 1)))\n",
                "bad:2: a land line belongs after a party line");
        assertRefused("region 0 10 0\n", "bad:1: the region line has four numbers: west, east, south and north");
        assertRefused("region 10 0 0 10\n", "bad:1: not a box of longitudes and latitudes");
        assertRefused("# nothing\n", "bad:1: no region line");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> Region.read("bad", text)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith(message);
    }
}
