package trisec.geo.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import trisec.DomainException;
import trisec.geo.Region;
import trisec.geo.TestWarnings;
import trisec.party.Party;
import trisec.scenario.file.LaunchCatalogueFiles;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.MissileWarning;
import trisec.warning.PublicLaunch;

/** The warnings map: well-formed, in the viewer's language, safe to inline, stable, and true to scale. */
class WarningMapTest {
    private static final Region REGION = Region.shipped();
    private static final Locale KO = Locale.KOREAN;
    private static final Locale JA = Locale.JAPANESE;
    private static final Locale EN = Locale.ENGLISH;

    /** The 2017-11-29 lofted shot into the East Sea / Sea of Japan, as Korea and Japan each warned of it. */
    private static final MissileWarning KOR_2017 =
            TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15"));
    private static final MissileWarning JPN_2017 =
            TestWarnings.open("2017-11-29", "JPN", "J17-0001", Optional.empty());

    @Test
    void theMapIsAnSvgImageWithATitleAndDescriptionInTheViewersLanguage() {
        for (Locale lang : List.of(KO, JA, EN)) {
            SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(KOR_2017), lang));
            Element svg = doc.root();
            assertThat(svg.getNamespaceURI()).isEqualTo(SvgDocument.SVG_NS);
            assertThat(svg.getLocalName()).isEqualTo("svg");
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.getAttribute("lang")).isEqualTo(lang.getLanguage());
            assertThat(svg.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo(lang.getLanguage());
            assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 960 640");
            // The accessible name and description are the first children, as SVG-AAM reads them.
            List<Element> children = children(svg);
            assertThat(children.get(0).getLocalName()).isEqualTo("title");
            assertThat(children.get(1).getLocalName()).isEqualTo("desc");
            String title = children.get(0).getTextContent();
            String desc = children.get(1).getTextContent();
            switch (lang.getLanguage()) {
                case "ko" -> {
                    assertThat(title).isEqualTo("미사일 경보 지도");
                    assertThat(desc).contains("한국 경보 K17-0001", "Hwasong-15", "950 km", "상공 통과: 북한");
                }
                case "ja" -> {
                    assertThat(title).isEqualTo("ミサイル警報地図");
                    assertThat(desc).contains("韓国の警報 K17-0001", "Hwasong-15", "950 km", "上空通過：北朝鮮");
                }
                default -> {
                    assertThat(title).isEqualTo("Missile warning map");
                    assertThat(desc).contains("Korea warning K17-0001", "Hwasong-15", "950 km", "overflies North Korea");
                }
            }
        }
    }

    @Test
    void theSeaBetweenKoreaAndJapanIsNamedAsEachViewerNamesIt() {
        List<String> ko = seaNames(KO);
        List<String> ja = seaNames(JA);
        List<String> en = seaNames(EN);
        assertThat(ko).contains("동해").doesNotContain("日本海").noneMatch(s -> s.contains("Japan"));
        assertThat(ja).contains("日本海").doesNotContain("동해").noneMatch(s -> s.contains("East Sea"));
        assertThat(en).contains("East Sea / Sea of Japan");
        assertThat(ko).contains("황해");
        assertThat(ja).contains("黄海");
        assertThat(en).contains("Yellow Sea");
        // The whole region shows the Pacific and the East China Sea too.
        assertThat(seaNames(KO, MapOptions.View.REGION)).contains("태평양", "동중국해");
        assertThat(seaNames(JA, MapOptions.View.REGION)).contains("太平洋", "東シナ海");
        assertThat(seaNames(EN, MapOptions.View.REGION)).contains("Pacific Ocean", "East China Sea");
    }

    @Test
    void eachPartysTrackIsDrawnInItsOwnColour() {
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(KOR_2017, JPN_2017), EN));
        String korean = doc.inWarning("K17-0001", "trisec-track").getFirst().getAttribute("stroke");
        String japanese = doc.inWarning("J17-0001", "trisec-track").getFirst().getAttribute("stroke");
        assertThat(korean).isEqualTo(TrackColours.of(Party.of("KOR")));
        assertThat(japanese).isEqualTo(TrackColours.of(Party.of("JPN")));
        assertThat(korean).isNotEqualTo(japanese);
        assertThat(doc.inWarning("J17-0001", "trisec-ellipse").getFirst().getAttribute("fill")).isEqualTo(japanese);
        // The two coincide; the earlier is drawn wider, so both stay visible.
        assertThat(Double.parseDouble(doc.inWarning("K17-0001", "trisec-track").getFirst().getAttribute("stroke-width")))
                .isGreaterThan(Double.parseDouble(doc.inWarning("J17-0001", "trisec-track").getFirst()
                        .getAttribute("stroke-width")));
        var usa = TestWarnings.open("2017-11-29", "USA", "U17-0001", Optional.empty());
        assertThat(TrackColours.of(Party.of("USA"))).isNotIn(korean, japanese);
        assertThat(SvgDocument.parse(WarningMap.svg(REGION, List.of(usa), EN)).inWarning("U17-0001", "trisec-track")
                .getFirst().getAttribute("stroke")).isEqualTo(TrackColours.of(Party.of("USA")));
    }

    @Test
    void theThreePartnersLandsAreTellApartAndTheOthersAreNeutral() {
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(), EN,
                MapOptions.defaults().withView(MapOptions.View.REGION)));
        var fills = new java.util.TreeMap<String, String>();
        for (Element path : SvgDocument.within(doc.only("trisec-land"), "path")) {
            fills.put(path.getAttribute("data-party"), path.getAttribute("fill"));
        }
        assertThat(fills).containsKeys("KOR", "JPN", "USA", "PRK", "CHN", "RUS");
        assertThat(List.of(fills.get("KOR"), fills.get("JPN"), fills.get("USA"))).doesNotHaveDuplicates()
                .doesNotContain(fills.get("PRK"));
        assertThat(fills.get("PRK")).isEqualTo(fills.get("CHN")).isEqualTo(fills.get("RUS"));
    }

    @Test
    void aHostileMissileTypeIsTextNeverMarkup() {
        String hostile = "<script>alert('x')</script><a href=\"javascript:x\">&amp;" + '\u0001' + "]]>";
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0002", Optional.of(hostile));
        for (Locale lang : List.of(KO, JA, EN)) {
            String svg = WarningMap.svg(REGION, List.of(w), lang);
            assertThat(svg).doesNotContain("<script").doesNotContain("<a ").doesNotContain("]]>")
                    .doesNotContain("\u0001");
            SvgDocument doc = SvgDocument.parse(svg);
            assertThat(doc.all("script")).isEmpty();
            assertThat(doc.all("a")).isEmpty();
            // The type arrives whole, as text, in the legend and in the description (the one character XML
            // cannot hold replaced).
            String shown = hostile.replace('\u0001', '\uFFFD');
            assertThat(doc.texts()).anyMatch(t -> t.contains(shown));
            assertThat(doc.all("desc").getFirst().getTextContent()).contains(shown);
        }
    }

    @Test
    void theMapReferencesNothingOutsideItselfAndCannotTouchThePage() {
        String svg = WarningMap.svg(REGION, List.of(KOR_2017, JPN_2017.close(new Closure.TrackLost(
                JPN_2017.current().at().plusSeconds(600)))), KO);
        SvgDocument doc = SvgDocument.parse(svg);
        assertThat(doc.all("style")).isEmpty();
        assertThat(doc.all("script")).isEmpty();
        assertThat(doc.all("foreignObject")).isEmpty();
        assertThat(doc.all("image")).isEmpty();
        assertThat(doc.all("use")).isEmpty();
        for (Element e : doc.everything()) {
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Attr a = (Attr) e.getAttributes().item(i);
                assertThat(a.getLocalName()).as("attribute on <%s>", e.getLocalName())
                        .isNotEqualTo("href").isNotEqualTo("id").doesNotStartWith("on").isNotEqualTo("style");
                assertThat(a.getValue()).doesNotContain("url(").doesNotContain("javascript:");
            }
        }
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String first = WarningMap.svg(REGION, List.of(KOR_2017, JPN_2017), JA);
        var again = List.of(TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15")),
                TestWarnings.open("2017-11-29", "JPN", "J17-0001", Optional.empty()));
        assertThat(WarningMap.svg(REGION, again, JA)).isEqualTo(first);
        assertThat(WarningMap.svg(REGION, List.of(KOR_2017, JPN_2017), JA)).isEqualTo(first);
        // Order matters (later warnings are drawn above earlier ones), so the other order is another picture.
        assertThat(WarningMap.svg(REGION, List.of(JPN_2017, KOR_2017), JA)).isNotEqualTo(first);
    }

    @Test
    void theEllipseIsDrawnToScaleAlongItsOrientation() {
        FlightPrediction flight = TestWarnings.launch("2017-11-29").modelledFlight();
        double course = TestWarnings.finalCourse(flight);
        var along = TestWarnings.open(flight, TestWarnings.launch("2017-11-29").launchedAt().toInstant(), "KOR",
                "K17-0003", Optional.empty(), new ErrorEllipse(150, 50, course % 180));
        var across = TestWarnings.open(flight, TestWarnings.launch("2017-11-29").launchedAt().toInstant(), "JPN",
                "J17-0003", Optional.empty(), new ErrorEllipse(150, 50, (course + 90) % 180));
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(along, across), EN));
        double pxPerKm = pxPerKm(doc);

        Axes a = axes(SvgDocument.points(doc.inWarning("K17-0003", "trisec-ellipse").getFirst().getAttribute("d")));
        assertThat(a.major() / (2 * 150 * pxPerKm)).isCloseTo(1.0, within(0.04));
        assertThat(a.minor() / (2 * 50 * pxPerKm)).isCloseTo(1.0, within(0.06));

        // The long axis lies along the track as it comes down, or across it.
        List<double[]> track = SvgDocument.points(doc.inWarning("K17-0003", "trisec-track").getFirst().getAttribute("d"));
        double[] end = track.getLast();
        double[] before = track.get(track.size() - 11);
        double trackDirection = Math.toDegrees(Math.atan2(end[1] - before[1], end[0] - before[0]));
        assertThat(lineAngle(a.direction(), trackDirection)).isLessThan(2.0);
        Axes b = axes(SvgDocument.points(doc.inWarning("J17-0003", "trisec-ellipse").getFirst().getAttribute("d")));
        assertThat(lineAngle(b.direction(), trackDirection)).isCloseTo(90.0, within(2.0));
        assertThat(b.major() / (2 * 150 * pxPerKm)).isCloseTo(1.0, within(0.04));
    }

    @Test
    void tPlusMarksComeEveryFewMinutesAtMostTenToATrack() {
        for (PublicLaunch launch : LaunchCatalogueFiles.shipped().launches()) {
            var w = TestWarnings.open(launch.date().toString(), "KOR", "K-1", Optional.empty());
            SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(w), EN));
            long seconds = launch.flightTime().toSeconds();
            long interval = Arrays.stream(new long[] {1, 2, 5, 10, 15, 20, 30, 60})
                    .filter(m -> seconds <= 10 * m * 60).findFirst().orElseThrow() * 60;
            long expected = (seconds - 1) / interval;
            assertThat(SvgDocument.within(doc.inWarning("K-1", "trisec-marks").getFirst(), "circle"))
                    .as(launch.date().toString()).hasSize((int) expected).hasSizeLessThanOrEqualTo(10);
        }
        // 14 minutes over Hokkaido: every 2 minutes.
        var hokkaido = TestWarnings.open("2017-08-29", "KOR", "K-2", Optional.empty());
        assertThat(SvgDocument.parse(WarningMap.svg(REGION, List.of(hokkaido), EN)).texts())
                .contains("T+2 min", "T+4 min", "T+12 min", "T+14 min").doesNotContain("T+1 min", "T+16 min");
        assertThat(SvgDocument.parse(WarningMap.svg(REGION, List.of(hokkaido), KO)).texts()).contains("T+2분");
        assertThat(SvgDocument.parse(WarningMap.svg(REGION, List.of(hokkaido), JA)).texts()).contains("T+2分");
    }

    @Test
    void aMarkHalfwayThroughTheFlightIsHalfwayAlongTheTrack() {
        var w = TestWarnings.open("2017-08-29", "KOR", "K-3", Optional.empty());
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(w), EN,
                MapOptions.defaults().withMarkInterval(Duration.ofMinutes(7))));
        List<Element> circles = SvgDocument.within(doc.inWarning("K-3", "trisec-marks").getFirst(), "circle");
        assertThat(circles).hasSize(1);
        double[] mark = {Double.parseDouble(circles.getFirst().getAttribute("cx")),
                Double.parseDouble(circles.getFirst().getAttribute("cy"))};
        List<double[]> track = SvgDocument.points(doc.inWarning("K-3", "trisec-track").getFirst().getAttribute("d"));
        double total = 0;
        double atMark = Double.NaN;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < track.size(); i++) {
            double[] p = track.get(i - 1);
            double[] q = track.get(i);
            double len = Math.hypot(q[0] - p[0], q[1] - p[1]);
            double t = Math.clamp(((mark[0] - p[0]) * (q[0] - p[0]) + (mark[1] - p[1]) * (q[1] - p[1])) / (len * len),
                    0, 1);
            double d = Math.hypot(p[0] + t * (q[0] - p[0]) - mark[0], p[1] + t * (q[1] - p[1]) - mark[1]);
            if (d < nearest) {
                nearest = d;
                atMark = total + t * len;
            }
            total += len;
        }
        assertThat(nearest).as("px from the track").isLessThan(1.0);
        assertThat(atMark / total).isCloseTo(0.5, within(0.02));
    }

    @Test
    void aClosedWarningShowsWhereItCameDown() {
        GeoPoint splash = GeoPoint.of(40.9, 137.2);
        var closed = KOR_2017.close(new Closure.Splashdown(KOR_2017.current().at().plusSeconds(3100), splash));
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(closed), EN));
        assertThat(doc.inWarning("K17-0001", "trisec-splashdown")).hasSize(1);
        assertThat(doc.only("trisec-legend").getTextContent()).contains("splashdown", "splashdown point");
        var lost = KOR_2017.close(new Closure.TrackLost(KOR_2017.current().at().plusSeconds(600)));
        SvgDocument lostDoc = SvgDocument.parse(WarningMap.svg(REGION, List.of(lost), KO));
        assertThat(lostDoc.inWarning("K17-0001", "trisec-splashdown")).isEmpty();
        assertThat(lostDoc.only("trisec-legend").getTextContent()).contains("추적 상실");
        assertThat(SvgDocument.parse(WarningMap.svg(REGION, List.of(KOR_2017), KO)).only("trisec-legend")
                .getTextContent()).contains("추적 중");
    }

    @Test
    void aTrackAcrossTheAntimeridianStaysInOnePiece() {
        PublicLaunch launch = TestWarnings.launch("2022-10-04");
        FlightPrediction far = new FlightPrediction(launch.site().point(), launch.modelledAzimuthDeg(),
                launch.apogeeKm(), 5600, launch.flightTime());
        assertThat(far.groundTrack().getLast().longitude()).as("the flight ends west of 180").isNegative();
        var w = TestWarnings.open(far, launch.launchedAt().toInstant(), "JPN", "J22-1", Optional.empty(),
                ErrorEllipse.circle(80));
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(w), EN));
        List<List<double[]>> parts = SvgDocument.subpaths(doc.inWarning("J22-1", "trisec-track").getFirst()
                .getAttribute("d"));
        assertThat(parts).hasSize(1);
        List<double[]> track = parts.getFirst();
        for (int i = 1; i < track.size(); i++) {
            assertThat(Math.hypot(track.get(i)[0] - track.get(i - 1)[0], track.get(i)[1] - track.get(i - 1)[1]))
                    .isLessThan(20);
        }
        assertThat(doc.inWarning("J22-1", "trisec-impact")).hasSize(1);
    }

    @Test
    void theMapStaysSmall() {
        var sizes = new ArrayList<Integer>();
        for (PublicLaunch launch : LaunchCatalogueFiles.shipped().launches()) {
            var w = TestWarnings.open(launch.date().toString(), "KOR", "K-1", Optional.of(launch.missile()));
            for (MapOptions.View view : MapOptions.View.values()) {
                sizes.add(WarningMap.svg(REGION, List.of(w), KO, MapOptions.defaults().withView(view))
                        .getBytes(StandardCharsets.UTF_8).length);
            }
        }
        assertThat(sizes).allMatch(size -> size < 200 * 1024);
    }

    @Test
    void aMapWithoutWarningsShowsTheRegionAndSaysSo() {
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, List.of(), JA));
        assertThat(doc.withClass("trisec-warning")).isEmpty();
        assertThat(doc.all("desc").getFirst().getTextContent()).contains("表示する警報なし");
        assertThat(seaNames(doc)).contains("日本海", "太平洋");
    }

    @Test
    void manyWarningsStillMakeAMapWhoseLegendStartsInsideIt() {
        var many = new ArrayList<MissileWarning>();
        for (int i = 0; i < 40; i++) {
            many.add(TestWarnings.open("2017-11-29", i % 2 == 0 ? "KOR" : "JPN", "T-" + i, Optional.empty()));
        }
        SvgDocument doc = SvgDocument.parse(WarningMap.svg(REGION, many, EN));
        assertThat(doc.withClass("trisec-warning")).hasSize(40);
        Element box = SvgDocument.within(doc.only("trisec-legend"), "rect").getFirst();
        assertThat(Double.parseDouble(box.getAttribute("x"))).isGreaterThanOrEqualTo(0);
        assertThat(Double.parseDouble(box.getAttribute("y"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void badOptionsAndInputsAreRefused() {
        assertThatThrownBy(() -> MapOptions.defaults().withSize(100, 640)).isInstanceOf(DomainException.class)
                .hasMessageContaining("240 to 4096 px");
        assertThatThrownBy(() -> MapOptions.defaults().withMarkInterval(Duration.ofSeconds(5)))
                .isInstanceOf(DomainException.class).hasMessageContaining("at least 30 seconds");
        var withGap = new ArrayList<MissileWarning>();
        withGap.add(null);
        assertThatThrownBy(() -> WarningMap.svg(REGION, withGap, EN)).isInstanceOf(DomainException.class);
    }

    // ---- helpers ----

    private static List<String> seaNames(Locale lang) {
        return seaNames(lang, MapOptions.View.FIT_WARNINGS);
    }

    private static List<String> seaNames(Locale lang, MapOptions.View view) {
        return seaNames(SvgDocument.parse(WarningMap.svg(REGION, List.of(KOR_2017), lang,
                MapOptions.defaults().withView(view))));
    }

    private static List<String> seaNames(SvgDocument doc) {
        return SvgDocument.within(doc.only("trisec-seas"), "text").stream().map(Element::getTextContent).toList();
    }

    private static List<Element> children(Element e) {
        var out = new ArrayList<Element>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** px per km from the scale bar: its length over the km it is labelled with. */
    private static double pxPerKm(SvgDocument doc) {
        Element scale = doc.only("trisec-scale");
        List<double[]> bar = SvgDocument.points(SvgDocument.within(scale, "path").getFirst().getAttribute("d"));
        double length = bar.get(2)[0] - bar.get(1)[0];
        String label = SvgDocument.within(scale, "text").getFirst().getTextContent();
        assertThat(label).endsWith(" km");
        return length / Double.parseDouble(label.replace(" km", ""));
    }

    private record Axes(double major, double minor, double direction) {}

    /** The longest chord of a drawn ellipse, its direction in degrees, and the width across it. */
    private static Axes axes(List<double[]> points) {
        double major = 0;
        double direction = 0;
        for (double[] p : points) {
            for (double[] q : points) {
                double d = Math.hypot(q[0] - p[0], q[1] - p[1]);
                if (d > major) {
                    major = d;
                    direction = Math.toDegrees(Math.atan2(q[1] - p[1], q[0] - p[0]));
                }
            }
        }
        double nx = -Math.sin(Math.toRadians(direction));
        double ny = Math.cos(Math.toRadians(direction));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            double across = p[0] * nx + p[1] * ny;
            min = Math.min(min, across);
            max = Math.max(max, across);
        }
        return new Axes(major, max - min, direction);
    }

    /** The angle between two undirected lines, 0 to 90 degrees. */
    private static double lineAngle(double a, double b) {
        double d = Math.abs(((a - b) % 180 + 180) % 180);
        return Math.min(d, 180 - d);
    }
}
