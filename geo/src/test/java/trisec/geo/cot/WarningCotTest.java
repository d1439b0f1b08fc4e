package trisec.geo.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import trisec.geo.Region;
import trisec.geo.TestWarnings;
import trisec.warning.Closure;
import trisec.warning.ErrorEllipse;
import trisec.warning.GeoPoint;
import trisec.warning.GreatCircle;
import trisec.warning.MissileWarning;
import trisec.warning.WarningState;

/**
 * A warning as a Cursor-on-Target event: it parses with the JDK's XML parser and keeps the rules of the CoT
 * Base-Event Schema 2.0 (MITRE Event-PUBLIC.xsd): required attributes, their patterns and ranges, times in ISO 8601.
 */
class WarningCotTest {
    private static final Region REGION = Region.shipped();
    /** The schema's patterns for type and how, and xs:dateTime in UTC as CoT writes it. */
    private static final Pattern TYPE = Pattern.compile("\\w+(-\\w+)*(;[^;]*)?");
    private static final Pattern HOW = Pattern.compile("\\w(-\\w+)*");
    private static final Pattern UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    private static final MissileWarning OPEN =
            TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15"));

    @Test
    void theEventHasEveryAttributeTheBaseSchemaRequires() {
        Element event = parse(WarningCot.event(OPEN, REGION)).getDocumentElement();
        assertThat(event.getLocalName()).isEqualTo("event");
        assertThat(event.getNamespaceURI()).as("CoT events have no namespace").isNull();
        assertThat(Double.parseDouble(event.getAttribute("version"))).isGreaterThanOrEqualTo(2.0);
        assertThat(event.getAttribute("uid")).isNotBlank();
        assertThat(event.getAttribute("type")).matches(TYPE).isEqualTo("a-h-A-W-M-S-S");
        assertThat(event.getAttribute("how")).matches(HOW).isEqualTo("m-p");
        for (String time : List.of("time", "start", "stale")) {
            assertThat(event.getAttribute(time)).as(time).matches(UTC);
        }
        // Exactly one point, at most one detail (xs:all).
        assertThat(children(event, "point")).hasSize(1);
        assertThat(children(event, "detail")).hasSize(1);
    }

    @Test
    void theTypeIsAHostileMissileInFlight() {
        String type = parse(WarningCot.event(OPEN, REGION)).getDocumentElement().getAttribute("type");
        String[] fields = type.split("-");
        assertThat(fields[0]).as("an atom: an actual thing").isEqualTo("a");
        assertThat(fields[1]).as("affiliation hostile").isEqualTo("h");
        assertThat(fields[2]).as("battle dimension air").isEqualTo("A");
        // MIL-STD-2525 function fields in upper case: weapon, missile in flight, surface launched, to surface.
        assertThat(String.join("-", List.of(fields).subList(3, fields.length))).isEqualTo("W-M-S-S");
    }

    @Test
    void theTimesAreValidAndTheEventGoesStaleAfterThePredictedImpact() {
        Element event = parse(WarningCot.event(OPEN, REGION)).getDocumentElement();
        Instant time = Instant.parse(event.getAttribute("time"));
        Instant start = Instant.parse(event.getAttribute("start"));
        Instant stale = Instant.parse(event.getAttribute("stale"));
        assertThat(time).isEqualTo(OPEN.current().at());
        assertThat(start).isEqualTo(time);
        assertThat(stale).isAfter(start);
        // Launched, detected, then 53 minutes of flight: the event outlives the flight.
        assertThat(stale).isAfter(OPEN.detection().at().plus(Duration.ofMinutes(53)));

        MissileWarning closed = OPEN.close(new Closure.TrackLost(OPEN.current().at().plusSeconds(900)));
        Element closedEvent = parse(WarningCot.event(closed, REGION)).getDocumentElement();
        assertThat(Instant.parse(closedEvent.getAttribute("time"))).isEqualTo(closed.closure().orElseThrow().at());
        assertThat(Instant.parse(closedEvent.getAttribute("stale")))
                .isAfter(Instant.parse(closedEvent.getAttribute("start")));

        // A state reported after the predicted impact still makes an event valid for a while.
        var late = OPEN.update(new WarningState(OPEN.detection().at().plus(Duration.ofHours(2)),
                OPEN.current().flight(), OPEN.current().impactEllipse(), 0.9, Optional.empty()));
        Element lateEvent = parse(WarningCot.event(late, REGION)).getDocumentElement();
        assertThat(Instant.parse(lateEvent.getAttribute("stale")))
                .isAfter(Instant.parse(lateEvent.getAttribute("start")));
    }

    @Test
    void thePointIsThePredictedImpactWithTheEllipseAsItsCircularError() {
        Element point = child(parse(WarningCot.event(OPEN, REGION)).getDocumentElement(), "point");
        GeoPoint impact = OPEN.current().impact().point();
        assertThat(Double.parseDouble(point.getAttribute("lat"))).isCloseTo(impact.latitude(), within(1e-6))
                .isBetween(-90.0, 90.0);
        assertThat(Double.parseDouble(point.getAttribute("lon"))).isCloseTo(impact.longitude(), within(1e-6))
                .isBetween(-180.0, 180.0);
        // The test warning's ellipse is 60 by 20 km: ce is the semi-major axis in metres.
        assertThat(Double.parseDouble(point.getAttribute("ce"))).isEqualTo(60_000.0);
        assertThat(new java.math.BigDecimal(point.getAttribute("hae"))).isNotNull();
        assertThat(new java.math.BigDecimal(point.getAttribute("le"))).isNotNull();
    }

