package trisec.geo.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import trisec.DomainException;
import trisec.geo.Region;
import trisec.scenario.file.ScenarioFiles;
import trisec.warning.GeoPoint;

/** The map of places: the shipped scenario's seven UN-flagged bases, each a marker with its name, on the region. */
class SiteMapTest {
    private static final Region REGION = Region.shipped();

    /** The shipped bases; the ones on Okinawa inactive, to see both kinds of marker. */
    private static List<SiteMap.Marker> bases() {
        return ScenarioFiles.shipped().sites().stream().map(s -> new SiteMap.Marker(s.name(), s.point().orElseThrow(),
                !s.location().equals("Okinawa"), s.location().equals("Okinawa") ? "terminated" : "in force")).toList();
    }

    private static String svg(Locale language) {
        return SiteMap.svg(REGION, "UN Command–Rear", bases(), language, MapOptions.defaults());
    }

    private static List<Element> sites(SvgDocument doc) {
        return doc.all("g").stream().filter(g -> g.getAttribute("class").equals("trisec-site")).toList();
    }

    @Test
    void everyBaseIsAMarkerWithItsNameWhereItIs() {
        SvgDocument doc = SvgDocument.parse(svg(Locale.ENGLISH));
        List<Element> sites = sites(doc);
        assertThat(sites).hasSize(7).extracting(g -> g.getAttribute("data-name")).containsExactly("Camp Zama",
                "Yokosuka naval facility", "Sasebo naval facility", "Yokota Air Base", "Kadena Air Base", "Futenma",
                "White Beach");
        for (Element g : sites) {
            assertThat(SvgDocument.within(g, "circle")).singleElement()
                    .satisfies(c -> assertThat(c.getAttribute("class")).isEqualTo("trisec-site-marker"));
            assertThat(SvgDocument.within(g, "text")).singleElement()
                    .satisfies(t -> assertThat(t.getTextContent()).isEqualTo(g.getAttribute("data-name")));
        }
        // Active ones filled in the UN's blue, the others hollow.
        assertThat(sites).filteredOn(g -> g.getAttribute("data-active").equals("true")).hasSize(4)
                .allSatisfy(g -> assertThat(SvgDocument.within(g, "circle").getFirst().getAttribute("fill"))
                        .isEqualTo(SiteMap.ACTIVE));
        assertThat(sites).filteredOn(g -> g.getAttribute("data-active").equals("false")).hasSize(3)
                .allSatisfy(g -> assertThat(SvgDocument.within(g, "circle").getFirst().getAttribute("stroke"))
                        .isEqualTo(SiteMap.INACTIVE));
        // Yokota is north of Yokosuka and Sasebo west of both: the picture keeps the places' relations.
        double[] yokota = centre(sites.get(3));
        double[] yokosuka = centre(sites.get(1));
        double[] sasebo = centre(sites.get(2));
        assertThat(yokota[1]).isLessThan(yokosuka[1]);
        assertThat(sasebo[0]).isLessThan(yokosuka[0] - 200);
    }

    @Test
    void crowdedPlacesKeepTheirNamesApartOnLeaderLines() {
        SvgDocument doc = SvgDocument.parse(svg(Locale.ENGLISH));
        List<double[]> boxes = sites(doc).stream().map(g -> {
            Element t = SvgDocument.within(g, "text").getFirst();
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            return new double[] {x, y - 11, WarningMap.textWidth(t.getTextContent(), 11), 13};
        }).toList();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
        // Kadena, Futenma and White Beach lie within 15 km: at least one of them is named on a leader line.
        assertThat(doc.all("path")).anyMatch(p -> p.getAttribute("class").equals("trisec-leader"));
    }

    @Test
    void theTitleTheDescriptionAndTheLegendAreTheCallersAndTheSeasTheViewers() {
        for (var lang : List.of(List.of("ko", "태평양"), List.of("ja", "太平洋"), List.of("en", "Pacific Ocean"))) {
            SvgDocument doc = SvgDocument.parse(svg(Locale.forLanguageTag(lang.get(0))));
            assertThat(doc.root().getAttribute("lang")).isEqualTo(lang.get(0));
            assertThat(doc.all("title").getFirst().getTextContent()).isEqualTo("UN Command–Rear");
            assertThat(doc.all("desc").getFirst().getTextContent()).startsWith("UN Command–Rear. Camp Zama (35.51°N "
                    + "139.39°E): in force.").contains("White Beach (26.31°N 127.91°E): terminated.");
            assertThat(doc.all("text")).extracting(Element::getTextContent).contains(lang.get(1), "in force",
                    "terminated");
        }
    }

    @Test
    void itIsSafeToInlineAndTheSameEveryTime() {
        String svg = svg(Locale.JAPANESE);
        assertThat(svg).isEqualTo(svg(Locale.JAPANESE)).doesNotContain("<script").doesNotContain("<style")
                .doesNotContain(" id=").doesNotContain("href");
        String escaped = SiteMap.svg(REGION, "<b>", List.of(new SiteMap.Marker("A & <B>", GeoPoint.of(35, 139), true,
                "\"ok\"")), Locale.ENGLISH, MapOptions.defaults());
        assertThat(escaped).contains("A &amp; &lt;B&gt;").doesNotContain("<b>").doesNotContain("<B>");
        SvgDocument.parse(escaped);
    }

    @Test
    void aMarkerNeedsANameAPointAndAStatus() {
        assertThatThrownBy(() -> new SiteMap.Marker(" ", GeoPoint.of(35, 139), true, "in force"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SiteMap.svg(REGION, "t", java.util.Arrays.asList((SiteMap.Marker) null),
                Locale.ENGLISH, MapOptions.defaults())).isInstanceOf(DomainException.class);
    }

    private static double[] centre(Element site) {
        Element c = SvgDocument.within(site, "circle").getFirst();
        return new double[] {Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy"))};
    }
}
