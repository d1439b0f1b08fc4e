package trisec.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import trisec.geo.Region;
import trisec.geo.TestWarnings;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.FlightPrediction;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.PublicLaunch;

/** A warning as GeoJSON parses with a standard parser and follows RFC 7946. */
class WarningGeoJsonTest {
    private static final Region REGION = Region.shipped();
    /** Numbers as written, so that their decimals can be counted. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void aWarningIsAFeatureCollectionOfItsPlaces() throws Exception {
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15"));
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        var roles = new TreeMap<String, JsonNode>();
        for (JsonNode f : root.get("features")) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            assertThat(f.get("geometry").isObject()).isTrue();
            assertThat(f.get("properties").isObject()).isTrue();
            assertThat(f.get("id").isTextual()).isTrue();
            roles.put(f.get("properties").get("role").asText(), f);
        }
        assertThat(roles).containsOnlyKeys("launch", "groundTrack", "predictedImpact", "errorEllipse");
        assertThat(roles.get("launch").get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(roles.get("groundTrack").get("geometry").get("type").asText()).isEqualTo("LineString");
        assertThat(roles.get("predictedImpact").get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(roles.get("errorEllipse").get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(WarningGeoJson.MEDIA_TYPE).isEqualTo("application/geo+json");
    }

    @Test
    void positionsAreLongitudeThenLatitudeWithAtMostSixDecimals() throws Exception {
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.empty());
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        JsonNode launch = feature(root, "launch").get("geometry").get("coordinates");
        // Pyongsong: 39.25 N, 125.87 E. Longitude first (RFC 7946 § 3.1.1).
        assertThat(launch.get(0).decimalValue().doubleValue()).isEqualTo(125.87);
        assertThat(launch.get(1).decimalValue().doubleValue()).isEqualTo(39.25);
        GeoPoint impact = w.current().impact().point();
        JsonNode predicted = feature(root, "predictedImpact").get("geometry").get("coordinates");
        assertThat(predicted.get(0).doubleValue()).isCloseTo(impact.longitude(), within(1e-6));
        assertThat(predicted.get(1).doubleValue()).isCloseTo(impact.latitude(), within(1e-6));
        for (double[] p : allPositions(root)) {
            assertThat(p[0]).isBetween(-180.0, 180.0);
            assertThat(p[1]).isBetween(-90.0, 90.0);
        }
        for (JsonNode n : numbersIn(root)) {
            assertThat(n.decimalValue().scale()).as(n.toString()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void theTrackOfTheFlightOverAomoriRunsEastWithoutWrapping() throws Exception {
        var w = TestWarnings.open("2022-10-04", "JPN", "J22-0001", Optional.of("Hwasong-12"));
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        JsonNode track = feature(root, "groundTrack").get("geometry");
        // It comes down near 178 E, short of the antimeridian: one line, longitudes rising all the way.
        assertThat(track.get("type").asText()).isEqualTo("LineString");
        List<double[]> line = positions(track.get("coordinates"));
        assertThat(line.getFirst()[0]).isEqualTo(126.4);
        assertThat(line.getLast()[0]).isCloseTo(177.76, within(0.01));
        for (int i = 1; i < line.size(); i++) {
            assertThat(line.get(i)[0]).isGreaterThan(line.get(i - 1)[0]);
        }
        JsonNode properties = feature(root, "groundTrack").get("properties");
        assertThat(texts(properties.get("overflown"))).contains("JPN", "PRK");
        assertThat(properties.get("within200NmOfCoast")).isEmpty();
    }

    @Test
    void aTrackAcrossTheAntimeridianIsCutInTwoAtIt() throws Exception {
        PublicLaunch launch = TestWarnings.launch("2022-10-04");
        var far = new FlightPrediction(launch.site().point(), launch.modelledAzimuthDeg(), launch.apogeeKm(), 5600,
                launch.flightTime());
        var w = TestWarnings.open(far, launch.launchedAt().toInstant(), "JPN", "J22-0002", Optional.empty(),
                ErrorEllipse.circle(40));
        JsonNode track = feature(JSON.readTree(WarningGeoJson.of(w, REGION)), "groundTrack").get("geometry");
        assertThat(track.get("type").asText()).isEqualTo("MultiLineString");
        assertThat(track.get("coordinates")).hasSize(2);
        List<double[]> west = positions(track.get("coordinates").get(0));
        List<double[]> east = positions(track.get("coordinates").get(1));
        assertThat(west.getFirst()[0]).isEqualTo(126.4);
        assertThat(west.getLast()[0]).isEqualTo(180.0);
        assertThat(east.getFirst()[0]).isEqualTo(-180.0);
        assertThat(east.getFirst()[1]).isEqualTo(west.getLast()[1]);
        assertThat(east.getLast()[0]).isCloseTo(far.impactPoint().longitude(), within(1e-6));
        for (List<double[]> part : List.of(west, east)) {
            for (int i = 1; i < part.size(); i++) {
                assertThat(Math.abs(part.get(i)[0] - part.get(i - 1)[0])).isLessThan(1.0);
            }
        }
        // The cut is on the great circle: found here by bisecting the distance flown until the track is at 180.
        double lo = 0;
        double hi = far.rangeKm();
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            GeoPoint p = GreatCircle.destination(far.launchPoint(), far.azimuthDeg(), mid);
            if (p.longitude() > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double crossing = GreatCircle.destination(far.launchPoint(), far.azimuthDeg(), lo).latitude();
        assertThat(west.getLast()[1]).isCloseTo(crossing, within(0.001));
    }

    @Test
    void theEllipseIsAClosedCounterclockwiseRingRoundTheImpactPoint() throws Exception {
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.empty());
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        JsonNode polygon = feature(root, "errorEllipse").get("geometry").get("coordinates");
        assertThat(polygon).hasSize(1);
        List<double[]> ring = positions(polygon.get(0));
        assertRing(ring);
        GeoPoint centre = w.current().impact().point();
        assertThat(contains(ring, centre.longitude(), centre.latitude())).isTrue();
        double farthest = 0;
        for (double[] p : ring) {
            farthest = Math.max(farthest, GreatCircle.distanceKm(centre, GeoPoint.of(p[1], p[0])));
        }
        assertThat(farthest).isCloseTo(60.0, within(0.05));
        JsonNode properties = feature(root, "errorEllipse").get("properties");
        assertThat(properties.get("ellipseSemiMajorKm").doubleValue()).isEqualTo(60.0);
        assertThat(properties.get("ellipseSemiMinorKm").doubleValue()).isEqualTo(20.0);
    }

    @Test
    void anEllipseAcrossTheAntimeridianIsTwoPolygonsMeetingAtIt() throws Exception {
        // The 2022-10-04 impact point is some 200 km west of 180 degrees: an ellipse of 400 km reaches across.
        var w = TestWarnings.open(TestWarnings.launch("2022-10-04").modelledFlight(),
                TestWarnings.launch("2022-10-04").launchedAt().toInstant(), "USA", "U22-0001", Optional.empty(),
                new ErrorEllipse(400, 150, 90));
        JsonNode geometry = feature(JSON.readTree(WarningGeoJson.of(w, REGION)), "errorEllipse").get("geometry");
        assertThat(geometry.get("type").asText()).isEqualTo("MultiPolygon");
        assertThat(geometry.get("coordinates")).hasSize(2);
        boolean touches180 = false;
        boolean touchesMinus180 = false;
        for (JsonNode polygon : geometry.get("coordinates")) {
            List<double[]> ring = positions(polygon.get(0));
            assertRing(ring);
            for (double[] p : ring) {
                touches180 |= p[0] == 180.0;
                touchesMinus180 |= p[0] == -180.0;
            }
            double west = ring.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double east = ring.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            assertThat(east - west).as("no part spans the antimeridian").isLessThan(180);
        }
        assertThat(touches180).isTrue();
        assertThat(touchesMinus180).isTrue();
    }

    @Test
    void everyFeatureCarriesTheWarningsProperties() throws Exception {
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15"));
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        for (JsonNode f : root.get("features")) {
            JsonNode p = f.get("properties");
            assertThat(p.get("trackNumber").asText()).isEqualTo("K17-0001");
            assertThat(p.get("detectingParty").asText()).isEqualTo("KOR");
            assertThat(p.get("sensor").asText()).isEqualTo("Green Pine");
            assertThat(java.time.Instant.parse(p.get("detectedAt").asText())).isEqualTo(w.detection().at());
            assertThat(java.time.Instant.parse(p.get("stateAt").asText())).isEqualTo(w.current().at());
            assertThat(p.get("apogeeKm").doubleValue()).isEqualTo(4475.0);
            assertThat(p.get("rangeKm").doubleValue()).isEqualTo(950.0);
            assertThat(p.get("flightTime").asText()).isEqualTo("PT53M");
            assertThat(p.get("flightTimeSeconds").asLong()).isEqualTo(3180);
            assertThat(p.get("confidence").doubleValue()).isEqualTo(0.8);
            assertThat(p.get("missileType").asText()).isEqualTo("Hwasong-15");
            assertThat(p.get("status").asText()).isEqualTo("open");
            assertThat(p.has("closedBy")).isFalse();
            // FACTS.md: "~250 km west of Aomori, inside Japan's EEZ"; the stand-in flags Russia too.
            assertThat(texts(p.get("within200NmOfCoast"))).contains("JPN");
            assertThat(texts(p.get("overflown"))).containsExactly("PRK");
            assertThat(p.get("impactOnLandOf")).isEmpty();
        }
        JsonNode impact = feature(root, "predictedImpact").get("properties");
        assertThat(impact.get("coastDistancesKm").get("JPN").doubleValue()).isBetween(150.0, 370.4);
        assertThat(impact.get("coastDistancesKm").has("MNG")).as("no coast, no distance").isFalse();
    }

    @Test
    void aClosedWarningSaysHowAndWhere() throws Exception {
        var open = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.empty());
        GeoPoint splash = GeoPoint.of(40.81, 137.02);
        MissileWarning closed = open.close(new Closure.Splashdown(open.current().at().plusSeconds(3100), splash));
        JsonNode root = JSON.readTree(WarningGeoJson.of(closed, REGION));
        JsonNode splashdown = feature(root, "splashdown");
        assertThat(positions(List.of(splashdown.get("geometry").get("coordinates"))).getFirst())
                .containsExactly(137.02, 40.81);
        assertThat(splashdown.get("properties").get("status").asText()).isEqualTo("closed");
        assertThat(splashdown.get("properties").get("closedBy").asText()).isEqualTo("splashdown");
        assertThat(feature(root, "launch").get("properties").has("missileType")).as("type unknown").isFalse();

        MissileWarning lost = open.close(new Closure.TrackLost(open.current().at().plusSeconds(600)));
        JsonNode lostRoot = JSON.readTree(WarningGeoJson.of(lost, REGION));
        assertThat(roles(lostRoot)).doesNotContain("splashdown");
        assertThat(feature(lostRoot, "launch").get("properties").get("closedBy").asText()).isEqualTo("trackLost");
    }

    @Test
    void anyStringInTheWarningStaysAJsonString() throws Exception {
        String hostile = "\"}]},{\"type\":\"Feature\" \\ </script>\n\u0007";
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of(hostile));
        JsonNode root = JSON.readTree(WarningGeoJson.of(w, REGION));
        assertThat(root.get("features")).hasSize(4);
        assertThat(feature(root, "launch").get("properties").get("missileType").asText()).isEqualTo(hostile);
    }

    @Test
    void theSameWarningGivesTheSameBytes() {
        var a = TestWarnings.open("2024-10-31", "KOR", "K24-0001", Optional.of("Hwasong-19"));
        var b = TestWarnings.open("2024-10-31", "KOR", "K24-0001", Optional.of("Hwasong-19"));
        assertThat(WarningGeoJson.of(a, REGION)).isEqualTo(WarningGeoJson.of(b, REGION));
    }

    // ---- helpers ----

    private static JsonNode feature(JsonNode root, String role) {
        for (JsonNode f : root.get("features")) {
            if (f.get("properties").get("role").asText().equals(role)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + role);
    }

    private static List<String> roles(JsonNode root) {
        var out = new ArrayList<String>();
        root.get("features").forEach(f -> out.add(f.get("properties").get("role").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<double[]> positions(JsonNode array) {
        var out = new ArrayList<double[]>();
        array.forEach(p -> out.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()}));
        return out;
    }

    private static List<double[]> positions(List<JsonNode> points) {
        return points.stream().map(p -> new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()}).toList();
    }

    private static List<double[]> allPositions(JsonNode node) {
        var out = new ArrayList<double[]>();
        collectPositions(node, out);
        return out;
    }

    private static void collectPositions(JsonNode node, List<double[]> out) {
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            out.add(new double[] {node.get(0).doubleValue(), node.get(1).doubleValue()});
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectPositions(child, out));
        }
    }

    private static List<JsonNode> numbersIn(JsonNode root) {
        var out = new ArrayList<JsonNode>();
        for (JsonNode f : root.get("features")) {
            collectNumbers(f.get("geometry"), out);
        }
        return out;
    }

    private static void collectNumbers(JsonNode node, List<JsonNode> out) {
        if (node.isNumber()) {
            out.add(node);
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectNumbers(child, out));
        }
    }

    /** Closed, at least four positions, and counterclockwise: a positive area by the shoelace formula. */
    private static void assertRing(List<double[]> ring) {
        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
        assertThat(ring.getFirst()).containsExactly(ring.getLast());
        double twiceArea = 0;
        for (int i = 1; i < ring.size(); i++) {
            twiceArea += ring.get(i - 1)[0] * ring.get(i)[1] - ring.get(i)[0] * ring.get(i - 1)[1];
        }
        assertThat(twiceArea).as("counterclockwise (right-hand rule)").isPositive();
    }

    /** Ray casting: whether a point lies inside a ring. */
    private static boolean contains(List<double[]> ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