    @Test
    void theDetailCarriesTheLaunchPointTrackEllipseAndRemarks() {
        Element detail = child(parse(WarningCot.event(OPEN, REGION)).getDocumentElement(), "detail");
        Element ellipse = child(child(detail, "shape"), "ellipse");
        assertThat(Double.parseDouble(ellipse.getAttribute("major"))).isEqualTo(60_000.0);
        assertThat(Double.parseDouble(ellipse.getAttribute("minor"))).isEqualTo(20_000.0);
        assertThat(Long.parseLong(ellipse.getAttribute("angle")))
                .isEqualTo(Math.round(OPEN.current().impactEllipse().orientationDeg()));
        assertThat(child(detail, "contact").getAttribute("callsign")).contains("K17-0001");
        assertThat(child(detail, "remarks").getTextContent()).contains("K17-0001", "Hwasong-15", "KOR",
                "Green Pine", "overflies PRK");

        Element warning = child(detail, "warning");
        assertThat(warning.getNamespaceURI()).isEqualTo(WarningCot.DETAIL_NAMESPACE);
        assertThat(warning.getAttribute("track")).isEqualTo("K17-0001");
        assertThat(warning.getAttribute("status")).isEqualTo("open");
        assertThat(warning.getAttribute("within200NmOfCoast")).contains("JPN");
        Element launch = child(warning, "launch");
        assertThat(Double.parseDouble(launch.getAttribute("lat"))).isEqualTo(39.25);
        assertThat(Double.parseDouble(launch.getAttribute("lon"))).isEqualTo(125.87);
        List<Element> vertices = children(child(warning, "groundTrack"), "vertex");
        assertThat(vertices.size()).isGreaterThanOrEqualTo(2);
        GeoPoint previous = null;
        for (Element v : vertices) {
            GeoPoint p = GeoPoint.of(Double.parseDouble(v.getAttribute("lat")), Double.parseDouble(v.getAttribute("lon")));
            if (previous != null) {
                assertThat(GreatCircle.distanceKm(previous, p)).isLessThanOrEqualTo(WarningCot.TRACK_STEP_KM + 0.01);
            }
            previous = p;
        }
        assertThat(GreatCircle.distanceKm(previous, OPEN.current().impact().point())).isLessThan(0.001);
    }

    @Test
    void theUidStaysWithTheWarningThroughUpdatesAndClose() {
        String uid = uid(OPEN);
        var updated = OPEN.update(new WarningState(OPEN.current().at().plusSeconds(30), OPEN.current().flight(),
                new ErrorEllipse(30, 10, 80), 0.95, Optional.of("Hwasong-15")));
        var closed = updated.close(new Closure.Splashdown(updated.current().at().plusSeconds(3000),
                GeoPoint.of(40.8, 137.0)));
        assertThat(uid(updated)).isEqualTo(uid);
        assertThat(uid(closed)).isEqualTo(uid);
        assertThat(uid).isEqualTo(WarningCot.uid(OPEN));
        // Another track, or the same number from another party, is another event.
        assertThat(uid(TestWarnings.open("2017-11-29", "KOR", "K17-0002", Optional.empty()))).isNotEqualTo(uid);
        assertThat(uid(TestWarnings.open("2017-11-29", "JPN", "K17-0001", Optional.empty()))).isNotEqualTo(uid);
        Element splash = child(child(child(parse(WarningCot.event(closed, REGION)).getDocumentElement(), "detail"),
                "warning"), "splashdown");
        assertThat(Double.parseDouble(splash.getAttribute("lat"))).isEqualTo(40.8);
    }

    @Test
    void aHostileStringIsTextNeverMarkup() {
        String hostile = "</remarks><script>x</script>&\"'" + '\u0002' + "]]>";
        var w = TestWarnings.open("2017-11-29", "KOR", "K17-0003", Optional.of(hostile));
        String xml = WarningCot.event(w, REGION);
        assertThat(xml).doesNotContain("<script").doesNotContain("\u0002");
        Document doc = parse(xml);
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        String shown = hostile.replace('\u0002', '\uFFFD');
        Element detail = child(doc.getDocumentElement(), "detail");
        assertThat(child(detail, "remarks").getTextContent()).contains(shown);
        assertThat(child(detail, "warning").getAttribute("missileType")).isEqualTo(shown);
    }

    @Test
    void theSameWarningGivesTheSameEvent() {
        var again = TestWarnings.open("2017-11-29", "KOR", "K17-0001", Optional.of("Hwasong-15"));
        assertThat(WarningCot.event(again, REGION)).isEqualTo(WarningCot.event(OPEN, REGION));
    }

    // ---- helpers ----

    private static String uid(MissileWarning w) {
        return parse(WarningCot.event(w, REGION)).getDocumentElement().getAttribute("uid");
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        assertThat(found).as("<%s> in <%s>", localName, parent.getLocalName()).hasSize(1);
        return found.getFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        var out = new ArrayList<Element>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getLocalName().equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }
}
